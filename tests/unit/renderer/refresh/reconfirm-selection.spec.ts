import { describe, expect, it } from 'vitest';
import { markRaw } from 'vue';
import McaRefreshPage from '../../../../renderer/src/pages/McaRefreshPage.vue';
import { useCustomersStore } from '../../../../renderer/src/stores/customers';
import { useMcaStateStore } from '../../../../renderer/src/stores/mca-state';
import { useReconfirmStore } from '../../../../renderer/src/stores/reconfirm';
import type { CustomerRow, McaStateRow } from '../../../../renderer/src/db/rows';
import { ADMIN, HELPDESK } from '../helpers/fake-api';
import { customerId } from '../helpers/database';
import { createTestApp, eventually, mountIn } from '../helpers/app';

const contact = { firstName: 'Tania', lastName: 'Carr', email: 'tania@example.com' };

/** n customers in memory; every third has a partner attestation. */
function seed(n: number): void {
  const rows: CustomerRow[] = [];
  const states = new Map<string, McaStateRow>();
  for (let i = 0; i < n; i++) {
    const id = customerId(i + 1);
    const name = `Customer ${String(i).padStart(6, '0')}`;
    rows.push({ id, companyName: name, domain: `c${i}.onmicrosoft.com`, nameKey: name.toLowerCase(), seenRun: 'r' });
    if (i % 3 === 0)
      states.set(id, {
        customerId: id,
        partnerAttestationCompleted: true,
        lastContact: contact,
        lastDateAgreed: '2024-01-01T00:00:00',
        updatedAt: 1,
      });
  }
  const customers = useCustomersStore();
  customers.records = markRaw(rows);
  customers.positions = markRaw(new Map(rows.map((row, position) => [row.id, position])));
  const mca = useMcaStateStore();
  mca.states = markRaw(states);
  mca.version += 1;
}

describe('MCA refresh selection', () => {
  it('answers the rows in view and their selection without running a store action, following the search and the selection', async () => {
    await createTestApp(ADMIN);
    seed(9);
    const store = useReconfirmStore();
    const actions: string[] = [];
    store.$onAction(({ name }) => void actions.push(name));
    // Eligible: every third customer (positions 0, 3, 6).
    expect([0, 1, 2, 3].map((index) => store.rowAt(index)?.id)).toEqual([customerId(1), customerId(4), customerId(7), undefined]);
    expect(store.isSelected(customerId(4))).toBe(false);
    expect(actions).toEqual([]);

    store.toggle(customerId(4));
    expect(actions).toEqual(['toggle']);
    expect(store.isSelected(customerId(4))).toBe(true);
    expect(store.isSelected(customerId(1))).toBe(false);

    store.query = 'c6.';
    expect([0, 1].map((index) => store.rowAt(index)?.id)).toEqual([customerId(7), undefined]);
    expect(actions).toEqual(['toggle']);
  });

  it('offers only customers with a partner attestation and selects 100,000 rows by search and "select all shown"', async () => {
    await createTestApp(ADMIN);
    seed(100_000);
    const store = useReconfirmStore();
    expect(store.eligible.length).toBe(33_334);
    // Search by domain: the same search as the customer list.
    let expected = 0;
    for (let i = 0; i < 100_000; i += 3) if (`c${i}.onmicrosoft.com`.includes('c99')) expected += 1;
    store.query = 'c99';
    expect(store.rows.length).toBe(expected);
    store.selectShown();
    expect(store.selectedIds).toHaveLength(expected);
    store.query = '';
    expect(store.shownSelectedCount).toBe(expected);
    store.selectShown();
    expect(store.selectedIds).toHaveLength(33_334);
    store.toggle(customerId(1));
    expect(store.selectedIds).toHaveLength(33_333);
    store.clear();
    expect(store.selectedIds).toHaveLength(0);
  });

  it('is usable by keyboard: Space selects the active row, Shift+Arrow extends, Ctrl+A selects all shown', async () => {
    const app = await createTestApp(ADMIN);
    seed(30);
    const page = await mountIn(app, McaRefreshPage);
    const grid = page.get('[role="grid"]');
    expect(grid.attributes('aria-multiselectable')).toBe('true');
    expect(grid.attributes('tabindex')).toBe('0');
    await grid.trigger('keydown', { key: ' ' });
    const store = useReconfirmStore();
    expect(store.selectedIds).toEqual([customerId(1)]);
    await grid.trigger('keydown', { key: 'ArrowDown', shiftKey: true });
    expect(store.selectedIds).toEqual([customerId(1), customerId(4)]);
    expect(grid.attributes('aria-activedescendant')).toBe('reconfirm-row-1');
    await grid.trigger('keydown', { key: 'a', ctrlKey: true });
    expect(store.selectedIds).toHaveLength(10);
    await eventually(() => page.text().includes('10 selected'));
  });

  it('is not offered to a Helpdesk agent', async () => {
    const app = await createTestApp(HELPDESK);
    seed(10);
    const page = await mountIn(app, McaRefreshPage);
    expect(page.find('[role="grid"]').exists()).toBe(false);
    expect(page.text()).toContain('Only an Admin agent or a Sales agent can');
  });
});
