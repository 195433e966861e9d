import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, readClipboard, indexedDbHolding, openScreen, signedIn } from './support/screens';
import { chooseLatestAcceptanceDate } from './support/ui';

async function fillCompany(page: Page, name: string, domain: string): Promise<void> {
  await page.getByLabel('Company name').fill(name);
  await page.getByLabel('Domain').fill(domain);
  await page.getByLabel('Email address').fill(`office@${domain}`);
  await page.getByLabel('Language').fill('nl-NL');
  await page.getByLabel('First name').fill('Sanne');
  await page.getByLabel('Last name').fill('de Vries');
  await page.getByLabel('Address', { exact: true }).fill('Keizersgracht 1');
  await page.getByLabel('Postal code').fill('1015 CJ');
  await page.getByLabel('City').fill('Amsterdam');
  await page.getByLabel('Country').fill('nl');
  await page.getByLabel('Phone number').fill('+31 20 555 0101');
}

test('a partner-attested new customer is created and its confirmation is queued and confirmed at the sandbox', async ({
  page,
  app,
  signIn,
}) => {
  await signIn('sales@contoso.example');
  await signedIn(page);
  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'New customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();
  await expectAccessible(page, 'new customer (empty)');

  // Submitting an empty form shows every problem inline, and nothing is created.
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByText('Choose how the customer accepts the Microsoft Customer Agreement.')).toBeVisible();
  await expect(page.getByLabel('Company name')).toHaveAttribute('aria-invalid', 'true');

  await fillCompany(page, 'Keizersgracht Koffie B.V.', 'keizersgrachtkoffie.onmicrosoft.com');
  await page.getByLabel('I confirm the customer accepted the Microsoft Customer Agreement').check();
  // The contact comes from the company details, read-only until "Update".
  const contact = page.getByRole('group', { name: 'Who accepted, and when' });
  await expect(contact.getByText('Sanne de Vries')).toBeVisible();
  await expect(contact.getByText('office@keizersgrachtkoffie.onmicrosoft.com')).toBeVisible();
  await expect(contact.getByLabel('Email address')).toHaveCount(0);
  await contact.getByRole('button', { name: 'Update the contact who accepted' }).click();
  await contact.getByLabel('Email address').fill('sanne.devries@keizersgrachtkoffie.example');
  // The date starts empty: the agent chooses the day the customer accepted.
  await chooseLatestAcceptanceDate(contact);
  const max = await contact.getByLabel('Date of acceptance').inputValue();
  await expectAccessible(page, 'new customer (partner-attested)');

  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Keizersgracht Koffie B.V.' })).toBeVisible();
  await expect(page.getByText('Confirmed at Microsoft: Keizersgracht Koffie B.V.')).toBeVisible({ timeout: 30_000 });
  const agreements = await app.sandbox!.inspect.agreements();
  const created = agreements.filter((agreement) => agreement.primaryContact.email === 'sanne.devries@keizersgrachtkoffie.example');
  expect(created).toHaveLength(1);
  expect(created[0]!.dateAgreed.slice(0, 10)).toBe(max);
});

