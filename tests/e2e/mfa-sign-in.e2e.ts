/**
 * A sign-in without multi-factor authentication on Partner Center as it is today (issue 12): the
 * sandbox's `nomfa@contoso.example` is answered 401 with 900421, and the sign-in page says plainly,
 * in English and in Dutch, that Partner Center requires MFA and that the agent must sign in again with
 * it. Nothing is sent on that sign-in's behalf, and what another agent queued on this computer stays.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, openCustomer, outboxItemIds, signInThroughForm } from './support/agent';

test.use({ appOptions: { sandbox: { legacyAttestation: 'retired' } } });

const NO_MFA = 'nomfa@contoso.example';
const ADATUM = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';
/** The bridge channels that only read or sign in: anything else would be work done for the agent. */
const READ_ONLY_CHANNELS = new Set(['signIn', 'getSession', 'getAppInfo', 'getSettings']);

/** The bridge channels the page calls from now on. */
function recordChannels(page: Page): string[] {
  const channels: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() === 'POST' && path.startsWith('/api/')) channels.push(path.slice('/api/'.length));
  });
  return channels;
}

test('signing in as the account without MFA says Partner Center requires MFA, and sends nothing; queued work stays', async ({
  page,
  app,
  reopen,
}) => {
  test.setTimeout(90_000);
  await reopen();
  // Another agent queued a link request while the backend failed every call.
  await signInThroughForm(page, 'admin@contoso.example');
  await openCustomer(page, 'Adatum Corporation');
  await expect(page.getByText(/^Details saved/)).toBeVisible();
  app.sandbox!.setFaults({ failRate: 1 });
  await page.getByRole('link', { name: 'Confirm acceptance' }).click();
  await page.getByRole('button', { name: 'Use the primary contact' }).click();
  await page.getByLabel('First name').fill('Maria');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('The acceptance link for Adatum Corporation is requested.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  // One item has not reached Microsoft: the app asks first, and keeps it.
  await page.getByRole('dialog', { name: 'Sign out with items in the Outbox?' }).getByRole('button', { name: 'Sign out' }).click();
  // The sign-in page lists the account and says what it is.
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MCA Desk' })).toBeVisible();
  const queued = await outboxItemIds(page);
  expect(queued).toHaveLength(1);
  // The backend is well again: from here on, whatever reaches it was sent for the sign-in below.
  app.sandbox!.setFaults({ failRate: 0 });
  const auditBefore = (await app.sandbox!.inspect.audit()).length;
  const account = page.getByRole('button', { name: new RegExp(`^${NO_MFA.replace(/[.]/g, '\\.')}`) });
  await expect(account).toContainText('The account without MFA: Partner Center refuses its sign-in today.');
  const channels = recordChannels(page);
  await account.click();
  await expect(page.getByLabel('Email')).toHaveValue(NO_MFA);
  await page.getByLabel('Password').fill('sandbox');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(
    'Partner Center requires multi-factor authentication (MFA), and this sign-in had none. Sign in again with MFA. In the sandbox, every account except nomfa@contoso.example signs in with MFA.',
  );
  await expect(alert).not.toContainText('not correct');
  // Still signed out, on the sign-in page.
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MCA Desk' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await expectAccessible(page, 'sign-in refused for want of MFA');

  // Only the sign-in was asked for; nothing reached the backend but it; the queued request is still there, unsent.
  expect(channels).toContain('signIn');
  expect(channels.filter((channel) => !READ_ONLY_CHANNELS.has(channel))).toEqual([]);
  const audited = (await app.sandbox!.inspect.audit()).slice(auditBefore);
  expect(audited.map((record) => [record.userName, record.action])).toEqual([[NO_MFA, 'token.issue']]);
  expect((await app.sandbox!.inspect.attestations()).filter((attestation) => attestation.customerTenantId === ADATUM)).toEqual([]);
  expect(await outboxItemIds(page)).toEqual(queued);
});

test('in Dutch: the account list and the refusal', async ({ page, reopen }) => {
  await page.addInitScript(`localStorage.setItem('mca-desk.language', 'nl')`);
  await reopen();
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden bij MCA Desk' })).toBeVisible();
  const account = page.getByRole('button', { name: new RegExp(`^${NO_MFA.replace(/[.]/g, '\\.')}`) });
  await expect(account).toContainText('Het account zonder MFA: Partner Center weigert tegenwoordig de aanmelding ervan.');
  await account.click();
  await page.getByLabel('Wachtwoord').fill('sandbox');
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Partner Center vereist meervoudige verificatie (MFA) en deze aanmelding had die niet. Meld u opnieuw aan met MFA. In de sandbox melden alle accounts behalve nomfa@contoso.example zich aan met MFA.',
  );
  await expectAccessible(page, 'Dutch sign-in refused for want of MFA');
});
