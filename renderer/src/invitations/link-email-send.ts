/**
 * The two ways an acceptance-link email leaves MCA Desk: on the clipboard (subject and body as one
 * text) or opened in the agent's email app. The customer page's first email and the Overview's
 * reminder go the same way; each caller records afterwards what was sent.
 */
import { clipboardText } from '../../../shared/domain/invitations';
import { call } from '../platform/api';
import type { AcceptanceLinkEmail } from './acceptance-link-text';

export type LinkEmailVia = 'clipboard' | 'email';

export async function sendLinkEmail(email: AcceptanceLinkEmail, via: LinkEmailVia): Promise<void> {
  if (via === 'clipboard') await call('writeClipboard', { text: clipboardText(email) });
  else await call('openMailto', { to: email.to, subject: email.subject, body: email.body });
}
