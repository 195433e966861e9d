/**
 * The email that takes Microsoft's acceptance link to the signer: the "Acceptance link" template in
 * the customer's language (or the app's), filled from the outbox item. Nothing secret is in it: the
 * link's token is meant for the signer, and the text lives in memory only (never in IndexedDB).
 */
import { personName } from '../../../shared/domain/contact';
import { ACCEPTANCE_LINK_TEMPLATE } from '../../../shared/domain/acceptance-link-template';
import { renderInvitation, type InvitationLanguage, type InvitationText } from '../../../shared/domain/invitations';
import type { OutboxItem } from '../outbox/item';
import { formatMoment } from '../i18n/format';
import { draftLanguageFor } from './draft-text';

export interface AcceptanceLinkEmail extends InvitationText {
  to: string;
  language: InvitationLanguage;
}

/** The email for an item whose link is ready, or undefined while there is no link. */
export function acceptanceLinkEmail(
  item: OutboxItem,
  partnerName: string | undefined,
  appLanguage: InvitationLanguage,
): AcceptanceLinkEmail | undefined {
  const link = item.enhanced?.attestation;
  if (!item.enhanced || !link) return undefined;
  const language = draftLanguageFor(item.enhanced.language, appLanguage);
  const signer = item.primaryContact;
  const rendered = renderInvitation(ACCEPTANCE_LINK_TEMPLATE[language], {
    signerName: personName(signer),
    companyName: item.enhanced.companyName,
    partnerName,
    acceptanceUrl: link.acceptanceUrl,
    expiresAt: formatMoment(Date.parse(link.expiresAt), language),
  });
  return { to: signer.email, language, subject: rendered.subject, body: rendered.body };
}
