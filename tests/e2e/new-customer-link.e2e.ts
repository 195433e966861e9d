/**
 * "New customer" on Partner Center as it is today: create the customer, then the acceptance link
 * for its signer in one flow. The signer comes from the company details until "Update"; there is no
 * date, only how long the link works; the customer page then carries the link to send.
 */
import { expect, test } from './fixtures';
import { expectAccessible, openScreen, signedIn } from './support/screens';
import { mcaStatus } from './support/agent';

test.use({ appOptions: { sandbox: { legacyAttestation: 'retired' } } });

test('a new customer with an acceptance link: created, the link requested and made, ready to send', async ({ page, app, signIn }) => {
  await signIn('sales@contoso.example');
  await signedIn(page);
  await openScreen(page, '/customers/new', 'New customer');
  await page.getByLabel('Company name').fill('Prinsengracht Print B.V.');
  await page.getByLabel('Domain').fill('prinsengrachtprint.onmicrosoft.com');
  await page.getByLabel('Email address').fill('office@prinsengrachtprint.example');
  await page.getByLabel('Language').fill('nl-NL');
  await page.getByLabel('First name').fill('Daan');
  await page.getByLabel('Last name').fill('Bakker');
  await page.getByLabel('Address', { exact: true }).fill('Prinsengracht 263');
  await page.getByLabel('Postal code').fill('1016 GV');
  await page.getByLabel('City').fill('Amsterdam');
  await page.getByLabel('Country').fill('nl');
  // Today's route: no attestation by the partner, an acceptance link to the signer instead.
  await expect(page.getByLabel('I confirm the customer accepted the Microsoft Customer Agreement')).toHaveCount(0);
  await page.getByLabel('Send the signer an acceptance link (the signer accepts on Microsoft’s page)').check();
  const signer = page.getByRole('group', { name: 'The signer' });
  await expect(signer.getByText('Daan Bakker')).toBeVisible();
  await expect(signer.getByLabel('Date of acceptance')).toHaveCount(0);
  await signer.getByRole('button', { name: 'Update the signer' }).click();
  await signer.getByLabel('First name').fill('Lotte');
  await signer.getByLabel('Email address').fill('lotte.bakker@prinsengrachtprint.example');
  await expect(signer.getByLabel('Link valid for')).toHaveValue('10080');
  await signer.getByLabel('Link valid for').selectOption({ label: '1 day' });
  await expectAccessible(page, 'new customer (acceptance link)');

  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prinsengracht Print B.V.' })).toBeVisible();
  await expect(
    page.getByText('Customer Prinsengracht Print B.V. created. Its acceptance link is requested', { exact: false }),
  ).toBeVisible();
  // The outbox makes the link at once (online): the customer page has it, ready to send.
  await expect(mcaStatus(page)).toHaveText('Waiting for acceptance', { timeout: 30_000 });
  const panel = page.getByRole('region', { name: 'Acceptance link' });
  await expect(panel).toContainText('Link sent?');
  // In the customer's language (nl-NL).
  await expect(page.getByLabel('Body')).toHaveValue(/Lotte Bakker/);
  await expect(page.getByLabel('Body')).toHaveValue(/Ik accepteer de Microsoft-klantovereenkomst/);
  const attestations = (await app.sandbox!.inspect.attestations()).filter(
    (attestation) => attestation.signatory.email === 'lotte.bakker@prinsengrachtprint.example',
  );
  expect(attestations).toHaveLength(1);
  expect(attestations[0]).toMatchObject({
    companyName: 'Prinsengracht Print B.V.',
    country: 'NL',
    language: 'nl-NL',
    status: 'pending',
    linkExpiryMinutes: 1440,
  });
  // Nothing is left pending in the new-customer journal (IndexedDB, read in the page).
  const pendingRows = await page.evaluate(`(async () => {
    let rows = 0;
    for (const { name } of await indexedDB.databases()) {
      if (!name.startsWith('mca-desk/')) continue;
      const database = await new Promise((resolve, reject) => { const open = indexedDB.open(name); open.onsuccess = () => resolve(open.result); open.onerror = () => reject(open.error); });
      if (database.objectStoreNames.contains('pendingCustomers'))
        rows += await new Promise((resolve) => { const count = database.transaction('pendingCustomers').objectStore('pendingCustomers').count(); count.onsuccess = () => resolve(count.result); });
      database.close();
    }
    return rows;
  })()`);
  expect(pendingRows).toBe(0);
});
