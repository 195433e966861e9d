/**
 * Security guards every browser-mode e2e test runs under (installed on each test's context by the
 * shared fixture; tests that open their own context call `guardContext` themselves):
 * - every Content-Security-Policy violation on any page is collected (`securitypolicyviolation`);
 * - no request may leave 127.0.0.1: any other http(s)/ws URL is blocked and recorded.
 * `problems()` lists what happened; the fixture fails the test when it is not empty.
 */
import type { BrowserContext } from '@playwright/test';

export interface Guards {
  problems(): string[];
}

/** Whether a URL the page asked for stays on this machine's 127.0.0.1 (or is not a network request at all). */
export function staysOnLoopback(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'about:'].includes(url.protocol)) return true;
  return ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.hostname === '127.0.0.1';
}

export async function guardContext(context: BrowserContext): Promise<Guards> {
  const problems: string[] = [];
  await context.exposeBinding('__mcaReportCspViolation', (source, text: string) => {
    problems.push(`CSP violation on ${source.page?.url() ?? 'a page'}: ${text}`);
  });
  // Page-side code as text: this file is typechecked without the DOM library.
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', (event) => {
    window.__mcaReportCspViolation([event.effectiveDirective, event.blockedURI, event.sourceFile + ':' + event.lineNumber, event.sample].join(' '));
  }, true);`);
  await context.route(
    (url) => !staysOnLoopback(url.toString()),
    async (route) => {
      problems.push(`A request left 127.0.0.1: ${route.request().method()} ${route.request().url()}`);
      await route.abort('blockedbyclient');
    },
  );
  context.on('request', (request) => {
    if (!staysOnLoopback(request.url())) problems.push(`A request left 127.0.0.1: ${request.method()} ${request.url()}`);
  });
  return { problems: () => [...new Set(problems)] };
}
