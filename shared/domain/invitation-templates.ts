import type { InvitationLanguage, InvitationTemplateId, InvitationText } from './invitations';

/**
 * The localised invitation texts for the three routes of DOMAIN.md plus the indirect reseller's
 * request to its provider. Placeholders: {customerName} {contactName} {partnerName} {url}
 * {signInName} {temporaryPassword} {customerTenantId} {providerName} {contactFirstName} {contactLastName}
 * {contactEmail} {contactPhone}.
 */
export const INVITATION_TEMPLATES: Readonly<Record<InvitationTemplateId, Readonly<Record<InvitationLanguage, InvitationText>>>> = {
  'new-customer': {
    en: {
      subject: 'Please accept the Microsoft Customer Agreement for {customerName}',
      body: [
        'Dear {contactName},',
        '',
        'We have created your Microsoft account for {customerName}. Before we can buy Microsoft products for you, your organisation needs to accept the Microsoft Customer Agreement.',
        '',
        '1. Open this link: {url}',
        '2. Sign in with these details:',
        '   Sign-in name: {signInName}',
        '   Temporary password: {temporaryPassword}',
        '   You will be asked to choose a new password.',
        '3. Review the agreement and tick the box to accept it.',
        '',
        'Kind regards,',
        '{partnerName}',
      ].join('\n'),
    },
    nl: {
      subject: 'Accepteer de Microsoft-klantovereenkomst voor {customerName}',
      body: [
        'Beste {contactName},',
        '',
        'We hebben uw Microsoft-account voor {customerName} aangemaakt. Voordat wij Microsoft-producten voor u kunnen kopen, moet uw organisatie de Microsoft-klantovereenkomst accepteren.',
        '',
        '1. Open deze koppeling: {url}',
        '2. Meld u aan met deze gegevens:',
        '   Aanmeldingsnaam: {signInName}',
        '   Tijdelijk wachtwoord: {temporaryPassword}',
        '   U wordt gevraagd een nieuw wachtwoord te kiezen.',
        '3. Lees de overeenkomst en vink het vakje aan om deze te accepteren.',
        '',
        'Met vriendelijke groet,',
        '{partnerName}',
      ].join('\n'),
    },
  },
  'reseller-relationship': {
    en: {
      subject: '{partnerName} invites {customerName} to a reseller relationship',
      body: [
        'Dear {contactName},',
        '',
        '{partnerName} would like to become your Microsoft Cloud Solution Provider. With one click you accept both the reseller relationship and the Microsoft Customer Agreement.',
        '',
        'Open this link and sign in as a Global admin of your organisation: {url}',
        'Then tick the boxes to accept the reseller relationship and the Microsoft Customer Agreement.',
        '',
        'Kind regards,',
        '{partnerName}',
      ].join('\n'),
    },
    nl: {
      subject: '{partnerName} nodigt {customerName} uit voor een resellerrelatie',
      body: [
        'Beste {contactName},',
        '',
        '{partnerName} wil graag uw Microsoft Cloud Solution Provider worden. In één stap accepteert u zowel de resellerrelatie als de Microsoft-klantovereenkomst.',
        '',
        'Open deze koppeling en meld u aan als globale beheerder van uw organisatie: {url}',
        'Vink daarna de vakjes aan om de resellerrelatie en de Microsoft-klantovereenkomst te accepteren.',
        '',
        'Met vriendelijke groet,',
        '{partnerName}',
      ].join('\n'),
    },
  },
  'existing-customer': {
    en: {
      subject: 'Action needed: accept the Microsoft Customer Agreement for {customerName}',
      body: [
        'Dear {contactName},',
        '',
        'To keep buying Microsoft products through {partnerName}, {customerName} needs to accept the Microsoft Customer Agreement.',
        '',
        'Open this link and sign in with your Microsoft 365 account: {url}',
        'Review the agreement and tick the box to accept it.',
        '',
        'If you see "Please reach out to your Partner to confirm your acceptance of the Microsoft Customer Agreement", reply to this email and we will record your acceptance for you.',
        '',
        'Kind regards,',
        '{partnerName}',
      ].join('\n'),
    },
    nl: {
      subject: 'Actie nodig: accepteer de Microsoft-klantovereenkomst voor {customerName}',
      body: [
        'Beste {contactName},',
        '',
        'Om Microsoft-producten via {partnerName} te blijven kopen, moet {customerName} de Microsoft-klantovereenkomst accepteren.',
        '',
        'Open deze koppeling en meld u aan met uw Microsoft 365-account: {url}',
        'Lees de overeenkomst en vink het vakje aan om deze te accepteren.',
        '',
        'Ziet u de melding "Please reach out to your Partner to confirm your acceptance of the Microsoft Customer Agreement", beantwoord dan deze e-mail; dan leggen wij uw acceptatie voor u vast.',
        '',
        'Met vriendelijke groet,',
        '{partnerName}',
      ].join('\n'),
    },
  },
  'indirect-provider': {
    en: {
      subject: 'Please confirm MCA acceptance for our customer {customerName}',
      body: [
        'Dear {providerName} team,',
        '',
        'As an indirect reseller we cannot record Microsoft Customer Agreement acceptance ourselves. Please confirm it in Partner Center for our customer:',
        '',
        'Customer: {customerName}',
        'Microsoft ID (tenant): {customerTenantId}',
        '',
        'Person who accepts the agreement for the customer:',
        'First name: {contactFirstName}',
        'Last name: {contactLastName}',
        'Email: {contactEmail}',
        'Phone: {contactPhone}',
        '',
        'Kind regards,',
        '{partnerName}',
      ].join('\n'),
    },
    nl: {
      subject: 'Graag MCA-acceptatie bevestigen voor onze klant {customerName}',
      body: [
        "Beste collega's van {providerName},",
        '',
        'Als indirecte reseller kunnen wij de acceptatie van de Microsoft-klantovereenkomst niet zelf vastleggen. Wilt u deze in Partner Center bevestigen voor onze klant?',
        '',
        'Klant: {customerName}',
        'Microsoft-id (tenant): {customerTenantId}',
        '',
        'Persoon die de overeenkomst namens de klant accepteert:',
        'Voornaam: {contactFirstName}',
        'Achternaam: {contactLastName}',
        'E-mail: {contactEmail}',
        'Telefoon: {contactPhone}',
        '',
        'Met vriendelijke groet,',
        '{partnerName}',
      ].join('\n'),
    },
  },
};

