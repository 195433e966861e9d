/** Makes a new invitation draft from a localised template, filled with what is known now. */
import { useI18n } from 'vue-i18n';
import type { InvitationLanguage, InvitationTemplateId } from '../../../shared/domain/invitations';
import { defaultRecipient, draftLanguageFor, draftText, type DraftCustomer } from '../invitations/draft-text';
import type { DraftRow } from '../db/rows';
import { useCustomersStore } from '../stores/customers';
import { useDraftsStore } from '../stores/drafts';
import { useSessionStore } from '../stores/session';
import { loadDraftCustomer } from './useDraftContext';

export interface DraftRequest {
  template: InvitationTemplateId;
  customerId?: string | undefined;
  /** Already known customer (e.g. just created); otherwise loaded by `customerId`. */
  customer?: DraftCustomer | undefined;
  customerLanguage?: string | undefined;
  credentialsId?: string | undefined;
  language?: InvitationLanguage | undefined;
}

export function useDraftFactory() {
  const { locale } = useI18n();
  const drafts = useDraftsStore();
  const session = useSessionStore();
  const customers = useCustomersStore();

  async function createDraft(request: DraftRequest): Promise<DraftRow> {
    const customer = request.customer ?? (request.customerId ? await loadDraftCustomer(request.customerId) : undefined);
    const customerLanguage =
      request.customerLanguage ?? (request.customerId ? (await customers.cachedDetails(request.customerId))?.language : undefined);
    const appLanguage: InvitationLanguage = locale.value === 'nl' ? 'nl' : 'en';
    const language = request.language ?? draftLanguageFor(customerLanguage, appLanguage);
    const text = draftText(request.template, language, {
      customer,
      partnerName: session.user?.partnerName,
      providerName: session.user?.providerName,
      hasCredentials: Boolean(request.credentialsId),
    });
    return drafts.create({
      template: request.template,
      language,
      to: defaultRecipient(request.template, customer),
      subject: text.subject,
      body: text.body,
      customerId: customer?.id ?? request.customerId,
      credentialsId: request.credentialsId,
    });
  }

  return { createDraft };
}
