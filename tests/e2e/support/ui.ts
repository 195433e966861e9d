/** Small steps through MCA Desk's screens by role and label, for the proof e2e tests. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens a customer from the Customers page by searching its name. */
export async function openCustomerByName(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByLabel('Search customers').fill(name);
  await page
    .getByRole('row', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/**
 * Chooses the latest acceptance day the form allows (its `max`). The field starts empty: a save without
 * a chosen day is refused, so a test that records "today" says so.
 */
export async function chooseLatestAcceptanceDate(scope: Page | Locator): Promise<void> {
  const date = scope.getByLabel('Date of acceptance');
  await expect(date).toHaveValue('');
  const max = await date.getAttribute('max');
  if (!max) throw new Error('The date field has no max');
  await date.fill(max);
}

/** Records that the customer accepted, with its contact but this first name, and waits for "Saved". */
export async function confirmAcceptance(page: Page, customer: string, firstName: string): Promise<void> {
  await openCustomerByName(page, customer);
  await page.getByRole('link', { name: 'Confirm acceptance' }).click();
  await page.getByLabel('First name').fill(firstName);
  await chooseLatestAcceptanceDate(page);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(`Saved: the confirmation for ${customer} is queued.`)).toBeVisible();
}

/**
 * Asks for an acceptance link (Partner Center today) for the customer's primary contact with this
 * first name as the signer, and waits for "requested".
 */
export async function requestAcceptanceLink(page: Page, customer: string, firstName: string): Promise<void> {
  await openCustomerByName(page, customer);
  await page.getByRole('link', { name: 'Confirm acceptance' }).click();
  await page.getByRole('button', { name: 'Use the primary contact' }).click();
  await page.getByLabel('First name').fill(firstName);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(`The acceptance link for ${customer} is requested.`, { exact: false })).toBeVisible();
}

/** Every outbox item in the page's IndexedDB databases (read raw, as stored). */
export function readOutbox(page: Page): Promise<Array<{ id: string; state: string; customerId: string; attempts: number }>> {
  return page.evaluate(`(async () => {
    const names = (await indexedDB.databases()).map((info) => info.name || '').filter((name) => name.startsWith('mca-desk/'));
    const items = [];
    for (const name of names) {
      const database = await new Promise((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      items.push(...(await new Promise((resolve, reject) => {
        const request = database.transaction('outbox').objectStore('outbox').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      })));
      database.close();
    }
    return items;
  })()`);
}

/** Every audit entry in the page's IndexedDB databases. */
export function readAudit(page: Page): Promise<Array<{ itemId: string; kind: string; detail?: string; actor?: string }>> {
  return page.evaluate(`(async () => {
    const names = (await indexedDB.databases()).map((info) => info.name || '').filter((name) => name.startsWith('mca-desk/'));
    const entries = [];
    for (const name of names) {
      const database = await new Promise((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      entries.push(...(await new Promise((resolve, reject) => {
        const request = database.transaction('audit').objectStore('audit').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      })));
      database.close();
    }
    return entries;
  })()`);
}
