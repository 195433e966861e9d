import { describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import NewCustomerPage from '../../../../renderer/src/pages/NewCustomerPage.vue';
import type { PartnerUser } from '../../../../shared/domain/roles';
import { ADMIN, ApiFailure, HELPDESK, RESELLER } from '../helpers/fake-api';
import { createTestApp, eventually, mountIn, type TestApp } from '../helpers/app';

const CREATED_ID = '55555555-5555-4555-8555-555555555555';

async function page(
  user: PartnerUser,
): Promise<{ app: TestApp; wrapper: VueWrapper; requests: Array<{ requestId: string; customer: unknown }> }> {
  const app = await createTestApp(user);
  const requests: Array<{ requestId: string; customer: unknown }> = [];
  let failNext = false;
  app.fake.on('createCustomer', (request) => {
    requests.push(request);
    if (failNext) {
      failNext = false;
      throw new ApiFailure({ code: 'network', message: 'The backend could not be reached.' });
    }
    const customer = request.customer;
    return {
      customer: {
        id: CREATED_ID,
        companyName: customer.companyName,
        domain: customer.domain,
        country: 'NL',
        language: 'nl',
        contact: { firstName: 'Sanne', lastName: 'de Vries', email: customer.email },
      },
      credentialsId: request.requestId,
    };
  });
  (app as TestApp & { failNext: () => void }).failNext = () => (failNext = true);
  await app.router.push('/customers/new');
  const wrapper = await mountIn(app, NewCustomerPage);
  return { app, wrapper, requests };
}

async function fill(wrapper: VueWrapper): Promise<void> {
  const values: Record<string, string> = {
    '#nc-company': 'Keizersgracht Koffie B.V.',
    '#nc-domain': 'KeizersgrachtKoffie.onmicrosoft.com',
    '#nc-email': 'office@keizersgrachtkoffie.example',
    '#nc-language': 'nl-NL',
    '#nc-first-name': 'Sanne',
    '#nc-last-name': 'de Vries',
    '#nc-line1': 'Keizersgracht 1',
    '#nc-postal-code': '1015 CJ',
    '#nc-city': 'Amsterdam',
    '#nc-country': 'nl',
    '#nc-phone': '+31 20 555 0101',
  };
  for (const [selector, value] of Object.entries(values)) await wrapper.get(selector).setValue(value);
}

describe('New customer', () => {
  it('shows each problem inline when submitted empty, and creates nothing', async () => {
    const { wrapper, requests } = await page(ADMIN);
    await wrapper.get('form').trigger('submit');
    await eventually(() => wrapper.text().includes('Choose how the customer accepts'));
    expect(wrapper.get('#nc-company').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('#nc-company-error').text()).toBe('Required.');
    await wrapper.get('#nc-domain').setValue('not a domain');
    await eventually(() => wrapper.get('#nc-domain-error').text().startsWith('Enter a domain name'));
    expect(requests).toEqual([]);
  });

  it('pre-fills the contact from the company details, read-only until "Update", and queues the confirmation after creating', async () => {
    const { app, wrapper, requests } = await page(ADMIN);
    await fill(wrapper);
    await wrapper.get('#nc-mode-attested').setValue(true);
    await eventually(() => wrapper.text().includes('Who accepted, and when'));
    expect(wrapper.find('#nc-contact-email').exists()).toBe(false);
    expect(wrapper.text()).toContain('Sanne de Vries');
    expect(wrapper.text()).toContain('office@keizersgrachtkoffie.example');
    const date = wrapper.get('#nc-date').element as HTMLInputElement;
    // Empty until the agent chooses the day the customer accepted: a created customer must not carry a false date.
    expect(date.value).toBe('');
    expect(date.max).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await wrapper.get('#nc-date').setValue(date.max);

    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Update')!
      .trigger('click');
    await eventually(() => wrapper.find('#nc-contact-email').exists());
    await wrapper.get('#nc-contact-email').setValue('sanne@keizersgrachtkoffie.example');
    // Once updated, the contact no longer follows the company details.
    await wrapper.get('#nc-email').setValue('info@keizersgrachtkoffie.example');
    expect((wrapper.get('#nc-contact-email').element as HTMLInputElement).value).toBe('sanne@keizersgrachtkoffie.example');

    await wrapper.get('form').trigger('submit');
    await eventually(() => requests.length === 1);
    expect(requests[0]!.customer).toMatchObject({
      domain: 'keizersgrachtkoffie.onmicrosoft.com',
      address: { country: 'NL' },
      acceptance: {
        mode: 'partner-attested',
        primaryContact: {
          firstName: 'Sanne',
          lastName: 'de Vries',
          email: 'sanne@keizersgrachtkoffie.example',
          phoneNumber: '+31 20 555 0101',
        },
        dateAgreed: date.value,
      },
    });
    await eventually(async () => (await app.database.outbox.count()) === 1);
    expect((await app.database.outbox.toArray())[0]).toMatchObject({
      customerId: CREATED_ID,
      customerName: 'Keizersgracht Koffie B.V.',
      dateAgreed: date.value,
      state: 'queued',
    });
    expect(await app.database.customers.get(CREATED_ID)).toMatchObject({ companyName: 'Keizersgracht Koffie B.V.' });
    await eventually(() => app.router.currentRoute.value.fullPath === `/customers/${CREATED_ID}`);
  });

  it('retries the same submission with the same request id, and shows the credentials screen for self-acceptance', async () => {
    const { app, wrapper, requests } = await page(ADMIN);
    app.fake.on('getCredentials', () => ({ userName: 'admin@keizersgrachtkoffie.onmicrosoft.com', password: 'Pw!123456' }));
    await fill(wrapper);
    await wrapper.get('#nc-mode-customer').setValue(true);
    (app as TestApp & { failNext: () => void }).failNext();
    await wrapper.get('form').trigger('submit');
    await eventually(() => wrapper.find('[role="alert"]').exists());
    expect(wrapper.get('[role="alert"]').text()).toContain('trying again never creates it twice');
    await wrapper.get('form').trigger('submit');
    await eventually(() => requests.length === 2);
    expect(requests[1]!.requestId).toBe(requests[0]!.requestId);
    await eventually(() => wrapper.text().includes('Pw!123456'));
    expect(wrapper.text()).toContain('Keizersgracht Koffie B.V. was created');
    expect(await app.database.outbox.count()).toBe(0);
  });

  it('requires the organisation registration number for a customer in Poland, with a clear message, and creates nothing without it', async () => {
    const { wrapper, requests } = await page(ADMIN);
    await fill(wrapper);
    // Optional for the Netherlands.
    expect(wrapper.get('label[for="nc-registration-number"]').text()).toContain('optional');
    await wrapper.get('#nc-country').setValue('pl');
    await wrapper.get('#nc-phone').setValue('');
    await eventually(() => !wrapper.get('label[for="nc-registration-number"]').text().includes('optional'));
    expect(wrapper.get('#nc-registration-number-hint').text()).toBe(
      'Partner Center requires it for a customer in PL, and a phone number too.',
    );
    await wrapper.get('#nc-mode-customer').setValue(true);
    await wrapper.get('form').trigger('submit');
    await eventually(
      () => wrapper.find('#nc-registration-number-error').exists() && wrapper.get('#nc-registration-number-error').text().length > 0,
    );
    expect(wrapper.get('#nc-registration-number-error').text()).toBe(
      'Required for a customer in PL: enter the organisation registration number (the company or tax registration number).',
    );
    expect(wrapper.get('#nc-registration-number').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('#nc-phone-error').text()).toBe('Required for a customer in PL.');
    expect(requests).toEqual([]);

    await wrapper.get('#nc-registration-number').setValue('  PL 521-300-12-34 ');
    await wrapper.get('#nc-phone').setValue('+48 22 555 0101');
    await wrapper.get('form').trigger('submit');
    await eventually(() => requests.length === 1);
    expect(requests[0]!.customer).toMatchObject({
      organizationRegistrationNumber: 'PL 521-300-12-34',
      address: { country: 'PL', phoneNumber: '+48 22 555 0101' },
    });
    await eventually(() => wrapper.text().includes('Keizersgracht Koffie B.V. was created'));
  });

  it('offers an indirect reseller only the self-acceptance route, saying why', async () => {
    const { wrapper } = await page(RESELLER);
    expect(wrapper.get('#nc-mode-attested').attributes('disabled')).toBeDefined();
    expect(wrapper.get('#nc-mode-attested').attributes('aria-describedby')).toBe('nc-attest-refusal');
    expect(wrapper.get('#nc-attest-refusal').text()).toContain('As an indirect reseller you cannot confirm acceptance yourself');
    expect(wrapper.get('#nc-mode-customer').attributes('disabled')).toBeUndefined();
  });

  it('shows a Helpdesk agent no form, with the roles that can create customers', async () => {
    const { wrapper } = await page(HELPDESK);
    expect(wrapper.find('form').exists()).toBe(false);
    expect(wrapper.text()).toContain('Only an Admin agent or a Sales agent can');
  });
});
