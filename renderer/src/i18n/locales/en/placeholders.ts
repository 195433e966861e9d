// Pages that a later change completes; each says so plainly.
export default {
  invitationsTitle: 'Invitations',
  invitationsText: 'Invitation drafts are not available in this version yet.',
  newInvitationTitle: 'New invitation',
  newInvitationText: 'Drafting a “{template}” invitation for {customer} is not available in this version yet.',
  anyCustomer: 'a customer',
  newCustomerTitle: 'New customer',
  newCustomerText: 'Creating customers is not available in this version yet.',
  settingsTitle: 'Settings',
  settingsText: 'More settings (backend, clearing local data) arrive in a later version.',
  languageLabel: 'Language',
  languageSystem: 'Same as the system ({language})',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is nothing at this address.',
  toCustomers: 'Go to Customers',
};
