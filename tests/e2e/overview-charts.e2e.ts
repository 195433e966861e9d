/**
 * Issue 13 §2, the Overview's charts: the Overview is the first screen after sign-in; each chart's
 * table (opened by keyboard) holds the numbers the list and the sandbox's own truth hold; the bars'
 * colours stand out from the card in light and dark; axe is clean, no CSP violation (the context's
 * guard, tests/e2e/support/guards.ts, and no <style> element added), and the texts are Dutch in Dutch.
 */
import type { Locator, Page } from '@playwright/test';
import { addWeeks, format, parseISO, startOfISOWeek } from 'date-fns';
import type { Envelope } from '../../shared/ipc/errors';
import { expect, test } from './fixtures';
import { expectAccessible, signInThroughForm, watchForViolations } from './support/agent';
import { confirmAcceptance } from './support/ui';

const NEEDS_CARD = 'Needs acceptance';

/** Opens a chart's table with the keyboard, as a screen-reader or keyboard user does. */
async function openTable(page: Page, chart: Locator): Promise<Locator> {
  const toggle = chart.getByRole('button', { name: 'Show as table' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(chart.getByRole('button', { name: 'Hide the table' })).toHaveAttribute('aria-expanded', 'true');
  return chart.getByRole('table');
}

const cellNumber = async (cell: Locator) => Number((await cell.innerText()).replace(/\D/g, ''));

/** The weekly table's columns summed: [partner attestation, admin center]. */
async function weekTotals(table: Locator): Promise<[number, number]> {
  const footer = table.locator('tfoot tr');
  return [await cellNumber(footer.getByRole('cell').nth(0)), await cellNumber(footer.getByRole('cell').nth(1))];
}

async function needsCount(page: Page): Promise<number> {
  const card = page
    .getByRole('list', { name: 'Customers by MCA status' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: NEEDS_CARD, exact: true }) });
  return cellNumber(card.locator('.overview-card__count'));
}

/** The country table as { name: count }. */
async function countryRows(table: Locator): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const row of await table.locator('tbody tr').all())
    rows[await row.getByRole('rowheader').innerText()] = await cellNumber(row.getByRole('cell'));
  return rows;
}

