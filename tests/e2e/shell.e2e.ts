import { expect, oneAppForThisFile, test } from './fixtures';

// These tests change nothing at the backend: one app serves them all.
oneAppForThisFile();

test('the built renderer loads in Chromium through the bridge and offers sign-in without errors', async ({ page, app }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.url);
  await expect(page).toHaveTitle('MCA Desk');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MCA Desk' })).toBeVisible();
  // The local service answers: no "could not reach its local service" alert.
  await expect(page.getByText('could not reach its local service')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an agent signs in with a seeded sandbox account through the form and can sign out', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByLabel('Email').fill('admin@contoso.example');
  await page.getByLabel('Password').fill('sandbox');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MCA Desk' })).toBeVisible();
});

test('loading the app asks for nothing that is missing: no 404 (the favicon is a real icon), no console error', async ({ page, app }) => {
  const failures: string[] = [];
  const consoleErrors: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  // A load the browser itself cancels (net::ERR_ABORTED, e.g. its favicon fetch when the address changes) is not a failure.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`failed ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MCA Desk' })).toBeVisible();
  await page.waitForLoadState('networkidle');

  // The page declares its icon, and the app serves it as an image (so the browser never falls back to /favicon.ico).
  expect(failures).toEqual([]);
  await expect(page.locator('link[rel="icon"]')).toHaveCount(1);
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  const icon = await page.request.get(new URL(href!, page.url()).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/svg+xml');
  expect(await icon.text()).toContain('<svg');
  expect(failures).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
