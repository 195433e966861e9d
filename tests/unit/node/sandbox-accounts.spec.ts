// @vitest-environment node
/**
 * The sandbox's sign-in accounts are listed once (shared/domain/sandbox-accounts.ts): the sandbox
 * seeds exactly them (MFA as the list says), and the README's tables show exactly them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  noMfaUser,
  SEEDED_PASSWORD,
  seededAppRegistrations,
  seededPartners,
  seededUsers,
  startSandbox,
  type RunningSandbox,
} from '../../../sandbox/index';
import { SANDBOX_PASSWORD, sandboxAccounts, sandboxAppRegistrations, sandboxPartners } from '../../../shared/domain/sandbox-accounts';
import { api, tokenFor } from './sandbox/helpers';

const ROLE_LABELS: Record<string, string> = {
  'admin-agent': 'Admin agent',
  'sales-agent': 'Sales agent',
  'helpdesk-agent': 'Helpdesk agent',
  'billing-admin': 'Billing admin',
};

describe('the seed derives from the accounts list', () => {
  it('seeds every listed account (the one without MFA apart), its partners, apps and password', () => {
    expect(SEEDED_PASSWORD).toBe(SANDBOX_PASSWORD);
    expect(seededPartners).toEqual(sandboxPartners);
    expect(seededAppRegistrations).toEqual(sandboxAppRegistrations);
    const seeded = [...seededUsers.map((user) => ({ user, mfa: true })), { user: noMfaUser, mfa: false }];
    expect(
      seeded.map(({ user, mfa }) => [
        user.userName,
        user.displayName,
        user.roles,
        user.partnerTenantId,
        user.partnerName,
        user.partnerType,
        mfa,
      ]),
    ).toEqual(
      sandboxAccounts.map((account) => [
        account.userName,
        account.displayName,
        [account.role],
        account.partnerTenantId,
        account.partnerName,
        account.partnerType,
        account.mfa,
      ]),
    );
    // Exactly one account without MFA: the fixture of Partner Center's rule, which the sign-in page describes.
    expect(sandboxAccounts.filter((account) => !account.mfa).map((account) => account.userName)).toEqual(['nomfa@contoso.example']);
    // The documented user id stays, and a reseller's users name their provider.
    expect(seededUsers[0]).toMatchObject({ userName: 'admin@contoso.example', userId: '3d6f2c09-eb40-48ca-a4b3-d24c9c007531' });
    expect(seededUsers.find((user) => user.userName === 'admin@tailspin.example')).toMatchObject({ providerName: 'Fabrikam Distribution' });
    expect(new Set([...seededUsers, noMfaUser].map((user) => user.userId)).size).toBe(sandboxAccounts.length);
  });
});

describe('a running sandbox of today', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ memory: true, port: 0, quiet: true });
  }, 60_000);
  afterAll(() => sandbox?.stop());

  it('signs in every listed account with the password; only the one without MFA is refused its calls (401, 900421)', async () => {
    for (const account of sandboxAccounts) {
      const profile = await api(sandbox, await tokenFor(sandbox, account.userName, SANDBOX_PASSWORD)).get('/v1/profiles/me');
      if (account.mfa) expect(profile, account.userName).toMatchObject({ status: 200, body: { userName: account.userName } });
      else expect(profile, account.userName).toMatchObject({ status: 401, body: { code: 900421 } });
    }
  });
});

describe("the README's tables", () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

  it('list exactly the accounts, in order, with their role and partner', () => {
    const table = readme.slice(readme.indexOf('Seeded users'), readme.indexOf('Sign in with `POST /oauth2/token`'));
    const rows = [...table.matchAll(/^\| `([^`]+@[^`]+)` \| ([^|]+) \| ([^|]+) \|$/gm)].map((match) => ({
      userName: match[1],
      role: match[2]!.trim(),
      partner: match[3]!.trim(),
    }));
    expect(rows.map((row) => row.userName)).toEqual(sandboxAccounts.map((account) => account.userName));
    for (const [index, account] of sandboxAccounts.entries()) {
      expect(rows[index]!.role.startsWith(ROLE_LABELS[account.role]!), account.userName).toBe(true);
      expect(rows[index]!.partner.startsWith(account.partnerName), account.userName).toBe(true);
      expect(rows[index]!.partner.includes('without MFA'), account.userName).toBe(!account.mfa);
    }
  });

  it('list exactly the app registrations with their partner', () => {
    const rows = [...readme.matchAll(/^ *\| `([0-9a-f-]{36})` \| ([^|(]+)/gm)].map((match) => [match[1], match[2]!.trim()]);
    expect(rows).toEqual(
      sandboxAppRegistrations.map((app) => [
        app.clientId,
        sandboxPartners.find((partner) => partner.partnerTenantId === app.partnerTenantId)!.partnerName,
      ]),
    );
  });
});
