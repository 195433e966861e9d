/**
 * "Import CSV" on Partner Center as it is today (the sandbox's default: the legacy attestation
 * retired): the signer template, a file with good and bad signer rows, the per-row report before
 * anything is queued, one acceptance link per ready row through the outbox, and a re-import of the
 * same file that queues nothing twice.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { expectAccessible, mcaStatus, openCustomer } from './support/agent';
import { waitForCustomers } from './support/screens';

const ADATUM = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';
const SIGNERS = ['mila.jansen@fourthcoffee.example', 'noor.visser@adatum.example'];

test.use({ appOptions: { sandbox: { legacyAttestation: 'retired' } } });

test('Import CSV of signers: template, report with row and reason, "Queue 2" requests two acceptance links, a re-import queues nothing', async ({
  page,
  app,
  signIn,
}) => {
  test.setTimeout(120_000);
  await signIn('admin@contoso.example');
  await waitForCustomers(page);
  await page.getByRole('link', { name: 'Import CSV' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import CSV' })).toBeVisible();
  await expect(page.getByText(/^Request many acceptance links at once/)).toBeVisible();
  await expectAccessible(page, 'Import CSV of signers');

  // The template: the signer header and one example row (its "+" phone escaped as every export is).
  const [template] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download template CSV' }).click(),
  ]);
  expect(template.suggestedFilename()).toBe('mca-signers-template.csv');
  expect(
    (await readFile(await template.path(), 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n'),
  ).toEqual([
    'customer,signerFirstName,signerLastName,signerEmail,signerPhone,companyName,country,language,linkValidFor',
    "example-customer.onmicrosoft.com,Anna,de Vries,anna.devries@example.com,'+31 20 555 0100,Example Customer B.V.,NL,nl-NL,7d",
  ]);

  // Column names as a spreadsheet writes them, in another order.
  const csv = [
    'Customer,Signer First Name,Signer Last Name,Signer Email,Signer Phone,Company Name,Country,Language,Link valid for',
    'fourthcoffee.onmicrosoft.com,Mila,Jansen,mila.jansen@fourthcoffee.example,+1 425 555 0199,Fourth Coffee,US,en-US,1d',
    `${ADATUM},Noor,Visser,noor.visser@adatum.example,,,,,`,
    'nosuch.onmicrosoft.com,Piet,Pol,piet@nosuch.example,,Nosuch,NL,nl,',
    `${ADATUM},Anna,Smit,anna@adatum.example,,Adatum Corporation,NL,nl,`,
    'fourthcoffee.onmicrosoft.com,Kees,,not-an-email,,Fourth Coffee,us,en,2h',
    'graphicdesigninstitute.onmicrosoft.com,Tania,Carr,SomeEmail@example.com,1234567890,,,,',
  ].join('\r\n');
  const choose = () => page.getByLabel('CSV file').setInputFiles({ name: 'signers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await choose();

  await expect(page.getByRole('heading', { level: 2, name: 'Check of signers.csv' })).toBeVisible();
  await expect(page.getByText('6 rows: 2 valid, 4 with problems. Nothing is queued until you choose to.')).toBeVisible();
  const problems = page.getByRole('table', { name: 'Rows that will not be queued' });
  await expect(
    problems.getByRole('row', { name: /^4 Customer No customer with tenant ID or domain “nosuch\.onmicrosoft\.com”/ }),
  ).toBeVisible();
  await expect(problems.getByRole('row', { name: /^5 Customer Row 3 already requests a link for Adatum Corporation/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^6 Signer’s last name Required\./ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^6 Signer’s email Enter one email address/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^6 Country Write the country code in capitals/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^6 Link valid for “2h” is not a link lifetime/ })).toBeVisible();
  await expect(
    problems.getByRole('row', { name: /^7 Row Already confirmed: the latest confirmation for Graphic Design Institute/ }),
  ).toBeVisible();
  // Adatum's row left company, country and language to the customer: the report says what it took.
  const filled = page.getByText('3 values taken from the customer, not from the file');
  await filled.click();
  const taken = page.getByRole('table', { name: 'Values taken from the customer’s details' });
  await expect(taken.getByRole('row', { name: /^3 Company name Adatum Corporation$/ })).toBeVisible();
  await expect(taken.getByRole('row', { name: /^3 Country [A-Z]{2}$/ })).toBeVisible();
  await expect(taken.getByRole('row', { name: /^3 Agreement language \S+$/ })).toBeVisible();
  await expectAccessible(page, 'Import CSV of signers: report');
  // Nothing queued, nothing asked of Microsoft yet.
  await expect(page.getByText('0 queued')).toBeVisible();
  const ours = async () => (await app.sandbox!.inspect.attestations()).filter((a) => SIGNERS.includes(a.signatory.email));
  expect(await ours()).toEqual([]);

  await page.getByRole('button', { name: 'Queue 2 valid rows' }).click();
  await expect(page.getByText('Requested 2 acceptance links.')).toBeVisible();

  // The outbox asks Microsoft for each link, once.
  await expect.poll(async () => (await ours()).map((a) => a.signatory.email).sort(), { timeout: 30_000 }).toEqual(SIGNERS);
  const adatum = (await ours()).find((a) => a.signatory.email === 'noor.visser@adatum.example')!;
  expect(adatum).toMatchObject({ customerTenantId: ADATUM, companyName: 'Adatum Corporation', status: 'pending' });
  expect(adatum.country).toMatch(/^[A-Z]{2}$/);

  await page.getByRole('link', { name: /^Outbox/ }).click();
  await expect(page.getByRole('row', { name: /Fourth Coffee/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Adatum Corporation/ })).toBeVisible();
  await openCustomer(page, 'Adatum Corporation');
  await expect(mcaStatus(page)).toHaveText(/^(Link requested|Waiting for acceptance)$/);

  // The same file again: both customers already have their link on its way; nothing more is queued.
  await page.getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByRole('link', { name: 'Import CSV' }).click();
  await choose();
  await expect(page.getByText('6 rows: 0 valid, 6 with problems. Nothing is queued until you choose to.')).toBeVisible();
  await expect(
    problems.getByRole('row', { name: /^2 Customer Fourth Coffee already has an acceptance link requested or waiting/ }),
  ).toBeVisible();
  await expect(
    problems.getByRole('row', { name: /^3 Customer Adatum Corporation already has an acceptance link requested or waiting/ }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Queue/ })).toHaveCount(0);
  expect(await ours()).toHaveLength(2);
});
