/**
 * What an agent does in MCA Desk, step by step, by role and label: the e2e tests read as a walk
 * through the screens. Also: checks every page for CSP violations and axe findings.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Signs in through the form on the sign-in page, picking the seeded account from the list. */
export async function signInThroughForm(page: Page, email: string, password = 'sandbox'): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MCA Desk' })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(`^${email.replace(/[.]/g, '\\.')}`) }).click();
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // The first screen after sign-in.
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
}

/** Finds a customer with the search box and opens it from the list. */
export async function openCustomer(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByLabel('Search customers').fill(name);
  await page
    .getByRole('row', { name: new RegExp(name) })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The MCA status shown on the customer's page. */
export function mcaStatus(page: Page) {
  return page
    .getByRole('definition')
    .filter({ has: page.locator('.status-badge') })
    .first();
}

/** Fails on serious or critical axe findings on the current screen. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  expect(bad, `axe on ${screen}`).toEqual([]);
}

/** The ids of every outbox item in the agent's IndexedDB (read in the page). */
export function outboxItemIds(page: Page): Promise<string[]> {
  return page.evaluate(`(async () => {
    const names = (await indexedDB.databases()).map((info) => info.name || '').filter((name) => name.startsWith('mca-desk/'));
    const ids = [];
    for (const name of names) {
      const database = await new Promise((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      ids.push(...(await new Promise((resolve) => {
        const request = database.transaction('outbox').objectStore('outbox').getAllKeys();
        request.onsuccess = () => resolve(request.result);
      })));
      database.close();
    }
    return ids;
  })()`);
}

/** Collects Content-Security-Policy violations and page errors for the whole test. */
export async function watchForViolations(page: Page): Promise<() => string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction('__reportCspViolation', (text: string) => problems.push(`CSP: ${text}`));
  // Page-side code as text: this file is typechecked without the DOM library.
  await page.addInitScript(
    `document.addEventListener('securitypolicyviolation', (event) => window.__reportCspViolation(event.violatedDirective + ' ' + event.blockedURI));`,
  );
  return () => problems;
}
