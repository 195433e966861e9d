/**
 * The Audit screen after a scripted session: every action is there with who did it, the filters
 * narrow it, and both exports hold every entry the log holds.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { expectAccessible, openCustomer } from './support/agent';
import { openScreen, waitForCustomers } from './support/screens';
import { chooseLatestAcceptanceDate, readAudit } from './support/ui';

test('the audit log holds every action of a session, filters by action and customer, and exports in full', async ({ page, signIn }) => {
  test.setTimeout(120_000);
  await signIn('admin@contoso.example');
  await waitForCustomers(page);

  // The session: a confirmation sent and recorded, then evidence added to it.
  await openCustomer(page, 'Adatum Corporation');
  await page.getByRole('link', { name: 'Confirm acceptance' }).click();
  await chooseLatestAcceptanceDate(page);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('0 queued')).toBeVisible({ timeout: 30_000 });
  await openCustomer(page, 'Adatum Corporation');
  const evidence = page.getByRole('region', { name: 'Evidence' });
  await evidence
    .getByLabel('Add evidence')
    .setInputFiles({ name: 'call-notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Accepted by phone.\n') });
  await expect(evidence.getByRole('status')).toHaveText('1 file added.');

  const logged = await readAudit(page);
  expect(logged.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['queued', 'sending', 'confirmed', 'evidence-added']));

  await openScreen(page, '/audit', 'Audit');
  const total = logged.length;
  await expect(page.getByText(`${total} of ${total} entries`)).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: /Evidence added/ })).toContainText('admin@contoso.example');
  await expect(table.getByRole('row', { name: /Confirmed/ })).toContainText('Adatum Corporation');
  await expectAccessible(page, 'audit');

  await page.getByLabel('Action').selectOption({ label: 'Evidence added' });
  await expect(page.getByText(`1 of ${total} entries`)).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Customer').fill('no such company');
  await expect(page.getByText('No entries match.')).toBeVisible();
  await page.getByLabel('Customer').fill('adatum');
  await expect(page.getByText(`${total} of ${total} entries`)).toBeVisible();

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^mca-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvLines = (await readFile(await csv.path(), 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(csvLines[0]).toBe('seq,atUtc,atLocal,action,agent,customerId,companyName,itemId,detail');
  expect(csvLines).toHaveLength(total + 1);
  const [jsonl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON Lines' }).click()]);
  const records = (await readFile(await jsonl.path(), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { itemId: string; action: string; agent: string });
  expect(records.map((record) => `${record.itemId}/${record.action}`).sort()).toEqual(
    logged.map((entry) => `${entry.itemId}/${entry.kind}`).sort(),
  );
  expect(records.every((record) => record.agent === 'admin@contoso.example')).toBe(true);
  await expect(page.getByText(`${total} entries exported to`)).toBeVisible();
  // Each export is an entry of its own (not Adatum's: the customer filter leaves it out).
  await page.getByLabel('Customer').fill('');
  await page.getByLabel('Action').selectOption({ label: 'Audit log exported' });
  await expect(table.getByRole('row', { name: /Audit log exported/ })).toHaveCount(2);
  await expect(table.getByRole('row', { name: /Audit log exported/ }).first()).toContainText(/mca-audit-.*\.jsonl: \d+ entries/);

  // In Dutch.
  await openScreen(page, '/settings', 'Settings');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
  await page.getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit' })).toBeVisible();
  await expect(page.getByText(`${total + 2} van ${total + 2} items`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'CSV exporteren' })).toBeVisible();
});
