/**
 * Issue 13 §5: the reseller relationship invitation with the new customer's one-time sign-in details
 * and the relationship link fetched from the backend when it is sent (refused, nothing copied, when it
 * cannot be fetched); the indirect reseller's email to its provider with everything the provider needs
 * to attest; agent names, not object ids, in a customer's history.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, openScreen, readClipboard, signedIn } from './support/screens';
import { openCustomer } from './support/agent';
import { confirmAcceptance } from './support/ui';

const SENTINEL = 'clipboard before the copy';

async function fillCompany(page: Page, name: string, domain: string): Promise<void> {
  await page.getByLabel('Company name').fill(name);
  await page.getByLabel('Domain').fill(domain);
  await page.getByLabel('Email address').fill(`office@${domain}`);
  await page.getByLabel('Language').fill('en-GB');
  await page.getByLabel('First name').fill('Robin');
  await page.getByLabel('Last name').fill('Okafor');
  await page.getByLabel('Address', { exact: true }).fill('1 Canal Street');
  await page.getByLabel('Postal code').fill('M1 3HE');
  await page.getByLabel('City').fill('Manchester');
  await page.getByLabel('Country').fill('gb');
  await page.getByLabel('Phone number').fill('+44 161 555 0101');
}

test('a new customer who accepts in the admin center gets a relationship request with its sign-in details and the backend’s real link; no link, no copy', async ({
  page,
  app,
  signIn,
  bridge,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await signIn('admin@contoso.example');
  await openScreen(page, '/customers/new', 'New customer');
  await fillCompany(page, 'Canal Street Studios', 'canalstreetstudios.onmicrosoft.com');
  await page.getByLabel('The customer will accept in the Microsoft 365 admin center').check();
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Canal Street Studios was created' })).toBeVisible();
  const signInName = (await page.locator('dt:has-text("Sign-in name") + dd').textContent())!.trim();
  const password = (await page.locator('dt:has-text("Temporary password") + dd').textContent())!.trim();
  expect(signInName).toContain('@');

  await page.getByRole('button', { name: 'Invite through a reseller relationship request instead' }).click();
  await expect(page.getByLabel('Template')).toHaveValue('reseller-relationship');
  await expect(page.getByLabel('Subject')).toHaveValue('Contoso Cloud Partners invites Canal Street Studios to a reseller relationship');
  // The draft keeps the placeholders: the link and the credentials are filled only when it leaves the app.
  await expect(page.getByLabel('Body')).toHaveValue(/Open this link: \{url\}/);
  await expect(page.getByLabel('Body')).toHaveValue(/Temporary password: \{temporaryPassword\}/);
  await expect(page.getByLabel('Body')).not.toHaveValue(new RegExp(password.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(page.getByText('The reseller relationship link is fetched from Partner Center when you copy')).toBeVisible();
  await expectAccessible(page, 'relationship request with credentials');

  // The backend fails: the copy is refused, plainly, and the clipboard keeps what it had.
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(SENTINEL)})`);
  app.sandbox!.setFaults({ failRate: 1 });
  await page.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Nothing was copied or opened: the reseller relationship link could not be fetched from Partner Center',
    { timeout: 60_000 },
  );
  expect(await readClipboard(page)).toBe(SENTINEL);
  app.sandbox!.setFaults({ failRate: 0 });

  // Back online: the copy carries the backend's link, the sign-in name and the password, and nothing unfilled.
  const link = await bridge<{ url: string }>('getRelationshipRequestLink', {});
  expect(link.ok).toBe(true);
  const url = link.ok ? link.data.url : '';
  expect(url).toMatch(/^https:\/\/admin\.microsoft\.com\/Adminportal\/Home\?invType=ResellerRelationship&partnerId=3b33e682-/);
  await page.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(page.getByText(/Copied with the sign-in details\. The clipboard is cleared in 60 seconds/)).toBeVisible();
  const copied = await readClipboard(page);
  expect(copied.startsWith('Contoso Cloud Partners invites Canal Street Studios to a reseller relationship\n\n')).toBe(true);
  expect(copied).toContain(`Open this link: ${url}`);
  expect(copied).toContain(`Sign-in name: ${signInName}`);
  expect(copied).toContain(`Temporary password: ${password}`);
  expect(copied).not.toMatch(/\{\w+\}/);
  // One-time: deleted once sent.
  await expect(page.getByText('The one-time sign-in details were deleted from this computer')).toBeVisible();
});

test('the indirect reseller’s email to its provider carries the tenant id and the signer; a missing phone is asked for, not sent as a placeholder', async ({
  page,
  app,
  signIn,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await signIn('admin@tailspin.example');
  await signedIn(page);
  await openCustomer(page, 'VanArsdel Ltd');
  await page.getByRole('link', { name: 'Email your indirect provider' }).click();
  await expect(page).toHaveURL(/customer=[0-9a-f-]{36}$/);
  const tenantId = /customer=([0-9a-f-]{36})$/.exec(page.url())![1]!;
  const body = page.getByLabel('Body');
  await expect(body).toHaveValue(/^Dear Fabrikam Distribution team,/);
  await expect(body).toHaveValue(new RegExp(`Customer: VanArsdel Ltd\\nMicrosoft ID \\(tenant\\): ${tenantId}\\n`));
  await expect(body).toHaveValue(/First name: \S+\nLast name: \S+/);
  await expect(body).toHaveValue(/Email: \S+@vanarsdelltd\.example/);
  // The seed has no phone for this signer: the editor asks for it.
  await expect(body).toHaveValue(/Phone: \{contactPhone\}/);
  await expect(page.getByText('Still to fill in yourself: {contactPhone}.')).toBeVisible();
  const phone = page.getByLabel('Signer’s phone number');
  await expect(phone).toBeVisible();
  await expectAccessible(page, 'provider email asking for the phone');

  // Sending is refused while it is missing: nothing on the clipboard.
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(SENTINEL)})`);
  await page.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(page.getByRole('alert')).toContainText('Nothing was copied or opened: fill in {contactPhone} first');
  expect(await readClipboard(page)).toBe(SENTINEL);

  // A bad value fills nothing; a good one fills the placeholder.
  await phone.fill('call me');
  await page.getByRole('button', { name: 'Fill in' }).click();
  await expect(page.getByText('Use digits, spaces, +, -, ( and ) only.')).toBeVisible();
  await expect(body).toHaveValue(/Phone: \{contactPhone\}/);
  await phone.fill('+49 30 555 0101');
  await page.getByRole('button', { name: 'Fill in' }).click();
  await expect(body).toHaveValue(/Phone: \+49 30 555 0101/);
  await expect(page.getByLabel('Signer’s phone number')).toHaveCount(0);

  await page.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied: subject and body are on the clipboard.' })).toBeVisible();
  const copied = await readClipboard(page);
  expect(copied).toContain(`Microsoft ID (tenant): ${tenantId}`);
  expect(copied).toMatch(/First name: \S+\nLast name: \S+\nEmail: \S+@vanarsdelltd\.example\nPhone: \+49 30 555 0101/);
  expect(copied).not.toMatch(/\{\w+\}/);
});

test('a customer’s history names the agent who confirmed, not an object id', async ({ page, signIn }) => {
  await signIn('sales@contoso.example');
  await signedIn(page);
  await confirmAcceptance(page, 'Adatum Corporation', 'Sanne');
  await expect(page.getByText('Confirmed at Microsoft: Adatum Corporation')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MCA Desk' })).toBeVisible();

  await signIn('admin@contoso.example');
  await signedIn(page);
  await openCustomer(page, 'Adatum Corporation');
  const history = page.getByRole('region', { name: 'Confirmations' });
  await expect(history.getByRole('row', { name: /Sanne/ }).first()).toContainText('Sam Sales');
  await expect(history).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
});
