/**
 * Sandbox-only helpers of the enhanced flow, never under /v1 and without a token (the sandbox listens
 * on 127.0.0.1 only): read every attestation, let the signer accept without the page, expire a link now.
 */
import { Hono } from 'hono';
import type { AppEnv, SandboxState } from '../http/context';
import { errors, send } from '../http/errors';
import { isGuid } from '../ids';
import { enhancedErrors, SANDBOX_ACCEPT_PATH, SANDBOX_ATTESTATIONS_PATH, SANDBOX_EXPIRE_PATH } from './contract';
import { listAttestations } from './inspect';
import { attestationView } from './store';
import { acceptAttestation, expireAttestation } from './life-cycle';

export function attestationHelperRoutes(state: SandboxState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(SANDBOX_ATTESTATIONS_PATH, async (c) => {
    const customerId = c.req.query('customerId');
    const requestId = c.req.query('requestId');
    if (customerId !== undefined && !isGuid(customerId)) return send(c, errors.invalidTenantId());
    if (requestId !== undefined && !isGuid(requestId)) return send(c, errors.badInput('requestId must be a GUID.'));
    const items = await listAttestations(state.db, state.origin, state.clock(), {
      ...(customerId ? { customerId } : {}),
      ...(requestId ? { requestId } : {}),
    });
    return c.json({ totalCount: items.length, items });
  });

  app.post(SANDBOX_ACCEPT_PATH, async (c) => {
    const id = c.req.param('id');
    if (!isGuid(id)) return send(c, errors.badInput('The attestation id must be a GUID.'));
    const now = state.clock();
    const result = await acceptAttestation(state.db, id, now, { via: 'helper', correlationId: c.get('correlationId') });
    if (!result) return send(c, enhancedErrors.attestationNotFound());
    if (result.outcome === 'expired') return send(c, enhancedErrors.linkExpired());
    return c.json({ ...attestationView(result.row, state.origin, now), alreadyAccepted: result.outcome === 'already-accepted' });
  });

  app.post(SANDBOX_EXPIRE_PATH, async (c) => {
    const id = c.req.param('id');
    if (!isGuid(id)) return send(c, errors.badInput('The attestation id must be a GUID.'));
    const now = state.clock();
    const result = await expireAttestation(state.db, id, now, c.get('correlationId'));
    if (!result) return send(c, enhancedErrors.attestationNotFound());
    const view = attestationView(result.row, state.origin, now);
    if (result.outcome === 'not-pending') return send(c, enhancedErrors.notPending(view.status));
    return c.json({ ...view, alreadyExpired: result.outcome === 'already-expired' });
  });
  return app;
}
