/**
 * What a draft's placeholders are filled from: its customer (name from the local list, contact from
 * the cached details, fetched once when missing and online), the signed-in partner's name (and, for an
 * indirect reseller, its indirect provider's name), and for a
 * relationship request the backend's link (fetched when that template is in use).
 */
import { ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { InvitationTemplateId } from '../../../shared/domain/invitations';
import { call } from '../platform/api';
import type { DraftContext, DraftCustomer } from '../invitations/draft-text';
import { useCustomersStore } from '../stores/customers';
import { useSessionStore } from '../stores/session';

/** Loads one customer for a draft: cached details first, the backend when they are missing. */
export async function loadDraftCustomer(customerId: string): Promise<DraftCustomer | undefined> {
  const customers = useCustomersStore();
  const summary = customers.byId(customerId);
  let details = await customers.cachedDetails(customerId);
  if (!details && navigator.onLine) details = await customers.fetchDetails(customerId).catch(() => undefined);
  const companyName = details?.companyName ?? summary?.companyName;
  if (!companyName) return undefined;
  return { id: customerId, companyName, ...(details ? { contact: details.contact } : {}) };
}

/** The backend's reseller relationship link, or undefined when it cannot be had now. */
export async function loadRelationshipUrl(): Promise<string | undefined> {
  try {
    return (await call('getRelationshipRequestLink', {})).url;
  } catch {
    return undefined;
  }
}

export function useDraftContext(
  customerId: MaybeRefOrGetter<string | undefined>,
  template: MaybeRefOrGetter<InvitationTemplateId | undefined>,
) {
  const session = useSessionStore();
  const context = ref<DraftContext>({ partnerName: session.user?.partnerName, providerName: session.user?.providerName });
  const relationshipFailed = ref(false);

  watch(
    () => toValue(customerId),
    async (id) => {
      const customer = id ? await loadDraftCustomer(id) : undefined;
      context.value = { ...context.value, customer };
    },
    { immediate: true },
  );

  watch(
    () => toValue(template),
    async (current) => {
      if (current !== 'reseller-relationship' || context.value.relationshipUrl) return;
      const url = await loadRelationshipUrl();
      relationshipFailed.value = url === undefined;
      if (url) context.value = { ...context.value, relationshipUrl: url };
    },
    { immediate: true },
  );

  watch(
    () => [session.user?.partnerName, session.user?.providerName] as const,
    ([partnerName, providerName]) => (context.value = { ...context.value, partnerName, providerName }),
  );

  return { context, relationshipFailed };
}
