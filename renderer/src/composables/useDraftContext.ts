/**
 * What a draft's placeholders are filled from: its customer (name from the local list, contact from
 * the cached details, fetched once when missing and online), the signed-in partner's name (and, for an
 * indirect reseller, its indirect provider's name), and whether the draft has one-time credentials.
 * The reseller relationship link is not part of it: it is fetched when the text is sent (outgoing-text.ts).
 */
import { ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
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

export function useDraftContext(customerId: MaybeRefOrGetter<string | undefined>, hasCredentials: MaybeRefOrGetter<boolean>) {
  const session = useSessionStore();
  const context = ref<DraftContext>({
    partnerName: session.user?.partnerName,
    providerName: session.user?.providerName,
    hasCredentials: toValue(hasCredentials),
  });

  watch(
    () => toValue(customerId),
    async (id) => {
      const customer = id ? await loadDraftCustomer(id) : undefined;
      context.value = { ...context.value, customer };
    },
    { immediate: true },
  );

  watch(
    () => [session.user?.partnerName, session.user?.providerName] as const,
    ([partnerName, providerName]) => (context.value = { ...context.value, partnerName, providerName }),
  );

  return { context };
}
