import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SEEDED_PASSWORD } from '../../sandbox/index';
import { startWebApp } from '../../electron/web/index';
import { startLossyProxy } from '../unit/node/helpers/lossy-proxy';
import { bridgeCallScript } from './support/launch-link';
import { chooseLatestAcceptanceDate } from './support/ui';

/**
 * Names, company names and backend strings carrying HTML or script are shown as text: the text is
 * visible literally and no element was injected (the shared fixture also fails on any CSP violation).
 */
const COMPANY = '<img src=x onerror="window.__xss=1">Evil & Co <script>window.__xss=2</script>';
const FIRST = '<b id="injected-b">Eve</b>';
const LAST = '"><svg onload=window.__xss=3>';

async function sandboxToken(url: string, userName: string): Promise<string> {
  const response = await fetch(`${url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: userName, password: SEEDED_PASSWORD }).toString(),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function expectNothingInjected(page: Page): Promise<void> {
  expect(await page.evaluate('window.__xss')).toBeUndefined();
  await expect(page.locator('#app img[src="x"], #app script, #app svg[onload], #injected-b, #app [onerror], #app [onload]')).toHaveCount(0);
}

test('a customer and contact named with HTML and script are shown as text everywhere, and attesting them stays text', async ({
  page,
  app,
  signIn,
}) => {
  // The customer is created at the backend by someone else (another tool): the app only reads it.
  const token = await sandboxToken(app.sandbox!.url, 'admin@contoso.example');
  const created = await fetch(`${app.sandbox!.url}/v1/customers`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'MS-RequestId': randomUUID() },
    body: JSON.stringify({
      companyProfile: { domain: `evil${Date.now()}.onmicrosoft.com` },
      billingProfile: {
        email: 'eve@evil.example',
        culture: 'en-US',
        language: 'en',
        companyName: COMPANY,
        defaultAddress: {
          firstName: FIRST,
          lastName: LAST,
          addressLine1: '<iframe src=javascript:alert(1)>',
          city: 'Redmond',
          postalCode: '98052',
          state: 'WA',
          country: 'US',
        },
      },
    }),
  });
  expect(created.status).toBe(201);

  await signIn('admin@contoso.example');
  await page.getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByLabel('Search customers').fill('<img');
  const row = page.getByRole('row', { name: /Evil & Co/ });
  await expect(row).toContainText(COMPANY);
  await expectNothingInjected(page);

  await row.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(COMPANY);
  await expectNothingInjected(page);

  // The agent confirms acceptance with the contact as given (pre-filled from the backend).
  await page.getByRole('link', { name: 'Confirm acceptance' }).click();
  await expect(page.getByLabel('First name')).toHaveValue(FIRST);
  await expect(page.getByLabel('Last name')).toHaveValue(LAST);
  await chooseLatestAcceptanceDate(page);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(`Saved: the confirmation for ${COMPANY} is queued.`)).toBeVisible();
  await expect(page.getByText(`Confirmed at Microsoft: ${COMPANY}`)).toBeVisible({ timeout: 30_000 });
  await expect(
    page
      .getByRole('table')
      .getByRole('row', { name: new RegExp('Eve') })
      .first(),
  ).toContainText(`${FIRST} ${LAST}`);
  await expectNothingInjected(page);

  // Stored and read back literally at the backend.
  const agreements = (await app.sandbox!.inspect.agreements()).filter((agreement) => agreement.primaryContact.firstName === FIRST);
  expect(agreements).toHaveLength(1);
  expect(agreements[0]!.primaryContact.lastName).toBe(LAST);
});

test("a backend's error text carrying HTML is shown as text in the outbox and the notification", async ({ page, app }) => {
  // The backend answers the confirmation with a refusal whose text is markup (a proxy in front of the sandbox).
  const proxy = await startLossyProxy(app.sandbox!.url);
  const reason = '<img src=x onerror="window.__xss=4"><a href="javascript:alert(1)">Click</a> refused';
  proxy.rule = (request) =>
    request.method === 'POST' && /\/agreements$/.test(request.path)
      ? { status: 400, body: { code: 'X1', description: reason } }
      : 'forward';
  const second = await startWebApp({ memory: true, sandboxUrl: proxy.url, log: { warn: () => undefined, error: () => undefined } });
  try {
    // Signed in at this second app (its own link, cookie and page secret), then opened through its link again.
    await page.goto(second.url);
    const signedIn = (await page.evaluate(
      bridgeCallScript('signIn', { method: 'password', userName: 'admin@contoso.example', password: SEEDED_PASSWORD }, second.apiSecret),
    )) as { ok: boolean };
    expect(signedIn.ok).toBe(true);
    await page.goto(second.url);
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByLabel('Search customers').fill('Adatum');
    await page
      .getByRole('row', { name: /Adatum Corporation/ })
      .first()
      .click();
    await page.getByRole('link', { name: 'Confirm acceptance' }).click();
    await chooseLatestAcceptanceDate(page);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText(reason).first()).toBeVisible({ timeout: 30_000 });
    await page.getByRole('link', { name: /^Outbox/ }).click();
    await expect(page.getByRole('row', { name: /Adatum Corporation/ })).toContainText(reason);
    await expectNothingInjected(page);
    await expect(page.locator('#app a[href^="javascript:"]')).toHaveCount(0);
  } finally {
    await second.stop();
    await proxy.close();
  }
});
