/**
 * The partner's customers: the list (paged, with an opaque continuation), one customer, creating one
 * (with the role, partner-type and date rules re-checked here), its one-time credentials, and the
 * relationship request link.
 */
import { canAttest, canCreateCustomers } from '../../../shared/domain/roles';
import { checkAcceptanceDate } from '../../../shared/domain/dates';
import type { CustomerFilter } from '../../../shared/api/partner-center';
import type { ChannelImplementations } from '../dispatch';
import type { HostContext } from '../context';
import { hostError } from '../errors';
import { decodeContinuation, encodeContinuation } from '../continuation';
import { toCreateCustomerBody, toCustomer, toCustomerSummary } from '../records';

type CustomerChannels =
  'listCustomers' | 'getCustomer' | 'createCustomer' | 'getCredentials' | 'forgetCredentials' | 'getRelationshipRequestLink';

export function customerHandlers(ctx: HostContext): Pick<ChannelImplementations, CustomerChannels> {
  return {
    async listCustomers(request) {
      const api = ctx.client();
      const filter: CustomerFilter | undefined = request.filter
        ? { Field: request.filter.field, Value: request.filter.prefix, Operator: 'starts_with' }
        : undefined;
      const page = request.continuationToken
        ? await api.listCustomers({ next: decodeContinuation(request.continuationToken, api.baseUrl) })
        : await api.listCustomers({ size: request.pageSize, filter });
      return {
        items: page.items.map(toCustomerSummary),
        continuationToken: page.next ? encodeContinuation(page.next) : null,
        ...(page.totalCount !== undefined ? { totalCount: page.totalCount } : {}),
      };
    },
    async getCustomer({ customerId }) {
      return toCustomer(await ctx.client().getCustomer(customerId));
    },
    async createCustomer({ requestId, customer }, { user }) {
      const mayCreate = canCreateCustomers(user);
      if (!mayCreate.allowed)
        throw hostError('forbidden', 'Only an Admin agent or a Sales agent can create customers.', { reason: mayCreate.reason });
      if (customer.acceptance.mode !== 'customer-accepts') {
        const mayAttest = canAttest(user);
        if (!mayAttest.allowed)
          throw hostError(
            'forbidden',
            'You cannot confirm the customer\'s acceptance yourself; choose "The customer will accept in the Microsoft 365 admin center".',
            { reason: mayAttest.reason },
          );
      }
      if (customer.acceptance.mode === 'partner-attested') {
        const date = checkAcceptanceDate(customer.acceptance.dateAgreed, {
          now: ctx.client().serverNow(),
          timeZone: 'UTC',
          floor: ctx.acceptanceFloor(),
        });
        if (!date.ok) throw hostError('rule', 'The date of acceptance is not allowed.', { reason: date.reason });
      }
      // The attestation (or the acceptance link) of a new customer is queued by the renderer as an outbox
      // item, so it gets the same retries and exactly-once guarantee as any other.
      const created = await ctx.client().createCustomer(toCreateCustomerBody(customer), { requestId });
      let credentialsId: string | undefined;
      if (created.userCredentials) {
        // Keyed by the request id: a replayed create answers the same id, never a second copy.
        credentialsId = requestId;
        await ctx.credentials.keep(credentialsId, user, created.userCredentials);
      }
      return { customer: toCustomer(created), ...(credentialsId ? { credentialsId } : {}) };
    },
    async getCredentials({ credentialsId }, { user }) {
      const read = await ctx.credentials.read(credentialsId, user);
      if (read.ok) return read.credentials;
      if (read.why === 'not-yours')
        throw hostError('forbidden', 'Only the agent who created this customer can read its one-time credentials.');
      throw hostError(
        'not-found',
        'These credentials are not stored on this device any more: they are deleted once the invitation was sent, after 7 days, and at sign-out.',
      );
    },
    async forgetCredentials({ credentialsId }, { user }) {
      return { forgotten: await ctx.credentials.forget(credentialsId, user) };
    },
    getRelationshipRequestLink: () => ctx.client().getRelationshipRequest(),
  };
}
