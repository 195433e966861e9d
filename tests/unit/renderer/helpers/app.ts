/**
 * Mounts renderer components the way the app runs them: Pinia, the app's i18n (English), a memory
 * router with the app's routes, a fake `window.api` and a fresh IndexedDB (fake-indexeddb).
 */
import { flushPromises, mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import type { Component } from 'vue';
import type { PartnerUser } from '../../../../shared/domain/roles';
import type { AttestationRoute } from '../../../../shared/ipc/contract';
import { useTransport } from '../../../../renderer/src/platform/api';
import { useDatabase, type McaDeskDatabase } from '../../../../renderer/src/db/database';
import { i18n, setLanguage } from '../../../../renderer/src/i18n';
import { routes } from '../../../../renderer/src/router/routes';
import { useSessionStore } from '../../../../renderer/src/stores/session';
import { createFakeApi, type FakeApi } from './fake-api';
import { freshDatabase } from './database';

export interface TestApp {
  pinia: Pinia;
  router: Router;
  fake: FakeApi;
  database: McaDeskDatabase;
}

/** A signed-in (or not) app context; components mounted with `mountIn` share it. */
export async function createTestApp(user: PartnerUser | null, options: { attestationRoute?: AttestationRoute } = {}): Promise<TestApp> {
  const fake = createFakeApi();
  useTransport(fake.api);
  fake.on('getSession', () =>
    user
      ? { signedIn: true, backend: 'sandbox', user, attestationRoute: options.attestationRoute ?? 'legacy' }
      : { signedIn: false, backend: 'sandbox' },
  );
  // What the main process always answers (tests of the secret storage replace it).
  fake.on('getAppInfo', () => ({
    name: 'MCA Desk',
    version: '0.1.0',
    transport: 'electron',
    platform: 'linux',
    machineName: 'TEST-DESK',
    backend: { kind: 'sandbox', url: 'http://127.0.0.1:4010' },
    secretStorage: { backend: 'safeStorage:gnome_libsecret', secure: true, kind: 'os-keyring', consent: 'not-needed' },
  }));
  const pinia = createPinia();
  setActivePinia(pinia);
  setLanguage('en');
  const database = await freshDatabase();
  useDatabase(database);
  const router = createRouter({ history: createMemoryHistory(), routes });
  await useSessionStore().load(true);
  return { pinia, router, fake, database };
}

export async function mountIn<C extends Component>(app: TestApp, component: C, options: ComponentMountingOptions<C> = {}) {
  const wrapper = mount(component, {
    ...options,
    global: { plugins: [app.pinia, i18n, app.router], ...(options.global ?? {}) },
  } as ComponentMountingOptions<C>);
  // Installing the router starts its first navigation, which loads a lazy page: wait for it, so no
  // import is still pending when the test (and its environment) ends.
  await app.router.isReady().catch(() => undefined);
  await flushPromises();
  return wrapper;
}

/** Waits until `condition` holds (live queries and IndexedDB answer asynchronously). */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const started = performance.now();
  for (;;) {
    await flushPromises();
    if (await condition()) return;
    if (performance.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
