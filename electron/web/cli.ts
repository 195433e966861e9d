/**
 * `npm run start:web`: MCA Desk in the browser. Starts the host services (with the embedded sandbox
 * unless told otherwise) behind the loopback bridge, prints the link and opens it.
 *
 *   --port <n>             port on 127.0.0.1 (default 0: a free port)
 *   --no-open              print the link only (otherwise the browser opens a 0600 redirect file in the data folder)
 *   --backend <kind>       sandbox | partner-center (default: the saved setting, sandbox at first)
 *   --sandbox-url <url>    use a sandbox that is already running instead of the embedded one
 *   --data <dir>           the data folder (default: MCA_DESK_DATA or the per-user folder)
 *   --memory               keep nothing on disk (demos, tests)
 *   --legacy-attestation <m>  the embedded sandbox as Partner Center is today (retired, the default)
 *                          or as it was before 5 January 2026 (available: the seed's contact-and-date attestation)
 *
 * Environment: MCA_DESK_BACKEND and MCA_DESK_SANDBOX_URL are the defaults of --backend and
 * --sandbox-url; MCA_DESK_DATA of --data; MCA_DESK_PARTNER_CENTER_URL overrides the Partner Center API root.
 */
import { parseArgs } from 'node:util';
import { backendKindSchema } from '../../shared/ipc/contract';
import { startWebApp, type WebApp } from './index';
import { openRedirectFile } from './open-browser';

const USAGE = `Usage: npm run start:web -- [--port <n>] [--no-open] [--backend sandbox|partner-center] [--sandbox-url <url>] [--data <dir>] [--memory] [--legacy-attestation retired|available]`;

function fail(message: string): never {
  console.error(message);
  console.error(USAGE);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        backend: { type: 'string' },
        'sandbox-url': { type: 'string' },
        data: { type: 'string' },
        memory: { type: 'boolean', default: false },
        'legacy-attestation': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}".`);
  const backendFlag = values.backend ?? (process.env.MCA_DESK_BACKEND || undefined);
  const backend = backendFlag === undefined ? undefined : backendKindSchema.safeParse(backendFlag);
  if (backend && !backend.success) fail(`--backend must be "sandbox" or "partner-center", not "${backendFlag}".`);

  const legacy = values['legacy-attestation'];
  if (legacy !== undefined && legacy !== 'retired' && legacy !== 'available')
    fail(`--legacy-attestation must be "retired" or "available", not "${legacy}".`);

  let app: WebApp;
  try {
    app = await startWebApp({
      port,
      backend: backend?.data,
      sandboxUrl: values['sandbox-url'] ?? (process.env.MCA_DESK_SANDBOX_URL || undefined),
      dataDir: values.data,
      memory: values.memory,
      ...(legacy ? { sandbox: { legacyAttestation: legacy } } : {}),
      redirectFile: !values['no-open'],
      host: process.env.MCA_DESK_PARTNER_CENTER_URL ? { partnerCenterUrl: process.env.MCA_DESK_PARTNER_CENTER_URL } : undefined,
    });
  } catch (error) {
    console.error(`MCA Desk could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (app.sandbox) {
    console.log(`Embedded sandbox backend at ${app.sandbox.url}${app.dataDir ? ` (data in ${app.dataDir})` : ' (in memory)'}`);
    console.log(
      app.sandbox.legacyAttestation === 'retired'
        ? 'It is Partner Center as it is today: the customer’s signer accepts through a link (--legacy-attestation available for the route before 5 January 2026).'
        : 'It is Partner Center before 5 January 2026: the partner attests with a contact and a date.',
    );
  }
  console.log(`MCA Desk is running at ${app.url}`);
  // The browser opens the 0600 redirect file, so the token is never on a command line.
  if (app.redirectFile)
    openRedirectFile(app.redirectFile).catch(() => console.log('No browser could be opened from here: open the link above yourself.'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping MCA Desk…`);
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
