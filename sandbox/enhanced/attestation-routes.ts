/**
 * `POST /v1/attestations/enhanced` (AppOnly: create an attestation for a customer, idempotent on
 * `MS-RequestId`) and `GET /v1/attestations/enhanced/{id}` (AppOnly, or App+User of the same partner).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { randomUUID } from 'node:crypto';
import type { AppEnv, SandboxState } from '../http/context';
import { errors, send } from '../http/errors';
import { parseBody } from '../http/body';
import { isGuid } from '../ids';
import { runIdempotent } from '../services/idempotency';
import { audit } from '../services/audit';
import { createEnhancedAttestationBodySchema } from '../../shared/api/enhanced-attestation';
import {
  ENHANCED_ATTESTATIONS_PATH,
  ENHANCED_MAX_BODY_BYTES,
  enhancedErrors,
  LINK_EXPIRY_DEFAULT_MINUTES,
  newAcceptanceToken,
} from './contract';
import { actorOf, partnerTypeRefusal } from './caller';
import { attestationById, attestationView, insertAttestation } from './store';

/** The enhanced calls' own, smaller body limit (413 beyond it, the connection closed like the global one). */
export const enhancedBodyLimit = bodyLimit({
  maxSize: ENHANCED_MAX_BODY_BYTES,
  onError: (c) => {
    c.header('Connection', 'close');
    return send(c, errors.payloadTooLarge(ENHANCED_MAX_BODY_BYTES));
  },
});

export function attestationRoutes(state: SandboxState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post(ENHANCED_ATTESTATIONS_PATH, enhancedBodyLimit, async (c) => {
    if (c.get('caller').kind !== 'app') return send(c, enhancedErrors.appOnlyRequired());
    const actor = actorOf(c);
    const refused = partnerTypeRefusal(actor);
    if (refused) return send(c, refused);
    const body = await parseBody(c, createEnhancedAttestationBodySchema);
    if (!body.ok) return send(c, body.error);
    const input = body.value;
    const now = state.clock();
    const requestId = c.get('requestId');
    const customerId = input.customerTenantId.toLowerCase();
    const auditOf = (status: number, detail?: unknown) => ({
      at: now,
      partnerId: actor.partnerTenantId,
      userId: actor.userId,
      userName: actor.userName,
      action: 'attestation.create',
      target: customerId,
      requestId,
      correlationId: c.get('correlationId'),
      status,
      detail,
    });
    const outcome = await runIdempotent(
      state.db,
      { partnerId: actor.partnerTenantId, requestId, given: c.get('requestIdGiven'), operation: `POST ${ENHANCED_ATTESTATIONS_PATH}` },
      async (tx) => {
        // Unknown, or another partner's: 404 either way (the id says nothing about other partners).
        const customer = await tx.query<{ partner_id: string }>('select partner_id from customers where id = $1', [customerId]);
        if (customer.rows[0]?.partner_id !== actor.partnerTenantId) {
          const error = errors.customerNotFound();
          return { status: error.status, body: error.body, audit: auditOf(error.status) };
        }
        const row = await insertAttestation(tx, {
          id: randomUUID(),
          partnerId: actor.partnerTenantId,
          customerId,
          country: input.country,
          language: input.language,
          companyName: input.companyName,
          signatory: {
            firstName: input.signatoryFirstName,
            lastName: input.signatoryLastName,
            email: input.signatoryEmail,
            phoneNumber: input.signatoryPhoneNumber,
          },
          linkExpiryMinutes: input.linkExpiryMinutes ?? LINK_EXPIRY_DEFAULT_MINUTES,
          token: newAcceptanceToken(),
          createdAt: now,
          requestId: c.get('requestIdGiven') ? requestId : null,
          createdBy: actor.userName,
        });
        return { status: 201, body: attestationView(row, state.origin, now), audit: auditOf(201, { attestationId: row.id }) };
      },
    );
    if (outcome.replayed) {
      // The same request again: the same attestation, as it is now, with 200 (reference §2).
      const row = await attestationById(state.db, (outcome.body as { id: string }).id);
      await audit(state.db, { ...auditOf(200), action: 'attestation.replay' });
      if (row) return c.json(attestationView(row, state.origin, state.clock()), 200);
    }
    return c.json(outcome.body as object, outcome.status as ContentfulStatusCode);
  });

  app.get(`${ENHANCED_ATTESTATIONS_PATH}/:id`, async (c) => {
    const actor = actorOf(c);
    const refused = partnerTypeRefusal(actor);
    if (refused) return send(c, refused);
    const id = c.req.param('id');
    if (!isGuid(id))
      return send(c, errors.badInput('The attestation id must be a GUID.', [{ field: 'id', problem: 'invalid-attestation-id' }]));
    const row = await attestationById(state.db, id);
    if (!row || row.partner_id !== actor.partnerTenantId) return send(c, enhancedErrors.attestationNotFound());
    return c.json(attestationView(row, state.origin, state.clock()));
  });
  return app;
}
