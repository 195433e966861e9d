import { beforeEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import OutboxPage from '../../../../renderer/src/pages/OutboxPage.vue';
import NewOrderPage from '../../../../renderer/src/pages/NewOrderPage.vue';
import type { OutboxItem } from '../../../../renderer/src/db/rows';
import { ADMIN } from '../helpers/fake-api';
import { CUSTOMER_A, CUSTOMER_B, CUSTOMER_C, contact } from '../helpers/database';
import { createTestApp, eventually, mountIn, type TestApp } from '../helpers/app';

let app: TestApp;

function item(
  id: string,
  customerId: string,
  customerName: string,
  state: OutboxItem['state'],
  extra: Partial<OutboxItem> = {},
): OutboxItem {
  return {
    id,
    customerId,
    customerName,
    primaryContact: contact,
    dateAgreed: '2026-11-19',
    state,
    attempts: 1,
    createdAt: 1,
    updatedAt: 1,
    createdBy: ADMIN.userName,
    nextAttemptAt: 1,
    ...extra,
  };
}

const FAILED = '0a0a0a0a-0000-4000-8000-000000000001';
const QUEUED = '0a0a0a0a-0000-4000-8000-000000000002';
const SENDING = '0a0a0a0a-0000-4000-8000-000000000003';

beforeEach(async () => {
  app = await createTestApp(ADMIN);
  await app.database.outbox.bulkPut([
    item(FAILED, CUSTOMER_A, 'Contoso Ltd', 'failed', {
      lastError: { kind: 'failed', code: 600002, reason: 'Date of agreement cannot be greater than the current date.', at: 1 },
    }),
    item(QUEUED, CUSTOMER_B, 'Fabrikam BV', 'queued', {
      attempts: 9,
      nextAttemptAt: Date.now() + 3_600_000,
      lastError: { kind: 'retry', reason: 'The backend could not be reached.', at: 1 },
    }),
    item(SENDING, CUSTOMER_C, 'Northwind', 'sending'),
  ]);
});

function rowOf(wrapper: VueWrapper, customer: string) {
  const row = wrapper.findAll('tbody tr').find((candidate) => candidate.text().includes(customer));
  if (!row) throw new Error(`no row for ${customer}`);
  return row;
}

describe('Outbox page', () => {
  it('lists what waits with its state, attempts, next try and the backend’s reason', async () => {
    const wrapper = await mountIn(app, OutboxPage);
    await eventually(() => wrapper.findAll('tbody tr').length === 3);
    expect(rowOf(wrapper, 'Contoso Ltd').text()).toContain('Failed');
    expect(rowOf(wrapper, 'Contoso Ltd').text()).toContain('Date of agreement cannot be greater than the current date. (600002)');
    expect(rowOf(wrapper, 'Fabrikam BV').text()).toContain('Tried 9 times; still retrying.');
    expect(rowOf(wrapper, 'Fabrikam BV').text()).toContain('The backend could not be reached.');
    expect(rowOf(wrapper, 'Northwind').text()).toContain('Sending');
    // Nothing that is being sent can be discarded; only failed items can be retried or edited.
    expect(rowOf(wrapper, 'Northwind').findAll('button')).toHaveLength(0);
    expect(
      rowOf(wrapper, 'Fabrikam BV')
        .findAll('button')
        .map((button) => button.text()),
    ).toEqual(['Discard']);
    expect(
      rowOf(wrapper, 'Contoso Ltd')
        .findAll('button')
        .map((button) => button.text()),
    ).toEqual(['Retry', 'Edit', 'Discard']);
  });

  it('Retry queues a failed item again under a new request id', async () => {
    const wrapper = await mountIn(app, OutboxPage);
    await eventually(() => wrapper.findAll('tbody tr').length === 3);
    await rowOf(wrapper, 'Contoso Ltd').get('button[aria-label="Retry the confirmation for Contoso Ltd"]').trigger('click');
    await eventually(async () => (await app.database.outbox.get(FAILED))?.state === 'replaced');
    const replacement = await app.database.outbox
      .where('customerId')
      .equals(CUSTOMER_A)
      .and((candidate) => candidate.state === 'queued')
      .first();
    expect(replacement?.id).not.toBe(FAILED);
    expect(replacement?.replaces).toBe(FAILED);
  });

  it('Discard asks first; "Keep it" keeps the item, "Discard" keeps it only as history', async () => {
    const wrapper = await mountIn(app, OutboxPage, { attachTo: document.body });
    await eventually(() => wrapper.findAll('tbody tr').length === 3);
    await rowOf(wrapper, 'Fabrikam BV').get('button.danger').trigger('click');
    await eventually(() => (wrapper.get('dialog').element as HTMLDialogElement).open);
    expect(wrapper.get('dialog').text()).toContain('The confirmation for Fabrikam BV will not be sent to Microsoft.');
    await wrapper
      .get('dialog')
      .findAll('button')
      .find((button) => button.text() === 'Keep it')
      ?.trigger('click');
    await eventually(() => !(wrapper.get('dialog').element as HTMLDialogElement).open);
    expect((await app.database.outbox.get(QUEUED))?.state).toBe('queued');
    await rowOf(wrapper, 'Fabrikam BV').get('button.danger').trigger('click');
    await eventually(() => (wrapper.get('dialog').element as HTMLDialogElement).open);
    await wrapper
      .get('dialog')
      .findAll('button')
      .find((button) => button.text() === 'Discard')
      ?.trigger('click');
    await eventually(async () => (await app.database.outbox.get(QUEUED))?.state === 'discarded');
    expect((await app.database.audit.where('itemId').equals(QUEUED).toArray()).map((entry) => entry.kind)).toEqual(['discarded']);
    wrapper.unmount();
  });

  it('Edit opens the failed item in the form', async () => {
    const wrapper = await mountIn(app, OutboxPage);
    await eventually(() => wrapper.findAll('tbody tr').length === 3);
    await rowOf(wrapper, 'Contoso Ltd').get('button[aria-label="Edit the confirmation for Contoso Ltd"]').trigger('click');
    await eventually(() => app.router.currentRoute.value.fullPath === `/outbox/${FAILED}/edit`);
  });
});

describe('New order page', () => {
  it('is conservative: a queued confirmation does not clear the customer yet', async () => {
    const wrapper = await mountIn(app, NewOrderPage, { props: { id: CUSTOMER_B } });
    await eventually(() => wrapper.text().includes('Not cleared yet'));
    expect(wrapper.text()).toContain('queued but not yet recorded at Microsoft');
  });

  it('clears a customer with a partner confirmation, and updates by itself when it arrives', async () => {
    const wrapper = await mountIn(app, NewOrderPage, { props: { id: CUSTOMER_C } });
    await eventually(() => wrapper.text().includes('Not cleared'));
    await app.database.mcaState.put({
      customerId: CUSTOMER_C,
      partnerAttestationCompleted: true,
      lastContact: contact,
      lastDateAgreed: '2026-11-19T00:00:00Z',
      updatedAt: Date.now(),
    });
    await eventually(() => wrapper.text().includes('is cleared for ordering'));
    expect(wrapper.text()).toContain('A partner confirmed the acceptance of the Microsoft Customer Agreement on 19 Nov 2026.');
  });
});
