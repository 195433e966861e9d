/**
 * What every row in view asks on every keystroke (its status, whether it is selected) are getters,
 * not store actions: Pinia wraps each action call (an argument copy and two Sets per call, and every
 * $onAction subscriber), which the profile of a typing run showed among the grid's costs.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useCustomersStore } from '../../../../renderer/src/stores/customers';
import { useCustomerListStore } from '../../../../renderer/src/stores/customer-list';
import { useCustomerSelectionStore } from '../../../../renderer/src/stores/customer-selection';
import { useMcaStateStore } from '../../../../renderer/src/stores/mca-state';
import { ADMIN } from '../helpers/fake-api';
import { customerId } from '../helpers/database';
import { createTestApp, eventually, type TestApp } from '../helpers/app';

let app: TestApp;

beforeEach(async () => {
  app = await createTestApp(ADMIN);
  const rows = Array.from({ length: 3 }, (_, n) => ({
    id: customerId(n),
    companyName: `Customer ${n}`,
    domain: `c${n}.example`,
    nameKey: `customer ${n}`,
    seenRun: 'r',
  }));
  await app.database.customers.bulkPut(rows);
  await app.database.meta.put({ key: 'customers.updatedAt', value: Date.now() });
  await useCustomersStore().load();
  await useMcaStateStore().load();
});

describe('row lookups of the Customers grid', () => {
  it('answer a row status and its selection without running a store action, and follow changes', async () => {
    const list = useCustomerListStore();
    const selection = useCustomerSelectionStore();
    const actions: string[] = [];
    list.$onAction(({ name }) => void actions.push(name));
    selection.$onAction(({ name }) => void actions.push(name));

    expect([0, 1, 2].map((position) => list.statusOf(position))).toEqual(['not-checked', 'not-checked', 'not-checked']);
    expect(selection.isSelected(customerId(1))).toBe(false);
    expect(actions).toEqual([]);

    selection.toggle(customerId(1));
    expect(actions).toEqual(['toggle']);
    expect(selection.isSelected(customerId(1))).toBe(true);
    expect(selection.isSelected(customerId(2))).toBe(false);

    await app.database.directAcceptance.put({ customerId: customerId(2), isSigned: true, checkedAt: Date.now() });
    await eventually(() => list.statusOf(2) === 'accepted-directly');
    expect(actions).toEqual(['toggle']);
  });
});
