import { expect, test } from '../e2e/fixtures';
import { mcaStatus, openCustomer, signInThroughForm } from '../e2e/support/agent';
import { waitForCustomers } from '../e2e/support/screens';
import { chooseLatestAcceptanceDate, confirmAcceptance } from '../e2e/support/ui';

const shot = (name: string) => ({ path: `docs/screenshots/${name}.png`, animations: 'disabled' as const });

test('the main screens, as an Admin agent sees them', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MCA Desk' })).toBeVisible();
  await page.screenshot(shot('sign-in'));
  await signInThroughForm(page, 'admin@contoso.example');
  await page.getByRole('link', { name: 'Customers', exact: true }).click();
  await expect(page.getByText(/^MCA states updated/)).toBeVisible();
  await page.screenshot(shot('customers'));

  await openCustomer(page, 'Graphic Design Institute');
  await expect(page.getByText(/^Details saved/)).toBeVisible();
  await page.screenshot(shot('customer'));

  await page.getByRole('link', { name: 'Confirm acceptance' }).click();
  await page.getByLabel('Email address').fill('tania.carr@');
  await expect(page.getByText('Enter one email address')).toBeVisible();
  await page.screenshot(shot('confirm-acceptance'));

  await page.route('**/api/submitAttestation', (route) =>
    route.fulfill({
      json: { ok: true, data: { status: 'failed', code: 600002, reason: 'Date of agreement cannot be greater than the current date.' } },
    }),
  );
  await openCustomer(page, 'Adatum Corporation');
  await page.getByRole('link', { name: 'New order' }).click();
  await page.getByLabel('First name').fill('Maria');
  await chooseLatestAcceptanceDate(page);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('link', { name: /^Outbox/ }).click();
  await expect(page.getByRole('row', { name: /Adatum Corporation/ })).toContainText('Failed');
  await page.screenshot(shot('outbox'));
});

test('the Overview with its charts, and the Audit journal of the session', async ({ page, bridge }) => {
  // The direct-acceptance check at the whole limit, so the Overview's numbers settle quickly.
  expect(await bridge('updateSettings', { directScanShare: 1 })).toMatchObject({ ok: true });
  await signInThroughForm(page, 'admin@contoso.example');
  await expect(page.getByTestId('direct-scan-progress')).toHaveText('Direct acceptance checked for every customer', { timeout: 90_000 });
  // A confirmation this week, and customers opened (their country is known from then on).
  await confirmAcceptance(page, 'Adatum Corporation', 'Maria');
  await expect(page.getByText('Confirmed at Microsoft: Adatum Corporation')).toBeVisible({ timeout: 30_000 });
  for (const position of [0, 1, 2]) {
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('button', { name: 'Show Needs acceptance' }).click();
    await page.locator('.grid__body [role="row"]').nth(position).click();
    await expect(page.locator('dt', { hasText: /^Country$/ })).toBeVisible({ timeout: 30_000 });
  }
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.locator('.overview-charts[data-ready="true"]')).toBeVisible();
  const dismiss = page.getByRole('button', { name: /^Dismiss/ });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
  // Tall enough for cards and charts at once (a full-page shot would cut through the fixed status bar).
  await page.setViewportSize({ width: 1280, height: 1300 });
  await page.screenshot(shot('overview'));
  await page.setViewportSize({ width: 1280, height: 760 });

  await page.getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Adatum Corporation/ }).first()).toBeVisible();
  await page.screenshot(shot('audit'));
});

test('an indirect reseller, in the dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signInThroughForm(page, 'admin@tailspin.example');
  await openCustomer(page, 'VanArsdel Ltd');
  await expect(page.getByText(/^Details saved/)).toBeVisible();
  await page.screenshot(shot('reseller-guidance-dark'));
});

test.describe('Partner Center as it is today', () => {
  test.use({ appOptions: { sandbox: { legacyAttestation: 'retired' } } });

  test('the acceptance-link route: form, link panel, the signer’s page', async ({ page, app, browser }) => {
    await signInThroughForm(page, 'admin@contoso.example');
    await openCustomer(page, 'Adatum Corporation');
    await expect(page.getByText(/^Details saved/)).toBeVisible();
    await page.getByRole('link', { name: 'Confirm acceptance' }).click();
    await page.getByRole('button', { name: 'Use the primary contact' }).click();
    await page.getByLabel('First name').fill('Maria');
    await page.screenshot(shot('enhanced-form'));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Acceptance link' });
    await expect(panel).toContainText('Link sent?', { timeout: 30_000 });
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ ...shot('acceptance-link'), fullPage: true });

    const [attestation] = (await app.sandbox!.inspect.attestations()).filter((a) => a.companyName === 'Adatum Corporation');
    const signer = await browser.newPage();
    await signer.goto(attestation!.acceptanceUrl);
    await signer.screenshot(shot('signer-acceptance-page'));
    await signer.getByLabel('I accept the Microsoft Customer Agreement').check();
    await signer.getByRole('button', { name: 'Accept' }).click();
    await signer.close();
    await panel.getByRole('button', { name: 'Copy to clipboard' }).click();
    await panel.getByRole('button', { name: 'Check now' }).click();
    await expect(mcaStatus(page)).toHaveText('Confirmed by partner', { timeout: 60_000 });
    // The notifications said their piece; dismissed, they leave the history in view.
    const dismiss = page.getByRole('button', { name: /^Dismiss/ });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    await page.screenshot(shot('enhanced-confirmed'));
  });

  test('Import CSV of signers and the retired MCA refresh', async ({ page }) => {
    await signInThroughForm(page, 'admin@contoso.example');
    await waitForCustomers(page);
    await page.getByRole('link', { name: 'MCA refresh' }).click();
    await expect(page.getByRole('region', { name: 'Partner Center no longer re-confirms with the last contact' })).toBeVisible();
    await page.screenshot(shot('mca-refresh-retired'));

    await page.getByRole('link', { name: 'Import CSV' }).first().click();
    const csv = [
      'customer,signerFirstName,signerLastName,signerEmail,signerPhone,companyName,country,language,linkValidFor',
      'fourthcoffee.onmicrosoft.com,Mila,Jansen,mila.jansen@fourthcoffee.example,+1 425 555 0199,Fourth Coffee,US,en-US,1d',
      'nosuch.onmicrosoft.com,Piet,Pol,piet@nosuch.example,,Nosuch,NL,nl,',
      'fourthcoffee.onmicrosoft.com,Kees,,not-an-email,,Fourth Coffee,us,en,2h',
    ].join('\r\n');
    await page.getByLabel('CSV file').setInputFiles({ name: 'signers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const report = page.getByRole('heading', { level: 2, name: 'Check of signers.csv' });
    await expect(report).toBeVisible();
    await page.screenshot(shot('import-signers'));
  });
});
