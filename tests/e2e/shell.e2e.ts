import { expect, test } from '@playwright/test';

test('the built renderer loads in Chromium and shows the app shell with its title', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page).toHaveTitle('MCA Desk');
  await expect(page.getByRole('heading', { level: 1, name: 'MCA Desk' })).toBeVisible();
  expect(errors).toEqual([]);
});
