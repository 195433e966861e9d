/**
 * How an invitation draft gets its text: a localised template with the placeholders filled from
 * what is known when the draft is made (customer, contact, partner, URL). Two kinds of placeholder
 * are never filled here and stay in the draft until the text leaves the app (copy, mailto):
 * `{signInName}` and `{temporaryPassword}` (from the main process's secret store) and, in a reseller
 * relationship request, `{url}` (the backend's relationship link, fetched at that moment).
 */
import { INVITATION_TEMPLATES, RELATIONSHIP_WITH_CREDENTIALS } from '../../../shared/domain/invitation-templates';
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
  contact?: { firstName?: string; lastName?: string; email?: string; phoneNumber?: string | null } | undefined;
}

export interface DraftContext {
  customer?: DraftCustomer | undefined;
  partnerName?: string | undefined;
  /** The signed-in indirect reseller's indirect provider (`{providerName}`), when known. */
  providerName?: string | undefined;
  /** The draft is linked to one-time credentials (the admin account of a customer just created). */
  hasCredentials?: boolean | undefined;
}

/** The URL a template links to when the draft is made: the admin-center acceptance page (the relationship link comes when sending). */
export function urlFor(template: InvitationTemplateId): string | undefined {
  if (template === 'new-customer' || template === 'existing-customer') return CUSTOMER_ACCEPTANCE_URL;
  return undefined;
}

/** Placeholders filled only when the text leaves the app: the relationship link, and credentials when the draft has them. */
export function filledWhenSent(template: InvitationTemplateId, hasCredentials: boolean | undefined): PlaceholderName[] {
  return [...(template === 'reseller-relationship' ? (['url'] as const) : []), ...(hasCredentials ? CREDENTIAL_PLACEHOLDERS : [])];
}

const known = (value: string | null | undefined): string | undefined => (value && value.trim() ? value.trim() : undefined);

/** Placeholder values known without secrets and without asking the backend. Never includes credentials. */
export function placeholderValues(template: InvitationTemplateId, context: DraftContext): PlaceholderValues {
  const contact = context.customer?.contact;
  const contactName = [contact?.firstName, contact?.lastName].map(known).filter(Boolean).join(' ');
  const values: PlaceholderValues = {
    customerName: context.customer?.companyName,
    customerTenantId: context.customer?.id,
    contactName: contactName || undefined,
    contactFirstName: known(contact?.firstName),
    contactLastName: known(contact?.lastName),
    contactEmail: known(contact?.email),
    contactPhone: known(contact?.phoneNumber),
    partnerName: context.partnerName,
    providerName: context.providerName,
    url: urlFor(template),
  };
  for (const name of CREDENTIAL_PLACEHOLDERS) delete values[name];
  return values;
}

/** The template's text: a relationship request for a customer with one-time credentials carries the sign-in details. */
export function templateText(template: InvitationTemplateId, language: InvitationLanguage, hasCredentials?: boolean): InvitationText {
  if (template === 'reseller-relationship' && hasCredentials) return RELATIONSHIP_WITH_CREDENTIALS[language];
  return INVITATION_TEMPLATES[template][language];
}

/** A template's subject and body with every known non-secret placeholder filled. */
export function draftText(template: InvitationTemplateId, language: InvitationLanguage, context: DraftContext): InvitationText {
  const rendered = renderInvitation(templateText(template, language, context.hasCredentials), placeholderValues(template, context));
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
