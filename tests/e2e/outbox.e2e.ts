import { expect, test } from './fixtures';
import { openCustomer } from './support/agent';

const ADATUM = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';
const REFUSED = { status: 'failed', code: 600002, reason: 'Date of agreement cannot be greater than the current date.' };

test('the Outbox shows a refused confirmation with the reason, and the agent edits, retries and discards', async ({
  page,
  signIn,
  app,
}) => {
  await signIn('admin@contoso.example');
  // Microsoft refuses the first sends (as it does for a date it thinks is in the future).
  let refuse = true;
  await page.route('**/api/submitAttestation', async (route) => {
    if (refuse) await route.fulfill({ json: { ok: true, data: REFUSED } });
    else await route.continue();
  });

  for (const customer of ['Adatum Corporation', 'Alpine Ski House', 'Blue Yonder Airlines']) {
    await openCustomer(page, customer);
    await page.getByRole('link', { name: 'Confirm acceptance' }).click();
    await page.getByLabel('First name').fill('Robin');
    await page.getByLabel('Date of acceptance').fill('2026-01-15');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText(`Not accepted by Microsoft: ${customer}.`)).toBeVisible();
  }

  await page.getByRole('link', { name: /^Outbox/ }).click();
  const adatum = page.getByRole('row', { name: /Adatum Corporation/ });
  await expect(adatum).toContainText('Failed');
  await expect(adatum).toContainText('Date of agreement cannot be greater than the current date. (600002)');
  await expect(page.getByRole('contentinfo')).toContainText('3 failed');

  // Edit: fix the date and queue it again; Microsoft accepts it now.
  refuse = false;
  await page.getByRole('button', { name: 'Edit the confirmation for Adatum Corporation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit confirmation' })).toBeVisible();
  await expect(page.getByLabel('Date of acceptance')).toHaveValue('2026-01-15');
  await page.getByLabel('Date of acceptance').fill('2025-12-01');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Confirmed at Microsoft: Adatum Corporation')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('row', { name: /Adatum Corporation/ })).toHaveCount(0);

  // Retry: the same confirmation again, under a new request id.
  await page.getByRole('button', { name: 'Retry the confirmation for Alpine Ski House' }).click();
  await expect(page.getByText('Confirmed at Microsoft: Alpine Ski House')).toBeVisible({ timeout: 20_000 });

  // Discard asks first; "Keep it" keeps it.
  const discard = page.getByRole('button', { name: 'Discard the confirmation for Blue Yonder Airlines' });
  await discard.click();
  const dialog = page.getByRole('dialog', { name: 'Discard this confirmation?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Blue Yonder Airlines/ })).toBeVisible();
  await discard.click();
  await dialog.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('row', { name: /Blue Yonder Airlines/ })).toHaveCount(0);
  await expect(page.getByText('Nothing is waiting')).toBeVisible();

  // Only the corrected confirmation reached Adatum's history at the sandbox.
  const adatumAgreements = (await app.sandbox!.inspect.agreements()).filter((agreement) => agreement.customerId === ADATUM);
  expect(adatumAgreements.map((agreement) => agreement.dateAgreed.slice(0, 10))).toEqual(['2025-12-01']);
});
