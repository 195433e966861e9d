/**
 * `POST /v1/customers/{id}/agreements` as Partner Center answers it today: a body with `attestationId`
 * finalises an enhanced attestation (AppOnly); the legacy body (a contact and a date) is refused as
 * retired, like `POST /v1/CreateBulkReAttestation` (`legacyRetired`). The route of the legacy era is
 * routes/customer-agreements.ts, untouched.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv, SandboxState } from '../http/context';
import { errors, send } from '../http/errors';
import { invalidBody, readJson } from '../http/body';
import { isGuid } from '../ids';
import { runIdempotent } from '../services/idempotency';
import { audit } from '../services/audit';
import { finaliseAgreementBodySchema } from '../../shared/api/enhanced-attestation';
import { enhancedErrors } from './contract';
import { actorOf, partnerTypeRefusal } from './caller';
import { finaliseAgreement } from './finalise';

/** Refuses a legacy attestation call (retired on 5 January 2026), and says so in the audit log. */
export async function refuseLegacy(state: SandboxState, c: Context<AppEnv>, target: string): Promise<Response> {
  const actor = actorOf(c);
  const error = enhancedErrors.legacyRetired();
  await audit(state.db, {
    at: state.clock(),
    partnerId: actor.partnerTenantId,
    userId: actor.userId,
    userName: actor.userName,
    action: 'attestation.legacy-refused',
    target,
    requestId: c.get('requestId'),
    correlationId: c.get('correlationId'),
    status: error.status,
  });
  return send(c, error);
}

export async function createAgreementToday(state: SandboxState, c: Context<AppEnv>): Promise<Response> {
  const customerId = c.req.param('customerId') ?? '';
  const raw = await readJson(c);
  if (!raw.ok) return send(c, raw.error);
  const value = raw.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('attestationId' in value))
    return refuseLegacy(state, c, customerId.slice(0, 100).toLowerCase());

  if (c.get('caller').kind !== 'app') return send(c, enhancedErrors.appOnlyRequired());
  const actor = actorOf(c);
  const refused = partnerTypeRefusal(actor);
  if (refused) return send(c, refused);
  if (!isGuid(customerId)) return send(c, errors.invalidTenantId());
  const parsed = finaliseAgreementBodySchema.safeParse(value);
  if (!parsed.success) return send(c, invalidBody(parsed.error));

  const now = state.clock();
  const requestId = c.get('requestId');
  const target = customerId.toLowerCase();
  const outcome = await runIdempotent(
    state.db,
    { partnerId: actor.partnerTenantId, requestId, given: c.get('requestIdGiven'), operation: `POST /v1/customers/${target}/agreements` },
    async (tx) => {
      const result = await finaliseAgreement(
        tx,
        { actor, templates: state.templates, now, requestId: c.get('requestIdGiven') ? requestId : null },
        {
          customerId: target,
          attestationId: parsed.data.attestationId.toLowerCase(),
          templateId: parsed.data.templateId,
        },
      );
      const status = result.ok ? 201 : result.error.status;
      return {
        status,
        body: result.ok ? result.agreement : result.error.body,
        audit: {
          at: now,
          partnerId: actor.partnerTenantId,
          userId: actor.userId,
          userName: actor.userName,
          action: 'agreement.finalize',
          target,
          requestId,
          correlationId: c.get('correlationId'),
          status,
          detail: result.ok
            ? { attestationId: parsed.data.attestationId.toLowerCase() }
            : { code: (result.error.body as { code?: unknown }).code },
        },
      };
    },
  );
  if (outcome.replayed)
    await audit(state.db, {
      at: now,
      partnerId: actor.partnerTenantId,
      userId: actor.userId,
      userName: actor.userName,
      action: 'agreement.replay',
      target,
      requestId,
      correlationId: c.get('correlationId'),
      status: outcome.status,
    });
  return c.json(outcome.body as object, outcome.status as ContentfulStatusCode);
}
