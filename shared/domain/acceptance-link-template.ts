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

/**
 * The reminder with the same link (Overview › Follow up), for a signer who has not accepted yet. The
 * same placeholders as the first email, so one renderer fills both.
 */
export const ACCEPTANCE_LINK_FOLLOW_UP_TEMPLATE: Readonly<Record<InvitationLanguage, InvitationText>> = {
  en: {
    subject: 'Reminder: please accept the Microsoft Customer Agreement for {companyName}',
    body: [
      'Dear {signerName},',
      '',
      'We recently sent you a link to accept the Microsoft Customer Agreement for {companyName}. We have not seen your acceptance yet, and until it is in place we cannot buy Microsoft products for {companyName}.',
      '',
      'Here is the link again:',
      '',
      '{acceptanceUrl}',
      '',
      'Open the link, read the agreement, tick "I accept the Microsoft Customer Agreement" and press "Accept". No sign-in is needed. The link works until {expiresAt}. If you have accepted already, you can ignore this message.',
      '',
      'Kind regards,',
      '{partnerName}',
    ].join('\n'),
  },
  nl: {
    subject: 'Herinnering: accepteer de Microsoft-klantovereenkomst voor {companyName}',
    body: [
      'Beste {signerName},',
      '',
      'Onlangs hebben wij u een koppeling gestuurd om de Microsoft-klantovereenkomst voor {companyName} te accepteren. Wij hebben uw acceptatie nog niet gezien, en zolang die er niet is, kunnen wij geen Microsoft-producten voor {companyName} kopen.',
      '',
      'Hier is de koppeling nogmaals:',
      '',
      '{acceptanceUrl}',
      '',
      'Open de koppeling, lees de overeenkomst, vink "Ik accepteer de Microsoft-klantovereenkomst" aan en klik op "Accepteren". U hoeft zich niet aan te melden. De koppeling werkt tot {expiresAt}. Hebt u al geaccepteerd, dan kunt u dit bericht negeren.',
      '',
      'Met vriendelijke groet,',
      '{partnerName}',
    ].join('\n'),
  },
};
