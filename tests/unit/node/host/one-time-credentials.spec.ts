// @vitest-environment node
/** A new customer's one-time credentials in main: seven days at most, its creator only, gone at sign-out. */
import { describe, expect, it } from 'vitest';
import { CREDENTIALS_KEEP_MS, OneTimeCredentials } from '../../../../electron/host/one-time-credentials';
import { MemorySecretStore } from '../../../../electron/host/secrets/store';
import type { PartnerUser } from '../../../../shared/domain/roles';

const agent = (userId: string): PartnerUser => ({
  userId,
  userName: `${userId}@contoso.example`,
  displayName: userId,
  roles: ['admin-agent'],
  partnerType: 'direct-bill',
  partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438',
  partnerName: 'Contoso',
});
const ANNA = agent('anna');
const BEN = agent('ben');
const secret = { userName: 'admin@newco.onmicrosoft.com', password: 'Temp-Passw0rd!' };

describe('one-time credentials', () => {
  it('are read by their creator only, within seven days; a sweep deletes older ones', async () => {
    const secrets = new MemorySecretStore();
    let now = Date.parse('2026-12-01T09:00:00Z');
    const store = new OneTimeCredentials(secrets, () => now);
    await store.keep('c1', ANNA, secret);
    expect(await store.read('c1', ANNA)).toEqual({ ok: true, credentials: secret });
    expect(await store.read('c1', BEN)).toEqual({ ok: false, why: 'not-yours' });
    expect(await store.forget('c1', BEN)).toBe(false);

    now += CREDENTIALS_KEEP_MS - 1;
    expect((await store.read('c1', ANNA)).ok).toBe(true);
    await store.keep('c2', BEN, secret);
    now += 1;
    expect(await store.sweep()).toBe(1);
    expect(await store.read('c1', ANNA)).toEqual({ ok: false, why: 'gone' });
    expect(await secrets.keys('credentials:')).toEqual(['credentials:c2']);
  });

  it('at sign-out every entry of that agent goes, and another agent keeps theirs', async () => {
    const secrets = new MemorySecretStore();
    const store = new OneTimeCredentials(secrets, () => Date.now());
    await store.keep('a1', ANNA, secret);
    await store.keep('a2', ANNA, secret);
    await store.keep('b1', BEN, secret);
    await store.forgetAllOf(ANNA);
    expect(await secrets.keys('credentials:')).toEqual(['credentials:b1']);
  });

  it('treats an entry it cannot read (an older format, a damaged value) as gone, and sweeps it', async () => {
    const secrets = new MemorySecretStore();
    await secrets.set('credentials:old', JSON.stringify(secret));
    const store = new OneTimeCredentials(secrets, () => Date.now());
    expect(await store.read('old', ANNA)).toEqual({ ok: false, why: 'gone' });
    expect(await store.sweep()).toBe(1);
    expect(await secrets.keys('credentials:')).toEqual([]);
  });
});
