import type { Transaction } from '@electric-sql/pglite';
import type { Database } from '../db/database';
import type { AuthUser } from '../auth/users';
import { errors, type ErrorResult } from '../http/errors';

export interface CustomerRow {
  id: string;
  seq: string;
  partner_id: string;
  associated_partner_id: string | null;
  commerce_id: string;
  company_name: string;
  domain: string;
  email: string;
  culture: string;
  language: string;
  first_name: string;
  last_name: string;
  address_line1: string;
  address_line2: string | null;
  city: string;
  state: string | null;
  postal_code: string;
  country: string;
  phone_number: string | null;
  registration_number: string | null;
  relationship: string;
  enable_gdap: boolean | null;
  direct_signed: boolean;
}

/** SQL condition for "customers this user's partner may see" ($1 = the partner tenant id). */
export function visibleTo(user: AuthUser, alias = 'c'): string {
  // An indirect reseller sees the customers its provider created for it; everyone else its own.
  return user.partnerType === 'indirect-reseller' ? `${alias}.associated_partner_id = $1` : `${alias}.partner_id = $1`;
}

/** Whether the user's partner may see and act on this customer (see `visibleTo`). */
export function isVisibleTo(user: AuthUser, customer: Pick<CustomerRow, 'partner_id' | 'associated_partner_id'>): boolean {
  return user.partnerType === 'indirect-reseller'
    ? customer.associated_partner_id === user.partnerTenantId
    : customer.partner_id === user.partnerTenantId;
}

/** A customer the user's partner may act on: 404 when unknown, 403 20002 when it is another partner's. */
export async function findCustomerFor(
  db: Transaction | Database,
  user: AuthUser,
  customerId: string,
): Promise<{ ok: true; customer: CustomerRow } | { ok: false; error: ErrorResult }> {
  const { rows } = await db.query<CustomerRow>('select * from customers where id = $1', [customerId]);
  const customer = rows[0];
  if (!customer) return { ok: false, error: errors.customerNotFound() };
  if (!isVisibleTo(user, customer)) return { ok: false, error: errors.noRelationship() };
  return { ok: true, customer };
}
