import { expect, oneAppForThisFile, test } from './fixtures';
import { mcaStatus, openCustomer, signInThroughForm } from './support/agent';

// These tests change nothing at the backend: one app serves them all.
oneAppForThisFile();

test('a Helpdesk agent sees the MCA status but cannot confirm, create or order, and is told who can', async ({ page }) => {
  await signInThroughForm(page, 'helpdesk@contoso.example');
  await expect(page.getByRole('banner')).toContainText('Helpdesk agent at Contoso Cloud Partners (Direct-bill partner)');
  await expect(page.getByRole('link', { name: 'New customer' })).toHaveCount(0);
  await openCustomer(page, 'Graphic Design Institute');
  await expect(mcaStatus(page)).toHaveText('Confirmed by partner');
  await expect(page.getByRole('link', { name: 'Confirm acceptance' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'New order' })).toHaveCount(0);
  await expect(
    page.getByText(
      'Only an Admin agent or a Sales agent can confirm acceptance, create customers or place orders. You are signed in as Helpdesk agent.',
    ),
  ).toBeVisible();
  // Drafting an invitation stays open to every role.
  await expect(page.getByRole('link', { name: 'Invite to accept' })).toBeVisible();
  // The form itself refuses too, when reached by its address.
  await page.goto(page.url().replace(/#\/customers\/([^/?]+).*$/, '#/customers/$1/confirm'));
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm acceptance' })).toBeVisible();
  await expect(page.getByLabel('First name')).toHaveCount(0);
  await expect(page.getByText('You are signed in as Helpdesk agent.')).toBeVisible();
});

test("an indirect reseller is guided to its indirect provider and to the customer's own acceptance", async ({ page }) => {
  await signInThroughForm(page, 'admin@tailspin.example');
  await expect(page.getByRole('banner')).toContainText('Indirect reseller');
  await openCustomer(page, 'VanArsdel Ltd');
  await expect(page.getByRole('link', { name: 'Confirm acceptance' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Your indirect provider confirms acceptance' })).toBeVisible();
  await expect(page.getByText('As an indirect reseller you cannot confirm a customer’s acceptance')).toBeVisible();
  await expect(page.getByLabel('Acceptance address for the customer')).toHaveValue(
    'https://admin.microsoft.com/AdminPortal/Home?ref=/BillingAccounts/agreement',
  );
  await page.getByRole('link', { name: 'Email your indirect provider' }).click();
  await expect(page).toHaveURL(/#\/invitations\/new\?template=indirect-provider&customer=[0-9a-f-]{36}$/);
  // The draft is addressed to the provider by name and signed by the reseller: no {providerName} left.
  await expect(page.getByLabel('Body')).toHaveValue(/^Dear Fabrikam Distribution team,/);
  await expect(page.getByLabel('Body')).toHaveValue(/Tailspin Resellers$/);
  await expect(page.getByLabel('Body')).not.toHaveValue(/\{providerName\}/);
});
