/**
 * Sandbox-only endpoints, never under /v1: the customer's own acceptance (as in the Microsoft 365
 * admin center), read-outs for exactly-once checks from another process (and the truth about direct
 * acceptance, `/sandbox/direct-acceptance`), and "expire every token".
 * They need no token: the sandbox listens on 127.0.0.1 only.
 */
import { Hono } from 'hono';
import type { AppEnv, SandboxState } from '../http/context';
import { errors, send } from '../http/errors';
import { isGuid } from '../ids';
import { audit } from '../services/audit';
import { listAgreements, listAudit, listDirectAcceptance } from '../services/inspect';

export function sandboxRoutes(state: SandboxState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/sandbox/customers/:customerId/accept', async (c) => {
    const customerId = c.req.param('customerId');
    if (!isGuid(customerId)) return send(c, errors.invalidTenantId());
    const now = state.clock();
    const updated = await state.db.transaction(async (tx) => {
      const result = await tx.query<{ id: string }>(
        'update customers set direct_signed = true, direct_signed_at = coalesce(direct_signed_at, $2) where id = $1 returning id',
        [customerId, now.toISOString()],
      );
      const found = result.rows.length > 0;
      await audit(tx, {
        at: now,
        action: 'customer.accept',
        target: customerId.toLowerCase(),
        requestId: c.get('requestId'),
        correlationId: c.get('correlationId'),
        status: found ? 200 : 404,
      });
      return found;
    });
    if (!updated) return send(c, errors.customerNotFound());
    return c.json({ customerId: customerId.toLowerCase(), isSigned: true });
  });

  app.get('/sandbox/agreements', async (c) => {
    const customerId = c.req.query('customerId');
    const requestId = c.req.query('requestId');
    if (customerId !== undefined && !isGuid(customerId)) return send(c, errors.invalidTenantId());
    if (requestId !== undefined && !isGuid(requestId)) return send(c, errors.badInput('requestId must be a GUID.'));
    const items = await listAgreements(state.db, { ...(customerId ? { customerId } : {}), ...(requestId ? { requestId } : {}) });
    return c.json({ totalCount: items.length, items });
  });

  // Who accepted in the admin center: `?partnerTenantId=` for one partner's customers.
  app.get('/sandbox/direct-acceptance', async (c) => {
    const partnerTenantId = c.req.query('partnerTenantId');
    if (partnerTenantId !== undefined && !isGuid(partnerTenantId)) return send(c, errors.badInput('partnerTenantId must be a GUID.'));
    const items = await listDirectAcceptance(state.db, partnerTenantId ? { partnerTenantId } : {});
    return c.json({
      totalCount: items.length,
      withoutPartnerAttestation: items.filter((item) => !item.hasPartnerAttestation).length,
      items,
    });
  });

  app.get('/sandbox/audit', async (c) => c.json({ items: await listAudit(state.db, 1000) }));

  app.post('/sandbox/tokens/expire', async (c) => {
    await state.tokens.expireAll();
    await audit(state.db, { at: state.clock(), action: 'tokens.expire', correlationId: c.get('correlationId'), status: 200 });
    return c.json({ expired: true });
  });
  return app;
}
