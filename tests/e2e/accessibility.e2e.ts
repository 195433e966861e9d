import { expect, oneAppForThisFile, test } from './fixtures';
import { expectAccessible, openCustomer, signInThroughForm, watchForViolations } from './support/agent';
import { chooseLatestAcceptanceDate } from './support/ui';

// These tests change nothing at the backend: one app serves them all.
oneAppForThisFile();

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`every screen passes axe (no serious or critical findings) with no CSP violations, ${colorScheme}`, async ({ page, reopen }) => {
      const problems = await watchForViolations(page);
      await reopen();
      await expectAccessible(page, 'sign-in');
      await signInThroughForm(page, 'admin@contoso.example');
      await expectAccessible(page, 'overview (the first screen)');
      await page.getByRole('link', { name: 'Customers', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
      await expectAccessible(page, 'customers');
      // The list with its rows shown and one of them keyboard-active (the grid points at it with aria-activedescendant).
      const grid = page.getByRole('grid');
      await expect(
        grid
          .getByRole('row')
          .filter({ has: page.getByRole('gridcell') })
          .first(),
      ).toBeVisible();
      await grid.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect(grid).toHaveAttribute('aria-activedescendant', 'customer-row-2');
      await expect(page.locator('#customer-row-2')).toHaveAttribute('aria-selected', 'true');
      await expectAccessible(page, 'customers (rows shown, one keyboard-active)');
      await page.getByLabel('Search customers').fill('a');
      await expectAccessible(page, 'customers (filtered)');
      await page.getByLabel('Search customers').fill('');
      await openCustomer(page, 'Graphic Design Institute');
      await expectAccessible(page, 'customer detail');

      await page.getByRole('link', { name: 'Confirm acceptance' }).click();
      await page.getByLabel('Email address').fill('not an address');
      await expect(page.getByText('Enter one email address')).toBeVisible();
      await expectAccessible(page, 'confirm acceptance (with an error)');
      await page.getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('link', { name: 'New order' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'New order' })).toBeVisible();
      await expectAccessible(page, 'new order');

      // A failed item in the Outbox, its edit form and the discard dialog.
      await page.route('**/api/submitAttestation', (route) =>
        route.fulfill({
          json: {
            ok: true,
            data: { status: 'failed', code: 600002, reason: 'Date of agreement cannot be greater than the current date.' },
          },
        }),
      );
      await openCustomer(page, 'Adatum Corporation');
      await page.getByRole('link', { name: 'Confirm acceptance' }).click();
      await chooseLatestAcceptanceDate(page);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('link', { name: /^Outbox/ }).click();
      await expect(page.getByRole('row', { name: /Adatum Corporation/ })).toContainText('Failed');
      await expectAccessible(page, 'outbox');
      await page.getByRole('button', { name: 'Discard the confirmation for Adatum Corporation' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectAccessible(page, 'discard dialog');
      await page.getByRole('button', { name: 'Keep it' }).click();
      await page.getByRole('button', { name: 'Edit the confirmation for Adatum Corporation' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Edit confirmation' })).toBeVisible();
      await expectAccessible(page, 'edit confirmation');

      await page.getByRole('link', { name: 'Invitations' }).click();
      await expectAccessible(page, 'invitations');
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      await expectAccessible(page, 'settings');
      expect(problems()).toEqual([]);
    });
  });
}

test('a Helpdesk agent’s and an indirect reseller’s customer pages pass axe', async ({ page }) => {
  await signInThroughForm(page, 'helpdesk@contoso.example');
  await openCustomer(page, 'Adatum Corporation');
  await expectAccessible(page, 'customer detail, Helpdesk agent');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInThroughForm(page, 'admin@tailspin.example');
  await openCustomer(page, 'Best For You Organics');
  await expectAccessible(page, 'customer detail, indirect reseller');
});

test('the skip link and keyboard reach the main content and the navigation', async ({ page, signIn }) => {
  // The app as it opens after sign-in: on its first screen, the Overview.
  await signIn('admin@contoso.example', { landing: null });
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^Confirmed by partner: / })).toBeFocused();
  await page.getByRole('link', { name: /^Outbox/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeFocused();
});
