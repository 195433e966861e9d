/**
 * Settings: which backend, the sandbox URL, and the Partner Center tenant and app (client) id.
 * Kept as JSON in the data folder (nothing secret in it). Launch options (`--backend`,
 * `--sandbox-url`, the embedded sandbox's URL) override it for one run without being saved.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { settingsSchema, type Settings } from '../../shared/ipc/contract';
import {
  acceptanceFloorSettingSchema,
  DEFAULT_DIRECT_SCAN_SHARE,
  DEFAULT_FOLLOW_UP_AFTER_DAYS,
  directScanShareSchema,
  followUpAfterDaysSchema,
  sandboxUrlSchema,
} from '../../shared/domain/settings-form';
import { hostError } from './errors';
import { DEFAULT_ACCEPTANCE_FLOOR } from '../../shared/domain/dates';

export const DEFAULT_SANDBOX_URL = 'http://127.0.0.1:4010';

export const DEFAULT_SETTINGS: Settings = {
  backend: 'sandbox',
  sandboxUrl: DEFAULT_SANDBOX_URL,
  partnerCenter: { tenantId: '', clientId: '' },
  acceptanceFloor: DEFAULT_ACCEPTANCE_FLOOR,
  directScanShare: DEFAULT_DIRECT_SCAN_SHARE,
  followUpAfterDays: DEFAULT_FOLLOW_UP_AFTER_DAYS,
};

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** A backend URL must be https, except on this machine (the sandbox, tests). */
export function checkBackendUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a URL';
  }
  if (url.username || url.password) return 'a URL with credentials in it';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return 'only https, or http on this machine (127.0.0.1, localhost)';
}

const SANDBOX_URL_PROBLEMS: Record<string, string> = {
  required: 'given',
  'invalid-url': 'an http or https URL without credentials',
  'insecure-url': 'https, or http on this machine (127.0.0.1, localhost)',
  'sandbox-not-local': 'on this machine (127.0.0.1, localhost or [::1]): signing in to a sandbox sends a password',
};

/**
 * A sandbox URL must be on this machine (the form's own rule, `sandboxUrlSchema`): the sandbox's
 * sign-in sends a seeded user's password. Answers the problem and its issue code, or undefined.
 */
export function checkSandboxUrl(value: string): { problem: string; issue: string } | undefined {
  const parsed = sandboxUrlSchema.safeParse(value);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]?.message ?? 'invalid-url';
  return { problem: SANDBOX_URL_PROBLEMS[issue] ?? 'a valid URL', issue };
}

export interface SettingsStore {
  get(): Promise<Settings>;
  update(patch: Partial<Settings>): Promise<Settings>;
}

function validate(settings: Settings): Settings {
  // The contract's schema holds the same rule; checked first here so the error says what is wrong.
  const share = directScanShareSchema.safeParse(settings.directScanShare ?? DEFAULT_DIRECT_SCAN_SHARE);
  if (!share.success)
    throw hostError('bad-request', 'The direct acceptance check may use 5 % to 100 % of the rate limit, in whole percents.', {
      issues: [{ path: 'directScanShare', message: share.error.issues[0]?.message ?? 'invalid' }],
    });
  const days = followUpAfterDaysSchema.safeParse(settings.followUpAfterDays ?? DEFAULT_FOLLOW_UP_AFTER_DAYS);
  if (!days.success)
    throw hostError('bad-request', 'Links are followed up after 1 to 7 whole days.', {
      issues: [{ path: 'followUpAfterDays', message: days.error.issues[0]?.message ?? 'invalid' }],
    });
  const parsed = settingsSchema.parse(settings);
  const problem = checkSandboxUrl(parsed.sandboxUrl);
  if (problem)
    throw hostError('bad-request', `The sandbox URL must be ${problem.problem}.`, {
      issues: [{ path: 'sandboxUrl', message: problem.issue }],
    });
  for (const [key, value] of Object.entries(parsed.partnerCenter))
    if (value && !/^[0-9a-fA-F-]{36}$|^[a-z0-9.-]+$/i.test(value))
      throw hostError('bad-request', `The Partner Center ${key} is not a GUID or domain.`, {
        issues: [{ path: `partnerCenter.${key}`, message: 'invalid' }],
      });
  if (!acceptanceFloorSettingSchema.safeParse(parsed.acceptanceFloor).success)
    throw hostError('bad-request', 'The earliest acceptance date must be a day that is not in the future.', {
      issues: [{ path: 'acceptanceFloor', message: 'in-future' }],
    });
  return parsed;
}

export class MemorySettingsStore implements SettingsStore {
  private settings: Settings;
  constructor(initial: Partial<Settings> = {}) {
    this.settings = validate({ ...DEFAULT_SETTINGS, ...initial });
  }
  async get() {
    return structuredClone(this.settings);
  }
  async update(patch: Partial<Settings>) {
    this.settings = validate({ ...this.settings, ...patch });
    return structuredClone(this.settings);
  }
}

export class FileSettingsStore implements SettingsStore {
  private cached?: Settings;
  constructor(
    private readonly file: string,
    private readonly defaults: Settings = DEFAULT_SETTINGS,
  ) {}

  static inDataDir(dataDir: string, defaults?: Settings): FileSettingsStore {
    return new FileSettingsStore(join(dataDir, 'settings.json'), defaults);
  }

  async get(): Promise<Settings> {
    if (this.cached) return structuredClone(this.cached);
    let stored: unknown;
    try {
      stored = JSON.parse(await readFile(this.file, 'utf8'));
    } catch {
      stored = {};
    }
    const merged = settingsSchema.safeParse({ ...this.defaults, ...(stored && typeof stored === 'object' ? stored : {}) });
    this.cached = merged.success && !checkSandboxUrl(merged.data.sandboxUrl) ? merged.data : structuredClone(this.defaults);
    return structuredClone(this.cached);
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = validate({ ...(await this.get()), ...patch });
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${randomUUID()}.tmp`;
    await writeFile(temporary, JSON.stringify(next, null, 2), { mode: 0o600 });
    await rename(temporary, this.file);
    this.cached = next;
    return structuredClone(next);
  }
}
