/**
 * Secrets without a keyring: the app asks once, naming the risk and the fix, before anything is kept
 * with the weaker protection; Settings says what protects the secrets, as it is, and can change the answer.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SecretStorageInfo } from '../../../../shared/ipc/contract';
import SecretStorageConsent from '../../../../renderer/src/components/shell/SecretStorageConsent.vue';
import SecretStorageSetting from '../../../../renderer/src/components/settings/SecretStorageSetting.vue';
import { ADMIN } from '../helpers/fake-api';
import { createTestApp, eventually, mountIn, type TestApp } from '../helpers/app';

const PENDING: SecretStorageInfo = {
  backend: 'memory (not stored)',
  secure: false,
  kind: 'memory',
  consent: 'pending',
  warning: 'This Linux session has no keyring.',
};

describe('the weak secret storage question', () => {
  let app: TestApp;
  let info: SecretStorageInfo;
  let answers: boolean[];
  beforeEach(async () => {
    app = await createTestApp(ADMIN);
    info = PENDING;
    answers = [];
    app.fake.on('getAppInfo', () => ({
      name: 'MCA Desk',
      version: '0.1.0',
      transport: 'electron',
      platform: 'linux',
      machineName: 'TEST-DESK',
      backend: { kind: 'sandbox', url: 'http://127.0.0.1:4010' },
      secretStorage: info,
    }));
    app.fake.on('setSecretStorageConsent', ({ allow }) => {
      answers.push(allow);
      info = allow
        ? { ...PENDING, backend: 'aes-256-gcm-keyfile (no keyring)', kind: 'key-file', consent: 'granted' }
        : { ...PENDING, consent: 'refused' };
      return info;
    });
  });

  it('asks while the answer is pending, names the risk and the fix, records a yes and goes away', async () => {
    const wrapper = await mountIn(app, SecretStorageConsent);
    await eventually(() => wrapper.find('dialog').exists());
    expect(wrapper.get('dialog').text()).toContain('no keyring');
    expect(wrapper.get('dialog').text()).toContain('install and unlock a keyring');
    await wrapper.get('button').trigger('click');
    await eventually(() => !wrapper.find('dialog').exists());
    expect(answers).toEqual([true]);
  });

  it('asks nothing where the answer is not needed or already given', async () => {
    info = { backend: 'safeStorage:gnome_libsecret', secure: true, kind: 'os-keyring', consent: 'not-needed' };
    const wrapper = await mountIn(app, SecretStorageConsent);
    await eventually(() => app.fake.calls.some((entry) => entry.channel === 'getAppInfo'));
    expect(wrapper.find('dialog').exists()).toBe(false);
  });

  it('Settings says what protects the secrets, as it is, and can change the answer', async () => {
    info = {
      backend: 'aes-256-gcm-keyfile',
      secure: false,
      kind: 'key-file',
      consent: 'not-needed',
      warning: 'Secrets are encrypted with a key file beside the data (/data/secret.key).',
    };
    const browser = await mountIn(app, SecretStorageSetting);
    await eventually(() => browser.text().includes('The operating system does not protect them.'));
    expect(browser.text()).toContain('/data/secret.key');
    expect(browser.findAll('button')).toHaveLength(0);
    browser.unmount();

    info = { ...PENDING, backend: 'aes-256-gcm-keyfile (no keyring)', kind: 'key-file', consent: 'granted' };
    const granted = await mountIn(app, SecretStorageSetting);
    await eventually(() => granted.text().includes('Do not keep them'));
    await granted.get('button').trigger('click');
    await eventually(() => granted.text().includes('Not kept: MCA Desk holds them in memory only'));
    expect(answers).toEqual([false]);
  });
});
