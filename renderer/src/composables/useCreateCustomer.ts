/**
 * Submits "New customer". The request id stays the same while the agent retries the same submission
 * (the backend creates the customer once per id); changed details get a new id. After creation the
 * customer joins the local cache, and its acceptance (an acceptance link for the signer, or on the
 * seed's route an attestation with a date) is queued in the outbox like any other, crash-safe
 * (customers/new-customer-flow.ts). Credentials of a self-accepting customer stay in the main process.
 */
import { ref } from 'vue';
import type { Customer } from '../../../shared/domain/customer';
import type { NewCustomerFormValues } from '../../../shared/domain/new-customer-form';
import { db } from '../db/database';
import { call } from '../platform/api';
import {
  createCustomerThenQueue,
  resumePendingCustomers,
  type NewCustomerFlowPorts,
  type QueueOutcome,
  type QueuedAcceptanceValues,
} from '../customers/new-customer-flow';
import { useCustomersStore } from '../stores/customers';
import { useOutboxStore, type SaveOutcome } from '../stores/outbox';
import { useSessionStore } from '../stores/session';

export type CreateOutcome =
  | { kind: 'queued'; mode: 'partner-attested' | 'acceptance-link'; customer: Customer; queued: boolean; queueError?: unknown }
  | { kind: 'customer-accepts'; customer: Customer; credentialsId?: string | undefined };

function asQueueOutcome(outcome: SaveOutcome): QueueOutcome {
  return outcome.saved ? { queued: true } : { queued: false, refusal: outcome.refusal };
}

/** The flow's ports in the window: the bridge, the outbox store's save rules, the agent's database. */
export function newCustomerFlowPorts(): NewCustomerFlowPorts {
  const customers = useCustomersStore();
  const outbox = useOutboxStore();
  const database = db();
  return {
    pending: {
      get: (requestId) => database.pendingCustomers.get(requestId),
      put: (row) => database.pendingCustomers.put(row),
      delete: (requestId) => database.pendingCustomers.delete(requestId),
      list: () => database.pendingCustomers.orderBy('createdAt').toArray(),
    },
    isQueued: async (itemId) => (await database.outbox.get(itemId)) !== undefined,
    async createCustomer(requestId, values) {
      const answer = await call('createCustomer', { requestId, customer: values });
      await customers.addCreated(answer.customer).catch(() => undefined);
      return answer;
    },
    async queueAcceptance(customer: Customer, values: QueuedAcceptanceValues, itemId: string) {
      const { acceptance } = values;
      const base = { id: itemId, customerId: customer.id, customerName: customer.companyName };
      if (acceptance.mode === 'partner-attested')
        return asQueueOutcome(await outbox.save({ ...base, primaryContact: acceptance.primaryContact, dateAgreed: acceptance.dateAgreed }));
      const fields = {
        companyName: customer.companyName,
        country: values.address.country,
        language: values.language,
        linkExpiryMinutes: acceptance.linkExpiryMinutes,
      };
      return asQueueOutcome(await outbox.saveEnhanced({ ...base, signer: acceptance.primaryContact, fields }));
    },
    actor: useSessionStore().user?.userName ?? 'unknown',
    now: Date.now,
    newId: () => crypto.randomUUID(),
  };
}

export function useCreateCustomer() {
  const submitting = ref(false);
  let requestId = crypto.randomUUID();
  let submitted: string | null = null;

  async function create(values: NewCustomerFormValues): Promise<CreateOutcome> {
    const payload = JSON.stringify(values);
    let supersedes: string | undefined;
    if (submitted !== null && submitted !== payload) {
      supersedes = requestId;
      requestId = crypto.randomUUID();
    }
    submitted = payload;
    submitting.value = true;
    try {
      const outcome = await createCustomerThenQueue(requestId, values, newCustomerFlowPorts(), supersedes);
      if (outcome.kind === 'customer-accepts') return outcome;
      const mode = values.acceptance.mode === 'partner-attested' ? 'partner-attested' : 'acceptance-link';
      const { customer, outcome: queued } = outcome;
      return {
        kind: 'queued',
        mode,
        customer,
        queued: queued.queued,
        ...(!queued.queued && queued.error ? { queueError: queued.error } : {}),
      };
    } finally {
      submitting.value = false;
    }
  }

  return { create, submitting };
}

/** At sign-in (online): new customers whose acceptance a closed window did not queue yet. */
export function resumeNewCustomers(): ReturnType<typeof resumePendingCustomers> {
  return resumePendingCustomers(newCustomerFlowPorts());
}
