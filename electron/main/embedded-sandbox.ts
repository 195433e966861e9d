/**
 * The embedded sandbox backend inside the desktop app (its default backend): the same in-process
 * sandbox browser mode starts, with its database in the app's user-data folder, on a free loopback port.
 */
import { startSandbox } from '../../sandbox/index';

export interface EmbeddedSandbox {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedSandbox(dataDir: string): Promise<EmbeddedSandbox> {
  // The app's enhanced route lands in issue 12: until then it speaks the legacy attestation.
  const sandbox = await startSandbox({ port: 0, dataDir, quiet: true, legacyAttestation: 'available' });
  return { url: sandbox.url, stop: () => sandbox.stop() };
}
