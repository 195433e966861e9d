import { expect, test } from './fixtures';
import { mcaStatus, openCustomer, outboxItemIds, signInThroughForm, watchForViolations } from './support/agent';
import { chooseLatestAcceptanceDate } from './support/ui';

const ADATUM = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';

test('an attestation saved while the backend is unreachable survives a reload and is recorded exactly once when it is back', async ({
  page,
  app,
  reopen,
}) => {
  const problems = await watchForViolations(page);
  await reopen();
  await signInThroughForm(page, 'admin@contoso.example');
  await openCustomer(page, 'Adatum Corporation');
  await expect(mcaStatus(page)).toHaveText('Not accepted');
  // Opening the customer online cached its details (the contact), so the form can be pre-filled offline.
  await expect(page.getByText(/^Details saved/)).toBeVisible();

  // The backend goes away: every connection to it drops.
  app.sandbox!.setFaults({ dropRate: 1 });
  await page.getByRole('link', { name: 'Confirm acceptance' }).click();
  await expect(page.getByLabel('First name')).toHaveValue('Tania');
  await page.getByLabel('First name').fill('Maria');
  await chooseLatestAcceptanceDate(page);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved: the confirmation for Adatum Corporation is queued.')).toBeVisible();
  await expect(mcaStatus(page)).toHaveText('Queued');

  await page.getByRole('link', { name: /^Outbox/ }).click();
  const row = page.getByRole('row', { name: /Adatum Corporation/ });
  await expect(row).toContainText('Queued');
  await expect(row).toContainText('could not be reached', { timeout: 20_000 });
  await expect(page.getByRole('contentinfo')).toContainText('1 queued');

  // The agent opens the app again: the queued confirmation is still there.
  await reopen();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Adatum Corporation/ })).toContainText('Queued');
  expect(await app.sandbox!.inspect.agreements().then((all) => all.filter((a) => a.customerId === ADATUM))).toEqual([]);

  // The backend is back: "Sync now" sends it, and the agent sees it confirmed.
  app.sandbox!.setFaults({ dropRate: 0 });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText('Confirmed at Microsoft: Adatum Corporation')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Nothing is waiting')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recently confirmed' })).toContainText('Adatum Corporation');
  await openCustomer(page, 'Adatum Corporation');
  await expect(mcaStatus(page)).toHaveText('Confirmed by partner');
  await expect(page.getByRole('table').getByRole('row', { name: /Maria Carr/ })).toContainText('Recorded at Microsoft');

  // Exactly one agreement at the sandbox, made with the outbox item's request id.
  const agreements = (await app.sandbox!.inspect.agreements()).filter((agreement) => agreement.customerId === ADATUM);
  expect(agreements).toHaveLength(1);
  expect(agreements[0]?.primaryContact).toMatchObject({ firstName: 'Maria', lastName: 'Carr' });
  const itemIds = await outboxItemIds(page);
  expect(itemIds).toEqual([agreements[0]?.requestId]);
  expect(problems()).toEqual([]);
});
