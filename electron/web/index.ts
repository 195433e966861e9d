/**
 * Browser mode in-process: the host services (on the embedded sandbox by default, or a running
 * sandbox, or Partner Center) behind the loopback bridge, serving the built renderer. The CLI
 * (`cli.ts`) and the Playwright fixtures both start it through `startWebApp`.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BackendKind } from '../../shared/ipc/contract';
import { createHost, type Host, type HostOptions } from '../host/host';
import { defaultDataDir, secretFiles } from '../host/paths';
import { EncryptedFileSecretStore, MemorySecretStore, type SecretStore } from '../host/secrets/store';
import { AesGcmKeyFileCipher } from '../host/secrets/aes-gcm';
import { FileAuditJournal } from '../host/audit/journal';
import { KnownAgents } from '../host/known-agents';
import { FileSettingsStore, MemorySettingsStore, checkSandboxUrl, type SettingsStore } from '../host/settings';
import type { Logger } from '../host/dispatch';
import { startBridge } from './server';
import { openInBrowser, writeRedirectFile } from './open-browser';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox/index';
import { startPersistentSandbox } from '../main/embedded-sandbox';

export const PROJECT_ROOT = resolve(__dirname, '..', '..');

export interface WebAppOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  backend?: BackendKind;
  /** Use this running sandbox instead of starting the embedded one. */
  sandboxUrl?: string;
  /** The data folder (settings, secrets, the embedded sandbox's database). Default: the per-user folder. */
  dataDir?: string;
  /** Keep nothing on disk: in-memory sandbox, settings and secrets (tests). */
  memory?: boolean;
  /** Options for the embedded sandbox (seed size, faults, clock…). */
  sandbox?: Omit<SandboxOptions, 'port' | 'dataDir' | 'memory'>;
  /** The built renderer; default `out/renderer`. */
  staticDir?: string;
  token?: string;
  maxBodyBytes?: number;
  /**
   * Write the 0600 redirect file the browser is opened with (Jupyter's `jpserver-*-open.html`), so
   * the token never appears on a command line; in the data folder, or a private temporary folder.
   */
  redirectFile?: boolean;
  /** Extra host options (tests: fetch, timeouts, clock). */
  host?: Partial<Omit<HostOptions, 'transport' | 'settings' | 'secrets' | 'overrides'>>;
  log?: Logger;
}

export interface WebApp {
  /** `http://127.0.0.1:<port>/?token=<token>` */
  url: string;
  origin: string;
  port: number;
  token: string;
  cookieName: string;
  /** What the page sends as `X-MCA-Desk-Token` (it gets it once, from the token exchange). */
  apiSecret: string;
  /** The redirect file to open the browser with (`redirectFile: true`); removed by `stop()`. */
  redirectFile?: string;
  sandbox?: RunningSandbox;
  host: Host;
  dataDir?: string;
  stop(): Promise<void>;
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function startWebApp(options: WebAppOptions = {}): Promise<WebApp> {
  const memory = options.memory ?? false;
  const dataDir = memory ? undefined : (options.dataDir ?? defaultDataDir());
  if (dataDir) await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (options.sandboxUrl) {
    const problem = checkSandboxUrl(options.sandboxUrl);
    if (problem) throw new Error(`--sandbox-url must be ${problem.problem}.`);
  }

  const settings: SettingsStore = dataDir ? FileSettingsStore.inDataDir(dataDir) : new MemorySettingsStore();
  const secrets: SecretStore = dataDir
    ? new EncryptedFileSecretStore(secretFiles(dataDir).store, await AesGcmKeyFileCipher.open(secretFiles(dataDir).key))
    : new MemorySecretStore();

  const backend = options.backend ?? (await settings.get()).backend;
  let sandbox: RunningSandbox | undefined;
  let sandboxUrl = options.sandboxUrl;
  if (backend === 'sandbox' && !sandboxUrl) {
    // On disk it keeps its port between runs, because stored sign-ins are bound to the backend URL.
    // Partner Center as it is today by default (the legacy attestation retired); a caller may ask for the one before 2026.
    const sandboxOptions = { ...options.sandbox };
    sandbox = dataDir
      ? await startPersistentSandbox(join(dataDir, 'sandbox'), sandboxOptions)
      : await startSandbox({ quiet: true, ...sandboxOptions, port: 0, memory: true });
    sandboxUrl = sandbox.url;
  }

  const host = createHost({
    transport: 'browser',
    version: packageVersion(),
    settings,
    secrets,
    overrides: { backend, ...(sandboxUrl ? { sandboxUrl } : {}) },
    openBrowser: openInBrowser,
    ...(dataDir ? { journal: FileAuditJournal.inDataDir(dataDir), agents: KnownAgents.inDataDir(dataDir) } : {}),
    log: options.log ?? { warn: (message) => console.warn(message), error: (message) => console.error(message) },
    ...options.host,
  });
  try {
    await host.start();
    const bridge = await startBridge({
      dispatch: host.dispatch,
      staticDir: options.staticDir ?? join(PROJECT_ROOT, 'out', 'renderer'),
      port: options.port ?? 0,
      token: options.token,
      maxBodyBytes: options.maxBodyBytes,
      log: options.log,
    });
    const redirect = options.redirectFile ? await writeRedirectFile(dataDir, bridge.port, bridge.url) : undefined;
    let stopped = false;
    return {
      url: bridge.url,
      origin: bridge.origin,
      port: bridge.port,
      token: bridge.token,
      cookieName: bridge.cookieName,
      apiSecret: bridge.apiSecret,
      redirectFile: redirect?.file,
      sandbox,
      host,
      dataDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        await bridge.close();
        await redirect?.remove();
        // Let a submit in flight finish (or give up after a while) before the backend goes away.
        await host.idle(15_000);
        await sandbox?.stop();
      },
    };
  } catch (error) {
    await sandbox?.stop();
    throw error;
  }
}
