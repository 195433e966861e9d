/**
 * The desktop shell as built, in real Chromium under the Electron double: the built main entry, its
 * app:// handler on the window's partition, the built preload in an isolated world, and the real
 * ipcMain handlers. What an agent does, and what the shell refuses.
 */
import { expect, test } from './fixtures';
import { signInThroughForm } from '../support/agent';
import { requestAcceptanceLink } from '../support/ui';
import { channelNames } from '../../../shared/ipc/channels';

const ADATUM = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';

async function attestationsAt(url: string, customerId: string): Promise<Array<{ id: string; status: string }>> {
  const response = await fetch(`${url}/sandbox/attestations?customerId=${customerId}`);
  return ((await response.json()) as { items: never[] }).items;
}

async function agreementsAt(url: string, customerId: string): Promise<Array<{ requestId: string; primaryContact: { firstName: string } }>> {
  const response = await fetch(`${url}/sandbox/agreements?customerId=${customerId}`);
  return ((await response.json()) as { items: never[] }).items;
}

test('start → embedded sandbox (Partner Center today) → sign in → acceptance link → the signer accepts → finalised: exactly one agreement', async ({
  desktop,
}) => {
  const { page, electron } = desktop;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  // The page came from app:// through the main process's handler on the window's own session.
  expect(desktop.window.webContents.getURL()).toBe('app://mca-desk/index.html');
  expect(desktop.window.webContents.session.partition).toBe('persist:mca-desk');
  await expect(page).toHaveTitle('MCA Desk');
  const info = await desktop.appInfo();
  expect(info.backend).toMatchObject({ kind: 'sandbox', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });

  await signInThroughForm(page, 'admin@contoso.example');
  await requestAcceptanceLink(page, 'Adatum Corporation', 'Maria');
  const panel = page.getByRole('region', { name: 'Acceptance link' });
  await expect(panel).toContainText('Link sent?', { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Copy to clipboard' }).click();
  // The main process wrote the email to the system clipboard (the double's, electron.d.ts Clipboard.writeText).
  expect(await electron.clipboard.readText()).toMatch(/\/customer-acceptance\//);
  const attestations = await attestationsAt(info.backend.url, ADATUM);
  expect(attestations).toHaveLength(1);
  // The signer accepts (the sandbox's helper stands in for the page), and the agent checks at once.
  expect((await fetch(`${info.backend.url}/sandbox/attestations/${attestations[0]!.id}/accept`, { method: 'POST' })).status).toBe(200);
  await panel.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByText('Adatum Corporation: the agreement is finalised. Maria Carr accepted.')).toBeVisible({ timeout: 30_000 });

  const agreements = await agreementsAt(info.backend.url, ADATUM);
  expect(agreements).toHaveLength(1);
  expect(agreements[0]!.primaryContact.firstName).toBe('Maria');
  // Every backend call went through the backend session; none through the window's or the default session.
  const backend = electron.session.fromPartition('mca-backend');
  expect(backend.fetched.some((entry) => entry.url.endsWith('/oauth2/token') && entry.outcome === 'network')).toBe(true);
  expect(electron.session.fromPartition('persist:mca-desk').fetched).toEqual([]);
  expect(electron.session.defaultSession.fetched).toEqual([]);
  expect(desktop.window.webContents.preloadErrors).toEqual([]);
  expect(errors).toEqual([]);
});

test('the page sees only copies through the context bridge: no ipcRenderer, no require, no prototypes', async ({ desktop }) => {
  const seen = await desktop.page.evaluate(async () => {
    const page = globalThis as unknown as Record<string, unknown> & {
      api: Record<string, (request: object) => Promise<Record<string, unknown>>>;
    };
    const api = page.api;
    const envelope = await api.getAppInfo!({});
    return {
      channels: Object.keys(api).sort(),
      allFunctions: Object.values(api).every((value) => typeof value === 'function'),
      apiPrototypeIsObject: Object.getPrototypeOf(api) === Object.prototype,
      envelopeIsPlain: Object.getPrototypeOf(envelope) === Object.prototype,
      envelopeHasFunctions: JSON.stringify(Object.values(envelope).map((value) => typeof value)).includes('function'),
      ipcRenderer: typeof page.ipcRenderer,
      require: typeof page.require,
      process: typeof page.process,
      binding: typeof page.__electronDoubleIpc,
    };
  });
  expect(seen).toEqual({
    // exactly the contract's channels, nothing more
    channels: [...channelNames].sort(),
    allFunctions: true,
    apiPrototypeIsObject: true,
    envelopeIsPlain: true,
    envelopeHasFunctions: false,
    ipcRenderer: 'undefined',
    require: 'undefined',
    process: 'undefined',
    binding: 'undefined',
  });
});

test('navigation and window.open to outside URLs are refused; https opens in the system browser', async ({ desktop }) => {
  const { page, electron } = desktop;
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MCA Desk' })).toBeVisible();
  const appUrl = page.url();
  await page.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = 'https://evil.example/phish';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(appUrl);
  expect(desktop.window.webContents.blockedRequests).toContain('https://evil.example/phish (navigation refused)');

  await page.evaluate(() => {
    const open = (globalThis as unknown as { open(url: string, target: string): unknown }).open;
    open('https://learn.microsoft.com/partner-center/', '_blank');
    open('http://evil.example/', '_blank');
  });
  await expect.poll(() => desktop.window.webContents.driver!.windowOpens.length).toBe(2);
  expect(desktop.window.webContents.driver!.windowOpens).toEqual([
    { url: 'https://learn.microsoft.com/partner-center/', action: 'deny' },
    { url: 'http://evil.example/', action: 'deny' },
  ]);
  expect(electron.shell.opened).toEqual(['https://learn.microsoft.com/partner-center/']);
  // The denied popups were closed at once: only the app's page is left.
  await expect.poll(() => page.context().pages().length).toBe(1);

  // The renderer's own way out: openExternal through IPC, https only.
  const opened = await page.evaluate(() => {
    const api = (globalThis as unknown as { api: { openExternal(r: object): Promise<{ ok: boolean; error?: { code: string } }> } }).api;
    return Promise.all([api.openExternal({ url: 'https://aka.ms/customeragreement' }), api.openExternal({ url: 'javascript:alert(1)' })]);
  });
  expect(opened[0]).toMatchObject({ ok: true });
  expect(opened[1]).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  expect(electron.shell.opened).toEqual(['https://learn.microsoft.com/partner-center/', 'https://aka.ms/customeragreement']);
});

test('a call from another frame is refused; the same call from the main frame is answered', async ({ desktop }) => {
  const { page } = desktop;
  await page.evaluate(`(() => {
    const frame = document.createElement('iframe');
    frame.name = 'intruder';
    frame.src = '/index.html';
    document.body.append(frame);
  })()`);
  const driver = desktop.window.webContents.driver!;
  await expect.poll(async () => (await driver.webFrameNamed('intruder'))?.parent?.origin ?? null).toBe('app://mca-desk');
  const subframe = await driver.webFrameNamed('intruder');
  const refused = await driver.invokeFrom(subframe, 'mca:getSession', [{}]);
  expect(refused).toEqual({
    ok: true,
    value: { ok: false, error: { code: 'bad-sender', message: 'The call does not come from the MCA Desk window.' } },
  });
  const answered = await driver.invokeFrom(await driver.webFrame(await driver.mainFrameId()), 'mca:getSession', [{}]);
  expect(answered).toMatchObject({ ok: true, value: { ok: true, data: { signedIn: false } } });
  // The preload runs in the main frame only: the subframe has no window.api.
  expect(
    await page
      .frame({ name: 'intruder' })!
      .evaluate(() => typeof (globalThis as unknown as { api?: unknown }).api)
      .catch(() => 'undefined'),
  ).toBe('undefined');
});
