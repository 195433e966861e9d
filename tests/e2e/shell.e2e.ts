import { expect, test } from './fixtures';

test('the built renderer loads in Chromium through the bridge and offers sign-in without errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page).toHaveTitle('MCA Desk');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MCA Desk' })).toBeVisible();
  // The local service answers: no "could not reach its local service" alert.
  await expect(page.getByText('could not reach its local service')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an agent signs in with a seeded sandbox account through the form and can sign out', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill('admin@contoso.example');
  await page.getByLabel('Password').fill('sandbox');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MCA Desk' })).toBeVisible();
});
