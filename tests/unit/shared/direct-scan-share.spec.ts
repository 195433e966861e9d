import { describe, expect, it } from 'vitest';
import { DEFAULT_DIRECT_SCAN_SHARE, directScanShareSchema } from '../../../shared/domain/settings-form';
import { contract, settingsSchema } from '../../../shared/ipc/contract';

describe("the direct acceptance check's share of the rate limit", () => {
  it('is 5 % to 100 % in whole percents, with a code for each refusal', () => {
    for (const good of [0.05, 0.3, 0.5, 1]) expect(directScanShareSchema.safeParse(good).success).toBe(true);
    const code = (value: unknown) => {
      const parsed = directScanShareSchema.safeParse(value);
      return parsed.success ? null : parsed.error.issues[0]?.message;
    };
    expect(code(0.01)).toBe('too-small');
    expect(code(0)).toBe('too-small');
    expect(code(1.01)).toBe('too-large');
    expect(code(0.333)).toBe('not-whole-percent');
    expect(code(Number.NaN)).toBe('not-a-number');
    expect(code('0.5')).toBe('not-a-number');
  });

  it('is the same rule in the IPC payload, and a settings file without it gets half', () => {
    expect(contract.updateSettings.request.safeParse({ directScanShare: 2 }).success).toBe(false);
    expect(contract.updateSettings.request.safeParse({ directScanShare: 0.25 }).success).toBe(true);
    // A patch without it leaves it alone (no default slipped in).
    expect(contract.updateSettings.request.parse({ acceptanceFloor: '2020-01-01' })).not.toHaveProperty('directScanShare');
    const file = { backend: 'sandbox', sandboxUrl: 'http://127.0.0.1:4010', partnerCenter: { tenantId: '', clientId: '' } };
    expect(settingsSchema.parse(file).directScanShare).toBe(DEFAULT_DIRECT_SCAN_SHARE);
  });
});
