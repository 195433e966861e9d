/** Where MCA Desk keeps its data outside Electron (Electron uses `app.getPath('userData')`). */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** `MCA_DESK_DATA`, else the platform's per-user application data folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.MCA_DESK_DATA) return env.MCA_DESK_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'MCA Desk', 'browser-mode');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'MCA Desk', 'browser-mode');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'mca-desk', 'browser-mode');
}

export function secretFiles(dataDir: string): { store: string; key: string } {
  return { store: join(dataDir, 'secrets.json'), key: join(dataDir, 'secret.key') };
}
