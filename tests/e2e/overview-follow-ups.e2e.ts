/**
 * Overview › Follow up, on Partner Center as it is today: a sent link becomes a follow-up as days go by
 * (the page's clock) and as Settings say; its reminder carries the same link and the signer's name, in
 * Dutch and in English, and is audited; "Send a new link" asks first and makes a new link at the sandbox.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, signInThroughForm } from './support/agent';
import { readClipboard } from './support/screens';
import { openCustomerByName, readAudit, requestAcceptanceLink } from './support/ui';

test.use({ appOptions: { sandbox: { legacyAttestation: 'retired' } } });

const CUSTOMER = 'Humongous Insurance';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Attestation = {
  id: string;
  companyName: string;
  status: string;
  acceptanceUrl: string;
  expiresAt: string;
  signatory: { firstName: string; lastName: string };
};

async function attestationsOf(app: { sandbox?: { inspect: { attestations(): Promise<unknown[]> } } }): Promise<Attestation[]> {
  return ((await app.sandbox!.inspect.attestations()) as Attestation[]).filter((attestation) => attestation.companyName === CUSTOMER);
}

async function openOverview(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
}

test('a sent link becomes a follow-up by the clock and the setting; the reminder holds the link and the signer in Dutch and English; "Send a new link" makes a new one', async ({
  page,
  app,
  reopen,
}) => {
  test.setTimeout(180_000);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  // The page's clock runs from now, and jumps ahead below (time keeps flowing, so writes keep their order).
  await page.clock.install();
  await reopen();
  await signInThroughForm(page, 'admin@contoso.example');
  await requestAcceptanceLink(page, CUSTOMER, 'Wes');
  const panel = page.getByRole('region', { name: 'Acceptance link' });
  await expect(panel).toContainText('Link sent?', { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(panel.getByText('Copied. The link is marked as sent.')).toBeVisible();
  const sentAt = Date.now();
  const [link] = await attestationsOf(app);
  const signer = `${link!.signatory.firstName} ${link!.signatory.lastName}`;
  expect(signer).toMatch(/^Wes /);

  const followUps = page.getByRole('region', { name: 'Follow up' });
  const entry = followUps.getByRole('listitem').filter({ hasText: CUSTOMER });
  await openOverview(page);
  await expect(followUps).toContainText('Nothing to follow up on.');

  // Two days later: not due with the default 3 days, due once Settings say 1 day.
  await page.clock.setSystemTime(sentAt + 2 * DAY);
  await reopen();
  await expect(followUps).toContainText('Acceptance links sent 3 days ago or more');
  await expect(followUps).toContainText('Nothing to follow up on.');
  await followUps.getByRole('link', { name: 'Change the days in Settings' }).click();
  await page.getByLabel('Follow up after (days)').fill('1');
  await page.getByRole('button', { name: 'Save days' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: links are followed up after 1 day.' })).toBeVisible();
  await openOverview(page);
  await expect(entry).toContainText('Sent a while ago');
  await expectAccessible(page, 'follow-ups');

  // The reminder in Dutch, chosen for this email: the same link, the signer by name.
  await entry.getByText(`Reminder email to ${signer}`).click();
  await entry.getByLabel('Write the reminder in').selectOption('nl');
  await expect(entry.getByLabel('Body')).toHaveValue(new RegExp(`^Beste ${escaped(signer)},`));
  await expectAccessible(page, 'follow-up draft');
  await entry.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(page.getByText(`The reminder for ${CUSTOMER} is on the clipboard.`)).toBeVisible();
  const dutch = await readClipboard(page);
  expect(dutch).toMatch(/^Herinnering: accepteer de Microsoft-klantovereenkomst voor Humongous Insurance\n/);
  expect(dutch).toContain(`Beste ${signer},`);
  expect(dutch).toContain(`\n${link!.acceptanceUrl}\n`);
  // Reminded: off the list until it is due again.
  await expect(followUps).toContainText('Nothing to follow up on.');

  // A day and a half later it is due again; the reminder in the customer's language (English).
  await page.clock.setSystemTime(sentAt + 3.5 * DAY);
  await reopen();
  await expect(entry).toContainText('Last reminder');
  await entry.getByText(`Reminder email to ${signer}`).click();
  await expect(entry.getByLabel('Write the reminder in')).toHaveValue('en');
  await entry.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(page.getByText(`The reminder for ${CUSTOMER} is on the clipboard.`)).toBeVisible();
  const english = await readClipboard(page);
  expect(english).toMatch(/^Reminder: please accept the Microsoft Customer Agreement for Humongous Insurance\n/);
  expect(english).toContain(`Dear ${signer},`);
  expect(english).toContain(`\n${link!.acceptanceUrl}\n`);
  const reminders = (await readAudit(page)).filter((entry) => entry.kind === 'link-sent' && entry.detail?.startsWith('follow-up'));
  expect(reminders.map((entry) => entry.detail)).toEqual([
    'follow-up by admin@contoso.example, copied to the clipboard',
    'follow-up by admin@contoso.example, copied to the clipboard',
  ]);

  // Its last day: listed as expiring. "Send a new link" asks first (Escape keeps the link), by keyboard.
  await page.clock.setSystemTime(Date.parse(link!.expiresAt) - 6 * HOUR);
  await reopen();
  await expect(entry).toContainText('Expires within a day');
  // The section in Dutch, as the agent may read it.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
  await page.getByRole('link', { name: 'Overzicht' }).click();
  const opvolgen = page.getByRole('region', { name: 'Opvolgen' }).getByRole('listitem').filter({ hasText: CUSTOMER });
  await expect(opvolgen).toContainText('Verloopt binnen een dag');
  await expect(opvolgen.getByRole('button', { name: 'Nieuwe koppeling versturen' })).toBeVisible();
  await expectAccessible(page, 'follow-ups, Dutch');
  await page.getByRole('link', { name: 'Instellingen', exact: true }).click();
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  await openOverview(page);
  const newLink = entry.getByRole('button', { name: 'Send a new link' });
  await newLink.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Send ${signer} a new link?` });
  await expect(dialog).toContainText('stops watching the one sent on');
  await expectAccessible(page, 'new link question');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await attestationsOf(app)).toHaveLength(1);
  await newLink.press('Enter');
  await dialog.getByRole('button', { name: 'Send a new link' }).press('Enter');
  await expect(page.getByText(`A new acceptance link for ${CUSTOMER} is requested.`, { exact: false })).toBeVisible();
  await expect(followUps).toContainText('Nothing to follow up on.');

  // The sandbox made a second attestation for the same signer, and the customer page has its email.
  await expect.poll(async () => (await attestationsOf(app)).length, { timeout: 30_000 }).toBe(2);
  const fresh = (await attestationsOf(app)).find((attestation) => attestation.id !== link!.id)!;
  expect(fresh).toMatchObject({ status: 'pending', signatory: link!.signatory });
  expect(fresh.acceptanceUrl).not.toBe(link!.acceptanceUrl);
  await openCustomerByName(page, CUSTOMER);
  await expect(panel).toContainText('Link sent?', { timeout: 30_000 });
  await expect(panel.getByLabel('Body')).toHaveValue(new RegExp(escaped(fresh.acceptanceUrl)));
});
