import { describe, expect, it } from 'vitest';
import { localStatesOf, mcaStatusOf, orderClearance } from '../../../../renderer/src/domain/mca-status';
import { mergeHistory } from '../../../../renderer/src/domain/history';
import { findDuplicate } from '../../../../renderer/src/outbox/save-rules';
import type { DirectAcceptanceRow, McaStateRow, OutboxItem } from '../../../../renderer/src/db/rows';
import { CUSTOMER_A, contact } from '../helpers/database';

const confirmed: McaStateRow = {
  customerId: CUSTOMER_A,
  partnerAttestationCompleted: true,
  lastContact: contact,
  lastDateAgreed: '2025-01-02T00:00:00',
  updatedAt: 1,
};
const unconfirmed: McaStateRow = {
  customerId: CUSTOMER_A,
  partnerAttestationCompleted: false,
  lastContact: null,
  lastDateAgreed: null,
  updatedAt: 1,
};
const signed: DirectAcceptanceRow = { customerId: CUSTOMER_A, isSigned: true, checkedAt: 5 };
const notSigned: DirectAcceptanceRow = { customerId: CUSTOMER_A, isSigned: false, checkedAt: 5 };

function item(state: OutboxItem['state'], overrides: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id: `${state}-${Math.random()}`,
    customerId: CUSTOMER_A,
    customerName: 'Contoso',
    primaryContact: { ...contact, email: 'new@example.com' },
    dateAgreed: '2026-11-19',
    state,
    attempts: 0,
    createdAt: 10,
    updatedAt: 10,
    createdBy: 'admin@contoso.example',
    nextAttemptAt: 10,
    ...overrides,
  };
}

function link(
  state: OutboxItem['state'],
  enhanced: Partial<NonNullable<OutboxItem['enhanced']>> = {},
  overrides: Partial<OutboxItem> = {},
): OutboxItem {
  const base = {
    step: 'create' as const,
    companyName: 'Contoso',
    country: 'NL',
    language: 'nl-NL',
    linkExpiryMinutes: 10080,
    finaliseRequestId: 'f',
    checks: 0,
  };
  return item(state, { kind: 'enhanced', dateAgreed: undefined, enhanced: { ...base, ...enhanced }, ...overrides });
}
const ready = {
  step: 'watch' as const,
  attestation: { id: 'a', acceptanceUrl: 'http://127.0.0.1/x', expiresAt: '2026-12-10T00:00:00Z', status: 'pending' as const },
};

describe('MCA status of an acceptance link', () => {
  it('reads Link requested, then Waiting for acceptance (ready, sent, accepted), and Link expired when parked so', () => {
    const statusOf = (items: OutboxItem[], state?: McaStateRow) => mcaStatusOf(state, localStatesOf(items).get(CUSTOMER_A));
    expect(statusOf([link('queued')])).toBe('link-requested');
    expect(statusOf([link('sending')])).toBe('link-requested');
    expect(statusOf([link('queued', ready)])).toBe('waiting-for-acceptance');
    expect(statusOf([link('queued', { ...ready, linkSentAt: 5 })])).toBe('waiting-for-acceptance');
    expect(statusOf([link('queued', { ...ready, step: 'finalise' })])).toBe('waiting-for-acceptance');
    const expired = link('failed', ready, { lastError: { kind: 'link-expired', reason: 'expired', at: 1 } });
    expect(statusOf([expired])).toBe('link-expired');
    // A link the backend refused is a failure the agent must act on, like any other.
    expect(statusOf([link('failed', {}, { lastError: { kind: 'failed', reason: 'bad', at: 1 } })])).toBe('failed');
    // An expired link still parked shows first: the agent must act on it ("Send a new link" replaces it).
    expect(statusOf([expired, link('queued')])).toBe('link-expired');
    // A link on its way shows over an earlier confirmation (the agent asked for a new one).
    expect(statusOf([link('queued', ready)], confirmed)).toBe('waiting-for-acceptance');
  });

  it('keeps the order gate closed at every step and says which step it is at', () => {
    expect(orderClearance(undefined, [link('queued')])).toEqual({ cleared: false, why: 'link-requested' });
    expect(orderClearance(undefined, [link('queued', ready)])).toEqual({ cleared: false, why: 'waiting-for-acceptance' });
    expect(orderClearance(undefined, [link('failed', ready, { lastError: { kind: 'link-expired', reason: 'x', at: 1 } })])).toEqual({
      cleared: false,
      why: 'link-expired',
    });
    expect(orderClearance(confirmed, [link('queued', ready)])).toMatchObject({ cleared: true, by: 'partner' });
  });
});

