import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_AFTER_DAYS, followUpAfterDaysSchema } from '../../../shared/domain/settings-form';
import { contract, settingsSchema } from '../../../shared/ipc/contract';

describe('the follow-up days', () => {
  it('are 1 to 7 whole days, with a code for each refusal', () => {
    for (const good of [1, 3, 7]) expect(followUpAfterDaysSchema.safeParse(good).success).toBe(true);
    const code = (value: unknown) => {
      const parsed = followUpAfterDaysSchema.safeParse(value);
      return parsed.success ? null : parsed.error.issues[0]?.message;
    };
    expect(code(0)).toBe('too-small');
    expect(code(-2)).toBe('too-small');
    expect(code(8)).toBe('too-large');
    expect(code(2.5)).toBe('not-whole');
    expect(code(Number.NaN)).toBe('not-a-number');
    expect(code(Number.POSITIVE_INFINITY)).toBe('not-a-number');
    expect(code('3')).toBe('not-a-number');
  });

  it('are the same rule in the IPC payload, and a settings file without them gets 3', () => {
    expect(contract.updateSettings.request.safeParse({ followUpAfterDays: 0 }).success).toBe(false);
    expect(contract.updateSettings.request.safeParse({ followUpAfterDays: 7 }).success).toBe(true);
    expect(contract.updateSettings.request.parse({ directScanShare: 0.5 })).not.toHaveProperty('followUpAfterDays');
    const file = { backend: 'sandbox', sandboxUrl: 'http://127.0.0.1:4010', partnerCenter: { tenantId: '', clientId: '' } };
    expect(settingsSchema.parse(file).followUpAfterDays).toBe(DEFAULT_FOLLOW_UP_AFTER_DAYS);
  });
});
