/**
 * The agent's attestation on Partner Center as it is today (the sandbox's default: the legacy
 * attestation retired): the signer, Microsoft's acceptance link sent by email, the signer accepting in
 * a second browser, and the agreement finalised by the outbox on its own. Offline first.
 */
import { expect, test } from './fixtures';
import { expectAccessible, mcaStatus, openCustomer, signInThroughForm, watchForViolations } from './support/agent';
import { readClipboard } from './support/screens';

const ADATUM = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';

test.use({ appOptions: { sandbox: { legacyAttestation: 'retired' } } });

test('offline save → reload → online → the link is copied → the signer accepts in another browser → Confirmed, one attestation and one agreement', async ({
  page,
  app,
  reopen,
  browser,
}) => {
  test.setTimeout(120_000);
  const problems = await watchForViolations(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await reopen();
  await signInThroughForm(page, 'admin@contoso.example');
  await openCustomer(page, 'Adatum Corporation');
  await expect(mcaStatus(page)).toHaveText('Not accepted');
  await expect(page.getByText(/^Details saved/)).toBeVisible();

  // The computer goes offline (and the backend fails every call); the agent records the signer anyway.
  app.sandbox!.setFaults({ failRate: 1 });
  await page.getByRole('link', { name: 'Confirm acceptance' }).click();
  await expect(page.getByLabel('Company name')).toBeVisible();
  await page.context().setOffline(true);
  await expect(page.getByLabel('Company name')).toHaveValue('Adatum Corporation');
  await expect(page.getByLabel('Country')).toHaveValue(/^[A-Z]{2}$/);
  await expect(page.getByLabel(/date/i)).toHaveCount(0);
  // The signer is not guessed: the primary contact only when the agent picks it.
  await expect(page.getByLabel('First name')).toHaveValue('');
  await page.getByRole('button', { name: 'Use the primary contact' }).click();
  await expect(page.getByLabel('First name')).toHaveValue('Tania');
  await page.getByLabel('First name').fill('Maria');
  await expect(page.getByLabel('Link valid for')).toHaveValue('10080');
  await page.getByLabel('Link valid for').selectOption({ label: '1 day' });
  await expectAccessible(page, 'enhanced attestation form');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('The acceptance link for Adatum Corporation is requested.', { exact: false })).toBeVisible();
  await expect(mcaStatus(page)).toHaveText('Link requested');

  // Nothing is lost on reload (the network is back, the backend still fails).
  await page.context().setOffline(false);
  await reopen();
  await expect(page.getByRole('heading', { level: 1, name: 'Adatum Corporation' })).toBeVisible();
  await expect(mcaStatus(page)).toHaveText('Link requested');
  expect((await app.sandbox!.inspect.attestations()).filter((a) => a.customerTenantId === ADATUM)).toEqual([]);

  // Back online: the link is made; the agent is told, and the customer shows "Link sent?".
  app.sandbox!.setFaults({ failRate: 0 });
  await page.getByRole('link', { name: /^Outbox/ }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText('The acceptance link for Adatum Corporation is ready: send it to Maria Carr.')).toBeVisible({
    timeout: 30_000,
  });
  await openCustomer(page, 'Adatum Corporation');
  await expect(mcaStatus(page)).toHaveText('Waiting for acceptance');
  const panel = page.getByRole('region', { name: 'Acceptance link' });
  await expect(panel).toContainText('Link sent?');
  await expect(page.getByLabel('Body')).toHaveValue(/Dear Maria Carr,/);
  await expectAccessible(page, 'acceptance link panel');

  await panel.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(panel.getByText('Copied. The link is marked as sent.')).toBeVisible();
  await expect(panel).toContainText('Waiting for Maria Carr to accept · link expires');
  const [attestation] = (await app.sandbox!.inspect.attestations()).filter((a) => a.customerTenantId === ADATUM);
  const copied = await readClipboard(page);
  expect(copied).toContain(attestation!.acceptanceUrl);
  expect(copied).toContain('Contoso');

  // The signer opens the link in another browser (no sign-in), ticks the box and accepts.
  const url = copied.match(/https?:\/\/\S+\/customer-acceptance\/\S+/)![0];
  const signer = await browser.newContext();
  const signerPage = await signer.newPage();
  await signerPage.goto(url);
  await signerPage.getByLabel('I accept the Microsoft Customer Agreement').check();
  await signerPage.getByRole('button', { name: 'Accept' }).click();
  await expect(signerPage.locator('body')).toContainText(/recorded/i);
  await signer.close();
  const acceptedAt = Date.now();

  // MCA Desk sees it on its own and finalises the agreement.
  await expect(page.getByText('Adatum Corporation: the agreement is finalised. Maria Carr accepted.')).toBeVisible({ timeout: 60_000 });
  expect(Date.now() - acceptedAt).toBeLessThan(60_000);
  await expect(mcaStatus(page)).toHaveText('Confirmed by partner');
  await expect(page.getByRole('table').getByRole('row', { name: /Maria Carr/ })).toContainText('Recorded at Microsoft');
  const attestations = (await app.sandbox!.inspect.attestations()).filter((a) => a.customerTenantId === ADATUM);
  expect(attestations).toHaveLength(1);
  expect(attestations[0]!.status).toBe('finalized');
  const agreements = (await app.sandbox!.inspect.agreements()).filter((a) => a.customerId === ADATUM);
  expect(agreements).toHaveLength(1);
  expect(agreements[0]!.primaryContact).toMatchObject({ firstName: 'Maria', lastName: 'Carr' });
  expect(problems()).toEqual([]);
});