describe('MCA status', () => {
  it('uses the words of the filter: what is queued shows over a confirmation, a failure never does', () => {
    expect(mcaStatusOf(undefined, undefined)).toBe('not-checked');
    expect(mcaStatusOf(unconfirmed, undefined)).toBe('not-checked');
    expect(mcaStatusOf(unconfirmed, undefined, notSigned)).toBe('not-accepted');
    expect(mcaStatusOf(unconfirmed, undefined, signed)).toBe('accepted-directly');
    expect(mcaStatusOf(confirmed, undefined)).toBe('confirmed-by-partner');
    expect(mcaStatusOf(confirmed, undefined, signed)).toBe('confirmed-by-partner');
    expect(mcaStatusOf(confirmed, localStatesOf([item('queued')]).get(CUSTOMER_A))).toBe('queued');
    expect(mcaStatusOf(confirmed, localStatesOf([item('queued'), item('failed')]).get(CUSTOMER_A))).toBe('queued');
    expect(mcaStatusOf(confirmed, localStatesOf([item('failed')]).get(CUSTOMER_A))).toBe('confirmed-by-partner');
    expect(mcaStatusOf(undefined, localStatesOf([item('failed')]).get(CUSTOMER_A), signed)).toBe('accepted-directly');
    expect(mcaStatusOf(undefined, localStatesOf([item('queued'), item('failed')]).get(CUSTOMER_A))).toBe('failed');
  });

  it('clears an order only for what Microsoft has: a queued confirmation is not enough', () => {
    expect(orderClearance(confirmed, [])).toEqual({ cleared: true, by: 'partner', dateAgreed: '2025-01-02T00:00:00' });
    expect(orderClearance(unconfirmed, [], signed)).toEqual({ cleared: true, by: 'customer' });
    expect(orderClearance(undefined, [item('failed')], signed)).toEqual({ cleared: true, by: 'customer' });
    expect(orderClearance(undefined, [item('queued')])).toEqual({ cleared: false, why: 'queued' });
    expect(orderClearance(undefined, [item('failed', { lastError: { kind: 'failed', reason: 'Date in the future', at: 1 } })])).toEqual({
      cleared: false,
      why: 'failed',
      reason: 'Date in the future',
    });
    expect(orderClearance(undefined, [])).toEqual({ cleared: false, why: 'not-accepted' });
  });
});

describe('confirmation history', () => {
  const record = {
    customerId: CUSTOMER_A,
    primaryContact: contact,
    templateId: 't',
    dateAgreed: '2025-01-02T00:00:00',
    type: 'MicrosoftCustomerAgreement',
    userId: 'u-1',
  };

  it('lists the backend records and the local items the backend does not show yet', () => {
    const sent = item('confirmed', { primaryContact: contact, dateAgreed: '2025-01-02' });
    const waiting = item('queued', { createdAt: 20 });
    const failed = item('failed', { createdAt: 30, lastError: { kind: 'failed', reason: 'Nope', at: 1 } });
    const history = mergeHistory([record], [sent, waiting, failed, item('replaced')]);
    expect(history.map((entry) => [entry.day, entry.state, entry.reason])).toEqual([
      ['2025-01-02', 'recorded', undefined],
      ['2026-11-19', 'queued', undefined],
      ['2026-11-19', 'failed', 'Nope'],
    ]);
  });

  it('finds a duplicate of the latest confirmation, at the backend or still queued', () => {
    expect(findDuplicate(contact, [record], [])?.kind).toBe('recorded');
    expect(findDuplicate({ ...contact, email: 'other@example.com' }, [record], [])).toBeNull();
    const waiting = item('queued');
    expect(findDuplicate(waiting.primaryContact, [record], [waiting])?.kind).toBe('queued');
    // Only the latest counts: re-confirming an older contact is allowed.
    expect(findDuplicate(contact, [record], [waiting])).toBeNull();
    // Failed items never count.
    expect(findDuplicate(waiting.primaryContact, [], [item('failed')])).toBeNull();
  });
});
