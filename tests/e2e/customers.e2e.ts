import { expect, test } from './fixtures';
import { mcaStatus, openCustomer } from './support/agent';
import { chooseLatestAcceptanceDate } from './support/ui';

test('the customer list: search, MCA status filter, sorting, count, and Enter opens a customer', async ({ page, signIn }) => {
  await signIn('admin@contoso.example');
  await expect(page.getByText(/^Customer list updated/)).toBeVisible();
  const count = page.getByText(/^\d+ of \d+ customers$/);
  await expect(count).toHaveText(/^(\d+) of \1 customers$/);
  const total = Number((await count.textContent())?.split(' ')[0]);
  expect(total).toBeGreaterThanOrEqual(60);

  // Search by name, by domain, by tenant id.
  const search = page.getByLabel('Search customers');
  await search.fill('graphic design');
  await expect(count).toHaveText(`1 of ${total} customers`);
  await search.fill('adatumcorporation.onmicrosoft');
  await expect(page.getByRole('row', { name: /Adatum Corporation/ })).toBeVisible();
  await search.fill('14876998-C0DC');
  await expect(page.getByRole('row', { name: /Adatum Corporation/ })).toBeVisible();
  await expect(count).toHaveText(`1 of ${total} customers`);
  // Escape clears the search (the field stays focused), as a search field does.
  await expect(page.getByRole('searchbox', { name: 'Search customers' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(count).toHaveText(`${total} of ${total} customers`);
  await expect(search).toBeFocused();

  // Filter by MCA status (the partner-wide records, not one call per customer).
  const filter = page.getByLabel('MCA status');
  await expect(page.getByText(/^MCA states updated/)).toBeVisible();
  await filter.selectOption('confirmed-by-partner');
  await expect(page.getByRole('row', { name: /Graphic Design Institute/ })).toBeVisible();
  const confirmed = Number((await count.textContent())?.split(' ')[0]);
  expect(confirmed).toBeGreaterThan(0);
  expect(confirmed).toBeLessThan(total);
  for (const cell of await page
    .getByRole('grid')
    .getByRole('row')
    .filter({ hasNot: page.getByRole('columnheader') })
    .all())
    await expect(cell).toContainText('Confirmed by partner');
  await filter.selectOption('all');

  // Sort by domain, both ways.
  const header = page.getByRole('columnheader', { name: 'Domain' });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await page.getByRole('columnheader', { name: 'Company' }).getByRole('button').click();

  // Keyboard: into the list, down one row, Enter opens it.
  await search.fill('a');
  await page.getByRole('grid').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  const second = await page.locator('[role="row"][aria-selected="true"] [role="gridcell"]').first().textContent();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: second ?? '' })).toBeVisible();
});

test("a customer's page: company data, history, direct acceptance, and the country's agreement document", async ({
  page,
  signIn,
  context,
  app,
}) => {
  await signIn('admin@contoso.example');
  await openCustomer(page, 'Graphic Design Institute');
  await expect(page.getByRole('definition').filter({ hasText: 'United States' })).toBeVisible();
  await expect(mcaStatus(page)).toHaveText('Confirmed by partner');
  const history = page.getByRole('region', { name: 'Confirmations' });
  await expect(history.getByRole('row', { name: /26 Aug 2019/ })).toContainText('Tania Carr');
  await expect(history.getByRole('row', { name: /26 Aug 2019/ })).toContainText('Recorded at Microsoft');
  await expect(page.getByText('Template for US, en-US')).toBeVisible();
  // The link is asked for just in time (it expires after 5 minutes) for the customer's country and language.
  const asked = page.waitForRequest('**/api/getTemplateDocument');
  const popup = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Agreement document' }).click();
  expect((await asked).postDataJSON()).toEqual({ country: 'US', language: 'en-US' });
  const document = await popup;
  await expect(document).toHaveURL(new RegExp(`^${app.sandbox!.url}/`));
  await document.close();

  // The same contact as the latest confirmation: already confirmed, nothing queued.
  await page.getByRole('link', { name: 'Confirm acceptance' }).click();
  await expect(page.getByLabel('Email address')).toHaveValue('SomeEmail@example.com');
  await chooseLatestAcceptanceDate(page);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(
    /^Already confirmed: the latest confirmation for Graphic Design Institute \(26 Aug 2019\) names this same contact\. Nothing was queued\.$/,
  );
  await expect(page.getByRole('contentinfo')).toContainText('0 queued');
});

test('New order asks for the confirmation first, is not cleared while it is queued, then is', async ({ page, signIn, app }) => {
  await signIn('admin@contoso.example');
  await openCustomer(page, 'Adatum Corporation');
  app.sandbox!.setFaults({ latencyMs: 1_500 });
  await page.getByRole('link', { name: 'New order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm acceptance' })).toBeVisible();
  await expect(page.getByText('Before an order, Microsoft needs Adatum Corporation’s acceptance')).toBeVisible();
  await page.getByLabel('First name').fill('Noor');
  await chooseLatestAcceptanceDate(page);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New order' })).toBeVisible();
  await expect(
    page.getByText('Not cleared yet: the confirmation for Adatum Corporation is queued but not yet recorded at Microsoft.'),
  ).toBeVisible();
  app.sandbox!.setFaults({ latencyMs: 0 });
  await expect(page.getByText('Adatum Corporation is cleared for ordering.')).toBeVisible({ timeout: 20_000 });

  // A covered customer goes straight to the (placeholder) order screen.
  await openCustomer(page, 'Graphic Design Institute');
  await page.getByRole('link', { name: 'New order' }).click();
  await expect(page.getByText('Graphic Design Institute is cleared for ordering.')).toBeVisible();
  await expect(page.getByText('A partner confirmed the acceptance of the Microsoft Customer Agreement on 26 Aug 2019.')).toBeVisible();
});
