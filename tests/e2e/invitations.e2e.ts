import { expect, oneAppForThisFile, test } from './fixtures';
import { expectAccessible, readClipboard, openScreen, waitForCustomers } from './support/screens';

// These tests change nothing at the backend: one app serves them all.
oneAppForThisFile();

const ACCEPTANCE_URL = 'https://admin.microsoft.com/AdminPortal/Home?ref=/BillingAccounts/agreement';

test('a draft for an existing customer is saved as the agent types, survives a reload, and copies with the acceptance URL', async ({
  page,
  app,
  signIn,
  reopen,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await signIn('sales@contoso.example');
  await waitForCustomers(page);
  await page.getByRole('row', { name: /Alpine Ski House/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alpine Ski House' })).toBeVisible();
  await page.getByRole('link', { name: 'Invite to accept' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Invitation draft' })).toBeVisible();
  await expect(page.getByLabel('Template')).toHaveValue('existing-customer');
  await expect(page.getByLabel('Subject')).toHaveValue('Action needed: accept the Microsoft Customer Agreement for Alpine Ski House');
  await expect(page.getByLabel('Body')).toHaveValue(new RegExp(ACCEPTANCE_URL.replace(/[.?/]/g, '\\$&')));
  await expect(page.getByLabel('Body')).toHaveValue(/Kind regards,\nContoso Cloud Partners$/);
  await expect(page.getByLabel('To')).toHaveValue(/@alpineskihouse\.example$/);
  await expectAccessible(page, 'invitation editor');

  // No Save button: what is typed is kept, also after a reload.
  await expect(page.getByRole('button', { name: /^Save/ })).toHaveCount(0);
  await page.getByLabel('Subject').fill('Please accept the MCA, Alpine Ski House');
  await expect(page.getByText(/^Saved on this computer at/)).toBeVisible();
  await reopen();
  await expect(page.getByLabel('Subject')).toHaveValue('Please accept the MCA, Alpine Ski House');

  await page.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied: subject and body are on the clipboard.' })).toBeVisible();
  const copied = await readClipboard(page);
  expect(copied.startsWith('Please accept the MCA, Alpine Ski House\n\n')).toBe(true);
  expect(copied).toContain(ACCEPTANCE_URL);

  await page.getByRole('link', { name: 'All drafts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invitations' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Please accept the MCA, Alpine Ski House' })).toBeVisible();
  await expectAccessible(page, 'invitations list');
});

test('drafts are made from each template, in Dutch too, and deleted only after confirmation', async ({ page, signIn }) => {
  await signIn('admin@contoso.example');
  await openScreen(page, '/invitations', 'Invitations');
  await page.getByRole('button', { name: 'New draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invitation draft' })).toBeVisible();

  await page.getByLabel('Template').selectOption('reseller-relationship');
  await expect(page.getByLabel('Subject')).toHaveValue('Contoso Cloud Partners invites {customerName} to a reseller relationship');
  // The relationship link comes from the backend when the text is sent: the draft keeps {url}.
  await expect(page.getByLabel('Body')).toHaveValue(/\{url\}/);
  await expect(page.getByText('The reseller relationship link is fetched from Partner Center when you copy')).toBeVisible();
  await page.getByLabel('Language').selectOption('nl');
  await expect(page.getByLabel('Subject')).toHaveValue('Contoso Cloud Partners nodigt {customerName} uit voor een resellerrelatie');
  await expect(page.getByText('Still to fill in yourself: {customerName}, {contactName}.')).toBeVisible();

  // An edited text is only replaced after the agent agrees.
  await page.getByLabel('Body').fill('My own words');
  await page.getByLabel('Template').selectOption('indirect-provider');
  const dialog = page.getByRole('dialog', { name: 'Replace your text?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Body')).toHaveValue('My own words');
  await expect(page.getByLabel('Template')).toHaveValue('reseller-relationship');

  await page.getByLabel('Subject').fill('Relationship for Fourth Coffee');
  await page.getByRole('link', { name: 'All drafts' }).click();
  await expect(page.getByRole('link', { name: 'Relationship for Fourth Coffee' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete draft “Relationship for Fourth Coffee”' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this draft?' });
  await expect(confirm).toBeVisible();
  await expectAccessible(page, 'delete draft dialog');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('link', { name: 'Relationship for Fourth Coffee' })).toHaveCount(0);
  await expect(page.getByText('No drafts yet.', { exact: false })).toBeVisible();
});
