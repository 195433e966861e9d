/**
 * The Audit screen after a scripted session: every action is there with who did it and on which
 * computer, the filters narrow it, and both exports hold every entry the log holds. On Partner Center
 * as it is today, the main process's journal of the enhanced calls (request id, attestation id, the
 * backend's answer) is in the same list and exports, each of its records once.
 */
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { expectAccessible, openCustomer, signInThroughForm } from './support/agent';
import { openScreen, waitForCustomers } from './support/screens';
import { chooseLatestAcceptanceDate, readAudit } from './support/ui';

test('the audit log holds every action of a session, filters by action and customer, and exports in full', async ({ page, signIn }) => {
  test.setTimeout(120_000);
  await signIn('admin@contoso.example');
  await waitForCustomers(page);

  // The session: a confirmation sent and recorded, then evidence added to it.
  await openCustomer(page, 'Adatum Corporation');
  await page.getByRole('link', { name: 'Confirm acceptance' }).click();
  await chooseLatestAcceptanceDate(page);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('0 queued')).toBeVisible({ timeout: 30_000 });
  await openCustomer(page, 'Adatum Corporation');
  const evidence = page.getByRole('region', { name: 'Evidence' });
  await evidence
    .getByLabel('Add evidence')
    .setInputFiles({ name: 'call-notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Accepted by phone.\n') });
  await expect(evidence.getByRole('status')).toHaveText('1 file added.');

  const logged = await readAudit(page);
  expect(logged.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['queued', 'sending', 'confirmed', 'evidence-added']));

  await openScreen(page, '/audit', 'Audit');
  const total = logged.length;
  await expect(page.getByText(`${total} of ${total} entries`)).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: /Evidence added/ })).toContainText('admin@contoso.example');
  await expect(table.getByRole('row', { name: /Confirmed/ })).toContainText('Adatum Corporation');
  await expectAccessible(page, 'audit');

  await page.getByLabel('Action').selectOption({ label: 'Evidence added' });
  await expect(page.getByText(`1 of ${total} entries`)).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Customer').fill('no such company');
  await expect(page.getByText('No entries match.')).toBeVisible();
  await page.getByLabel('Customer').fill('adatum');
  await expect(page.getByText(`${total} of ${total} entries`)).toBeVisible();

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^mca-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvLines = (await readFile(await csv.path(), 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(csvLines[0]).toBe(
    'source,seq,atUtc,atLocal,action,agent,agentObjectId,machine,customerId,companyName,itemId,requestId,attestationId,answer,sent,detail',
  );
  expect(csvLines).toHaveLength(total + 1);
  // Where: every entry of this session names this computer (the web app's host runs in this process).
  const machineColumn = csvLines[0]!.split(',').indexOf('machine');
  expect(csvLines.slice(1).map((line) => Papa.parse<string[]>(line).data[0]![machineColumn])).toEqual(
    Array.from({ length: total }, () => hostname()),
  );
  const [jsonl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON Lines' }).click()]);
  const records = (await readFile(await jsonl.path(), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { itemId: string; action: string; agent: string; machine: string; source: string });
  expect(records.every((record) => record.machine === hostname() && record.source === 'app')).toBe(true);
  expect(records.map((record) => `${record.itemId}/${record.action}`).sort()).toEqual(
    logged.map((entry) => `${entry.itemId}/${entry.kind}`).sort(),
  );
  expect(records.every((record) => record.agent === 'admin@contoso.example')).toBe(true);
  await expect(page.getByText(`${total} entries exported to`)).toBeVisible();
  // Each export is an entry of its own (not Adatum's: the customer filter leaves it out).
  await page.getByLabel('Customer').fill('');
  await page.getByLabel('Action').selectOption({ label: 'Audit log exported' });
  await expect(table.getByRole('row', { name: /Audit log exported/ })).toHaveCount(2);
  await expect(table.getByRole('row', { name: /Audit log exported/ }).first()).toContainText(/mca-audit-.*\.jsonl: \d+ entries/);

  // In Dutch.
  await openScreen(page, '/settings', 'Settings');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
  await page.getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit' })).toBeVisible();
  await expect(page.getByText(`${total + 2} van ${total + 2} items`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'CSV exporteren' })).toBeVisible();
});

test.describe('on Partner Center as it is today', () => {
  test.use({ appOptions: { sandbox: { legacyAttestation: 'retired' } } });

  test("main's journal of an enhanced session is in the list and both exports, marked and once; bad input over IPC changes nothing", async ({
    page,
    app,
    reopen,
    bridge,
  }) => {
    test.setTimeout(150_000);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await reopen();
    await signInThroughForm(page, 'admin@contoso.example');
    await waitForCustomers(page);

    // The session: a link requested for Fourth Coffee's signer, accepted by the signer, finalised by the outbox.
    await openCustomer(page, 'Fourth Coffee');
    await page.getByRole('link', { name: 'Confirm acceptance' }).click();
    await page.getByRole('button', { name: 'Use the primary contact' }).click();
    await page.getByLabel('First name').fill('Wes');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Acceptance link' });
    await expect(panel).toContainText('Link sent?', { timeout: 30_000 });
    await panel.getByRole('button', { name: 'Copy to clipboard' }).click();
    const [attestation] = (await app.sandbox!.inspect.attestations()).filter((entry) => entry.companyName === 'Fourth Coffee');
    expect((await fetch(`${app.sandbox!.url}/sandbox/attestations/${attestation!.id}/accept`, { method: 'POST' })).status).toBe(200);
    await panel.getByRole('button', { name: 'Check now' }).click();
    // The outbox read the acceptance and finalised the agreement.
    await expect.poll(async () => (await readAudit(page)).map((entry) => entry.kind), { timeout: 60_000 }).toContain('confirmed');
    const local = await readAudit(page);
    const item = local.find((entry) => entry.kind === 'link-ready')!;

    // Bad input over IPC: a clear error, and nothing changes (the same records after as before).
    const before = await bridge<{ records: unknown[] }>('listHostAudit', { after: 0, limit: 2000 });
    expect(before.ok).toBe(true);
    for (const bad of [{ limit: 0 }, { after: -5 }, { after: 0, limit: 10, extra: true }, { limit: 'all' }]) {
      const answer = await bridge('listHostAudit', bad);
      expect(answer, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(await bridge('listHostAudit', { after: 0, limit: 2000 })).toEqual(before);
    const mainRecords = (before.ok ? before.data.records : []) as Array<{ action: string; requestId?: string; attestationId?: string }>;
    expect(mainRecords.map((record) => record.action)).toEqual(
      expect.arrayContaining(['attestation.create', 'attestation.read', 'attestation.finalise']),
    );

    await openScreen(page, '/audit', 'Audit');
    const total = local.length + mainRecords.length;
    await expect(page.getByText(`${total} of ${total} entries`)).toBeVisible({ timeout: 15_000 });
    const table = page.getByRole('table');
    const created = table.locator('tr[data-source="main"]', { hasText: 'Acceptance link requested (call)' });
    await expect(created).toHaveCount(1);
    await expect(created).toContainText(`request ${item.itemId}`);
    await expect(created).toContainText(`attestation ${attestation!.id}`);
    await expect(created).toContainText('answer: created');
    await expect(created).toContainText('Main process');
    await expect(created).toContainText(hostname());
    await page.getByLabel('Action').selectOption({ label: 'Attestation finalised (call)' });
    await expect(page.getByText(`1 of ${total} entries`)).toBeVisible();
    await expect(table.locator('tbody tr')).toContainText('answer: confirmed');
    await expectAccessible(page, 'audit with main journal');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    // Coming back reads the journal again from the start: still each record once.
    await openScreen(page, '/settings', 'Settings');
    await page.getByRole('link', { name: 'Audit' }).click();
    await expect(page.getByText(`${total} of ${total} entries`)).toBeVisible({ timeout: 15_000 });

    const [jsonl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON Lines' }).click()]);
    const records = (await readFile(await jsonl.path(), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(total);
    const fromMain = records.filter((record) => record.source === 'main');
    expect(fromMain).toHaveLength(mainRecords.length);
    expect(new Set(fromMain.map((record) => record.seq)).size).toBe(fromMain.length);
    expect(fromMain.find((record) => record.action === 'attestation.create')).toMatchObject({
      agent: 'admin@contoso.example',
      machine: hostname(),
      customerId: attestation!.customerTenantId,
      requestId: item.itemId,
      attestationId: attestation!.id,
      answer: 'created',
      sent: true,
    });
    expect(fromMain.find((record) => record.action === 'attestation.finalise')).toMatchObject({ answer: 'confirmed', sent: true });
    expect(records.every((record) => record.machine === hostname())).toBe(true);
    // Nothing secret leaves main: no token, secret or password field in any exported record.
    expect(JSON.stringify(fromMain)).not.toMatch(/token|secret|password|bearer/i);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const rows = Papa.parse<Record<string, string>>((await readFile(await csv.path(), 'utf8')).replace(/^\uFEFF/, '').trim(), {
      header: true,
    }).data;
    // The JSON Lines export is an entry of its own now.
    expect(rows).toHaveLength(total + 1);
    expect(rows[0]).toMatchObject({ source: 'app', action: 'audit-exported' });
    expect(rows.filter((row) => row.source === 'main').map((row) => row.attestationId)).toContain(attestation!.id);
    expect(rows.every((row) => row.machine === hostname())).toBe(true);
  });
});
