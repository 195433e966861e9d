/**
 * A customer's agreements: confirm acceptance (`POST`, reference §2), list confirmations (`GET`, §3,
 * defaulting to the Cloud Agreement like the real API) and the direct-sign status (§5).
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv, SandboxState } from '../http/context';
import { errors, send } from '../http/errors';
import { parseBody } from '../http/body';
import { createAgreementBodySchema } from '../../shared/api/partner-center';
import { canAttest } from '../../shared/domain/roles';
import { isGuid } from '../ids';
import { findCustomerFor } from '../services/customer-access';
import { confirmAgreement } from '../services/confirm';
import { runIdempotent } from '../services/idempotency';
import { audit } from '../services/audit';
import { agreementTypeParam } from './agreements';
import { isToday } from '../enhanced/contract';
import { createAgreementToday } from '../enhanced/create-agreement';
import { enhancedBodyLimit } from '../enhanced/attestation-routes';

/** Role and partner type, enforced the third time (UI, main process, backend). */
export function attestPermission(c: Context<AppEnv>) {
  const permission = canAttest(c.get('user'));
  if (permission.allowed) return undefined;
  return permission.reason === 'partner-type-not-permitted' ? errors.resellerNotPermitted() : errors.roleNotPermitted();
}

export function customerAgreementRoutes(state: SandboxState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Partner Center today: finalise from an attestation, the legacy body refused (enhanced/create-agreement.ts).
  if (isToday(state.legacyAttestation))
    app.post('/v1/customers/:customerId/agreements', enhancedBodyLimit, (c) => createAgreementToday(state, c));
  else
    app.post('/v1/customers/:customerId/agreements', async (c) => {
      const user = c.get('user');
      const refused = attestPermission(c);
      if (refused) return send(c, refused);
      const customerId = c.req.param('customerId');
      if (!isGuid(customerId)) return send(c, errors.invalidTenantId());
      const body = await parseBody(c, createAgreementBodySchema);
      if (!body.ok) return send(c, body.error);
      const now = state.clock();
      const requestId = c.get('requestId');
      const outcome = await runIdempotent(
        state.db,
        {
          partnerId: user.partnerTenantId,
          requestId,
          given: c.get('requestIdGiven'),
          operation: `POST /v1/customers/${customerId.toLowerCase()}/agreements`,
        },
        async (tx) => {
          const result = await confirmAgreement(
            tx,
            { user, templates: state.templates, now, requestId: c.get('requestIdGiven') ? requestId : null },
            {
              customerId,
              templateId: body.value.templateId,
              primaryContact: body.value.primaryContact,
              dateAgreed: body.value.dateAgreed,
              agreementLink: body.value.agreementLink,
            },
          );
          const status = result.ok ? 201 : result.error.status;
          return {
            status,
            body: result.ok ? result.agreement : result.error.body,
            audit: {
              at: now,
              partnerId: user.partnerTenantId,
              userId: user.userId,
              userName: user.userName,
              action: 'agreement.create',
              target: customerId.toLowerCase(),
              requestId,
              correlationId: c.get('correlationId'),
              status,
              detail: result.ok ? undefined : { code: (result.error.body as { code?: unknown }).code },
            },
          };
        },
      );
      if (outcome.replayed)
        await audit(state.db, {
          at: now,
          partnerId: user.partnerTenantId,
          userId: user.userId,
          userName: user.userName,
          action: 'agreement.replay',
          target: customerId.toLowerCase(),
          requestId,
          correlationId: c.get('correlationId'),
          status: outcome.status,
        });
      return c.json(outcome.body as object, outcome.status as ContentfulStatusCode);
    });

  app.get('/v1/customers/:customerId/agreements', async (c) => {
    const customerId = c.req.param('customerId');
    if (!isGuid(customerId)) return send(c, errors.invalidTenantId());
    const type = agreementTypeParam(c.req.query('agreementType'));
    if (!type) return send(c, errors.badInput('agreementType must be MicrosoftCloudAgreement, MicrosoftCustomerAgreement or *.'));
    const found = await findCustomerFor(state.db, c.get('user'), customerId);
    if (!found.ok) return send(c, found.error);
    const { rows } = await state.db.query<{
      user_id: string | null;
      first_name: string;
      last_name: string;
      email: string;
      phone_number: string | null;
      template_id: string;
      date_agreed: string;
      agreement_type: string;
      agreement_link: string | null;
      attestation_id: string | null;
    }>(
      `select user_id, first_name, last_name, email, phone_number, template_id, agreement_type, agreement_link, attestation_id,
         to_char(date_agreed at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as date_agreed
       from agreements where customer_id = $1 and ($2 = '*' or agreement_type = $2) order by id`,
      [customerId, type],
    );
    const items = rows.map((row) => ({
      userId: row.user_id,
      primaryContact: {
        firstName: row.first_name,
        lastName: row.last_name,
        email: row.email,
        ...(row.phone_number ? { phoneNumber: row.phone_number } : {}),
      },
      templateId: row.template_id,
      dateAgreed: row.date_agreed,
      type: row.agreement_type,
      ...(row.agreement_link ? { agreementLink: row.agreement_link } : {}),
      // Only on an agreement finalised from an enhanced attestation.
      ...(row.attestation_id ? { attestationId: row.attestation_id } : {}),
    }));
    return c.json({ totalCount: items.length, items, attributes: { objectType: 'Collection' } });
  });

  app.get('/v1/customers/:customerId/directSignedMicrosoftCustomerAgreementStatus', async (c) => {
    const customerId = c.req.param('customerId');
    if (!isGuid(customerId)) return send(c, errors.invalidTenantId());
    const found = await findCustomerFor(state.db, c.get('user'), customerId);
    if (!found.ok) return send(c, found.error);
    return c.json({ isSigned: found.customer.direct_signed, attributes: { objectType: 'DirectSignedCustomerAgreementStatus' } });
  });
  return app;
}
