import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MCA_TYPE, type AgreementRecord } from '../../../../shared/domain/agreement';
import {
  deriveCustomerState,
  latestConfirmation,
  mcaStatuses,
  type CustomerSources,
  type LinkState,
  type LocalAttestationState,
} from '../../../../renderer/src/domain/mca-status';
import type { DirectAcceptanceRow, McaStateRow } from '../../../../renderer/src/db/rows';
import { CUSTOMER_A, contact } from '../helpers/database';

const partnerRow = (completed: boolean): McaStateRow => ({
  customerId: CUSTOMER_A,
  partnerAttestationCompleted: completed,
  lastContact: completed ? contact : null,
  lastDateAgreed: completed ? '2025-01-02T00:00:00' : null,
  updatedAt: 7,
});
const record = (dateAgreed: string, email: string, type = MCA_TYPE): AgreementRecord => ({
  customerId: CUSTOMER_A,
  primaryContact: { ...contact, email },
  templateId: 't',
  dateAgreed,
  type,
  userId: null,
});

// Every source in every state it can be in (undefined: not known at all).
const partnerArb = fc.constantFrom<McaStateRow | undefined>(undefined, partnerRow(false), partnerRow(true));
const historyArb = fc.constantFrom<AgreementRecord[] | undefined>(undefined, [], [record('2024-03-01T00:00:00', 'a@x.example')]);
const directArb = fc.constantFrom<DirectAcceptanceRow | undefined>(
  undefined,
  { customerId: CUSTOMER_A, isSigned: false, checkedAt: 11 },
  { customerId: CUSTOMER_A, isSigned: true, checkedAt: 12 },
);
const localArb = fc.option(
  fc.record({
    waiting: fc.boolean(),
    failed: fc.boolean(),
    link: fc.constantFrom<LinkState | undefined>(undefined, 'link-requested', 'waiting-for-acceptance', 'link-expired'),
  }),
  { nil: undefined },
);
const sourcesArb = fc.record({ partner: partnerArb, history: historyArb, direct: directArb, local: localArb });

function clean(local: { waiting: boolean; failed: boolean; link: LinkState | undefined } | undefined): LocalAttestationState | undefined {
  if (!local) return undefined;
  return { waiting: local.waiting, failed: local.failed, ...(local.link ? { link: local.link } : {}) };
}

describe('deriveCustomerState over every combination of sources', () => {
  it('is ready to order exactly when a partner confirmation or a direct acceptance exists, whatever the outbox holds', () => {
    fc.assert(
      fc.property(sourcesArb, (input) => {
        const sources: CustomerSources = { ...input, local: clean(input.local) };
        const state = deriveCustomerState(sources);
        const partner = Boolean(input.history?.length) || Boolean(input.partner?.partnerAttestationCompleted);
        const direct = input.direct?.isSigned === true;
        expect(state.readyToOrder).toBe(partner || direct);
        expect(state.confirmedBy).toBe(partner ? 'partner' : direct ? 'customer' : null);
        expect(mcaStatuses).toContain(state.status);
        // A failed or expired re-attestation never outranks a confirmation.
        if (state.readyToOrder) expect(['failed', 'link-expired', 'not-accepted', 'not-checked']).not.toContain(state.status);
        // What waits shows over a confirmation (the agent asked for it); without one, a failure comes first.
        const local = sources.local;
        if (state.readyToOrder && local?.link && local.link !== 'link-expired') expect(state.status).toBe(local.link);
        if (!state.readyToOrder && local?.failed) expect(state.status).toBe('failed');
        if (!state.readyToOrder && !local?.failed && !local?.waiting && !local?.link)
          expect(state.status).toBe(input.direct ? 'not-accepted' : 'not-checked');
        if (state.readyToOrder && !local?.waiting && !(local?.link && local.link !== 'link-expired'))
          expect(state.status).toBe(partner ? 'confirmed-by-partner' : 'accepted-directly');
        // Every source says where it came from and when it was checked.
        const direct0 = state.sources.find((fact) => fact.source === 'direct-acceptance');
        expect(direct0).toEqual(
          input.direct
            ? { source: 'direct-acceptance', says: input.direct.isSigned ? 'accepted' : 'not-accepted', checkedAt: input.direct.checkedAt }
            : { source: 'direct-acceptance', says: 'not-checked', checkedAt: null },
        );
        const partnerFact = state.sources.find((fact) => fact.source === 'partner-attestation');
        if (input.partner || input.history?.length) expect(partnerFact?.says).toBe(partner ? 'confirmed' : 'not-confirmed');
        else expect(partnerFact).toBeUndefined();
        expect(state.sources.some((fact) => fact.source === 'outbox' && fact.says === 'failed')).toBe(Boolean(local?.failed));
        expect(state.sources.some((fact) => fact.source === 'outbox' && fact.says === 'queued')).toBe(Boolean(local?.waiting));
        expect(state.sources.some((fact) => fact.source === 'enhanced-attestation')).toBe(Boolean(local?.link));
      }),
      { numRuns: 500 },
    );
  });

  it('says when the partner-wide records were checked, or the history when it was fetched', () => {
    expect(deriveCustomerState({ partner: partnerRow(true), partnerCheckedAt: 99 }).sources[0]).toEqual({
      source: 'partner-attestation',
      says: 'confirmed',
      checkedAt: 99,
    });
    expect(
      deriveCustomerState({ partner: partnerRow(false), history: [record('2024-01-01T00:00:00', 'a@x.example')], historyCheckedAt: 42 })
        .sources[0],
    ).toEqual({ source: 'partner-attestation', says: 'confirmed', checkedAt: 42 });
  });
});

describe('latest confirmation', () => {
  it('is the latest dateAgreed, of equal ones the later in the list, not the last listed', () => {
    const early = record('2023-05-01T00:00:00', 'early@x.example');
    const late = record('2025-02-01T00:00:00', 'late@x.example');
    const sameDay = record('2025-02-01T00:00:00', 'same-day@x.example');
    expect(latestConfirmation([late, early])).toBe(late);
    expect(latestConfirmation([early, late, sameDay])).toBe(sameDay);
    expect(latestConfirmation([late, sameDay, early])).toBe(sameDay);
    expect(latestConfirmation([record('2026-01-01T00:00:00', 'cloud@x.example', 'MicrosoftCloudAgreement'), early])).toBe(early);
    expect(latestConfirmation([])).toBeUndefined();
    expect(deriveCustomerState({ history: [late, early] }).latestDateAgreed).toBe('2025-02-01T00:00:00');
  });

  it('holds for any list: no record is later, and a tie goes to the later one', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 8 }), (days) => {
        const records = days.map((day, n) => record(`2024-01-0${day + 1}T00:00:00`, `n${n}@x.example`));
        const latest = latestConfirmation(records)!;
        const index = records.indexOf(latest);
        const max = Math.max(...days);
        expect(days[index]).toBe(max);
        expect(days.lastIndexOf(max)).toBe(index);
      }),
    );
  });
});
