/**
 * One partner attestation ("confirm customer acceptance"), the rules of reference §2 and DOMAIN.md in
 * the order the server applies them: template, customer, date, duplicate of the latest confirmation.
 * Used by the single endpoint and, item by item, by CreateBulkReAttestation; always inside the
 * caller's transaction.
 */
import type { Transaction } from '@electric-sql/pglite';
import type { AuthUser } from '../auth/users';
import type { Contact } from '../../shared/domain/contact';
import { isSameContact } from '../../shared/domain/agreement';
import { isAfterServerNow, parseApiInstant } from '../../shared/domain/dates';
import { toWireContact } from '../../shared/api/partner-center';
import { errors, type ErrorResult } from '../http/errors';
import { isVisibleTo } from './customer-access';
import type { Templates } from './templates';

export interface ConfirmInput {
  customerId: string;
  templateId: string;
  primaryContact: Contact;
  dateAgreed: string;
  agreementLink?: string | undefined;
}

/**
 * `single`: `POST /v1/customers/{id}/agreements`; the same contact as the latest confirmation is 600061
 * whatever the date (reference §2). `reattest`: one item of `CreateBulkReAttestation`, Microsoft's MCA
 * refresh, which re-attests with the LAST contact and a new `dateAgreed` (reference §7b): the same
 * contact with a later date is a new agreement (that is the refresh); only the same contact with the
 * same (or an earlier) date is 600061, so a re-sent item never records twice.
 */
export type ConfirmRule = 'single' | 'reattest';

export type ConfirmResult = { ok: true; agreement: Record<string, unknown> } | { ok: false; error: ErrorResult };

export async function confirmAgreement(
  tx: Transaction,
  context: { user: AuthUser; templates: Templates; now: Date; requestId: string | null; rule?: ConfirmRule },
  input: ConfirmInput,
): Promise<ConfirmResult> {
  const { user, templates, now } = context;
  const template = templates.get(input.templateId);
  if (!template) return { ok: false, error: errors.templateUnknown(input.templateId) };
  if (template.retired) return { ok: false, error: errors.templateRetired(input.templateId) };

  // The customer and its latest confirmation of this template, in one round trip.
  const { rows } = await tx.query<{
    partner_id: string;
    associated_partner_id: string | null;
    first_name: string | null;
    last_name: string | null;
    email: string | null;
    phone_number: string | null;
    date_agreed: Date | string | null;
  }>(
    `select c.partner_id, c.associated_partner_id, l.first_name, l.last_name, l.email, l.phone_number, l.date_agreed
     from customers c
     left join lateral (
       select first_name, last_name, email, phone_number, date_agreed from agreements a
       where a.customer_id = c.id and a.template_id = $2 order by a.id desc limit 1
     ) l on true
     where c.id = $1`,
    [input.customerId, template.templateId],
  );
  const customer = rows[0];
  if (!customer) return { ok: false, error: errors.customerNotFound() };
  if (!isVisibleTo(user, customer)) return { ok: false, error: errors.noRelationship() };

  const agreed = parseApiInstant(input.dateAgreed);
  if (!agreed) return { ok: false, error: errors.badInput('dateAgreed is not a valid date-time.') };
  if (isAfterServerNow(input.dateAgreed, now)) return { ok: false, error: errors.dateInFuture() };

  if (
    customer.first_name !== null &&
    isSameContact(input.primaryContact, {
      firstName: customer.first_name,
      lastName: customer.last_name ?? '',
      email: customer.email ?? '',
      phoneNumber: customer.phone_number,
    }) &&
    (context.rule !== 'reattest' || !isLaterThan(agreed, customer.date_agreed))
  )
    return { ok: false, error: errors.agreementExists() };

  const contact = input.primaryContact;
  await tx.query(
    `insert into agreements (customer_id, partner_id, template_id, agreement_type, agreement_link, first_name, last_name, email,
       phone_number, date_agreed, user_id, user_name, request_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      input.customerId,
      customer.partner_id,
      template.templateId,
      template.agreementType,
      template.agreementLink,
      contact.firstName,
      contact.lastName,
      contact.email,
      contact.phoneNumber ?? null,
      agreed.toISOString(),
      user.userId,
      user.userName,
      context.requestId,
      now.toISOString(),
    ],
  );

  // The documented echo: the agreement as sent, with userId from the token and the type the template decides.
  const agreement: Record<string, unknown> = {
    userId: user.userId,
    primaryContact: toWireContact(contact),
    templateId: template.templateId,
    dateAgreed: input.dateAgreed,
    type: template.agreementType,
  };
  if (input.agreementLink) agreement.agreementLink = input.agreementLink;
  return { ok: true, agreement };
}

/** Whether `agreed` is after the latest confirmation's date (a refresh of it). */
function isLaterThan(agreed: Date, latest: Date | string | null): boolean {
  if (latest === null) return true;
  const latestMs = (latest instanceof Date ? latest : new Date(latest)).getTime();
  return Number.isNaN(latestMs) || agreed.getTime() > latestMs;
}
