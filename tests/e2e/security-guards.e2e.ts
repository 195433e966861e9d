import { test as base, expect } from '@playwright/test';
import { guardContext, staysOnLoopback } from './support/guards';

// The guards the shared fixture puts on every e2e test, checked on their own: they must see a CSP
// violation and a request that leaves 127.0.0.1, or "zero violations in the suite" would mean nothing.
base('the e2e guards catch a CSP violation and a request that leaves 127.0.0.1', async ({ browser }) => {
  const context = await browser.newContext();
  const guards = await guardContext(context);
  const page = await context.newPage();
  await page.route('http://127.0.0.1:9/strict', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; img-src 'self'" },
      body: '<!doctype html><title>strict</title><script>window.inlineRan = true</script><img src="http://127.0.0.1:9/elsewhere.png">',
    }),
  );
  await page.goto('http://127.0.0.1:9/strict');
  await expect
    .poll(() => guards.problems().some((problem) => problem.startsWith('CSP violation') && problem.includes('script-src')))
    .toBe(true);
  expect(await page.evaluate('window.inlineRan')).toBeUndefined();
  // From a page without a CSP (the app's own CSP would stop it first), a request to another host.
  await page.route('http://127.0.0.1:9/open', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>open</title>' }),
  );
  await page.goto('http://127.0.0.1:9/open');
  await page.evaluate("fetch('https://example.com/beacon').catch(() => undefined)");
  await expect
    .poll(() => guards.problems().some((problem) => problem.includes('left 127.0.0.1') && problem.includes('https://example.com/beacon')))
    .toBe(true);
  await context.close();
  expect(staysOnLoopback('http://127.0.0.1:4010/v1')).toBe(true);
  expect(staysOnLoopback('data:image/png;base64,AA==')).toBe(true);
  for (const url of [
    'http://localhost:4010/',
    'http://127.0.0.2/',
    'https://login.microsoftonline.com/',
    'ws://10.0.0.1/',
    'http://127.0.0.1.evil.example/',
  ])
    expect(staysOnLoopback(url), url).toBe(false);
});
