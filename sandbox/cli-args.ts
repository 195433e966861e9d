/** The command line of `npm run sandbox`, parsed and checked (kept apart from cli.ts so tests can import it). */
import { parseArgs } from 'node:util';
import { DEFAULT_PORT } from './index';
import { SEEDED_PASSWORD } from './seed-data';
import { defaultDataDir } from './data-dir';
import type { SandboxOptions } from './options';
import { legacyAttestationModes, type LegacyAttestation } from './enhanced/contract';

export const HELP = `Usage: npm run sandbox -- [options]

  --port <n>          port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --data <dir>        data folder (default ${defaultDataDir()})
  --memory            keep nothing on disk
  --customers <n>     add n deterministic generated customers to Contoso's seed
  --latency <ms>      add latency to every /v1 request
  --fail-rate <0..1>  answer this share of /v1 requests with a 500 or 503
  --drop-rate <0..1>  drop the connection of this share of /v1 requests
  --rate-limit <n>    requests per minute per partner tenant before 429 (default: no limit)
  --token-ttl <s>     lifetime of issued tokens in seconds (default 3600)
  --password <text>   password of every seeded user and the app registrations' secret (default "${SEEDED_PASSWORD}"; env MCA_SANDBOX_PASSWORD)
  --legacy-attestation retired|available
                      retired (default): Partner Center today, the legacy attestation refused, the enhanced
                      flow, AppOnly sign-in and MFA; available: Partner Center before 5 January 2026 (the seed's flow)
  --quiet             print only the listening line
  --help              this text
`;

export class UsageError extends Error {}

function number(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < min || parsed > max)
    throw new UsageError(`--${name} must be a number from ${min} to ${max}.`);
  return parsed;
}

function integer(name: string, value: string | undefined, min: number, max: number): number | undefined {
  const parsed = number(name, value, min, max);
  if (parsed !== undefined && !Number.isInteger(parsed)) throw new UsageError(`--${name} must be a whole number.`);
  return parsed;
}

export function parseCli(argv: string[], env: NodeJS.ProcessEnv = process.env): { help: true } | { help: false; options: SandboxOptions } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        memory: { type: 'boolean' },
        customers: { type: 'string' },
        latency: { type: 'string' },
        'fail-rate': { type: 'string' },
        'drop-rate': { type: 'string' },
        'rate-limit': { type: 'string' },
        'token-ttl': { type: 'string' },
        password: { type: 'string' },
        'legacy-attestation': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return { help: true };
  if (v.memory && v.data) throw new UsageError('--memory and --data exclude each other.');
  const password = v.password ?? env.MCA_SANDBOX_PASSWORD;
  if (password !== undefined && password.length === 0) throw new UsageError('--password must not be empty.');
  const options: SandboxOptions = {
    port: integer('port', v.port, 0, 65535) ?? DEFAULT_PORT,
    memory: v.memory ?? false,
    quiet: v.quiet ?? false,
  };
  if (v.data) options.dataDir = v.data;
  const assign = <K extends keyof SandboxOptions>(key: K, value: SandboxOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  assign('customers', integer('customers', v.customers, 0, 5_000_000));
  assign('latencyMs', integer('latency', v.latency, 0, 60_000));
  assign('failRate', number('fail-rate', v['fail-rate'], 0, 1));
  assign('dropRate', number('drop-rate', v['drop-rate'], 0, 1));
  assign('rateLimitPerMinute', integer('rate-limit', v['rate-limit'], 0, 1_000_000));
  assign('tokenTtlSeconds', integer('token-ttl', v['token-ttl'], 1, 30 * 86_400));
  assign('password', password);
  const legacy = v['legacy-attestation'];
  if (legacy !== undefined) {
    if (!(legacyAttestationModes as readonly string[]).includes(legacy))
      throw new UsageError(`--legacy-attestation must be ${legacyAttestationModes.join(' or ')}.`);
    options.legacyAttestation = legacy as LegacyAttestation;
  }
  return { help: false, options };
}
