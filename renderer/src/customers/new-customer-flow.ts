/**
 * "New customer" in one flow: the customer is created online, then its acceptance is queued in the
 * outbox (an acceptance link for the signer on today's Partner Center, an attestation with a date on
 * the seed's route). A pending row is written before the create and removed once the acceptance is
 * queued, so a crash between the two loses nothing: the next start resumes it, and the same request
 * id creates the customer once, the same item id queues the acceptance once.
 */
import type { Customer } from '../../../shared/domain/customer';
import type { NewCustomerFormValues } from '../../../shared/domain/new-customer-form';
import { resultFromError } from '../outbox/call-failure';
import type { SaveRefusal } from '../outbox/save-rules';

/** A new customer whose acceptance the partner takes care of (queued after the create). */
export type QueuedAcceptanceValues = NewCustomerFormValues & {
  acceptance: Exclude<NewCustomerFormValues['acceptance'], { mode: 'customer-accepts' }>;
};

/**
 * A "New customer" whose acceptance is still to be queued: written before the customer is created,
 * removed once the acceptance is in the outbox (the `pendingCustomers` table).
 */
export interface PendingCustomerRow {
  requestId: string;
  /** The outbox item the acceptance is queued as. */
  itemId: string;
  values: NewCustomerFormValues;
  createdAt: number;
  createdBy: string;
}

/** Where pending rows live (Dexie in the window; anything in a test). */
export interface PendingCustomerStore {
  get(requestId: string): Promise<PendingCustomerRow | undefined>;
  put(row: PendingCustomerRow): Promise<unknown>;
  delete(requestId: string): Promise<void>;
  /** Oldest first. */
  list(): Promise<PendingCustomerRow[]>;
}

export type QueueOutcome = { queued: true } | { queued: false; refusal?: SaveRefusal; error?: unknown };

export interface NewCustomerFlowPorts {
  pending: PendingCustomerStore;
  /** Whether the outbox holds this item already. */
  isQueued(itemId: string): Promise<boolean>;
  createCustomer(requestId: string, values: NewCustomerFormValues): Promise<{ customer: Customer; credentialsId?: string | undefined }>;
  /** Queues the acceptance as outbox item `itemId` (at most once), under the outbox's save rules. */
  queueAcceptance(customer: Customer, values: QueuedAcceptanceValues, itemId: string): Promise<QueueOutcome>;
  actor: string;
  now(): number;
  newId(): string;
}

export type FlowOutcome =
  | { kind: 'queued'; customer: Customer; outcome: QueueOutcome }
  | { kind: 'customer-accepts'; customer: Customer; credentialsId?: string | undefined };

function queuesAcceptance(values: NewCustomerFormValues): values is QueuedAcceptanceValues {
  return values.acceptance.mode !== 'customer-accepts';
}

/**
 * A failure after which the customer may exist or not (the answer was lost, the backend unreachable,
 * the sign-in expired): the pending row stays, to be resumed. Only a refusal by the host's verdict
 * (not retryable) means nothing was created.
 */
export function mayHaveCreated(error: unknown): boolean {
  return resultFromError(error).status !== 'failed';
}

async function queueAndForget(
  row: PendingCustomerRow & { values: QueuedAcceptanceValues },
  customer: Customer,
  ports: NewCustomerFlowPorts,
): Promise<QueueOutcome> {
  let outcome: QueueOutcome;
  try {
    // Queued before a crash (the row was not removed yet): it stays as it is.
    const queuedBefore = await ports.isQueued(row.itemId);
    outcome = queuedBefore ? { queued: true } : await ports.queueAcceptance(customer, row.values, row.itemId);
  } catch (error) {
    // The outbox could not take it (storage full): the row stays, the next start tries again.
    return { queued: false, error };
  }
  await ports.pending.delete(row.requestId);
  return outcome;
}

/** Creates the customer under `requestId` and queues its acceptance; `supersedes` is an earlier attempt with other details. */
export async function createCustomerThenQueue(
  requestId: string,
  values: NewCustomerFormValues,
  ports: NewCustomerFlowPorts,
  supersedes?: string,
): Promise<FlowOutcome> {
  if (supersedes && supersedes !== requestId) await ports.pending.delete(supersedes);
  if (!queuesAcceptance(values)) {
    const { customer, credentialsId } = await ports.createCustomer(requestId, values);
    return { kind: 'customer-accepts', customer, credentialsId };
  }
  const existing = await ports.pending.get(requestId);
  const row = {
    requestId,
    itemId: existing?.itemId ?? ports.newId(),
    values,
    createdAt: existing?.createdAt ?? ports.now(),
    createdBy: ports.actor,
  };
  await ports.pending.put(row);
  let customer: Customer;
  try {
    ({ customer } = await ports.createCustomer(requestId, values));
  } catch (error) {
    if (!mayHaveCreated(error)) await ports.pending.delete(requestId);
    throw error;
  }
  return { kind: 'queued', customer, outcome: await queueAndForget(row, customer, ports) };
}

/**
 * At start (signed in, online): finishes every new customer whose acceptance was not queued. Answers
 * what happened to each; one that still cannot reach the backend stays for the next start.
 */
export async function resumePendingCustomers(
  ports: NewCustomerFlowPorts,
): Promise<Array<{ companyName: string; outcome: FlowOutcome | { kind: 'refused'; error: unknown } }>> {
  const rows = await ports.pending.list();
  const done: Array<{ companyName: string; outcome: FlowOutcome | { kind: 'refused'; error: unknown } }> = [];
  for (const row of rows) {
    if (!queuesAcceptance(row.values)) {
      await ports.pending.delete(row.requestId);
      continue;
    }
    const pending = row as PendingCustomerRow & { values: QueuedAcceptanceValues };
    try {
      const { customer } = await ports.createCustomer(row.requestId, row.values);
      done.push({
        companyName: customer.companyName,
        outcome: { kind: 'queued', customer, outcome: await queueAndForget(pending, customer, ports) },
      });
    } catch (error) {
      if (mayHaveCreated(error)) break; // unreachable: the rest wait too
      await ports.pending.delete(row.requestId);
      done.push({ companyName: row.values.companyName, outcome: { kind: 'refused', error } });
    }
  }
  return done;
}
