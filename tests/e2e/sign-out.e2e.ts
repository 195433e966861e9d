/** Signing out with items that have not reached Microsoft says how many, keeps them, and sends them after the next sign-in. */
import { expect, test } from './fixtures';
import { expectAccessible, waitForCustomers } from './support/screens';
import { chooseLatestAcceptanceDate, readAudit } from './support/ui';
import { signInThroughForm } from './support/agent';

test('Sign out with a queued confirmation asks first, says it stays, and it is sent after signing in again', async ({
  page,
  app,
  signIn,
}) => {
  await signIn('admin@contoso.example');
  await waitForCustomers(page);
  await page.getByRole('row', { name: /Adatum Corporation/ }).click();
  await page.getByRole('link', { name: 'Confirm acceptance' }).click();
  await page.getByLabel('First name').fill('Ilse');
  app.sandbox!.setFaults({ failRate: 1 });
  await chooseLatestAcceptanceDate(page);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('1 queued')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign out with items in the Outbox?' });
  await expect(dialog).toContainText(
    '1 item in the Outbox has not reached Microsoft yet. It stays on this computer and is sent after you sign in again.',
  );
  await expectAccessible(page, 'Sign out question');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await dialog.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MCA Desk' })).toBeVisible();
  const before = (await app.sandbox!.inspect.agreements()).filter((agreement) => agreement.primaryContact.firstName === 'Ilse');
  expect(before).toHaveLength(0);

  app.sandbox!.setFaults({ failRate: 0 });
  await signInThroughForm(page, 'admin@contoso.example');
  await expect(page.getByText('0 queued')).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(
      async () => (await app.sandbox!.inspect.agreements()).filter((agreement) => agreement.primaryContact.firstName === 'Ilse').length,
      { timeout: 30_000 },
    )
    .toBe(1);

  // The audit log: signing out (with what was left queued) and signing in again through the form.
  const audit = await readAudit(page);
  const actions = audit.filter((entry) => entry.kind === 'signed-out' || entry.kind === 'signed-in');
  expect(actions.map((entry) => [entry.kind, entry.detail])).toEqual([
    ['signed-out', '1 item(s) still queued'],
    ['signed-in', 'at sandbox'],
  ]);
});
