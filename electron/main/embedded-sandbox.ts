/**
 * The embedded sandbox backend (the desktop app's and browser mode's default backend): the in-process
 * sandbox with its database in the data folder, on a loopback port. It asks for the port it had last
 * time (remembered beside the database), because stored sign-ins are bound to the backend URL they
 * were issued for: the same port keeps the agent signed in across restarts. When that port is taken,
 * a free one is used and the agent signs in again.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox/index';

export interface EmbeddedSandbox {
  url: string;
  stop(): Promise<void>;
}

/** Where the last port is remembered: beside the database folder (`sandbox` → `sandbox-port.json`), not inside it. */
export function portFileFor(dataDir: string): string {
  return join(dirname(dataDir), `${basename(dataDir)}-port.json`);
}

async function rememberedPort(file: string): Promise<number> {
  try {
    const { port } = JSON.parse(await readFile(file, 'utf8')) as { port?: unknown };
    return typeof port === 'number' && Number.isInteger(port) && port > 1023 && port < 65536 ? port : 0;
  } catch {
    return 0;
  }
}

async function rememberPort(file: string, port: number): Promise<void> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, JSON.stringify({ port }), { mode: 0o600 });
  await rename(temporary, file);
}

function portTaken(error: unknown): boolean {
  return (
    (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE' || (error as NodeJS.ErrnoException | undefined)?.code === 'EACCES'
  );
}

export async function startPersistentSandbox(
  dataDir: string,
  options: Omit<SandboxOptions, 'port' | 'dataDir' | 'memory'> = {},
): Promise<RunningSandbox> {
  const file = portFileFor(dataDir);
  const preferred = await rememberedPort(file);
  let sandbox: RunningSandbox;
  try {
    sandbox = await startSandbox({ quiet: true, ...options, port: preferred, dataDir });
  } catch (error) {
    if (!preferred || !portTaken(error)) throw error;
    sandbox = await startSandbox({ quiet: true, ...options, port: 0, dataDir });
  }
  if (sandbox.port !== preferred) await rememberPort(file, sandbox.port).catch(() => undefined);
  return sandbox;
}

export async function startEmbeddedSandbox(dataDir: string): Promise<EmbeddedSandbox> {
  // Partner Center as it is today: the legacy attestation retired, the enhanced flow with its app registrations.
  const sandbox = await startPersistentSandbox(dataDir);
  return { url: sandbox.url, stop: () => sandbox.stop() };
}
