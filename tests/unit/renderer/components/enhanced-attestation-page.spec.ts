/**
 * "Confirm acceptance" on a backend of today (the enhanced attestation): the signer and the link, no
 * date; the same field rules, the duplicate rule before anything is queued, the roles.
 */
import { describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import ConfirmAcceptancePage from '../../../../renderer/src/pages/ConfirmAcceptancePage.vue';
import { useCustomersStore } from '../../../../renderer/src/stores/customers';
import { ADMIN, HELPDESK, RESELLER } from '../helpers/fake-api';
import { CUSTOMER_A } from '../helpers/database';
import { createTestApp, eventually, mountIn, type TestApp } from '../helpers/app';
import type { PartnerUser } from '../../../../shared/domain/roles';

const contact = { firstName: 'Tania', lastName: 'Carr', email: 'tania@contoso.example', phoneNumber: '+31 20 555 0100' };

async function page(user: PartnerUser): Promise<{ app: TestApp; wrapper: VueWrapper }> {
  const app = await createTestApp(user, { attestationRoute: 'enhanced' });
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

function value(wrapper: VueWrapper, selector: string): string {
  return (wrapper.get(selector).element as HTMLInputElement).value;
}

async function usePrimaryContactAndSave(wrapper: VueWrapper): Promise<void> {
  await eventually(() => wrapper.find('#signer-email').exists());
  await eventually(() =>
    wrapper.findAll('button').some((button) => button.text() === 'Use the primary contact' && button.attributes('disabled') === undefined),
  );
  await wrapper
    .findAll('button')
    .find((button) => button.text() === 'Use the primary contact')!
    .trigger('click');
  await eventually(
    () => value(wrapper, '#signer-email') === contact.email && wrapper.get('button[type="submit"]').attributes('disabled') === undefined,
  );
  await wrapper.get('form').trigger('submit');
}

describe('Confirm acceptance on Partner Center today', () => {
  it('asks for the signer and the link, not a date; company, country and language come from the customer, the signer only on request', async () => {
    const { wrapper } = await page(ADMIN);
    await eventually(() => wrapper.find('#signer-company').exists());
    expect(wrapper.find('input[type="date"]').exists()).toBe(false);
    expect(value(wrapper, '#signer-company')).toBe('Contoso Ltd');
    expect(value(wrapper, '#signer-country')).toBe('NL');
    expect(value(wrapper, '#signer-language')).toBe('nl-NL');
    expect(value(wrapper, '#signer-first-name')).toBe('');
    expect((wrapper.get('#signer-validity').element as HTMLSelectElement).value).toBe('10080');
    expect(wrapper.findAll('#signer-validity option').map((option) => option.text())).toEqual(['1 hour', '1 day', '7 days']);
  });

  it('queues one enhanced item keeping every field, with its audit entry, and goes back to the customer', async () => {
    const { app, wrapper } = await page(ADMIN);
    await eventually(() => wrapper.find('#signer-validity').exists());
    await wrapper.get('#signer-validity').setValue('60');
    await usePrimaryContactAndSave(wrapper);
    await eventually(async () => (await app.database.outbox.count()) === 1);
    const [item] = await app.database.outbox.toArray();
    expect(item).toMatchObject({
      kind: 'enhanced',
      state: 'queued',
      customerId: CUSTOMER_A,
      primaryContact: contact,
      enhanced: { step: 'create', companyName: 'Contoso Ltd', country: 'NL', language: 'nl-NL', linkExpiryMinutes: 60, checks: 0 },
    });
    expect(item!.dateAgreed).toBeUndefined();
    expect(item!.enhanced!.finaliseRequestId).not.toBe(item!.id);
    expect((await app.database.audit.toArray()).map((entry) => entry.kind)).toEqual(['queued']);
    await eventually(() => app.router.currentRoute.value.name === 'customer');
  });

  it('shows the field rules inline and queues nothing while a field is wrong', async () => {
    const { app, wrapper } = await page(ADMIN);
    await eventually(() => wrapper.find('#signer-country').exists());
    await wrapper.get('#signer-country').setValue('nl');
    await wrapper.get('#signer-email').setValue('a@b.example, c@d.example');
    await wrapper.get('#signer-language').setValue('xx-XX');
    await eventually(() => wrapper.text().includes('Write the country code in capitals, such as NL.'));
    await eventually(() => wrapper.text().includes('This is not a known language'));
    expect(wrapper.text()).toContain('Enter one email address');
    expect(wrapper.get('button[type="submit"]').attributes('disabled')).toBeDefined();
    await wrapper.get('form').trigger('submit');
    expect(await app.database.outbox.count()).toBe(0);
  });

  it('refuses a signer identical to the latest agreement’s contact before anything is queued, with the reason', async () => {
    const { app, wrapper } = await page(ADMIN);
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
    await usePrimaryContactAndSave(wrapper);
    await eventually(() => wrapper.find('[role="alert"]').exists());
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'Already confirmed: the latest confirmation for Contoso Ltd (2 Jan 2025) names this same contact. Nothing was queued.',
    );
    expect(await app.database.outbox.count()).toBe(0);
  });

  it('is not offered to a Helpdesk agent, and guides an indirect reseller; neither can queue', async () => {
    for (const user of [HELPDESK, RESELLER]) {
      const { app, wrapper } = await page(user);
      await eventually(() => wrapper.text().length > 0);
      expect(wrapper.find('#signer-email').exists()).toBe(false);
      expect(await app.database.outbox.count()).toBe(0);
      wrapper.unmount();
    }
  });
});