/**
 * The reseller relationship request for a customer whose admin account was just created (one-time
 * credentials exist): the same text with the sign-in details, which are filled only when it is sent.
 */
export const RELATIONSHIP_WITH_CREDENTIALS: Readonly<Record<InvitationLanguage, InvitationText>> = {
  en: {
    subject: INVITATION_TEMPLATES['reseller-relationship'].en.subject,
    body: [
      'Dear {contactName},',
      '',
      '{partnerName} would like to become your Microsoft Cloud Solution Provider. With one click you accept both the reseller relationship and the Microsoft Customer Agreement.',
      '',
      '1. Open this link: {url}',
      '2. Sign in as the Global admin of your organisation with these details:',
      '   Sign-in name: {signInName}',
      '   Temporary password: {temporaryPassword}',
      '   You will be asked to choose a new password.',
      '3. Tick the boxes to accept the reseller relationship and the Microsoft Customer Agreement.',
      '',
      'Kind regards,',
      '{partnerName}',
    ].join('\n'),
  },
  nl: {
    subject: INVITATION_TEMPLATES['reseller-relationship'].nl.subject,
    body: [
      'Beste {contactName},',
      '',
      '{partnerName} wil graag uw Microsoft Cloud Solution Provider worden. In één stap accepteert u zowel de resellerrelatie als de Microsoft-klantovereenkomst.',
      '',
      '1. Open deze koppeling: {url}',
      '2. Meld u aan als globale beheerder van uw organisatie met deze gegevens:',
      '   Aanmeldingsnaam: {signInName}',
      '   Tijdelijk wachtwoord: {temporaryPassword}',
      '   U wordt gevraagd een nieuw wachtwoord te kiezen.',
      '3. Vink de vakjes aan om de resellerrelatie en de Microsoft-klantovereenkomst te accepteren.',
      '',
      'Met vriendelijke groet,',
      '{partnerName}',
    ].join('\n'),
  },
};
