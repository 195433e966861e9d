import { beforeEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import ConfirmAcceptancePage from '../../../../renderer/src/pages/ConfirmAcceptancePage.vue';
import { useCustomersStore } from '../../../../renderer/src/stores/customers';
import { ADMIN, HELPDESK, RESELLER } from '../helpers/fake-api';
import { CUSTOMER_A } from '../helpers/database';
import { createTestApp, eventually, mountIn, type TestApp } from '../helpers/app';
import type { PartnerUser } from '../../../../shared/domain/roles';

const contact = { firstName: 'Tania', lastName: 'Carr', email: 'tania@contoso.example' };

async function page(user: PartnerUser): Promise<{ app: TestApp; wrapper: VueWrapper }> {
  const app = await createTestApp(user);
  app.fake.on('getCustomer', ({ customerId }) => ({
    id: customerId,
    companyName: 'Contoso Ltd',
    domain: 'contoso.example',
    country: 'NL',
    language: 'nl-NL',
    contact,
  }));
  app.fake.on('listConfirmations', () => ({ items: [] }));
  app.fake.on('getDirectSignStatus', () => ({ isSigned: false }));
  await app.database.customers.put({
    id: CUSTOMER_A,
    companyName: 'Contoso Ltd',
    domain: 'contoso.example',
    nameKey: 'contoso ltd',
    seenRun: 'r',
  });
  await useCustomersStore().load();
  await app.router.push(`/customers/${CUSTOMER_A}/confirm`);
  const wrapper = await mountIn(app, ConfirmAcceptancePage, { props: { id: CUSTOMER_A } });
  return { app, wrapper };
}

/** Chooses the latest day the form allows (the field starts empty), then saves. */
async function saveForm(wrapper: VueWrapper): Promise<void> {
  await eventually(() => wrapper.find('#attest-date').exists());
  const date = wrapper.get('#attest-date');
  await date.setValue(date.attributes('max'));
  await eventually(() => wrapper.find('form').exists() && wrapper.get('button[type="submit"]').attributes('disabled') === undefined);
  await wrapper.get('form').trigger('submit');
}

describe('Confirm acceptance page', () => {
  let app: TestApp;
  let wrapper: VueWrapper;

  describe('as an Admin agent', () => {
    beforeEach(async () => ({ app, wrapper } = await page(ADMIN)));

    it("is pre-filled from the customer's primary contact", async () => {
      await eventually(() => wrapper.find('#attest-email').exists());
      expect((wrapper.get('#attest-first-name').element as HTMLInputElement).value).toBe('Tania');
      expect((wrapper.get('#attest-email').element as HTMLInputElement).value).toBe('tania@contoso.example');
    });

    it('starts without a date: a save before the agent chooses the day says it is required and queues nothing', async () => {
      await eventually(() => wrapper.find('#attest-date').exists());
      expect((wrapper.get('#attest-date').element as HTMLInputElement).value).toBe('');
      await eventually(() => (wrapper.get('#attest-first-name').element as HTMLInputElement).value === 'Tania');
      await wrapper.get('form').trigger('submit');
      await eventually(() => wrapper.text().includes('Required.'));
      expect(await app.database.outbox.count()).toBe(0);
    });

    it('saves the outbox item and its audit entry together, then goes back to the customer', async () => {
      await saveForm(wrapper);
      await eventually(async () => (await app.database.outbox.count()) === 1);
      const [item] = await app.database.outbox.toArray();
      expect(item).toMatchObject({
        customerId: CUSTOMER_A,
        customerName: 'Contoso Ltd',
        state: 'queued',
        attempts: 0,
        createdBy: ADMIN.userName,
      });
      expect(item?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await app.database.audit.toArray()).map((entry) => [entry.kind, entry.itemId])).toEqual([['queued', item?.id]]);
      await eventually(() => app.router.currentRoute.value.name === 'customer');
    });

    it('says "already confirmed" and queues nothing when the contact is the latest confirmation', async () => {
      await app.database.confirmations.put({
        customerId: CUSTOMER_A,
        items: [
          {
            customerId: CUSTOMER_A,
            primaryContact: contact,
            templateId: 't',
            dateAgreed: '2025-01-02T00:00:00',
            type: 'MicrosoftCustomerAgreement',
          },
        ],
        fetchedAt: Date.now(),
      });
      app.fake.on('listConfirmations', () => ({
        items: [
          {
            customerId: CUSTOMER_A,
            primaryContact: contact,
            templateId: 't',
            dateAgreed: '2025-01-02T00:00:00',
            type: 'MicrosoftCustomerAgreement',
          },
        ],
      }));
      await saveForm(wrapper);
      await eventually(() => wrapper.find('[role="alert"]').exists());
      expect(wrapper.get('[role="alert"]').text()).toBe(
        'Already confirmed: the latest confirmation for Contoso Ltd (2 Jan 2025) names this same contact. Nothing was queued.',
      );
      expect(await app.database.outbox.count()).toBe(0);
    });

    it('says "already queued" when the same contact waits in the outbox', async () => {
      await saveForm(wrapper);
      await eventually(async () => (await app.database.outbox.count()) === 1);
      const second = await mountIn(app, ConfirmAcceptancePage, { props: { id: CUSTOMER_A } });
      await saveForm(second);
      await eventually(() => second.find('[role="alert"]').exists());
      expect(second.get('[role="alert"]').text()).toContain('Already queued');
      expect(await app.database.outbox.count()).toBe(1);
    });
  });

  it('offers "Save and continue" on the way to a new order', async () => {
    const app = await createTestApp(ADMIN);
    app.fake.on('getCustomer', ({ customerId }) => ({
      id: customerId,
      companyName: 'Contoso Ltd',
      domain: 'contoso.example',
      country: 'NL',
      language: 'nl-NL',
      contact,
    }));
    await app.router.push(`/customers/${CUSTOMER_A}/confirm?next=order`);
    const wrapper = await mountIn(app, ConfirmAcceptancePage, { props: { id: CUSTOMER_A } });
    await eventually(() => wrapper.find('button[type="submit"]').exists());
    expect(wrapper.get('button[type="submit"]').text()).toBe('Save and continue');
  });

  it('shows a Helpdesk agent no form, and says which roles can confirm', async () => {
    ({ wrapper } = await page(HELPDESK));
    expect(wrapper.find('form').exists()).toBe(false);
    expect(wrapper.text()).toContain('Only an Admin agent or a Sales agent can confirm acceptance');
    expect(wrapper.text()).toContain('You are signed in as Helpdesk agent.');
  });

  it("shows an indirect reseller the provider route and the customer's self-acceptance address", async () => {
    ({ wrapper } = await page(RESELLER));
    expect(wrapper.find('form').exists()).toBe(false);
    const email = wrapper.findAll('a').find((link) => link.text() === 'Email your indirect provider');
    expect(email?.attributes('href')).toBe(`/invitations/new?template=indirect-provider&customer=${CUSTOMER_A}`);
    expect((wrapper.get('#acceptance-url').element as HTMLInputElement).value).toBe(
      'https://admin.microsoft.com/AdminPortal/Home?ref=/BillingAccounts/agreement',
    );
  });
});