test('a customer who accepts in the admin center: credentials shown once, never in IndexedDB, with a ready invitation', async ({
  page,
  app,
  signIn,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await signIn('admin@contoso.example');
  await openScreen(page, '/customers/new', 'New customer');
  await fillCompany(page, 'Grachtengordel Design', 'grachtengordeldesign.onmicrosoft.com');
  await page.getByLabel('The customer will accept in the Microsoft 365 admin center').check();
  await page.getByRole('button', { name: 'Create customer' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Grachtengordel Design was created' })).toBeVisible();
  const signInName = (await page.locator('dt:has-text("Sign-in name") + dd').textContent())!.trim();
  const password = (await page.locator('dt:has-text("Temporary password") + dd').textContent())!.trim();
  expect(signInName).toContain('@');
  expect(password.length).toBeGreaterThan(7);
  await expectAccessible(page, 'customer created (credentials)');

  await page.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(page.getByText(/The clipboard is cleared in 60 seconds/)).toBeVisible();
  expect(await readClipboard(page)).toContain(password);

  // The ready invitation keeps placeholders; the password appears only in what is copied.
  await page.getByRole('link', { name: 'Open the invitation' }).click();
  await expect(page.getByLabel('Template')).toHaveValue('new-customer');
  await expect(page.getByLabel('Body')).toHaveValue(/\{temporaryPassword\}/);
  await expect(page.getByText(/are not stored in this draft/)).toBeVisible();
  await page.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(page.getByText(/Copied with the sign-in details\. The clipboard is cleared in 60 seconds/)).toBeVisible();
  const copied = await readClipboard(page);
  expect(copied).toContain(password);
  expect(copied).toContain(signInName);
  expect(copied).toContain('https://admin.microsoft.com/AdminPortal/Home?ref=/BillingAccounts/agreement');

  // Shown once: not after a reload, and nowhere in IndexedDB.
  await page.goto('/#/customers/new');
  await expect(page.getByText(password)).toHaveCount(0);
  expect(await indexedDbHolding(page, password)).toEqual([]);
  expect(await indexedDbHolding(page, 'Grachtengordel Design')).not.toEqual([]);
});

test('an indirect reseller may only choose self-acceptance, and a Helpdesk agent cannot create customers', async ({ page, signIn }) => {
  await signIn('admin@tailspin.example');
  await openScreen(page, '/customers/new', 'New customer');
  await expect(page.getByLabel('I confirm the customer accepted the Microsoft Customer Agreement')).toBeDisabled();
  await expect(page.getByText('As an indirect reseller you cannot confirm acceptance yourself', { exact: false })).toBeVisible();
  await expect(page.getByLabel('The customer will accept in the Microsoft 365 admin center')).toBeEnabled();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MCA Desk' })).toBeVisible();
  await signIn('helpdesk@contoso.example');
  await openScreen(page, '/customers/new', 'New customer');
  await expect(page.getByText('Only an Admin agent or a Sales agent can', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create customer' })).toHaveCount(0);
});

test('a customer in Poland needs the organisation registration number: refused without it (nothing created), created with it', async ({
  page,
  app,
  signIn,
  bridge,
}) => {
  await signIn('admin@contoso.example');
  await openScreen(page, '/customers/new', 'New customer');
  await fillCompany(page, 'Wisła Software', 'wislasoftware.onmicrosoft.com');
  await page.getByLabel('Country').fill('pl');
  await page.getByLabel('Phone number').fill('+48 22 555 0101');
  const registration = page.getByLabel('Organisation registration number');
  await expect(page.getByText('Partner Center requires it for a customer in PL, and a phone number too.')).toBeVisible();
  await page.getByLabel('The customer will accept in the Microsoft 365 admin center').check();
  await page.getByRole('button', { name: 'Create customer' }).click();

  await expect(registration).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByText('Required for a customer in PL: enter the organisation registration number (the company or tax registration number).'),
  ).toBeVisible();
  await expectAccessible(page, 'new customer (registration number missing)');
  const creations = async () =>
    (await app.sandbox!.inspect.audit()).filter(
      (entry) => entry.action === 'customer.create' && entry.target === 'wislasoftware.onmicrosoft.com',
    );
  expect(await creations()).toEqual([]);

  await registration.fill('PL5213001234');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Wisła Software was created' })).toBeVisible();
  expect((await creations()).map((entry) => entry.status)).toEqual([201]);
  const found = await bridge<{ items: Array<{ companyName: string }> }>('listCustomers', {
    filter: { field: 'Domain', prefix: 'wislasoftware' },
  });
  expect(found.ok && found.data.items.map((customer) => customer.companyName)).toEqual(['Wisła Software']);
});
