import { expect, test } from '../e2e/fixtures';
import { openCustomer, signInThroughForm } from '../e2e/support/agent';

const shot = (name: string) => ({ path: `docs/screenshots/${name}.png`, animations: 'disabled' as const });

test('the main screens, as an Admin agent sees them', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MCA Desk' })).toBeVisible();
  await page.screenshot(shot('sign-in'));
  await signInThroughForm(page, 'admin@contoso.example');
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
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('link', { name: /^Outbox/ }).click();
  await expect(page.getByRole('row', { name: /Adatum Corporation/ })).toContainText('Failed');
  await page.screenshot(shot('outbox'));
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
    await signer.close();
  });
});
