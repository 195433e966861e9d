/**
 * The MCA refresh (Microsoft's bulk re-attestation, reference §7b), planned locally: each selected
 * customer whose partner attestation exists gets a new confirmation with its last contact and today's
 * date. Customers that cannot or need not be re-confirmed are reported with the reason, never dropped.
 */
import { contactSchema, type Contact } from '../../../shared/domain/contact';
import { apiInstantToCalendarDate } from '../../../shared/domain/dates';
import type { McaStateRow } from '../db/rows';
import type { LocalAttestationState } from '../domain/mca-status';
import type { NewAttestation } from '../outbox/commands';

export type ReattestSkipReason = 'not-attested' | 'already-queued' | 'invalid-contact' | 'already-today';

export interface ReattestSkip {
  customerId: string;
  customerName: string;
  reason: ReattestSkipReason;
}

export interface ReattestPlan {
  items: NewAttestation[];
  skipped: ReattestSkip[];
}

/** Whether a customer can be re-confirmed at all: a partner attestation exists and its contact is known. */
export function isReattestable(state: McaStateRow | undefined): boolean {
  return Boolean(state?.partnerAttestationCompleted && state.lastContact);
}

/** The stored contact as the rules want it, or null when it no longer meets them (another tool's record). */
export function reusableContact(state: McaStateRow): Contact | null {
  if (!state.lastContact) return null;
  const parsed = contactSchema.safeParse({ ...state.lastContact, phoneNumber: state.lastContact.phoneNumber ?? undefined });
  return parsed.success ? parsed.data : null;
}

export interface PlanInput {
  customerIds: Iterable<string>;
  states: ReadonlyMap<string, McaStateRow>;
  local: ReadonlyMap<string, LocalAttestationState>;
  nameOf: (customerId: string) => string;
  /** Today's acceptance date (shared `latestAcceptanceDate`). */
  today: string;
}

export function planReattestation(input: PlanInput): ReattestPlan {
  const items: NewAttestation[] = [];
  const skipped: ReattestSkip[] = [];
  for (const customerId of input.customerIds) {
    const customerName = input.nameOf(customerId);
    const state = input.states.get(customerId);
    const skip = (reason: ReattestSkipReason) => skipped.push({ customerId, customerName, reason });
    if (!state || !isReattestable(state)) skip('not-attested');
    else if (input.local.get(customerId)?.waiting || input.local.get(customerId)?.failed) skip('already-queued');
    else if (state.lastDateAgreed && apiInstantToCalendarDate(state.lastDateAgreed) === input.today) skip('already-today');
    else {
      const contact = reusableContact(state);
      if (!contact) skip('invalid-contact');
      else items.push({ customerId, customerName, primaryContact: contact, dateAgreed: input.today, kind: 'reattest' });
    }
  }
  return { items, skipped };
}
