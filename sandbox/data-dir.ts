import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the seeded snapshot is cached: `MCA_SANDBOX_SEED_CACHE`, else beside the per-user data folder
 * (never a shared temporary folder, where another user could plant a database for this one to load).
 */
export function seedCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.MCA_SANDBOX_SEED_CACHE) return env.MCA_SANDBOX_SEED_CACHE;
  const base = { ...env, MCA_SANDBOX_DATA: '' };
  return join(defaultDataDir(base, platform), '..', 'sandbox-seed-cache');
}

/** The per-user data folder of the sandbox (XDG on Linux, Application Support on macOS, AppData on Windows). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.MCA_SANDBOX_DATA) return env.MCA_SANDBOX_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'MCA Desk', 'sandbox');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'MCA Desk', 'sandbox');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'mca-desk', 'sandbox');
}
