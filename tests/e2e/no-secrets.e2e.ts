import { randomUUID } from 'node:crypto';
import type { Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { confirmAcceptance } from './support/ui';

/**
 * After a full session (sign in through the form, attest, create a customer on the self-acceptance
 * route and copy its invitation with the one-time credentials), no secret is anywhere it should not
 * be: not in IndexedDB, localStorage, sessionStorage or readable cookies, not in the bridge's
 * answers (the one-time credentials only in the one answer that exists to show them), and not in
 * the server's logs or the sandbox's audit log. Secrets: the agent's password, bearer tokens, the
 * session cookie, the launch token and the customer's temporary password.
 */
const PASSWORD = 'Correct-Horse-Battery-7!';
test.use({ appOptions: { sandbox: { password: PASSWORD } } });

const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;

test('no password, token, session cookie, page secret or temporary password is stored in the browser, answered by the bridge or logged', async ({
  page,
  app,
  context,
  reopen,
}) => {
  const logs: string[] = [];
  const restore: Array<() => void> = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      logs.push(args.map(String).join(' '));
      original.apply(console, args);
    };
    restore.push(() => (console[method] = original));
  }
  const answers: Array<{ channel: string; body: string }> = [];
  const pending: Array<Promise<void>> = [];
  page.on('response', (response: Response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/'))
      pending.push(
        response.text().then(
          (body) => void answers.push({ channel: url.pathname.slice(5), body }),
          () => undefined,
        ),
      );
  });

  try {
    // Sign in through the form, as the agent does.
    await page.goto(app.url);
    await page.getByLabel('Email').fill('admin@contoso.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    // Attest, and see it confirmed.
    await confirmAcceptance(page, 'Adatum Corporation', 'Selma');
    await expect(page.getByText('Confirmed at Microsoft: Adatum Corporation')).toBeVisible({ timeout: 30_000 });

    // A new customer on the self-acceptance route, its one-time credentials shown and its invitation copied.
    const created = (await page.evaluate(
      `fetch('/api/createCustomer', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-MCA-Desk-Token': ${JSON.stringify(app.apiSecret)} }, body: ${JSON.stringify(
        JSON.stringify({
          requestId: randomUUID(),
          customer: {
            companyName: 'Secret Scan BV',
            domain: `secretscan${Date.now()}.onmicrosoft.com`,
            email: 'it@secretscan.example',
            language: 'nl-NL',
            address: {
              firstName: 'Tania',
              lastName: 'Carr',
              addressLine1: 'Main 1',
              city: 'Amsterdam',
              postalCode: '1017 BS',
              country: 'NL',
            },
            acceptance: { mode: 'customer-accepts' },
          },
        }),
      )} }).then((r) => r.json())`,
    )) as { ok: boolean; data: { credentialsId: string } };
    expect(created.ok).toBe(true);
    const credentials = (await page.evaluate(
      `fetch('/api/getCredentials', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-MCA-Desk-Token': ${JSON.stringify(app.apiSecret)} }, body: ${JSON.stringify(JSON.stringify({ credentialsId: created.data.credentialsId }))} }).then((r) => r.json())`,
    )) as { ok: boolean; data: { userName: string; password: string } };
    expect(credentials.ok).toBe(true);
    const temporaryPassword = credentials.data.password;
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(8);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await page.evaluate(
      `navigator.clipboard.writeText(${JSON.stringify(`Sign in as ${credentials.data.userName} with ${temporaryPassword}`)})`,
    );
    await reopen();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await Promise.all(pending);

    const cookie = (await context.cookies(app.origin)).find((candidate) => candidate.name === app.cookieName)!.value;
    const secrets: Record<string, string | RegExp> = {
      'the agent password': PASSWORD,
      'a bearer token (JWT)': JWT,
      'the session cookie': cookie,
      'the launch token': app.token,
      // Kept in the page's memory only (and sent as X-MCA-Desk-Token): never stored, answered or logged.
      'the page secret': app.apiSecret,
      "the customer's temporary password": temporaryPassword,
    };
    const found = (where: string, text: string, except: string[] = []) =>
      Object.entries(secrets)
        .filter(([name]) => !except.includes(name))
        .filter(([, secret]) => (typeof secret === 'string' ? text.includes(secret) : secret.test(text)))
        .map(([name]) => `${name} in ${where}`);

    // The browser's storage, all of it.
    const stored = (await page.evaluate(`(async () => {
      const out = { localStorage: JSON.stringify({ ...localStorage }), sessionStorage: JSON.stringify({ ...sessionStorage }), cookie: document.cookie, indexedDB: {} };
      for (const info of await indexedDB.databases()) {
        const database = await new Promise((resolve, reject) => { const r = indexedDB.open(info.name); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
        for (const store of database.objectStoreNames) {
          out.indexedDB[info.name + '/' + store] = JSON.stringify(await new Promise((resolve) => { const r = database.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); }));
        }
        database.close();
      }
      return out;
    })()`)) as { localStorage: string; sessionStorage: string; cookie: string; indexedDB: Record<string, string> };
    expect(Object.keys(stored.indexedDB).some((name) => name.endsWith('/outbox'))).toBe(true);
    const problems = [
      ...found('localStorage', stored.localStorage),
      ...found('sessionStorage', stored.sessionStorage),
      ...found('document.cookie', stored.cookie),
      ...Object.entries(stored.indexedDB).flatMap(([name, rows]) => found(`IndexedDB ${name}`, rows)),
      // Answers of the bridge: the one-time credentials only in the answer that exists to show them.
      ...answers.flatMap((answer) =>
        found(
          `the bridge's ${answer.channel} answer`,
          answer.body,
          answer.channel === 'getCredentials' ? ["the customer's temporary password"] : [],
        ),
      ),
      ...found('the server logs', logs.join('\n')),
      ...found("the sandbox's audit log", JSON.stringify(await app.sandbox!.inspect.audit())),
    ];
    expect(answers.map((answer) => answer.channel)).toEqual(
      expect.arrayContaining(['signIn', 'submitAttestation', 'createCustomer', 'getCredentials']),
    );
    // The scan does see a secret where it is meant to be: the one answer that shows the one-time credentials.
    expect(
      answers.filter((answer) => answer.channel === 'getCredentials').flatMap((answer) => found('getCredentials', answer.body)),
    ).toEqual(["the customer's temporary password in getCredentials"]);
    expect(problems).toEqual([]);
  } finally {
    for (const undo of restore) undo();
  }
});
