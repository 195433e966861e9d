import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { expectAccessible, waitForCustomers } from './support/screens';

const ADATUM = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';

function yesterday(): string {
  return new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
}

test('Import CSV: a report with row, field and reason before anything is queued; only the valid rows are queued and confirmed', async ({ page, app, signIn }) => {
  await signIn('admin@contoso.example');
  await waitForCustomers(page);
  await page.getByRole('link', { name: 'Import CSV' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import CSV' })).toBeVisible();
  await expectAccessible(page, 'Import CSV');

  const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download template' }).click()]);
  expect((await readFile(await template.path(), 'utf8')).replace(/^\uFEFF/, '').trim()).toBe('customer,firstName,lastName,email,phone,date');

  const day = yesterday();
  const csv = [
    'customer,firstName,lastName,email,phone,date',
    `fourthcoffee.onmicrosoft.com,Mila,Jansen,mila.jansen@fourthcoffee.example,+1 425 555 0199,${day}`,
    `${ADATUM},Noor,Visser,noor.visser@adatum.example,,${day}`,
    `nosuch.onmicrosoft.com,Piet,Pol,piet@nosuch.example,,${day}`,
    `coho-winery-typo.onmicrosoft.com,Kees,,not-an-email,12ab,${day}`,
    `${ADATUM},Anna,Smit,anna@adatum.example,,2999-01-01`,
    `graphicdesigninstitute.onmicrosoft.com,Tania,Carr,SomeEmail@example.com,1234567890,${day}`,
  ].join('\r\n');
  await page.getByLabel('CSV file').setInputFiles({ name: 'attestations.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  await expect(page.getByRole('heading', { level: 2, name: 'Check of attestations.csv' })).toBeVisible();
  await expect(page.getByText('6 rows: 2 valid, 4 with problems. Nothing is queued until you choose to.')).toBeVisible();
  const problems = page.getByRole('table', { name: 'Rows that will not be queued' });
  await expect(problems.getByRole('row', { name: /^4 Customer No customer with tenant ID or domain “nosuch\.onmicrosoft\.com”/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^5 Last name Required\./ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^5 Email Enter one email address/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^5 Phone Use digits, spaces/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^6 Date The date cannot be after/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^7 Row Already confirmed: the latest confirmation for Graphic Design Institute/ })).toBeVisible();
  await expectAccessible(page, 'Import CSV report');
  // Nothing queued yet.
  await expect(page.getByText('0 queued')).toBeVisible();

  await page.getByRole('button', { name: 'Queue 2 valid rows' }).click();
  await expect(page.getByText('Queued 2 confirmations.')).toBeVisible();
  await expect(page.getByText('0 queued')).toBeVisible({ timeout: 30_000 });
  const agreements = await app.sandbox!.inspect.agreements();
  expect(agreements.filter((agreement) => agreement.primaryContact.email === 'mila.jansen@fourthcoffee.example')).toHaveLength(1);
  expect(agreements.filter((agreement) => agreement.primaryContact.email === 'noor.visser@adatum.example')).toHaveLength(1);
  expect(agreements.filter((agreement) => ['piet@nosuch.example', 'anna@adatum.example'].includes(agreement.primaryContact.email))).toHaveLength(0);
});

test('Export CSV: every customer with its MCA status, formula-like cells escaped', async ({ page, signIn }) => {
  await signIn('helpdesk@contoso.example');
  await waitForCustomers(page);
  // Read-only roles may export; they are not offered the import or the refresh.
  await expect(page.getByRole('link', { name: 'Import CSV' })).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^mca-status-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('customerTenantId,companyName,domain,mcaStatus,lastContactFirstName,lastContactLastName,lastContactEmail,lastContactPhone,lastDateAgreed,partnerAttestationCompleted');
  expect(lines.length).toBeGreaterThan(50);
  const alpine = lines.find((line) => line.includes('Alpine Ski House'));
  expect(alpine).toMatch(/,confirmed-by-partner,/);
  // A phone number starting with "+" would be a formula in a spreadsheet: it is written as text.
  expect(alpine).toContain(",'+1 425 555 0100,");
  expect(lines.some((line) => /(^|,)[=+\-@]/.test(line))).toBe(false);
});
