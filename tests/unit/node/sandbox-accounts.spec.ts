import { describe, expect, it } from 'vitest';
import { SEEDED_PASSWORD, seededUsers } from '../../../sandbox/seed-data';
import { SANDBOX_PASSWORD, sandboxAccounts } from '../../../shared/domain/sandbox-accounts';

describe('sandbox accounts on the sign-in page', () => {
  it('are exactly the sandbox’s seeded users, with their role, partner and password', () => {
    expect(SANDBOX_PASSWORD).toBe(SEEDED_PASSWORD);
    expect(sandboxAccounts.map((account) => [account.userName, [account.role], account.partnerName, account.partnerType])).toEqual(
      seededUsers.map((user) => [user.userName, user.roles, user.partnerName, user.partnerType]),
    );
  });
});
