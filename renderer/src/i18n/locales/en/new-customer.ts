// The "New customer" screen and its confirmation screen.
export default {
  title: 'New customer',
  intro: 'Create the customer in Partner Center, then record how it accepts the Microsoft Customer Agreement.',
  create: 'Create customer',
  creating: 'Creating…',
  createdQueued: 'Customer {customer} created. Its confirmation of acceptance is queued.',
  createdNotQueued:
    'Customer {customer} created, but its confirmation was not queued: {reason} Confirm acceptance from the customer’s page.',
  createdLinkRequested:
    'Customer {customer} created. Its acceptance link is requested: copy it to the signer from the customer’s page once it is ready.',
  resumed: 'Customer {customer}: its acceptance, not queued when the app closed, is queued now.',
  resumeRefused: 'Customer {customer} could not be created when the app resumed it: {message}',
  forbidden: 'You cannot create this customer: {message}',
  offline:
    'The backend could not be reached, so the customer was not created. Try again when you are online; trying again never creates it twice.',
  company: {
    title: 'Company details',
    name: 'Company name',
    domain: 'Domain',
    domainHint: 'The customer’s Microsoft domain, such as contoso.onmicrosoft.com.',
    email: 'Email address',
    emailHint: 'The company’s email address for Microsoft’s messages.',
    language: 'Language',
    languageHint: 'A language code, such as nl-NL or en-US.',
  },
  address: {
    title: 'Address',
    firstName: 'First name',
    lastName: 'Last name',
    line1: 'Address',
    line2: 'Address line 2',
    postalCode: 'Postal code',
    city: 'City',
    state: 'State or province',
    stateHint: 'Two letters, where the country uses them.',
    country: 'Country',
    countryHint: 'Two-letter code, such as NL.',
    phone: 'Phone number',
    registrationNumber: 'Organisation registration number',
    registrationHint:
      'The company or tax registration number. Partner Center requires it for customers in some countries, such as Poland, India or Brazil.',
    registrationRequiredHint: 'Partner Center requires it for a customer in {country}, and a phone number too.',
  },
  acceptance: {
    title: 'Microsoft Customer Agreement',
    attested: 'I confirm the customer accepted the Microsoft Customer Agreement',
    acceptanceLink: 'Send the signer an acceptance link (the signer accepts on Microsoft’s page)',
    customerAccepts: 'The customer will accept in the Microsoft 365 admin center',
    customerAcceptsNote:
      'After the customer is created you see the admin’s sign-in name and temporary password once, and a ready invitation with the acceptance address.',
    resellerCannot:
      'As an indirect reseller you cannot confirm acceptance yourself: your indirect provider does, or the customer accepts in the Microsoft 365 admin center.',
    roleCannot: 'Only an Admin agent or a Sales agent can confirm acceptance.',
  },
  signer: {
    title: 'The signer',
    fromCompany: 'Taken from the company details. Choose “Update” if someone else signs.',
    updateLabel: 'Update the signer',
  },
  contact: {
    title: 'Who accepted, and when',
    fromCompany: 'Taken from the company details. Choose “Update” if someone else accepted.',
    name: 'Name',
    update: 'Update',
    updateLabel: 'Update the contact who accepted',
  },
  created: {
    title: '{customer} was created',
    intro:
      'The customer accepts the Microsoft Customer Agreement in the Microsoft 365 admin center, signing in with the admin account below.',
    once: 'The sign-in name and temporary password are shown only now. Copy them or send the invitation before you leave this page.',
    signInName: 'Sign-in name',
    password: 'Temporary password',
    credentialsFailed: 'The sign-in details could not be shown: {message}',
    noCredentials: 'The backend did not return sign-in details for this customer.',
    invitationTitle: 'Invitation',
    invitationText:
      'A draft invitation is ready with the acceptance address {url}. The sign-in details are filled in only when you copy it or open it in email.',
    openInvitation: 'Open the invitation',
    openRelationship: 'Invite through a reseller relationship request instead',
    relationshipHint:
      'The reseller relationship request carries the same sign-in details; its link is fetched from Partner Center when you copy it or open it in email.',
    toCustomer: 'Go to the customer',
  },
};
