import { expect, test } from './fixtures';
import { expectAccessible, waitForCustomers } from './support/screens';

test('re-confirm a keyboard selection: one outbox item per customer, sent through the bulk re-attestation, records a new agreement', async ({
  page,
  app,
  signIn,
  bridge,
}) => {
  await signIn('admin@contoso.example');
  const idOf = async (name: string) => {
    const reply = await bridge<{ items: Array<{ id: string; companyName: string }> }>('listCustomers', {
      filter: { field: 'CompanyName', prefix: name },
    });
    if (!reply.ok) throw new Error(`listCustomers failed for ${name}`);
    return reply.data.items.find((customer) => customer.companyName === name)!.id;
  };
  const targets = [await idOf('Alpine Ski House'), await idOf('Graphic Design Institute')];
  const agreementsOf = async (customerId: string) =>
    (await app.sandbox!.inspect.agreements()).filter((agreement) => agreement.customerId === customerId);
  const before = await Promise.all(targets.map(agreementsOf));
  await waitForCustomers(page);
  await page.getByRole('link', { name: 'MCA refresh' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'MCA refresh' })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Customers with a partner confirmation' });
  await expect(grid.getByRole('row', { name: /Alpine Ski House/ })).toBeVisible();
  // Customers without a partner confirmation are not offered (Adatum has none).
  await expect(grid.getByRole('row', { name: /Adatum Corporation/ })).toHaveCount(0);
  await expectAccessible(page, 'MCA refresh');

  // Keyboard: search, then Space selects, arrows move.
  await page.getByLabel('Search customers').fill('alpine');
  await expect(grid.getByRole('row')).toHaveCount(2);
  await grid.focus();
  await page.keyboard.press('Space');
  await expect(grid.getByRole('row', { name: /Alpine Ski House/ })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Search customers').fill('graphic');
  await grid.focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Search customers').fill('');
  await expect(page.getByText(/^2 selected/)).toBeVisible();
  await expectAccessible(page, 'MCA refresh with a selection');

  await page.getByRole('button', { name: 'Re-confirm', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Re-confirm the selected customers?' });
  await expect(dialog).toContainText('Re-confirm 2 customers, each with its last contact and the date');
  await dialog.getByRole('button', { name: 'Re-confirm' }).click();
  await expect(page.getByText(/^Queued 2 re-confirmations dated/)).toBeVisible();

  // Each customer is its own item in the Outbox, confirmed there one by one.
  await page.getByRole('link', { name: 'Open the Outbox' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  await expect(page.getByText(/Alpine Ski House/).first()).toBeVisible();
  await expect(page.getByText(/Graphic Design Institute/).first()).toBeVisible();
  await expect(page.getByText('0 queued')).toBeVisible({ timeout: 30_000 });
  const audit = await app.sandbox!.inspect.audit();
  expect(audit.filter((entry) => entry.action === 'agreement.bulk-reattest').length).toBeGreaterThan(0);

  // The refresh really happened at the backend: each customer has one NEW agreement, with its last
  // contact and the new (later) date, not an "already exists" that changed nothing.
  for (const [index, customerId] of targets.entries()) {
    const previous = before[index]!;
    const after = await agreementsOf(customerId);
    expect(after).toHaveLength(previous.length + 1);
    const latestBefore = previous.at(-1)!;
    const added = after.at(-1)!;
    expect(added.primaryContact).toEqual(latestBefore.primaryContact);
    expect(new Date(added.dateAgreed).getTime()).toBeGreaterThan(new Date(latestBefore.dateAgreed).getTime());
    expect(Math.abs(new Date(added.dateAgreed).getTime() - Date.now())).toBeLessThan(2 * 24 * 3600_000);
  }
  // The Outbox shows them as confirmed now, not as "already recorded".
  await expect(page.getByText(/Already recorded at Microsoft/)).toHaveCount(0);
});
