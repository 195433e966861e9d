/**
 * Finalise: the agreement made from an accepted attestation (reference §2 "Finalise"), in the rules'
 * order: template, attestation (404 when another customer's or partner's), its state (pending 600072,
 * expired 600073, finalised 600061), the duplicate of the customer's latest agreement (600061). Always
 * inside the caller's transaction, so the agreement, the attestation's new state and the idempotency
 * record are one write.
 */
import type { Transaction } from '@electric-sql/pglite';
import { isSameContact, MCA_TYPE } from '../../shared/domain/agreement';
import { errors, type ErrorResult } from '../http/errors';
import type { Templates, Template } from '../services/templates';
import { enhancedErrors } from './contract';
import type { Actor } from './caller';
import { agreementView, attestationById, dateAgreedOf, signatoryOf, statusOf } from './store';

export type FinaliseResult = { ok: true; agreement: ReturnType<typeof agreementView> } | { ok: false; error: ErrorResult };

function templateFor(
  templates: Templates,
  templateId: string | undefined,
): { ok: true; template: Template } | { ok: false; error: ErrorResult } {
  if (templateId === undefined) {
    const current = templates.current(MCA_TYPE);
    return current ? { ok: true, template: current } : { ok: false, error: errors.internal() };
  }
  const template = templates.get(templateId);
  if (!template) return { ok: false, error: errors.templateUnknown(templateId) };
  if (template.retired) return { ok: false, error: errors.templateRetired(templateId) };
  if (template.agreementType !== MCA_TYPE)
    return { ok: false, error: errors.badInput('templateId must be a Microsoft Customer Agreement template.') };
  return { ok: true, template };
}

export async function finaliseAgreement(
  tx: Transaction,
  context: { actor: Actor; templates: Templates; now: Date; requestId: string | null },
  input: { customerId: string; attestationId: string; templateId?: string | undefined },
): Promise<FinaliseResult> {
  const chosen = templateFor(context.templates, input.templateId);
  if (!chosen.ok) return chosen;
  const { template } = chosen;
  const row = await attestationById(tx, input.attestationId);
  if (!row || row.partner_id !== context.actor.partnerTenantId || row.customer_id !== input.customerId.toLowerCase())
    return { ok: false, error: enhancedErrors.attestationNotFound() };
  const status = statusOf(row, context.now);
  if (status === 'finalized') return { ok: false, error: errors.agreementExists() };
  if (status === 'pending') return { ok: false, error: enhancedErrors.notAccepted() };
  if (status === 'expired') return { ok: false, error: enhancedErrors.expired() };

  const signatory = signatoryOf(row);
  const latest = await tx.query<{ first_name: string; last_name: string; email: string; phone_number: string | null }>(
    'select first_name, last_name, email, phone_number from agreements where customer_id = $1 and template_id = $2 order by id desc limit 1',
    [row.customer_id, template.templateId],
  );
  const previous = latest.rows[0];
  if (
    previous &&
    isSameContact(signatory, {
      firstName: previous.first_name,
      lastName: previous.last_name,
      email: previous.email,
      phoneNumber: previous.phone_number,
    })
  )
    return { ok: false, error: errors.agreementExists() };

  const dateAgreed = dateAgreedOf(new Date(row.accepted_at!));
  const inserted = await tx.query<{ id: string }>(
    `insert into agreements (customer_id, partner_id, template_id, agreement_type, agreement_link, first_name, last_name, email,
       phone_number, date_agreed, user_id, user_name, request_id, created_at, attestation_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id::text as id`,
    [
      row.customer_id,
      row.partner_id,
      template.templateId,
      template.agreementType,
      template.agreementLink,
      signatory.firstName,
      signatory.lastName,
      signatory.email,
      signatory.phoneNumber ?? null,
      dateAgreed.toISOString(),
      context.actor.userId,
      context.actor.userName,
      context.requestId,
      context.now.toISOString(),
      row.id,
    ],
  );
  await tx.query('update attestations set finalized_at = $2, agreement_id = $3::bigint where id = $1', [
    row.id,
    context.now.toISOString(),
    inserted.rows[0]!.id,
  ]);
  return { ok: true, agreement: agreementView(row, { templateId: template.templateId, type: template.agreementType, dateAgreed }) };
}
