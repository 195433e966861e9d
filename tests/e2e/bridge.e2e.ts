import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';

test('the page reaches the host through the bridge and a submit lands exactly once at the sandbox', async ({
  page,
  app,
  signIn,
  bridge,
}) => {
  expect(await bridge('getSession')).toEqual({ ok: true, data: { signedIn: false, backend: 'sandbox' } });
  const session = await signIn('sales@contoso.example');
  expect(session.user).toMatchObject({ roles: ['sales-agent'], partnerName: 'Contoso Cloud Partners' });
  const customers = await bridge<{ items: Array<{ id: string }> }>('listCustomers', { pageSize: 5 });
  expect(customers.ok).toBe(true);
  const customerId = customers.ok ? customers.data.items[0]!.id : '';
  const item = {
    itemId: randomUUID(),
    customerId,
    primaryContact: { firstName: 'Tania', lastName: 'Carr', email: `tania.${randomUUID().slice(0, 8)}@example.com` },
    dateAgreed: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
  };
  expect(await bridge('submitAttestation', item)).toMatchObject({ ok: true, data: { status: 'confirmed', alreadyRecorded: false } });
  expect(await bridge('submitAttestation', item)).toMatchObject({ ok: true, data: { status: 'confirmed', alreadyRecorded: true } });
  expect((await app.sandbox!.inspect.agreements()).filter((agreement) => agreement.requestId === item.itemId)).toHaveLength(1);
  // The session cookie is HttpOnly and SameSite=Strict: the page's script cannot read it, other sites cannot send it.
  const cookies = await page.context().cookies(app.origin);
  expect(cookies).toEqual([expect.objectContaining({ name: app.cookieName, httpOnly: true, sameSite: 'Strict' })]);
});

test('a browser without the launch token gets nothing from the bridge', async ({ app, browser }) => {
  const stranger = await browser.newContext();
  const page = await stranger.newPage();
  const response = await page.goto(app.origin);
  expect(response?.status()).toBe(401);
  await expect(page.getByRole('heading', { name: 'Open MCA Desk from its link' })).toBeVisible();
  const call = await page.evaluate(async () => {
    const result = await fetch('/api/getSession', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return { status: result.status, body: await result.json() };
  });
  expect(call).toEqual({
    status: 401,
    body: { ok: false, error: { code: 'bad-sender', message: 'Open MCA Desk with the link it printed when it started.' } },
  });
  await stranger.close();
});

test('the page keeps its bridge secret in memory only: a reloaded tab says to open the link again, and the link brings it back', async ({
  page,
  app,
  signIn,
  context,
}) => {
  await signIn('admin@contoso.example');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  // Not in the address (the fragment was removed at once), not in cookies or storage.
  expect(page.url()).not.toContain(app.apiSecret);
  expect(JSON.stringify(await context.storageState())).not.toContain(app.apiSecret);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('This tab has lost its link to MCA Desk');
  // The cookie alone gets nothing from the bridge.
  const call = await page.evaluate(
    async () => (await fetch('/api/getSession', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status,
  );
  expect(call).toBe(401);
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});
