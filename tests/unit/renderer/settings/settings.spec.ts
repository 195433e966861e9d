import { beforeEach, describe, expect, it } from 'vitest';
import { backendSettingsFormSchema } from '../../../../shared/domain/settings-form';
import type { Settings } from '../../../../shared/ipc/contract';
import SettingsPage from '../../../../renderer/src/pages/SettingsPage.vue';
import ClearLocalData from '../../../../renderer/src/components/settings/ClearLocalData.vue';
import { useOutboxStore } from '../../../../renderer/src/stores/outbox';
import { useDraftsStore } from '../../../../renderer/src/stores/drafts';
import { ADMIN, ApiFailure } from '../helpers/fake-api';
import { CUSTOMER_A } from '../helpers/database';
import { createTestApp, eventually, mountIn, type TestApp } from '../helpers/app';

const GUID = '0f0f0f0f-0000-4000-8000-0000000000aa';
const issues = (value: unknown) => {
  const result = backendSettingsFormSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}:${issue.message}`);
};

describe('the backend settings rules', () => {
  const pc = { tenantId: '', clientId: '' };
  it('takes a sandbox on this computer only (http or https), and says why it refuses another machine', () => {
    // The sandbox's sign-in sends a seeded user's password: never to another machine, not even over https.
    expect(issues({ backend: 'sandbox', sandboxUrl: 'https://sandbox.example', partnerCenter: pc })).toEqual([
      'sandboxUrl:sandbox-not-local',
    ]);
    expect(issues({ backend: 'sandbox', sandboxUrl: 'https://localhost:4443', partnerCenter: pc })).toEqual([]);
    expect(issues({ backend: 'sandbox', sandboxUrl: 'http://[::1]:4010', partnerCenter: pc })).toEqual([]);
    expect(issues({ backend: 'sandbox', sandboxUrl: 'http://127.0.0.1:4010', partnerCenter: pc })).toEqual([]);
    expect(issues({ backend: 'sandbox', sandboxUrl: 'http://localhost:9', partnerCenter: pc })).toEqual([]);
    expect(issues({ backend: 'sandbox', sandboxUrl: 'http://sandbox.example', partnerCenter: pc })).toEqual(['sandboxUrl:insecure-url']);
    expect(issues({ backend: 'sandbox', sandboxUrl: 'ftp://x.example', partnerCenter: pc })).toEqual(['sandboxUrl:invalid-url']);
    expect(issues({ backend: 'sandbox', sandboxUrl: 'https://user:pw@x.example', partnerCenter: pc })).toEqual(['sandboxUrl:invalid-url']);
    expect(issues({ backend: 'sandbox', sandboxUrl: ' ', partnerCenter: pc })).toEqual(['sandboxUrl:required']);
  });

  it('needs a tenant (GUID or domain) and a client id (GUID) for Partner Center, whatever the sandbox URL', () => {
    expect(
      issues({ backend: 'partner-center', sandboxUrl: 'http://x', partnerCenter: { tenantId: 'contoso.onmicrosoft.com', clientId: GUID } }),
    ).toEqual([]);
    expect(issues({ backend: 'partner-center', sandboxUrl: '', partnerCenter: { tenantId: GUID, clientId: GUID } })).toEqual([]);
    expect(issues({ backend: 'partner-center', sandboxUrl: '', partnerCenter: { tenantId: '', clientId: 'abc' } })).toEqual([
      'partnerCenter.tenantId:required',
      'partnerCenter.clientId:invalid-guid',
    ]);
    expect(issues({ backend: 'partner-center', sandboxUrl: '', partnerCenter: { tenantId: 'not a tenant', clientId: GUID } })).toEqual([
      'partnerCenter.tenantId:invalid-tenant',
    ]);
  });
});

describe('Settings page', () => {
  let app: TestApp;
  let saved: Array<Partial<Settings>>;
  let stored: Settings;

  beforeEach(async () => {
    app = await createTestApp(ADMIN);
    saved = [];
    stored = {
      backend: 'sandbox',
      sandboxUrl: 'http://127.0.0.1:4010',
      partnerCenter: { tenantId: '', clientId: '' },
      acceptanceFloor: '2019-03-01',
      directScanShare: 0.5,
      followUpAfterDays: 3,
    };
    app.fake.on('getSettings', () => stored);
    app.fake.on('updateSettings', (patch) => {
      saved.push(patch);
      if (patch.sandboxUrl === 'http://localhost:4999')
        throw new ApiFailure({
          code: 'bad-request',
          message: 'The sandbox URL must be reachable.',
          issues: [{ path: 'sandboxUrl', message: 'insecure-url' }],
        });
      stored = { ...stored, ...patch } as Settings;
      return stored;
    });
  });

  async function page() {
    const wrapper = await mountIn(app, SettingsPage);
    await eventually(() => wrapper.find('#settings-sandbox-url').exists());
    return wrapper;
  }

  it('shows a wrong URL inline and saves nothing', async () => {
    const wrapper = await page();
    await wrapper.get('#settings-sandbox-url').setValue('http://sandbox.example');
    await eventually(() => wrapper.text().includes('Use https, or http only on this computer'));
    await wrapper.get('form').trigger('submit');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(saved).toEqual([]);
  });

  it('saves a new sandbox URL, says so, and tells the agent they were signed out', async () => {
    const wrapper = await page();
    await wrapper.get('#settings-sandbox-url').setValue('https://localhost:4443');
    await wrapper.get('form').trigger('submit');
    await eventually(() => saved.length === 1);
    expect(saved[0]).toEqual({ backend: 'sandbox', sandboxUrl: 'https://localhost:4443', partnerCenter: { tenantId: '', clientId: '' } });
    await eventually(() => wrapper.text().includes('You were signed out because the backend changed'));
  });

  it('takes the direct acceptance check’s share as a percent, refuses one out of range and saves nothing then', async () => {
    const wrapper = await page();
    const field = wrapper.get('#settings-direct-scan');
    expect((field.element as HTMLInputElement).value).toBe('50');
    const form = field.element.closest('form')!;
    for (const bad of ['150', '0', '12.5', '']) {
      await field.setValue(bad);
      form.dispatchEvent(new Event('submit'));
      await eventually(() => wrapper.text().includes('Enter a whole number from 5 to 100.'));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(saved).toEqual([]);
    await field.setValue('30');
    form.dispatchEvent(new Event('submit'));
    await eventually(() => saved.length === 1);
    expect(saved[0]).toEqual({ directScanShare: 0.3 });
    await eventually(() => wrapper.text().includes('Saved: the check uses 30 % of the limit (150 requests a minute).'));
  });

  it('takes the follow-up days as a whole number from 1 to 7, refuses anything else and saves nothing then', async () => {
    const wrapper = await page();
    const field = wrapper.get('#settings-follow-up');
    expect((field.element as HTMLInputElement).value).toBe('3');
    const form = field.element.closest('form')!;
    for (const bad of ['0', '8', '2.5', '', '-1', '1e1']) {
      await field.setValue(bad);
      form.dispatchEvent(new Event('submit'));
      await eventually(() => wrapper.find('#settings-follow-up').attributes('aria-invalid') === 'true');
      expect(wrapper.text()).toContain('Enter a whole number of days from 1 to 7.');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(saved).toEqual([]);
    await field.setValue('5');
    form.dispatchEvent(new Event('submit'));
    await eventually(() => saved.length === 1);
    expect(saved[0]).toEqual({ followUpAfterDays: 5 });
    await eventually(() => wrapper.text().includes('Saved: links are followed up after 5 days.'));
    expect(wrapper.find('#settings-follow-up').attributes('aria-invalid')).toBeUndefined();
  });

  it('shows the main process’s refusal next to the field and as a message', async () => {
    const wrapper = await page();
    await wrapper.get('#settings-sandbox-url').setValue('http://localhost:4999');
    await wrapper.get('form').trigger('submit');
    await eventually(() => wrapper.find('[role="alert"]').exists());
    expect(wrapper.get('[role="alert"]').text()).toBe('Not saved: The sandbox URL must be reachable.');
    expect(wrapper.get('#settings-sandbox-url').attributes('aria-invalid')).toBe('true');
  });

  it('asks for the Partner Center tenant and client id when that backend is chosen', async () => {
    const wrapper = await page();
    await wrapper.get('#backend-partner-center').setValue(true);
    await eventually(() => wrapper.find('#settings-client-id').exists());
    await wrapper.get('#settings-client-id').setValue('abc');
    await wrapper.get('form').trigger('submit');
    await eventually(() => wrapper.text().includes('Enter a GUID'));
    expect(wrapper.text()).toContain('Required.');
    expect(saved).toEqual([]);
    await wrapper.get('#settings-tenant-id').setValue('contoso.onmicrosoft.com');
    await wrapper.get('#settings-client-id').setValue(GUID);
    await wrapper.get('form').trigger('submit');
    await eventually(() => saved.length === 1);
    expect(saved[0]).toMatchObject({ backend: 'partner-center', partnerCenter: { tenantId: 'contoso.onmicrosoft.com', clientId: GUID } });
  });
});

describe('Clear local data', () => {
  it('says how many unsent confirmations would be lost and clears only after the agent accepts that', async () => {
    const app = await createTestApp(ADMIN);
    await useOutboxStore().save({
      customerId: CUSTOMER_A,
      customerName: 'Fourth Coffee',
      primaryContact: { firstName: 'A', lastName: 'B', email: 'a@b.example' },
      dateAgreed: '2026-01-02',
    });
    await useDraftsStore().create({ template: 'existing-customer', language: 'en', to: '', subject: 'S', body: 'B' });
    app.fake.on('listCustomers', () => ({ items: [], continuationToken: null }));
    app.fake.on('listAgreementRecords', () => ({ records: [], continuationToken: null }));
    const wrapper = await mountIn(app, ClearLocalData);
    await eventually(() => wrapper.text().includes('1 confirmation has not reached Microsoft yet.'));

    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Clear local data')!
      .trigger('click');
    await eventually(() => wrapper.get('dialog').text().includes('would be lost'));
    expect(wrapper.get('dialog').text()).toContain('including 1 invitation draft');
    const clear = wrapper.findAll('dialog button').find((button) => button.text() === 'Clear')!;
    expect(clear.attributes('disabled')).toBeDefined();
    await clear.trigger('click');
    expect(await app.database.outbox.count()).toBe(1);

    await wrapper.get('#clear-accept-loss').setValue(true);
    expect(clear.attributes('disabled')).toBeUndefined();
    await clear.trigger('click');
    await eventually(async () => (await app.database.outbox.count()) === 0);
    expect(await app.database.drafts.count()).toBe(0);
    expect(await app.database.audit.count()).toBe(0);
  });
});
