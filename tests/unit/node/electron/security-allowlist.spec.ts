// @vitest-environment node
/**
 * security-allowlist.json says what the code does: the shell.openExternal waiver lists exactly the
 * kinds of link externalUrl() lets out of the app, so widening (or narrowing) one without the other fails.
 */
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { externalUrl } from '../../../../electron/main/open-external';

vi.mock('electron', () => ({}));

const root = resolve(__dirname, '../../../..');
const allowlist = JSON.parse(readFileSync(join(root, 'security-allowlist.json'), 'utf8')) as Array<{
  id: string;
  file: string;
  allows?: string[];
  reason: string;
}>;

const SAMPLES: Record<string, string[]> = {
  https: ['https://learn.microsoft.com/partner-center/', 'https://aka.ms/customeragreement'],
  'http-loopback': ['http://127.0.0.1:4010/documents/x.pdf', 'http://localhost:4010/', 'http://[::1]:4010/'],
  mailto: ['mailto:tania@example.com?subject=Hi'],
  'http-remote': ['http://evil.example/', 'http://127.0.0.1.nip.io/'],
  credentials: ['https://user:pw@example.com/'],
  file: ['file:///etc/passwd'],
  javascript: ['javascript:alert(1)'],
  data: ['data:text/html,<script>alert(1)</script>'],
  app: ['app://mca-desk/index.html'],
  other: ['ftp://files.example/', 'smb://share/x', 'ms-settings:'],
};

describe('security-allowlist.json', () => {
  const waivers = allowlist.filter((entry) => entry.id === 'OPEN_EXTERNAL_JS_CHECK');

  it('has an openExternal waiver for the source and the build, listing what it allows', () => {
    expect(waivers.map((entry) => entry.file).sort()).toEqual(['electron/main/open-external.ts', 'out/main/index.js']);
    for (const entry of waivers) expect(entry.allows, entry.file).toBeDefined();
  });

  it('lists exactly the kinds of link externalUrl() opens', () => {
    for (const entry of waivers) {
      const allowed = new Set(entry.allows);
      for (const [kind, urls] of Object.entries(SAMPLES))
        for (const url of urls) expect(externalUrl(url) !== undefined, `${entry.file}: ${kind} ${url}`).toBe(allowed.has(kind));
      for (const kind of allowed) expect(Object.keys(SAMPLES), `${entry.file}: unknown kind ${kind}`).toContain(kind);
    }
  });
});
