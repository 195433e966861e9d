import { describe, expect, it } from 'vitest';
import AppCredentialSetting from '../../../../renderer/src/components/settings/AppCredentialSetting.vue';
import { ADMIN } from '../helpers/fake-api';
import { createTestApp, eventually, mountIn } from '../helpers/app';

const TENANT = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const CLIENT = '0c0a7050-0000-4000-a000-000000000001';

describe('Settings → App registration (AppOnly)', () => {
  it('on the sandbox says there is nothing to set up, and offers no form', async () => {
    const app = await createTestApp(ADMIN, { attestationRoute: 'enhanced' });
    app.fake.on('getAppCredentialStatus', () => ({
      backend: 'sandbox',
      configured: true,
      source: 'sandbox-partner-app',
      mayChange: false,
    }));
    const wrapper = await mountIn(app, AppCredentialSetting);
    await eventually(() => wrapper.text().includes('nothing to set up'));
    expect(wrapper.find('#app-secret').exists()).toBe(false);
  });

  it('lets an Admin agent on Partner Center save a client secret: sent once to the main process, cleared from the page, never shown', async () => {
    const app = await createTestApp(ADMIN, { attestationRoute: 'enhanced' });
    let configured = false;
    const sent: unknown[] = [];
    app.fake.on('getAppCredentialStatus', () =>
      configured
        ? {
            backend: 'partner-center',
            configured: true,
            source: 'settings',
            tenantId: TENANT,
            clientId: CLIENT,
            kind: 'secret',
            mayChange: true,
          }
        : { backend: 'partner-center', configured: false, source: 'settings', mayChange: true },
    );
    app.fake.on('setAppCredential', (request) => {
      sent.push(request);
      configured = true;
      return { backend: 'partner-center', configured: true, source: 'settings', mayChange: true };
    });
    const wrapper = await mountIn(app, AppCredentialSetting);
    await eventually(() => wrapper.find('#app-secret').exists());
    expect(wrapper.text()).toContain('No app registration is set up yet');

    // Bad input: a clear error, nothing sent.
    await wrapper.get('#app-tenant-id').setValue('not-a-guid');
    await wrapper.get('form').trigger('submit');
    await eventually(() => wrapper.text().includes('Enter the tenant ID and the client ID as GUIDs'));
    expect(sent).toEqual([]);

    await wrapper.get('#app-tenant-id').setValue(TENANT);
    await wrapper.get('#app-client-id').setValue(CLIENT);
    await wrapper.get('#app-secret').setValue('s3cret-value');
    await wrapper.get('form').trigger('submit');
    await eventually(() => wrapper.text().includes('The app registration is saved.'));
    expect(sent).toEqual([{ tenantId: TENANT, clientId: CLIENT, credential: { kind: 'secret', secret: 's3cret-value' } }]);
    expect((wrapper.get('#app-secret').element as HTMLInputElement).value).toBe('');
    expect(wrapper.text()).toContain(CLIENT);
    expect(wrapper.html()).not.toContain('s3cret-value');
  });
});