/** WCAG contrast ratio of two CSS colours (#rrggbb or rgb()). */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const hex = colour.trim().match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
    const rgb = colour.match(/\d+(\.\d+)?/g);
    const channels = hex ? hex.slice(1).map((part) => parseInt(part, 16)) : (rgb ?? []).slice(0, 3).map(Number);
    const [r, g, bl] = channels.map((value) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

test('the Overview comes first and its charts show, as tables too, what the list and the sandbox say', async ({ page, app, bridge }) => {
  test.setTimeout(180_000);
  const problems = await watchForViolations(page);
  // The direct-acceptance check at the whole limit, so the counts settle quickly.
  expect(await bridge('updateSettings', { directScanShare: 1 })).toMatchObject({ ok: true });
  await page.goto(app.url);
  // The first screen after signing in through the form is the Overview (signInThroughForm waits for its heading).
  await signInThroughForm(page, 'admin@contoso.example');
  await expect(page).toHaveURL(/#\/overview$/);
  const session = await bridge<{ user: { partnerTenantId: string } }>('getSession');
  if (!session.ok) throw new Error('no session');
  const truth = (await (
    await fetch(`${app.sandbox!.url}/sandbox/direct-acceptance?partnerTenantId=${session.data.user.partnerTenantId}`)
  ).json()) as { withoutPartnerAttestation: number };
  expect(truth.withoutPartnerAttestation).toBeGreaterThan(0);
  await expect(page.getByTestId('direct-scan-progress')).toHaveText('Direct acceptance checked for every customer', { timeout: 90_000 });

  // Confirmations per week. The partner's: the backend's agreement records dated in each of the last 12
  // ISO weeks (local days, as the agent reads them); the admin center's: all first seen today, by the scan.
  const weekStarts = Array.from({ length: 12 }, (_, index) => addWeeks(startOfISOWeek(new Date()), index - 11));
  const partnerPerWeek = new Array<number>(12).fill(0);
  let token: string | null = null;
  do {
    const reply: Envelope<{
      records: Array<{ partnerAttestationCompleted: boolean; lastDateAgreed: string | null }>;
      continuationToken: string | null;
    }> = await bridge('listAgreementRecords', token ? { continuationToken: token } : {});
    if (!reply.ok) throw new Error(JSON.stringify(reply));
    for (const record of reply.data.records) {
      if (!record.partnerAttestationCompleted || !record.lastDateAgreed) continue;
      const day = parseISO(record.lastDateAgreed.slice(0, 10));
      const week = weekStarts.findLastIndex((start) => day >= start);
      if (week >= 0 && day < addWeeks(weekStarts[11]!, 1)) partnerPerWeek[week]! += 1;
    }
    token = reply.data.continuationToken;
  } while (token);
  const partnerTotal = partnerPerWeek.reduce((sum, count) => sum + count, 0);
  const weeks = page.getByRole('region', { name: 'Confirmations per week' });
  await expect(weeks.getByRole('img')).toHaveAccessibleName(
    new RegExp(`: ${partnerTotal} by partner attestation, ${truth.withoutPartnerAttestation} accepted in the admin center\\.`),
  );
  const weekTable = await openTable(page, weeks);
  const weekRows = weekTable.locator('tbody tr');
  await expect(weekRows).toHaveCount(12);
  for (const [index, start] of weekStarts.entries()) {
    const row = weekRows.nth(index);
    await expect(row.locator('time')).toHaveAttribute('datetime', format(start, 'yyyy-MM-dd'));
    await expect(row.getByRole('cell').nth(0)).toHaveText(String(partnerPerWeek[index]));
    await expect(row.getByRole('cell').nth(1)).toHaveText(String(index === 11 ? truth.withoutPartnerAttestation : 0));
  }
  expect(await weekTotals(weekTable)).toEqual([partnerTotal, truth.withoutPartnerAttestation]);

  // Needs acceptance per country: the card's count, all "Unknown" (the list call carries no country)…
  const countries = page.getByRole('region', { name: 'Needs acceptance per country' });
  const countryTable = await openTable(page, countries);
  const needs = await needsCount(page);
  expect(needs).toBeGreaterThan(1);
  expect(await countryRows(countryTable)).toEqual({ Unknown: needs });
  await expect(countries.getByText(/^Unknown: Partner Center’s customer list carries no country/)).toBeVisible();

  // …until a customer is opened: its country comes with its details.
  await page
    .getByRole('list', { name: 'Customers by MCA status' })
    .getByRole('button', { name: `Show ${NEEDS_CARD}` })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await page.locator('.grid__body [role="row"]').first().click();
  // The customer page's "Country" fact, once its details have arrived.
  const countryFact = page.locator('dt', { hasText: /^Country$/ }).locator('xpath=following-sibling::dd[1]');
  await expect(countryFact).toHaveText(/\w/, { timeout: 30_000 });
  const countryName = await countryFact.innerText();
  await page.getByRole('link', { name: 'Overview' }).click();
  const reopened = await openTable(page, countries);
  await expect.poll(() => countryRows(reopened)).toEqual({ Unknown: needs - 1, [countryName]: 1 });

  // A partner confirmation sent now counts in the weekly chart once Microsoft has it.
  const partnerBefore = partnerTotal;
  await confirmAcceptance(page, 'Adatum Corporation', 'Selma');
  await expect(page.getByText('Confirmed at Microsoft: Adatum Corporation')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Overview' }).click();
  const afterTable = await openTable(page, page.getByRole('region', { name: 'Confirmations per week' }));
  await expect.poll(async () => (await weekTotals(afterTable))[0]).toBe(partnerBefore + 1);

  // Colours: each bar colour at least 3:1 against the chart's card, in light and dark; the charts redraw in the new theme.
  for (const colorScheme of ['light', 'dark'] as const) {
    const drawnBefore = Number(await page.locator('#chart-weeks-title ~ .bar-chart canvas').getAttribute('data-drawn'));
    await page.emulateMedia({ colorScheme });
    // Page-side code as text: this file is typechecked without the DOM library.
    const colours = (await page.evaluate(`(() => {
      const style = getComputedStyle(document.querySelector('.chart-figure'));
      return {
        background: style.backgroundColor,
        bars: ['--chart-partner', '--chart-direct', '--chart-needs'].map((name) => style.getPropertyValue(name).trim()),
      };
    })()`)) as { background: string; bars: string[] };
    expect(colours.bars).toHaveLength(3);
    for (const bar of colours.bars)
      expect(contrast(bar, colours.background), `${bar} on ${colours.background} (${colorScheme})`).toBeGreaterThanOrEqual(3);
    if (colorScheme === 'dark')
      await expect
        .poll(async () => Number(await page.locator('#chart-weeks-title ~ .bar-chart canvas').getAttribute('data-drawn')))
        .toBeGreaterThan(drawnBefore);
    await expectAccessible(page, `Overview charts (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // Chart.js sizes its canvas through the CSSOM: no <style> element joins the page (the CSP would refuse one).
  expect(await page.locator('style').count()).toBe(0);

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
  await page.getByRole('link', { name: 'Overzicht' }).click();
  const dutch = page.getByRole('region', { name: 'Bevestigingen per week' });
  await expect(dutch.getByRole('img')).toHaveAccessibleName(
    new RegExp(`^Staafdiagram van bevestigingen per week over de afgelopen 12 weken: ${partnerBefore + 1} door verklaring`),
  );
  await dutch.getByRole('button', { name: 'Als tabel tonen' }).click();
  await expect(dutch.getByRole('columnheader', { name: 'Geaccepteerd in het beheercentrum' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Acceptatie nodig per land' })).toBeVisible();
  await expectAccessible(page, 'Overview charts, Dutch');
  expect(problems()).toEqual([]);
});
