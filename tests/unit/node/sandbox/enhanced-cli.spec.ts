import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { HELP, parseCli, UsageError } from '../../../../sandbox/cli-args';
import { api, appTokenFor, confirmBody, CONTOSO_APP, contosoCustomers, startTestSandbox, startTodaySandbox, tokenFor } from './helpers';

const root = join(__dirname, '..', '..', '..', '..');

describe('--legacy-attestation', () => {
  it('takes retired or available, and refuses anything else with a usage error', () => {
    expect(parseCli(['--legacy-attestation', 'available'], {})).toMatchObject({ options: { legacyAttestation: 'available' } });
    expect(parseCli(['--legacy-attestation', 'retired'], {})).toMatchObject({ options: { legacyAttestation: 'retired' } });
    for (const value of ['Retired', 'yes', '']) expect(() => parseCli(['--legacy-attestation', value], {}), value).toThrow(UsageError);
    expect(HELP).toContain('--legacy-attestation retired|available');
  });

  it('npm run sandbox without it models Partner Center today: the legacy create is refused as retired, AppOnly works', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'sandbox', 'cli.ts'), '--port', '0', '--memory'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listening line: ${output}`)), 50_000);
        child.stdout.on('data', () => {
          const match = /MCA sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match && output.includes('What this is')) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      expect(output).toContain('the legacy attestation is retired');
      expect(output).toContain(CONTOSO_APP);
      expect(output).toContain('nomfa@contoso.example');
      const sandbox = { url };
      const admin = api(sandbox, await tokenFor(sandbox, 'admin@contoso.example'));
      const target = (await contosoCustomers(sandbox, await tokenFor(sandbox, 'admin@contoso.example')))[2]!.id;
      const legacy = await admin.post(`/v1/customers/${target}/agreements`, confirmBody());
      expect(legacy.status).toBe(410);
      expect(legacy.body.code).toBe(600070);
      expect(typeof (await appTokenFor(sandbox, CONTOSO_APP))).toBe('string');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

describe('GET / (the sandbox explains itself)', () => {
  it("describes today's era, the flag, the app registrations, the helpers and the user without MFA", async () => {
    const sandbox = await startTodaySandbox();
    try {
      const page = await fetch(`${sandbox.url}/`);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await page.text();
      for (const text of [
        'models Partner Center as it is today',
        '--legacy-attestation retired',
        '--legacy-attestation available',
        '5 January 2026',
        'grant_type=client_credentials',
        '0c0a7050-0000-4000-a000-000000000001',
        '0fab0000-0000-4000-a000-000000000002',
        '07a11000-0000-4000-a000-000000000003',
        'POST /v1/attestations/enhanced',
        'GET /v1/attestations/enhanced/{id}',
        '/customer-acceptance/{token}',
        'POST /sandbox/attestations/{id}/accept',
        'POST /sandbox/attestations/{id}/expire',
        'GET /sandbox/attestations',
        'nomfa@contoso.example',
        '900421',
        '600072',
        '600073',
        '600070',
      ])
        expect(html, text).toContain(text);
    } finally {
      await sandbox.stop();
    }
  });

  it('describes the era before 2026 with --legacy-attestation available, without the enhanced endpoints', async () => {
    const sandbox = await startTestSandbox();
    try {
      const html = await (await fetch(`${sandbox.url}/`)).text();
      expect(html).toContain('models Partner Center before 5 January 2026');
      expect(html).toContain('up to 500 re-attestations, one result per item');
      expect(html).not.toContain('POST /v1/attestations/enhanced');
      expect(html).not.toContain('0c0a7050-0000-4000-a000-000000000001');
    } finally {
      await sandbox.stop();
    }
  });
});
