import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { expectAccessible, waitForCustomers } from './support/screens';

const ADATUM = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';

function yesterday(): string {
  return new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
}

test('Import CSV: a report with row, field and reason before anything is queued; only the valid rows are queued and confirmed', async ({
  page,
  app,
  signIn,
}) => {
  await signIn('admin@contoso.example');
  await waitForCustomers(page);
  await page.getByRole('link', { name: 'Import CSV' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import CSV' })).toBeVisible();
  await expectAccessible(page, 'Import CSV');

  const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download template' }).click()]);
  expect((await readFile(await template.path(), 'utf8')).replace(/^\uFEFF/, '').trim()).toBe(
    'customer,firstName,lastName,email,phone,date',
  );

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
  await expect(
    problems.getByRole('row', { name: /^4 Customer No customer with tenant ID or domain “nosuch\.onmicrosoft\.com”/ }),
  ).toBeVisible();
  await expect(problems.getByRole('row', { name: /^5 Last name Required\./ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^5 Email Enter one email address/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^5 Phone Use digits, spaces/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^6 Date The date cannot be after/ })).toBeVisible();
  await expect(
    problems.getByRole('row', { name: /^7 Row Already confirmed: the latest confirmation for Graphic Design Institute/ }),
  ).toBeVisible();
  await expectAccessible(page, 'Import CSV report');
  // Nothing queued yet.
  await expect(page.getByText('0 queued')).toBeVisible();

  await page.getByRole('button', { name: 'Queue 2 valid rows' }).click();
  await expect(page.getByText('Queued 2 confirmations.')).toBeVisible();
  await expect(page.getByText('0 queued')).toBeVisible({ timeout: 30_000 });
  const agreements = await app.sandbox!.inspect.agreements();
  expect(agreements.filter((agreement) => agreement.primaryContact.email === 'mila.jansen@fourthcoffee.example')).toHaveLength(1);
  expect(agreements.filter((agreement) => agreement.primaryContact.email === 'noor.visser@adatum.example')).toHaveLength(1);
  expect(
    agreements.filter((agreement) => ['piet@nosuch.example', 'anna@adatum.example'].includes(agreement.primaryContact.email)),
  ).toHaveLength(0);
});

test('Export CSV: every customer with its MCA status, formula-like cells escaped', async ({ page, signIn }) => {
  await signIn('helpdesk@contoso.example');
  await waitForCustomers(page);
  // Read-only roles may export; they are not offered the import or the refresh.
  await expect(page.getByRole('link', { name: 'Import CSV' })).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^mca-status-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await download.path(), 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe(
    'customerTenantId,companyName,domain,mcaStatus,lastContactFirstName,lastContactLastName,lastContactEmail,lastContactPhone,lastDateAgreed,partnerAttestationCompleted,directAcceptance,directAcceptanceCheckedAt',
  );
  expect(lines.length).toBeGreaterThan(50);
  const alpine = lines.find((line) => line.includes('Alpine Ski House'));
  expect(alpine).toMatch(/,confirmed-by-partner,/);
  // A phone number starting with "+" would be a formula in a spreadsheet: it is written as text.
  expect(alpine).toContain(",'+1 425 555 0100,");
  expect(lines.some((line) => /(^|,)[=+\-@]/.test(line))).toBe(false);
});

test('Import CSV: a report with more than 500 problems shows every one, a page of 500 at a time by keyboard, and downloads in full as CSV', async ({
  page,
  signIn,
}) => {
  await signIn('admin@contoso.example');
  await waitForCustomers(page);
  await page.getByRole('link', { name: 'Import CSV' }).click();
  const day = yesterday();
  const csv = [
    'customer,firstName,lastName,email,phone,date',
    ...Array.from({ length: 1200 }, (_, n) => `nosuch${n}.onmicrosoft.com,Piet,Pol,piet${n}@nosuch.example,,${day}`),
  ].join('\r\n');
  await page.getByLabel('CSV file').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText('1,200 rows: 0 valid, 1,200 with problems. Nothing is queued until you choose to.')).toBeVisible();

  const problems = page.getByRole('table', { name: 'Rows that will not be queued' });
  const pager = page.getByRole('navigation', { name: 'Pages of problems' });
  await expect(pager.getByText('Problems 1–500 of 1,200')).toBeVisible();
  await expect(problems.getByRole('row')).toHaveCount(501);
  await expect(
    problems.getByRole('row', { name: /^2 Customer No customer with tenant ID or domain “nosuch0\.onmicrosoft\.com”/ }),
  ).toBeVisible();
  await expect(pager.getByRole('button', { name: 'Previous 500' })).toBeDisabled();
  await expectAccessible(page, 'Import CSV report with pages');

  // By keyboard: the Next button takes focus and Enter turns the page.
  const next = pager.getByRole('button', { name: 'Next 500' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(pager.getByText('Problems 501–1,000 of 1,200')).toBeVisible();
  await expect(problems.getByRole('row', { name: /^502 Customer .*nosuch500\.onmicrosoft\.com/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(pager.getByText('Problems 1,001–1,200 of 1,200')).toBeVisible();
  await expect(problems.getByRole('row')).toHaveCount(201);
  await expect(problems.getByRole('row', { name: /^1201 Customer .*nosuch1199\.onmicrosoft\.com/ })).toBeVisible();
  await expect(next).toBeDisabled();

  // The whole report as a file: one line per problem.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the full report (1,200 problems) as CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('many-problems.csv');
  const lines = (await readFile(await download.path(), 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('row,field,reason,code');
  expect(lines).toHaveLength(1201);
  expect(lines[1]).toMatch(
    /^2,Customer,No customer with tenant ID or domain “nosuch0\.onmicrosoft\.com” is saved on this computer\.,unknown-customer$/,
  );
  expect(lines[1200]).toMatch(/^1201,Customer,.*nosuch1199\.onmicrosoft\.com.*,unknown-customer$/);
});
