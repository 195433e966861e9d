import { describe, expect, it } from 'vitest';
import { localStatesOf, mcaStatusOf, orderClearance } from '../../../../renderer/src/domain/mca-status';
import { mergeHistory } from '../../../../renderer/src/domain/history';
import { findDuplicate } from '../../../../renderer/src/outbox/save-rules';
import type { McaStateRow, OutboxItem } from '../../../../renderer/src/db/rows';
import { CUSTOMER_A, contact } from '../helpers/database';

const confirmed: McaStateRow = { customerId: CUSTOMER_A, partnerAttestationCompleted: true, lastContact: contact, lastDateAgreed: '2025-01-02T00:00:00', updatedAt: 1 };
const signed: McaStateRow = { customerId: CUSTOMER_A, partnerAttestationCompleted: false, lastContact: null, lastDateAgreed: null, isSigned: true, updatedAt: 1 };

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

describe('MCA status', () => {
  it('uses the words of the filter, failed and queued before what the backend knows', () => {
    expect(mcaStatusOf(undefined, undefined)).toBe('not-accepted');
    expect(mcaStatusOf(signed, undefined)).toBe('accepted-directly');
    expect(mcaStatusOf(confirmed, undefined)).toBe('confirmed-by-partner');
    expect(mcaStatusOf(confirmed, localStatesOf([item('queued')]).get(CUSTOMER_A))).toBe('queued');
    expect(mcaStatusOf(confirmed, localStatesOf([item('queued'), item('failed')]).get(CUSTOMER_A))).toBe('failed');
  });

  it('clears an order only for what Microsoft has: a queued confirmation is not enough', () => {
    expect(orderClearance(confirmed, [])).toEqual({ cleared: true, by: 'partner', dateAgreed: '2025-01-02T00:00:00' });
    expect(orderClearance(signed, [])).toEqual({ cleared: true, by: 'customer' });
    expect(orderClearance(undefined, [item('queued')])).toEqual({ cleared: false, why: 'queued' });
    expect(orderClearance(undefined, [item('failed', { lastError: { kind: 'failed', reason: 'Date in the future', at: 1 } })])).toEqual({ cleared: false, why: 'failed', reason: 'Date in the future' });
    expect(orderClearance(undefined, [])).toEqual({ cleared: false, why: 'not-accepted' });
  });
});

describe('confirmation history', () => {
  const record = { customerId: CUSTOMER_A, primaryContact: contact, templateId: 't', dateAgreed: '2025-01-02T00:00:00', type: 'MicrosoftCustomerAgreement', userId: 'u-1' };

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
