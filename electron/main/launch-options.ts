/**
 * What the environment may change for one launch of the desktop app: the backend (`MCA_DESK_BACKEND`),
 * a running sandbox (`MCA_DESK_SANDBOX_URL`) and the Partner Center API root
 * (`MCA_DESK_PARTNER_CENTER_URL`). For development and tests only: a packaged app (`app.isPackaged`)
 * ignores them, so nothing in an agent's environment can point the app, and its tokens, elsewhere.
 */
import { backendKindSchema, type BackendKind } from '../../shared/ipc/contract';
import { checkBackendUrl, checkSandboxUrl } from '../host/settings';

export const LAUNCH_VARIABLES = ['MCA_DESK_BACKEND', 'MCA_DESK_SANDBOX_URL', 'MCA_DESK_PARTNER_CENTER_URL'] as const;

export interface LaunchOptions {
  backend?: BackendKind;
  sandboxUrl?: string;
  partnerCenterUrl?: string;
  /** Variables that were set but not used (a packaged app). */
  ignored: string[];
}

/** Throws a sentence naming the variable when a value is unusable (start-up then fails well). */
export function launchOptions(env: NodeJS.ProcessEnv, isPackaged: boolean): LaunchOptions {
  const set = LAUNCH_VARIABLES.filter((name) => env[name]);
  if (isPackaged) return { ignored: set };
  const options: LaunchOptions = { ignored: [] };
  if (env.MCA_DESK_BACKEND) {
    const backend = backendKindSchema.safeParse(env.MCA_DESK_BACKEND);
    if (!backend.success) throw new Error(`MCA_DESK_BACKEND must be "sandbox" or "partner-center", not "${env.MCA_DESK_BACKEND}".`);
    options.backend = backend.data;
  }
  if (env.MCA_DESK_SANDBOX_URL) {
    const problem = checkSandboxUrl(env.MCA_DESK_SANDBOX_URL);
    if (problem) throw new Error(`MCA_DESK_SANDBOX_URL must be ${problem.problem}.`);
    options.sandboxUrl = env.MCA_DESK_SANDBOX_URL;
  }
  if (env.MCA_DESK_PARTNER_CENTER_URL) {
    const problem = checkBackendUrl(env.MCA_DESK_PARTNER_CENTER_URL);
    if (problem) throw new Error(`MCA_DESK_PARTNER_CENTER_URL must be ${problem}.`);
    options.partnerCenterUrl = env.MCA_DESK_PARTNER_CENTER_URL;
  }
  return options;
}
