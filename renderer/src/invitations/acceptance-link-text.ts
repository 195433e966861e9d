/**
 * The email that takes Microsoft's acceptance link to the signer: the "Acceptance link" template (or
 * its follow-up reminder) in the customer's language (or the app's, or the one the agent chose),
 * filled from the outbox item. Nothing secret is in it: the link's token is meant for the signer, and
 * the text lives in memory only (never in IndexedDB).
 */
import { personName } from '../../../shared/domain/contact';
import { ACCEPTANCE_LINK_FOLLOW_UP_TEMPLATE, ACCEPTANCE_LINK_TEMPLATE } from '../../../shared/domain/acceptance-link-template';
import { renderInvitation, type InvitationLanguage, type InvitationText } from '../../../shared/domain/invitations';
import type { OutboxItem } from '../outbox/item';
import { formatMoment } from '../i18n/format';
import { draftLanguageFor } from './draft-text';

export interface AcceptanceLinkEmail extends InvitationText {
  to: string;
  language: InvitationLanguage;
}

export interface AcceptanceLinkEmailOptions {
  /** 'follow-up': the reminder with the same link; the first email otherwise. */
  variant?: 'invitation' | 'follow-up';
  /** The language the agent chose for this email; the customer's (else the app's) when absent. */
  language?: InvitationLanguage;
}

const TEMPLATES = { invitation: ACCEPTANCE_LINK_TEMPLATE, 'follow-up': ACCEPTANCE_LINK_FOLLOW_UP_TEMPLATE } as const;

/** The language an item's email is written in unless the agent picks another: the customer's, else the app's. */
export function acceptanceLinkLanguage(item: OutboxItem, appLanguage: InvitationLanguage): InvitationLanguage {
  return draftLanguageFor(item.enhanced?.language, appLanguage);
}

/** The email for an item whose link is ready, or undefined while there is no link. */
export function acceptanceLinkEmail(
  item: OutboxItem,
  partnerName: string | undefined,
  appLanguage: InvitationLanguage,
  options: AcceptanceLinkEmailOptions = {},
): AcceptanceLinkEmail | undefined {
  const link = item.enhanced?.attestation;
  if (!item.enhanced || !link) return undefined;
  const language = options.language ?? acceptanceLinkLanguage(item, appLanguage);
  const signer = item.primaryContact;
  const rendered = renderInvitation(TEMPLATES[options.variant ?? 'invitation'][language], {
    signerName: personName(signer),
    companyName: item.enhanced.companyName,
    partnerName,
    acceptanceUrl: link.acceptanceUrl,
    expiresAt: formatMoment(Date.parse(link.expiresAt), language),
  });
  return { to: signer.email, language, subject: rendered.subject, body: rendered.body };
}
