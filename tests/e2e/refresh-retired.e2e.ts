/**
 * MCA refresh on Partner Center today, which retired re-confirming with the last contact on 5 January
 * 2026: the screen says so with the date, offers no "Re-confirm", and gives the selection as a signer
 * file in Import CSV's columns, in English and Dutch.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { expectAccessible, waitForCustomers } from './support/screens';

test.use({ appOptions: { sandbox: { legacyAttestation: 'retired' } } });

test('MCA refresh says it was retired, with the date, and downloads the selection as a signer file', async ({ page, app, signIn }) => {
  await signIn('admin@contoso.example');
  await waitForCustomers(page);
  await page.getByRole('link', { name: 'MCA refresh' }).click();
  const notice = page.getByRole('region', { name: 'Partner Center no longer re-confirms with the last contact' });
  await expect(notice).toContainText('on 5 Jan 2026');
  await expect(notice).toContainText('differs from the latest confirmation’s');
  await expect(page.getByRole('button', { name: 'Re-confirm', exact: true })).toHaveCount(0);
  await expectAccessible(page, 'MCA refresh, retired');

  const grid = page.getByRole('grid', { name: 'Customers with a partner confirmation' });
  const download = page.getByRole('button', { name: 'Download signer file' });
  await expect(download).toBeDisabled();
  await page.getByLabel('Search customers').fill('alpine');
  await expect(grid.getByRole('row', { name: /Alpine Ski House/ })).toBeVisible();
  await page.getByRole('button', { name: 'Select all shown' }).click();
  await expect(page.getByText(/^1 selected/)).toBeVisible();

  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toMatch(/^mca-signers-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await file.path(), 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/);
  expect(lines[0]).toBe(
    'customer,signerFirstName,signerLastName,signerEmail,signerPhone,companyName,country,language,linkValidFor,latestContact,latestDate',
  );
  expect(lines).toHaveLength(2);
  const alpine = (await app.sandbox!.inspect.agreements()).filter((agreement) => agreement.customerId === lines[1]!.split(',')[0]);
  expect(alpine.length).toBeGreaterThan(0);
  const cells = lines[1]!.split(',');
  expect(cells[5]).toBe('Alpine Ski House');
  // The signer is left for the agent: the latest contact would be refused as a duplicate (600061).
  expect(cells.slice(1, 5)).toEqual(['', '', '', '']);
  expect(cells[9]).toContain(alpine.at(-1)!.primaryContact.email);
  await expect(page.getByRole('status').filter({ hasText: 'Signer file with 1 customer downloaded' })).toBeVisible();
  // The download queued nothing.
  await expect(page.getByText('0 queued')).toBeVisible();

  // The agent enters who signs now and imports the file as it is otherwise: one acceptance link.
  cells.splice(1, 4, 'Lena', 'Berg', 'lena.berg@alpineskihouse.example', '');
  await page.getByRole('link', { name: 'Open Import CSV' }).first().click();
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'signers.csv', mimeType: 'text/csv', buffer: Buffer.from([lines[0], cells.join(',')].join('\r\n')) });
  await expect(page.getByText('1 row: 1 valid, 0 with problems', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: /^Queue 1 valid row/ }).click();
  await expect
    .poll(
      async () =>
        (await app.sandbox!.inspect.attestations()).filter(
          (attestation) => attestation.signatory.email === 'lena.berg@alpineskihouse.example',
        ).length,
      { timeout: 30_000 },
    )
    .toBe(1);
});

test('the retired MCA refresh in Dutch', async ({ page, signIn }) => {
  await page.addInitScript(`localStorage.setItem('mca-desk.language', 'nl')`);
  await signIn('admin@contoso.example');
  await page.getByRole('link', { name: 'MCA-vernieuwing' }).click();
  const notice = page.getByRole('region', { name: 'Partner Center bevestigt niet meer opnieuw met de laatste contactpersoon' });
  await expect(notice).toContainText('op 5 jan. 2026 beëindigd');
  await expect(page.getByRole('button', { name: 'Bestand met ondertekenaars downloaden' })).toBeVisible();
  await expectAccessible(page, 'MCA refresh, retired, Dutch');
});
