/**
 * Helpers the feature e2e tests share: an accessibility check (axe) that fails on serious or critical
 * violations, a scan of every IndexedDB store in the page for a text, and opening a screen by address.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Runs axe over the page (WCAG 2 A/AA rules) and expects no serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const grave = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(grave, `axe on ${screen}`).toEqual([]);
}

/**
 * The IndexedDB databases and stores of this origin whose records contain `needle` anywhere. (The
 * page code is passed as text: these tests are type-checked without the DOM library.)
 */
export function indexedDbHolding(page: Page, needle: string): Promise<string[]> {
  return page.evaluate(`(async (text) => {
    const hits = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const database = await new Promise((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(database.objectStoreNames)) {
        const records = await new Promise((resolve, reject) => {
          const request = database.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        if (JSON.stringify(records).includes(text)) hits.push(name + '/' + store);
      }
      database.close();
    }
    return hits;
  })(${JSON.stringify(needle)})`);
}

/** What the page reads from the clipboard (the context must have been granted clipboard-read). */
export function readClipboard(page: Page): Promise<string> {
  return page.evaluate('navigator.clipboard.readText()');
}

/** Waits until the app shows a signed-in agent (the first navigation after a sign-in is over). */
export async function signedIn(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page).not.toHaveURL(/#\/sign-in/);
}

/** Opens an address of the app (hash routing) and waits for its heading. */
export async function openScreen(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await signedIn(page);
  await page.goto(`/#${path}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** Waits until the customer list has been downloaded (the count shows every customer). */
export async function waitForCustomers(page: Page): Promise<void> {
  await signedIn(page);
  await page.goto('/#/customers');
  await expect(page.getByText(/^\d+ of \d+ customers$/)).toBeVisible();
  await expect(page.getByRole('row', { name: /Alpine Ski House/ })).toBeVisible({ timeout: 30_000 });
}
