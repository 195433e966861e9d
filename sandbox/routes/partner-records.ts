/**
 * The two partner-wide endpoints of Microsoft's MCA refresh tool (reference §7b):
 * `GET /v1/partners/customeragreementrecords` (one record per customer, `continuation_token` paging,
 * page size 500 unless `size` says otherwise) and `POST /v1/CreateBulkReAttestation` (at most 500
 * items, each through the rules of a single confirmation except the duplicate rule: a re-attestation
 * with the last contact and a later `dateAgreed` is a new agreement, the refresh itself; the same
 * contact with the same date is `already-exists`; see `ConfirmRule`).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv, SandboxState } from '../http/context';
import { errors, send } from '../http/errors';
import { issuesOf, readJson } from '../http/body';
import { BULK_REATTESTATION_MAX_ITEMS, bulkReattestationItemSchema, type BulkReattestationResult } from '../../shared/api/partner-center';
import { ERROR_AGREEMENT_ALREADY_EXISTS } from '../../shared/domain/errors';
import { seal, unseal } from '../services/signed';
import { visibleTo } from '../services/customer-access';
import { confirmAgreement } from '../services/confirm';
import { runIdempotent } from '../services/idempotency';
import { attestPermission } from './customer-agreements';
import { MAX_PAGE_SIZE, pageSize } from './customers';
import { isToday, RECORD_ATTESTATION_FIELD } from '../enhanced/contract';
import { refuseLegacy } from '../enhanced/create-agreement';

const recordsTokenSchema = z.object({
  k: z.literal('records'),
  p: z.string(),
  s: z.string().regex(/^\d{1,18}$/),
  z: z.number().int().min(1).max(MAX_PAGE_SIZE),
});

export function partnerRecordRoutes(state: SandboxState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const key = () => state.tokens.subkey('records-paging');

  app.get('/v1/partners/customeragreementrecords', async (c) => {
    const user = c.get('user');
    let after = '0';
    let size = pageSize(c.req.query('size'), MAX_PAGE_SIZE);
    const continuation = c.req.query('continuation_token');
    if (continuation !== undefined) {
      const token = unseal(continuation, key(), recordsTokenSchema);
      if (!token || token.p !== user.partnerTenantId) return send(c, errors.badInput('The continuation token is invalid.'));
      after = token.s;
      size = pageSize(c.req.query('size'), token.z);
    }
    if (size === undefined) return send(c, errors.badInput('size must be a positive integer.'));
    const { rows } = await state.db.query<{
      id: string;
      seq: string;
      first_name: string | null;
      last_name: string | null;
      email: string | null;
      phone_number: string | null;
      epoch: string | null;
      attestation_id: string | null;
    }>(
      `select c.id, c.seq::text as seq, a.first_name, a.last_name, a.email, a.phone_number, extract(epoch from a.date_agreed)::bigint::text as epoch,
         a.attestation_id
       from customers c
       left join lateral (
         select first_name, last_name, email, phone_number, date_agreed, attestation_id from agreements a
         where a.customer_id = c.id and a.agreement_type = 'MicrosoftCustomerAgreement' order by a.id desc limit 1
       ) a on true
       where ${visibleTo(user)} and c.seq > $2::bigint order by c.seq limit $3`,
      [user.partnerTenantId, after, size + 1],
    );
    const page = rows.slice(0, size);
    const customerAgreementRecords = page.map((row) => ({
      customerTenantId: row.id,
      lastAgreementPrimaryContact:
        row.first_name === null
          ? null
          : {
              firstName: row.first_name,
              lastName: row.last_name,
              email: row.email,
              ...(row.phone_number ? { phoneNumber: row.phone_number } : {}),
            },
      lastAgreementDateEpoch: row.epoch === null ? null : Number(row.epoch),
      partnerAttestationCompleted: row.first_name !== null,
      // The attestation the latest agreement was finalised from (enhanced flow only; the name is the contract's).
      ...(row.attestation_id ? { [RECORD_ATTESTATION_FIELD]: row.attestation_id } : {}),
    }));
    const last = page.at(-1);
    // The last page has no continuation token (reference §7b).
    const continuationToken =
      rows.length > size && last ? seal({ k: 'records', p: user.partnerTenantId, s: last.seq, z: size }, key()) : undefined;
    return c.json({ customerAgreementRecords, ...(continuationToken ? { continuationToken } : {}) });
  });

  /**
   * The real response body is undocumented (Microsoft's tool reads none and treats any non-2xx as a
   * failure of the whole batch). The sandbox answers 200 with one result per item, in order:
   * `created`, `already-exists` (600061, counts as recorded) or `failed` with the code and reason.
   */
  if (isToday(state.legacyAttestation)) app.post('/v1/CreateBulkReAttestation', (c) => refuseLegacy(state, c, 'CreateBulkReAttestation'));
  else
    app.post('/v1/CreateBulkReAttestation', async (c) => {
      const user = c.get('user');
      const refused = attestPermission(c);
      if (refused) return send(c, refused);
      const raw = await readJson(c);
      if (!raw.ok) return send(c, raw.error);
      if (!Array.isArray(raw.value) || raw.value.length === 0 || raw.value.length > BULK_REATTESTATION_MAX_ITEMS)
        return send(c, errors.badInput(`The body must be a JSON array of 1 to ${BULK_REATTESTATION_MAX_ITEMS} re-attestations.`));
      const items: unknown[] = raw.value;
      const now = state.clock();
      const requestId = c.get('requestId');
      const outcome = await runIdempotent(
        state.db,
        { partnerId: user.partnerTenantId, requestId, given: c.get('requestIdGiven'), operation: 'POST /v1/CreateBulkReAttestation' },
        async (tx) => {
          const results: BulkReattestationResult = [];
          for (const item of items) {
            const rawCustomerId =
              typeof item === 'object' && item !== null && typeof (item as { customerId?: unknown }).customerId === 'string'
                ? (item as { customerId: string }).customerId.slice(0, 100)
                : '';
            const parsed = bulkReattestationItemSchema.safeParse(item);
            if (!parsed.success) {
              const issues = issuesOf(parsed.error);
              results.push({
                customerId: rawCustomerId,
                status: 'failed',
                code: 2000,
                description: issues.map((i) => `${i.field}: ${i.problem}`).join('; '),
              });
              continue;
            }
            const entry = parsed.data;
            if (entry.partnerId.toLowerCase() !== user.partnerTenantId) {
              results.push({
                customerId: entry.customerId,
                status: 'failed',
                code: 403,
                description: "partnerId is not the signed-in partner's tenant id.",
              });
              continue;
            }
            const result = await confirmAgreement(
              tx,
              { user, templates: state.templates, now, requestId: c.get('requestIdGiven') ? requestId : null, rule: 'reattest' },
              {
                customerId: entry.customerId,
                templateId: entry.agreement.templateId,
                primaryContact: entry.agreement.primaryContact,
                dateAgreed: entry.agreement.dateAgreed,
              },
            );
            if (result.ok) results.push({ customerId: entry.customerId, status: 'created' });
            else {
              const body = result.error.body as { code?: number; description?: string };
              results.push({
                customerId: entry.customerId,
                status: body.code === ERROR_AGREEMENT_ALREADY_EXISTS ? 'already-exists' : 'failed',
                ...(body.code === undefined ? {} : { code: body.code }),
                ...(body.description === undefined ? {} : { description: body.description }),
              });
            }
          }
          const counts = { created: 0, 'already-exists': 0, failed: 0 };
          for (const result of results) counts[result.status] += 1;
          return {
            status: 200,
            body: results,
            audit: {
              at: now,
              partnerId: user.partnerTenantId,
              userId: user.userId,
              userName: user.userName,
              action: 'agreement.bulk-reattest',
              target: `${items.length} items`,
              requestId,
              correlationId: c.get('correlationId'),
              status: 200,
              detail: counts,
            },
          };
        },
      );
      return c.json(outcome.body as object, outcome.status as ContentfulStatusCode);
    });
  return app;
}
