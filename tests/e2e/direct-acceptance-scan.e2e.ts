/**
 * Issue 13 §1: after sign-in the direct-acceptance scan asks, in the background, every customer
 * without a partner confirmation whether they accepted in the Microsoft 365 admin center; the ones
 * who did show "Accepted in the admin center" in the list, as many as the sandbox's own truth
 * (`/sandbox/direct-acceptance`) says. Pause and resume work by keyboard; the list passes axe; the
 * texts are Dutch in Dutch.
 */
import { expect, test } from './fixtures';
import { expectAccessible, watchForViolations } from './support/agent';

interface Truth {
  totalCount: number;
  withoutPartnerAttestation: number;
  items: Array<{ customerId: string; companyName: string; hasPartnerAttestation: boolean }>;
}

test('the scan finds every customer who accepted in the admin center, can be paused and resumed by keyboard, in English and Dutch', async ({
  page,
  app,
  signIn,
  bridge,
}) => {
  const problems = await watchForViolations(page);
  // Slowly at first (5 % of the limit: one request every 2.4 s), so there is time to pause it.
  expect(await bridge('updateSettings', { directScanShare: 0.05 })).toMatchObject({ ok: true });
  const session = await signIn('admin@contoso.example');
  const truth = (await (
    await fetch(`${app.sandbox!.url}/sandbox/direct-acceptance?partnerTenantId=${session.user.partnerTenantId}`)
  ).json()) as Truth;
  expect(truth.withoutPartnerAttestation).toBeGreaterThan(0);

  const progress = page.getByTestId('direct-scan-progress');
  await expect(progress).toHaveText(/^Checking direct acceptance: \d+ of \d+ · /);
  // Pause with the keyboard (Enter), and nothing more is asked. The button says how long a large book takes.
  const pause = page.getByRole('button', { name: 'Pause the direct acceptance check' });
  await expect(pause).toHaveAccessibleDescription(/100,000 customers take hours/);
  await pause.focus();
  await page.keyboard.press('Enter');
  await expect(progress).toHaveText(/^Direct acceptance check paused: \d+ of \d+$/);
  const pausedAt = await progress.textContent();
  await page.waitForTimeout(3_000);
  await expect(progress).toHaveText(pausedAt!);
  // The app stays usable meanwhile: search still answers.
  await page.getByLabel('Search customers').fill('graphic design');
  await expect(page.getByText(/^1 of \d+ customers$/)).toBeVisible();
  await page.getByLabel('Search customers').fill('');

  // Resume with the keyboard (Space), then let it use the whole limit (Settings) to finish quickly.
  const resume = page.getByRole('button', { name: 'Resume the direct acceptance check' });
  await resume.focus();
  await page.keyboard.press('Space');
  await expect(progress).toHaveText(/^Checking direct acceptance: /);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Share of the rate limit (%)').fill('100');
  await page.getByRole('button', { name: 'Save share' }).click();
  await expect(page.getByText('Saved: the check uses 100 % of the limit (500 requests a minute).')).toBeVisible();
  await page.getByRole('link', { name: 'Customers', exact: true }).click();
  await expect(progress).toHaveText('Direct acceptance checked for every customer', { timeout: 60_000 });

  // The list: as many "Accepted in the admin center" as the sandbox says accepted directly with no partner record.
  const expected = truth.withoutPartnerAttestation;
  const filter = page.getByLabel('MCA status');
  await expect(filter.locator('option[value="accepted-directly"]')).toHaveText(`Accepted in the admin center (${expected})`);
  await expect(filter.locator('option[value="not-checked"]')).toHaveText('Not checked yet (0)');
  await filter.selectOption('accepted-directly');
  await expect(page.getByText(new RegExp(`^${expected} of \\d+ customers$`))).toBeVisible();
  const rows = page
    .getByRole('grid')
    .getByRole('row')
    .filter({ hasNot: page.getByRole('columnheader') });
  await expect(rows.first()).toContainText('Accepted in the admin center');
  for (const row of (await rows.all()).slice(0, 20)) await expect(row).toContainText('Accepted in the admin center');
  const someone = truth.items.find((item) => !item.hasPartnerAttestation)!;
  await expect(page.getByRole('row', { name: new RegExp(someone.companyName) })).toBeVisible();
  await expectAccessible(page, 'customers (accepted in the admin center)');
  await filter.selectOption('all');
  await expectAccessible(page, 'customers (after the scan)');

  // In Dutch.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
  await expect(page.getByRole('heading', { level: 2, name: 'Controle directe acceptatie' })).toBeVisible();
  await expect(page.getByText(/500 aanvragen per minuut .* 100\.000 klanten duren uren/)).toBeVisible();
  await page.getByRole('link', { name: 'Klanten', exact: true }).click();
  await expect(progress).toHaveText('Directe acceptatie voor elke klant gecontroleerd');
  await expect(page.getByLabel('MCA-status').locator('option[value="accepted-directly"]')).toHaveText(
    `Geaccepteerd in het beheercentrum (${expected})`,
  );
  await page.getByLabel('MCA-status').selectOption('accepted-directly');
  await expect(rows.first()).toContainText('Geaccepteerd in het beheercentrum');
  await expectAccessible(page, 'klanten (Nederlands)');
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  expect(problems()).toEqual([]);
});
