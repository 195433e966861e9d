/**
 * Submits "New customer". The request id stays the same while the agent retries the same submission
 * (the backend creates the customer once per id); changed details get a new id. After creation the
 * customer joins the local cache, and a partner-attested acceptance is queued in the outbox like any
 * confirmation (retries, exactly once). Credentials of a self-accepting customer stay in the main process.
 */
import { ref } from 'vue';
import type { Customer } from '../../../shared/domain/customer';
import type { NewCustomerFormValues } from '../../../shared/domain/new-customer-form';
import { call } from '../platform/api';
import { useCustomersStore } from '../stores/customers';
import { useOutboxStore } from '../stores/outbox';

export type CreateOutcome =
  | { kind: 'attested'; customer: Customer; queued: boolean; queueError?: unknown }
  | { kind: 'customer-accepts'; customer: Customer; credentialsId?: string | undefined };

export function useCreateCustomer() {
  const customers = useCustomersStore();
  const outbox = useOutboxStore();
  const submitting = ref(false);
  let requestId = crypto.randomUUID();
  let submitted: string | null = null;

  async function create(values: NewCustomerFormValues): Promise<CreateOutcome> {
    const payload = JSON.stringify(values);
    if (submitted !== null && submitted !== payload) requestId = crypto.randomUUID();
    submitted = payload;
    submitting.value = true;
    try {
      const answer = await call('createCustomer', { requestId, customer: values });
      const customer = answer.customer;
      await customers.addCreated(customer).catch(() => undefined);
      if (values.acceptance.mode === 'customer-accepts') return { kind: 'customer-accepts', customer, credentialsId: answer.credentialsId };
      try {
        // The save rules decide (an agent who may not attest gets the customer without a queued confirmation).
        const outcome = await outbox.save({
          customerId: customer.id,
          customerName: customer.companyName,
          primaryContact: values.acceptance.primaryContact,
          dateAgreed: values.acceptance.dateAgreed,
        });
        return { kind: 'attested', customer, queued: outcome.saved };
      } catch (queueError) {
        return { kind: 'attested', customer, queued: false, queueError };
      }
    } finally {
      submitting.value = false;
    }
  }

  return { create, submitting };
}
