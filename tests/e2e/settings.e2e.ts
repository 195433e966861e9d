import { expect, test } from './fixtures';
import { expectAccessible, indexedDbHolding, openScreen, waitForCustomers } from './support/screens';
import { chooseLatestAcceptanceDate } from './support/ui';

test('Settings: the backend form checks what it saves and says what happened; the language switches at once', async ({
  page,
  app,
  signIn,
}) => {
  await signIn('admin@contoso.example');
  await openScreen(page, '/settings', 'Settings');
  await expectAccessible(page, 'Settings');

  const url = page.getByLabel('Sandbox URL');
  await url.fill('ftp://files.example');
  await expect(page.getByText('Enter a web address, such as http://127.0.0.1:4010.')).toBeVisible();
  await url.fill('http://sandbox.example');
  await expect(page.getByText('Use https, or http only on this computer (127.0.0.1 or localhost).')).toBeVisible();
  await page.getByRole('button', { name: 'Save backend' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveCount(0);

  // Partner Center needs a tenant and a client id.
  await page.getByLabel('Partner Center').check();
  await page.getByLabel('Client ID').fill('not-a-guid');
  await page.getByLabel('Client ID').blur();
  await expect(page.getByText('Enter a GUID, such as 00000000-0000-0000-0000-000000000000.')).toBeVisible();
  await page.getByLabel(/^Sandbox/).check();

  // A new sandbox URL is a new backend: saved, and the agent signs in again there.
  await url.fill(app.sandbox!.url);
  await page.getByRole('button', { name: 'Save backend' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MCA Desk' })).toBeVisible();
  await page.getByLabel('Email').fill('admin@contoso.example');
  await page.getByLabel('Password').fill('sandbox');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await openScreen(page, '/settings', 'Settings');
  await expect(page.getByLabel('Sandbox URL')).toHaveValue(app.sandbox!.url);
  await page.getByRole('button', { name: 'Save backend' }).click();
  await expect(page.getByText('Saved. Nothing changed for your sign-in.')).toBeVisible();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Klanten' })).toBeVisible();
  await expectAccessible(page, 'Settings (Dutch)');
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('Settings: the earliest acceptance date is what the form allows and what the main process checks', async ({
  page,
  signIn,
  bridge,
}) => {
  await signIn('admin@contoso.example');
  await openScreen(page, '/settings', 'Settings');
  const floor = page.getByLabel('Earliest date of acceptance');
  await expect(floor).toHaveValue('2019-03-01');
  await floor.fill('2999-01-01');
  await page.getByRole('button', { name: 'Save date' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Enter a day that is not in the future.' })).toBeVisible();
  expect(await bridge('getSettings')).toMatchObject({ ok: true, data: { acceptanceFloor: '2019-03-01' } });
  await floor.fill('2020-01-01');
  await page.getByRole('button', { name: 'Save date' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: dates from 1 Jan 2020 on are accepted.' })).toBeVisible();
  await expectAccessible(page, 'Settings with the earliest acceptance date');

  await waitForCustomers(page);
  await page.getByRole('row', { name: /Adatum Corporation/ }).click();
  await page.getByRole('link', { name: 'Confirm acceptance' }).click();
  const date = page.getByLabel('Date of acceptance');
  await expect(date).toHaveAttribute('min', '2020-01-01');
  await date.fill('2019-12-31');
  await date.blur();
  await expect(page.getByText(/before 1 Jan 2020/)).toBeVisible();
});

test('Settings: the follow-up days are 1 to 7 whole days in the form and at the main process; a refused value changes nothing', async ({
  page,
  signIn,
  bridge,
}) => {
  await signIn('admin@contoso.example');
  await openScreen(page, '/settings', 'Settings');
  const days = page.getByLabel('Follow up after (days)');
  await expect(days).toHaveValue('3');
  for (const bad of ['0', '8', '2.5', '']) {
    await days.fill(bad);
    await page.getByRole('button', { name: 'Save days' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Enter a whole number of days from 1 to 7.' })).toBeVisible();
    await expect(days).toHaveAttribute('aria-invalid', 'true');
  }
  expect(await bridge('getSettings')).toMatchObject({ ok: true, data: { followUpAfterDays: 3 } });
  // The main process holds the same rule whatever the form lets through.
  expect(await bridge('updateSettings', { followUpAfterDays: 30 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  expect(await bridge('getSettings')).toMatchObject({ ok: true, data: { followUpAfterDays: 3 } });
  await days.fill('5');
  await page.getByRole('button', { name: 'Save days' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: links are followed up after 5 days.' })).toBeVisible();
  await expect(days).not.toHaveAttribute('aria-invalid');
  expect(await bridge('getSettings')).toMatchObject({ ok: true, data: { followUpAfterDays: 5 } });
  await expectAccessible(page, 'Settings with the follow-up days');
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByText('Acceptance links sent 5 days ago or more', { exact: false })).toBeVisible();
});

test('Clear local data warns how many queued confirmations would be lost and needs an explicit yes', async ({ page, app, signIn }) => {
  await signIn('admin@contoso.example');
  await waitForCustomers(page);
  await page.getByRole('row', { name: /Adatum Corporation/ }).click();
  await page.getByRole('link', { name: 'Confirm acceptance' }).click();
  await expect(page.getByLabel('First name')).not.toHaveValue('');
  // The backend fails every call from now on: the confirmation stays queued.
  app.sandbox!.setFaults({ failRate: 1 });
  await chooseLatestAcceptanceDate(page);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('1 queued')).toBeVisible();
  await openScreen(page, '/invitations', 'Invitations');
  await page.getByRole('button', { name: 'New draft' }).click();
  await page.getByLabel('Subject').fill('Draft to be cleared');
  await expect(page.getByText(/^Saved on this computer at/)).toBeVisible();

  await openScreen(page, '/settings', 'Settings');
  await expect(page.getByText('1 confirmation has not reached Microsoft yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear local data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear local data?' });
  await expect(dialog).toContainText('including 1 invitation draft');
  await expect(dialog).toContainText('1 confirmation is still waiting in the Outbox (queued, sending or failed) and would be lost');
  await expectAccessible(page, 'Clear local data dialog');
  const clear = dialog.getByRole('button', { name: 'Clear', exact: true });
  await expect(clear).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('1 queued')).toBeVisible();

  app.sandbox!.setFaults({ failRate: 0 });
  await page.getByRole('button', { name: 'Clear local data' }).click();
  await dialog.getByLabel('I understand that 1 unsent confirmation will be lost').check();
  await clear.click();
  await expect(page.getByText('Local data cleared.')).toBeVisible();
  await expect(page.getByText('0 queued')).toBeVisible();
  expect(await indexedDbHolding(page, 'Draft to be cleared')).toEqual([]);
  await openScreen(page, '/invitations', 'Invitations');
  await expect(page.getByText('No drafts yet.', { exact: false })).toBeVisible();
  // The customer list downloads again.
  await waitForCustomers(page);
});
