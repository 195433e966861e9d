/**
 * How an invitation draft gets its text: a localised template with the placeholders filled from
 * what is known when the draft is made (customer, contact, partner, URL). Credentials are never
 * filled here: `{signInName}` and `{temporaryPassword}` stay in the draft and are filled only when
 * the text leaves the app (copy, mailto), from the main process's secret store.
 */
import { INVITATION_TEMPLATES } from '../../../shared/domain/invitation-templates';
import {
  CREDENTIAL_PLACEHOLDERS,
  renderInvitation,
  type InvitationLanguage,
  type InvitationTemplateId,
  type InvitationText,
  type PlaceholderName,
  type PlaceholderValues,
} from '../../../shared/domain/invitations';
import { CUSTOMER_ACCEPTANCE_URL } from '../../../shared/domain/urls';

/** What a draft may know about its customer (from the cache or the backend). */
export interface DraftCustomer {
  id: string;
  companyName: string;
  contact?: { firstName?: string; lastName?: string; email?: string } | undefined;
}

export interface DraftContext {
  customer?: DraftCustomer | undefined;
  partnerName?: string | undefined;
  /** The signed-in indirect reseller's indirect provider (`{providerName}`), when known. */
  providerName?: string | undefined;
  /** The reseller relationship link, from `getRelationshipRequestLink`. */
  relationshipUrl?: string | undefined;
}

/** The URL a template links to: the admin-center acceptance page, or the backend's relationship link. */
export function urlFor(template: InvitationTemplateId, relationshipUrl?: string): string | undefined {
  if (template === 'reseller-relationship') return relationshipUrl;
  if (template === 'new-customer' || template === 'existing-customer') return CUSTOMER_ACCEPTANCE_URL;
  return undefined;
}

/** Placeholder values known without secrets. Never includes credentials. */
export function placeholderValues(template: InvitationTemplateId, context: DraftContext): PlaceholderValues {
  const contact = context.customer?.contact;
  const contactName = [contact?.firstName, contact?.lastName].filter((part) => part && part.trim()).join(' ');
  const values: PlaceholderValues = {
    customerName: context.customer?.companyName,
    customerTenantId: context.customer?.id,
    contactName: contactName || undefined,
    partnerName: context.partnerName,
    providerName: context.providerName,
    url: urlFor(template, context.relationshipUrl),
  };
  for (const name of CREDENTIAL_PLACEHOLDERS) delete values[name];
  return values;
}

/** A template's subject and body with every known non-secret placeholder filled. */
export function draftText(template: InvitationTemplateId, language: InvitationLanguage, context: DraftContext): InvitationText {
  const rendered = renderInvitation(INVITATION_TEMPLATES[template][language], placeholderValues(template, context));
  return { subject: rendered.subject, body: rendered.body };
}

/** The recipient a template is addressed to: the customer's contact (not the provider's, which we do not know). */
export function defaultRecipient(template: InvitationTemplateId, customer?: DraftCustomer): string {
  if (template === 'indirect-provider') return '';
  return customer?.contact?.email ?? '';
}

/** Placeholders still written as `{name}` in a text (known names only). */
export function remainingPlaceholders(text: InvitationText): PlaceholderName[] {
  return renderInvitation(text, {}).missing;
}

/** The draft language that suits a customer's language tag ("nl-BE" → nl), else the app's. */
export function draftLanguageFor(customerLanguage: string | undefined, appLanguage: InvitationLanguage): InvitationLanguage {
  const primary = (customerLanguage ?? '').trim().toLowerCase().split('-')[0];
  return primary === 'nl' || primary === 'en' ? primary : appLanguage;
}
