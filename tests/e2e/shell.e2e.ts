import { expect, test } from './fixtures';

test('the built renderer loads in Chromium and, without its local service, offers sign-in and says the service is unreachable', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page).toHaveTitle('MCA Desk');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MCA Desk' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('could not reach its local service');
  expect(errors).toEqual([]);
});
