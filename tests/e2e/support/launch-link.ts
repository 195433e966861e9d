/**
 * Browser mode's launch link, as a test uses it: opening it sets the session cookie and hands the page
 * its per-launch secret in the redirect's fragment (the page keeps it in memory only, so a reload or a
 * new tab goes through the link again). Tests that call the bridge themselves read that secret from the
 * redirect, as the page does, and send it as `X-MCA-Desk-Token`.
 */
import type { Page } from '@playwright/test';

/** Opens the link (…/?token=…) in `page`; answers the page secret from the redirect. */
export async function openLaunchLink(page: Page, url: string): Promise<string> {
  const response = await page.goto(url);
  const redirect = response?.request().redirectedFrom();
  const location = redirect ? (await redirect.response())?.headers().location : undefined;
  const match = /#mca-desk-bridge=([A-Za-z0-9_-]+)$/.exec(location ?? '');
  if (!match) throw new Error(`Opening ${url.replace(/token=[^&]+/, 'token=…')} did not hand the page its bridge secret.`);
  return match[1]!;
}

/** Page-side code (as text: these files are typechecked without the DOM library) that calls one bridge channel. */
export function bridgeCallScript(channel: string, request: unknown, secret: string): string {
  return `fetch('/api/${channel}', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-MCA-Desk-Token': ${JSON.stringify(secret)} }, body: ${JSON.stringify(JSON.stringify(request))} }).then((response) => response.json())`;
}
