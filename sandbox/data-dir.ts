import { homedir } from 'node:os';
import { join } from 'node:path';

/** The per-user data folder of the sandbox (XDG on Linux, Application Support on macOS, AppData on Windows). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.MCA_SANDBOX_DATA) return env.MCA_SANDBOX_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'MCA Desk', 'sandbox');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'MCA Desk', 'sandbox');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'mca-desk', 'sandbox');
}
