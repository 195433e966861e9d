import type { InvitationLanguage, InvitationText } from './invitations';

/**
 * The email that carries Microsoft's acceptance link to the customer's signer (Partner Center's
 * enhanced attestation, since 5 January 2026). Placeholders: {signerName} {companyName}
 * {partnerName} {acceptanceUrl} {expiresAt} (a localised date and time).
 */
export const ACCEPTANCE_LINK_TEMPLATE: Readonly<Record<InvitationLanguage, InvitationText>> = {
  en: {
    subject: 'Please accept the Microsoft Customer Agreement for {companyName}',
    body: [
      'Dear {signerName},',
      '',
      'Before we can buy Microsoft products for {companyName}, your organisation needs to accept the Microsoft Customer Agreement. Microsoft asks you, as the person who signs for {companyName}, to accept it on a Microsoft page:',
      '',
      '{acceptanceUrl}',
      '',
      'Open the link, read the agreement, tick "I accept the Microsoft Customer Agreement" and press "Accept". No sign-in is needed. The link works until {expiresAt}.',
      '',
      'Kind regards,',
      '{partnerName}',
    ].join('\n'),
  },
  nl: {
    subject: 'Accepteer de Microsoft-klantovereenkomst voor {companyName}',
    body: [
      'Beste {signerName},',
      '',
      'Voordat wij Microsoft-producten voor {companyName} kunnen kopen, moet uw organisatie de Microsoft-klantovereenkomst accepteren. Microsoft vraagt u, als degene die voor {companyName} tekent, deze op een pagina van Microsoft te accepteren:',
      '',
      '{acceptanceUrl}',
      '',
      'Open de koppeling, lees de overeenkomst, vink "Ik accepteer de Microsoft-klantovereenkomst" aan en klik op "Accepteren". U hoeft zich niet aan te melden. De koppeling werkt tot {expiresAt}.',
      '',
      'Met vriendelijke groet,',
      '{partnerName}',
    ].join('\n'),
  },
};
