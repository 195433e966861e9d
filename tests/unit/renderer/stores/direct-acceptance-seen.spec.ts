import { beforeEach, describe, expect, it } from 'vitest';
import { useMcaStateStore } from '../../../../renderer/src/stores/mca-state';
import { ADMIN } from '../helpers/fake-api';
import { customerId } from '../helpers/database';
import { createTestApp, eventually, type TestApp } from '../helpers/app';

let app: TestApp;

beforeEach(async () => {
  app = await createTestApp(ADMIN);
});

describe('direct acceptance: when it was first seen', () => {
  it('keeps the first "accepted" time across re-checks, and forgets it when the answer turns to "not accepted"', async () => {
    const mcaState = useMcaStateStore();
    await mcaState.load();
    const id = customerId(1);
    const row = () => app.database.directAcceptance.get(id);

    await mcaState.saveDirectAcceptance(id, false, 1_000);
    expect(await row()).toEqual({ customerId: id, isSigned: false, checkedAt: 1_000 });
    await eventually(() => mcaState.direct.get(id)?.checkedAt === 1_000);

    await mcaState.saveDirectAcceptance(id, true, 2_000);
    expect(await row()).toEqual({ customerId: id, isSigned: true, checkedAt: 2_000, acceptedSeenAt: 2_000 });
    await eventually(() => mcaState.direct.get(id)?.checkedAt === 2_000);

    // The re-check seven days on: the Overview still counts the acceptance in the week it was first seen.
    await mcaState.saveDirectAcceptance(id, true, 9_000);
    expect(await row()).toEqual({ customerId: id, isSigned: true, checkedAt: 9_000, acceptedSeenAt: 2_000 });
    await eventually(() => mcaState.direct.get(id)?.checkedAt === 9_000);

    await mcaState.saveDirectAcceptance(id, false, 10_000);
    expect(await row()).toEqual({ customerId: id, isSigned: false, checkedAt: 10_000 });
  });

  it('takes the check time of an answer kept before the first-seen time existed', async () => {
    const id = customerId(2);
    await app.database.directAcceptance.put({ customerId: id, isSigned: true, checkedAt: 500 });
    const mcaState = useMcaStateStore();
    await mcaState.load();
    await mcaState.saveDirectAcceptance(id, true, 8_000);
    expect(await app.database.directAcceptance.get(id)).toMatchObject({ checkedAt: 8_000, acceptedSeenAt: 500 });
  });
});
