/**
 * Evidence of acceptance on a customer's page: files added to a confirmation (refused with the reason
 * when they are not evidence), kept across a reload, exported as a pack whose manifest hashes match
 * its files, removed after asking (recorded in the audit log); Clear local data offers the export.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { expectAccessible, openCustomer } from './support/agent';
import { openScreen, waitForCustomers } from './support/screens';
import { readAudit } from './support/ui';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const TXT = Buffer.from('Jordan Miller confirmed by phone that Alpine Ski House accepts the MCA.\n');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function unzipDownload(path: string) {
  return unzipSync(new Uint8Array(await readFile(path)));
}

test('evidence: add with checks, keep, export a pack whose hashes match, remove; Clear local data offers the export', async ({
  page,
  signIn,
  reopen,
}) => {
  test.setTimeout(120_000);
  await signIn('admin@contoso.example');
  await waitForCustomers(page);
  await openCustomer(page, 'Alpine Ski House');
  const section = page.getByRole('region', { name: 'Evidence' });
  await expect(section.getByLabel('For the confirmation of')).toBeVisible();

  await section.getByLabel('Add evidence').setInputFiles([
    { name: 'signed-form.pdf', mimeType: 'application/pdf', buffer: PDF },
    { name: 'phone-call.txt', mimeType: 'text/plain', buffer: TXT },
    { name: 'form.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004') },
    { name: 'renamed.pdf', mimeType: 'application/pdf', buffer: Buffer.from('PK\u0003\u0004 not a pdf') },
    { name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]) },
  ]);
  await expect(section.getByRole('status')).toHaveText('2 files added.');
  const problems = section.getByRole('alert');
  await expect(problems).toContainText('form.docx: MCA Desk keeps PDF, EML, MSG, PNG, JPEG and TXT files only.');
  await expect(problems).toContainText('renamed.pdf is not what its name says');
  await expect(problems).toContainText('huge.pdf is 21 MB: at most 20 MB per file.');
  const table = section.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /signed-form\.pdf/ })).toContainText(sha(PDF));
  await expect(table.getByRole('row', { name: /phone-call\.txt/ })).toContainText('admin@contoso.example');
  await expectAccessible(page, 'customer page with evidence');

  // Kept on this computer: a reload shows the same files.
  await reopen();
  await expect(page.getByRole('region', { name: 'Evidence' }).getByRole('table').getByRole('row')).toHaveCount(3);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Export evidence pack' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^mca-evidence-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(section.getByRole('status')).toContainText(/Evidence pack mca-evidence-.*\.zip saved: 2 file\(s\)/);
  const zip = await unzipDownload(await download.path());
  const manifest = JSON.parse(strFromU8(zip['manifest.json']!)) as { files: Array<Record<string, string | number>> };
  expect(manifest.files.map((file) => file.originalName).sort()).toEqual(['phone-call.txt', 'signed-form.pdf']);
  for (const file of manifest.files) {
    expect(sha(zip[file.file as string]!)).toBe(file.sha256);
    expect(file).toMatchObject({
      companyName: 'Alpine Ski House',
      source: 'partner-attestation',
      signerFirstName: 'Jordan',
      addedBy: 'admin@contoso.example',
    });
  }
  expect(strFromU8(zip['manifest.csv']!)).toContain(sha(TXT));

  // Removing asks first; Cancel keeps the file, Remove deletes it and the audit log says so.
  await section.getByRole('button', { name: 'Remove phone-call.txt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove this evidence?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);
  await section.getByRole('button', { name: 'Remove phone-call.txt' }).click();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(section.getByRole('status')).toHaveText('phone-call.txt removed.');
  await expect(table.getByRole('row')).toHaveCount(2);
  expect((await readAudit(page)).map((entry) => entry.kind).filter((kind) => kind.startsWith('evidence-'))).toEqual([
    'evidence-added',
    'evidence-added',
    'evidence-exported',
    'evidence-removed',
  ]);

  // Clear local data says the evidence goes with it, offers the export first, and needs an explicit yes.
  await openScreen(page, '/settings', 'Settings');
  await page.getByRole('button', { name: 'Clear local data' }).click();
  const clear = page.getByRole('dialog', { name: 'Clear local data?' });
  await expect(clear).toContainText('1 evidence file is deleted with it, and MCA Desk keeps it nowhere else: export it first.');
  await expect(clear.getByRole('button', { name: 'Clear', exact: true })).toBeDisabled();
  const [all] = await Promise.all([
    page.waitForEvent('download'),
    clear.getByRole('button', { name: 'Export all evidence first' }).click(),
  ]);
  const allZip = await unzipDownload(await all.path());
  expect((JSON.parse(strFromU8(allZip['manifest.json']!)) as { files: unknown[] }).files).toHaveLength(1);
  await expectAccessible(page, 'Clear local data with evidence');
  await clear.getByLabel('I understand that 1 evidence file will be deleted').check();
  await clear.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(page.getByText('Local data cleared.')).toBeVisible();
});

test('a Helpdesk agent sees the evidence but cannot add or remove any', async ({ page, signIn }) => {
  await signIn('helpdesk@contoso.example');
  await waitForCustomers(page);
  await openCustomer(page, 'Alpine Ski House');
  const section = page.getByRole('region', { name: 'Evidence' });
  await expect(section).toBeVisible();
  await expect(section.getByLabel('Add evidence')).toHaveCount(0);
});

test('a selection in the Customers list exports one pack with every selected customer’s files, its hashes matching; a selection without evidence is told so', async ({
  page,
  signIn,
}) => {
  test.setTimeout(120_000);
  await signIn('admin@contoso.example');
  await waitForCustomers(page);
  const files: Record<string, { name: string; bytes: Buffer }> = {
    'Alpine Ski House': { name: 'alpine-form.pdf', bytes: PDF },
    'Fourth Coffee': { name: 'fourth-call.txt', bytes: Buffer.from('Fourth Coffee accepted by phone.\n') },
  };
  for (const [customer, file] of Object.entries(files)) {
    await openCustomer(page, customer);
    const section = page.getByRole('region', { name: 'Evidence' });
    await section
      .getByLabel('Add evidence')
      .setInputFiles({ name: file.name, mimeType: file.name.endsWith('.pdf') ? 'application/pdf' : 'text/plain', buffer: file.bytes });
    await expect(section.getByRole('status')).toHaveText('1 file added.');
  }

  // A selection with no evidence: told so, and no pack is written.
  await page.getByRole('link', { name: 'Customers', exact: true }).click();
  const search = page.getByLabel('Search customers');
  await search.fill('Coho Winery');
  await page.getByRole('checkbox', { name: 'Select Coho Winery' }).check();
  await expect(page.getByText('1 customer selected')).toBeVisible();
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await page.getByRole('button', { name: 'Export evidence pack' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The selected customer has no evidence: no pack was written. Add evidence on the customer’s page first.',
  );
  expect(downloads).toBe(0);

  // The selection holds across searches; the checkbox does not open the customer.
  await search.fill('Alpine Ski House');
  await page.getByRole('checkbox', { name: 'Select Alpine Ski House' }).check();
  await search.fill('Fourth Coffee');
  await page.getByRole('checkbox', { name: 'Select Fourth Coffee' }).check();
  await expect(page.getByText('3 customers selected')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await expectAccessible(page, 'customers with a selection');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export evidence pack' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^mca-evidence-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(page.getByRole('status').filter({ hasText: 'Evidence pack' })).toContainText('2 file(s), ');
  await expect(page.getByRole('status').filter({ hasText: 'Evidence pack' })).toContainText(
    '1 of the 3 selected customers have no evidence; the pack holds the other 2.',
  );
  const zip = await unzipDownload(await download.path());
  const manifest = JSON.parse(strFromU8(zip['manifest.json']!)) as { files: Array<Record<string, string | number>> };
  expect(manifest.files.map((file) => file.companyName).sort()).toEqual(['Alpine Ski House', 'Fourth Coffee']);
  for (const file of manifest.files) {
    const bytes = zip[file.file as string]!;
    expect(bytes, String(file.file)).toBeDefined();
    expect(sha(bytes)).toBe(file.sha256);
    expect(sha(bytes)).toBe(sha(files[file.companyName as string]!.bytes));
    expect(file.originalName).toBe(files[file.companyName as string]!.name);
  }
  // The CSV manifest has the same rows, and the ZIP holds nothing but the manifests and these files.
  const csv = strFromU8(zip['manifest.csv']!);
  for (const file of manifest.files) expect(csv).toContain(String(file.sha256));
  expect(Object.keys(zip).sort()).toEqual(['manifest.csv', 'manifest.json', ...manifest.files.map((file) => String(file.file))].sort());
  // Recorded in the audit log as the customer page's export is.
  const exported = (await readAudit(page)).filter((entry) => entry.kind === 'evidence-exported');
  expect(exported).toHaveLength(1);
  expect(exported[0]!.detail).toMatch(/mca-evidence-.*\.zip: 2 file\(s\) of 2 customer\(s\)/);
});
