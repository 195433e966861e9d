/**
 * Overview: each card's count is what the Customers list shows for its status, a card opens the
 * list filtered to it, and the screen passes axe, in English and Dutch.
 */
import { expect, oneAppForThisFile, test } from './fixtures';
import { expectAccessible } from './support/agent';
import { openScreen, waitForCustomers } from './support/screens';

oneAppForThisFile();

const CARDS: Array<[string, string]> = [
  ['Needs acceptance', 'Not accepted'],
  ['Link requested', 'Link requested'],
  ['Waiting for acceptance', 'Waiting for acceptance'],
  ['Link expired', 'Link expired'],
  ['Queued', 'Queued'],
  ['Failed', 'Failed'],
  ['Not checked yet', 'Not checked yet'],
];

test('the Overview’s cards count what the list shows and open it filtered', async ({ page, app, signIn, bridge }) => {
  test.setTimeout(120_000);
  // The direct-acceptance check at the whole limit, so the counts settle quickly.
  expect(await bridge('updateSettings', { directScanShare: 1 })).toMatchObject({ ok: true });
  const session = await signIn('admin@contoso.example');
  await waitForCustomers(page);
  await expect(page.getByTestId('direct-scan-progress')).toHaveText('Direct acceptance checked for every customer', { timeout: 60_000 });
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expectAccessible(page, 'overview');
  const cards = page.getByRole('list', { name: 'Customers by MCA status' });

  for (const [card, status] of CARDS) {
    const item = cards.getByRole('listitem').filter({ has: page.getByRole('heading', { name: card, exact: true }) });
    const count = (await item.locator('.overview-card__count').innerText()).replace(/\D/g, '');
    await item.getByRole('button', { name: `Show ${card}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
    await expect(page.getByLabel('MCA status')).toHaveValue(
      {
        'Not accepted': 'not-accepted',
        'Link requested': 'link-requested',
        'Waiting for acceptance': 'waiting-for-acceptance',
        'Link expired': 'link-expired',
        Queued: 'queued',
        Failed: 'failed',
        'Not checked yet': 'not-checked',
      }[status]!,
    );
    await expect(page.locator('#customer-count')).toHaveText(new RegExp(`^${Number(count).toLocaleString('en')} of `));
    await page.getByRole('link', { name: 'Overview' }).click();
  }

  // Ready to order is two statuses, each with its own link and count; the admin center's is the sandbox's truth.
  const ready = cards.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Ready to order' }) });
  const truth = (await (
    await fetch(`${app.sandbox!.url}/sandbox/direct-acceptance?partnerTenantId=${session.user.partnerTenantId}`)
  ).json()) as { withoutPartnerAttestation: number };
  await expect(ready.getByRole('button', { name: /^Accepted in the admin center: / })).toHaveText(
    `Accepted in the admin center: ${truth.withoutPartnerAttestation}`,
  );
  const partner = await ready.getByRole('button', { name: /^Confirmed by partner: / }).innerText();
  await ready.getByRole('button', { name: /^Confirmed by partner: / }).click();
  await expect(page.locator('#customer-count')).toHaveText(new RegExp(`^${partner.split(': ')[1]} of `));

  await openScreen(page, '/settings', 'Settings');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
  await page.getByRole('link', { name: 'Overzicht' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Klaar om te bestellen' })).toBeVisible();
  await expectAccessible(page, 'overview, Dutch');
});
