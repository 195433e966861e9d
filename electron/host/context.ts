/**
 * What every channel handler works with (`HostContext`): the settings (loaded once by `start`), the
 * backend in use, its auth provider and Partner Center client, the secret store and the outbox's
 * submit and bulk services. Built once per host; handlers never build services of their own.
 */
import type { INetworkModule } from '@azure/msal-node';
import { hostname } from 'node:os';
import type { BackendKind, Settings } from '../../shared/ipc/contract';
import { PARTNER_CENTER_API_URL } from '../../shared/domain/urls';
import { DEFAULT_ACCEPTANCE_FLOOR } from '../../shared/domain/dates';
import { hostError } from './errors';
import { PartnerCenterClient } from './partner-center/client';
import type { FetchLike } from './partner-center/http';
import { RetryAfterHolds } from './partner-center/retry-after-hold';
import type { AuthProvider } from './auth/provider';
import { SandboxAuthProvider } from './auth/sandbox';
import { MsalAuthProvider } from './auth/msal';
import { resolvePartnerUser } from './auth/partner-profile';
import type { SecretStore } from './secrets/store';
import { checkBackendUrl, type SettingsStore } from './settings';
import { OneTimeCredentials } from './one-time-credentials';
import { SubmitService } from './submit';
import { BulkService } from './bulk';
import type { Logger } from './dispatch';
import { MemoryAuditJournal, type AuditJournal } from './audit/journal';
import { SandboxAppOnly, type AppOnlyTokenSource } from './auth/app-only';
import { MsalAppOnly } from './auth/msal-app-only';
import { EnhancedAttestationClient } from './partner-center/enhanced-client';
import { EnhancedAttestationService } from './enhanced/attestations';
import { KnownAgents } from './known-agents';

export interface HostOptions {
  transport: 'electron' | 'browser';
  version: string;
  settings: SettingsStore;
  secrets: SecretStore;
  /** This launch only: use this backend / sandbox URL whatever the saved settings say. */
  overrides?: { backend?: BackendKind; sandboxUrl?: string };
  /** The Partner Center API root (production unless a test says otherwise). */
  partnerCenterUrl?: string;
  fetch?: FetchLike;
  now?: () => Date;
  /** Opens a URL in the system browser (Microsoft sign-in). */
  openBrowser?: (url: string) => Promise<void>;
  msal?: { networkClient?: INetworkModule; authorityHost?: string; knownAuthorities?: string[] };
  /** Per-call time limit and retry knobs for the client. */
  http?: { timeoutMs?: number; maxRetries?: number; maxRetryWaitMs?: number; backoffBaseMs?: number; postTimeoutMs?: number };
  /** This launch only (tests): the earliest acceptance day whatever Settings say. */
  acceptanceFloor?: string;
  bulkBatchSize?: number;
  log?: Logger;
  /** Where every enhanced attestation call is recorded (the data folder's `audit.jsonl`; in memory unless given). */
  journal?: AuditJournal;
  /** The agents who signed in here, for names in place of object ids (the data folder's `agents.json`; in memory unless given). */
  agents?: KnownAgents;
  /** This computer's name, the "where" of audit entries (`os.hostname()` unless a test gives one). */
  machineName?: string;
}

export interface HostContext {
  readonly transport: HostOptions['transport'];
  readonly version: string;
  readonly machineName: string;
  readonly secrets: SecretStore;
  readonly submit: SubmitService;
  readonly bulk: BulkService;
  /** New customers' one-time admin credentials, for their creator only, for a short time. */
  readonly credentials: OneTimeCredentials;
  /** The earliest acceptance day now (Settings, unless this launch fixed one). */
  acceptanceFloor(): string;
  /** Today's Partner Center: the enhanced attestation flow (AppOnly). */
  readonly enhanced: EnhancedAttestationService;
  readonly journal: AuditJournal;
  /** The agents who signed in on this computer (names for the object ids in Partner Center's records). */
  readonly agents: KnownAgents;
  /** The AppOnly credential an Admin agent set up for Partner Center (Settings). */
  readonly partnerCenterAppOnly: MsalAppOnly;
  /** The AppOnly token source of the backend in use. */
  appOnly(): AppOnlyTokenSource;
  now(): Date;
  /** The settings as loaded by `load` (or last saved). */
  settings(): Settings;
  /** Saves a settings patch; a different backend or identity signs out (the old session means nothing there). */
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  /** The backend this launch talks to. */
  backend(): { kind: BackendKind; url: string };
  /** The auth provider of that backend. */
  auth(): AuthProvider;
  /** The Partner Center client of that backend (one per backend and URL, so its caches survive between calls). */
  client(): PartnerCenterClient;
  /** Reads the settings and restores the persisted sessions. */
  load(): Promise<void>;
}

export function createHostContext(options: HostOptions): HostContext {
  for (const [what, url] of [
    ['Partner Center URL', options.partnerCenterUrl],
    ['sandbox URL', options.overrides?.sandboxUrl],
  ] as const) {
    const problem = url ? checkBackendUrl(url) : undefined;
    if (problem) throw new Error(`The ${what} must be ${problem}.`);
  }
  const now = options.now ?? (() => new Date());
  let current: Settings | undefined;
  const settings = (): Settings => {
    if (!current) throw new Error('The host serves calls only after start().');
    return current;
  };
  const backendKind = (): BackendKind => options.overrides?.backend ?? settings().backend;
  const backendUrl = (kind = backendKind()): string =>
    kind === 'partner-center'
      ? (options.partnerCenterUrl ?? PARTNER_CENTER_API_URL)
      : (options.overrides?.sandboxUrl ?? settings().sandboxUrl);

  // Every client of one backend shares its Retry-After hold (the limit is per partner).
  const retryAfterHolds = new RetryAfterHolds();
  const makeClient = (kind: BackendKind, getAccessToken: () => Promise<string>): PartnerCenterClient =>
    new PartnerCenterClient({
      baseUrl: backendUrl(kind),
      getAccessToken,
      fetch: options.fetch,
      now,
      applicationName: 'MCA Desk',
      timeoutMs: options.http?.timeoutMs,
      maxRetries: options.http?.maxRetries,
      maxRetryWaitMs: options.http?.maxRetryWaitMs,
      backoffBaseMs: options.http?.backoffBaseMs,
      retryAfterHolds,
    });

  const sandboxAuth = new SandboxAuthProvider({
    retryAfterHolds,
    baseUrl: () => backendUrl('sandbox'),
    secrets: options.secrets,
    fetch: options.fetch,
    now,
    timeoutMs: options.http?.timeoutMs,
  });
  const partnerCenterAuth = new MsalAuthProvider({
    settings: () => settings().partnerCenter,
    secrets: options.secrets,
    openBrowser:
      options.openBrowser ??
      (async () => {
        throw hostError('unavailable', 'No browser can be opened from here.');
      }),
    resolveUser: (token, identity) =>
      resolvePartnerUser(
        makeClient('partner-center', async () => token),
        identity,
      ),
    networkClient: options.msal?.networkClient,
    authorityHost: options.msal?.authorityHost,
    knownAuthorities: options.msal?.knownAuthorities,
    apiUrl: () => backendUrl('partner-center'),
  });
  const auth = (): AuthProvider => (backendKind() === 'partner-center' ? partnerCenterAuth : sandboxAuth);

  let clientCache: { key: string; client: PartnerCenterClient } | undefined;
  const client = (): PartnerCenterClient => {
    const kind = backendKind();
    const key = `${kind} ${backendUrl(kind)}`;
    if (clientCache?.key !== key) clientCache = { key, client: makeClient(kind, () => auth().getAccessToken()) };
    return clientCache.client;
  };

  // AppOnly: the sandbox's partner app comes with the sign-in; Partner Center's is set up in Settings.
  const sandboxAppOnly = new SandboxAppOnly({
    credential: () => sandboxAuth.appCredential(),
    fetch: options.fetch,
    now,
    timeoutMs: options.http?.timeoutMs,
  });
  const partnerCenterAppOnly = new MsalAppOnly({
    secrets: options.secrets,
    now,
    networkClient: options.msal?.networkClient,
    authorityHost: options.msal?.authorityHost,
    knownAuthorities: options.msal?.knownAuthorities,
  });
  const appOnly = (): AppOnlyTokenSource => (backendKind() === 'partner-center' ? partnerCenterAppOnly : sandboxAppOnly);
  let enhancedCache: { key: string; client: EnhancedAttestationClient } | undefined;
  const enhancedClient = (): EnhancedAttestationClient => {
    const kind = backendKind();
    const key = `${kind} ${backendUrl(kind)}`;
    if (enhancedCache?.key !== key)
      enhancedCache = {
        key,
        client: new EnhancedAttestationClient({
          baseUrl: backendUrl(kind),
          tokens: appOnly(),
          fetch: options.fetch,
          now,
          applicationName: 'MCA Desk',
          timeoutMs: options.http?.timeoutMs,
          maxRetries: options.http?.maxRetries,
          maxRetryWaitMs: options.http?.maxRetryWaitMs,
          backoffBaseMs: options.http?.backoffBaseMs,
          retryAfterHolds,
        }),
      };
    return enhancedCache.client;
  };
  const machineName = (options.machineName ?? hostname()).slice(0, 255);
  const journal = options.journal ?? new MemoryAuditJournal(machineName);
  const agents = options.agents ?? new KnownAgents(undefined, now);
  const credentials = new OneTimeCredentials(options.secrets, () => now().getTime());

  const acceptanceFloor = (): string => options.acceptanceFloor ?? current?.acceptanceFloor ?? DEFAULT_ACCEPTANCE_FLOOR;
  const submit = new SubmitService({ client, auth, acceptanceFloor, postTimeoutMs: options.http?.postTimeoutMs });
  const bulk = new BulkService({
    client,
    auth,
    submit,
    acceptanceFloor,
    batchSize: options.bulkBatchSize,
    postTimeoutMs: options.http?.postTimeoutMs,
  });
  const enhanced = new EnhancedAttestationService({
    client: enhancedClient,
    userClient: client,
    auth,
    backend: backendKind,
    journal,
    now,
    track: (work) => submit.track(work),
    postTimeoutMs: options.http?.postTimeoutMs,
    log: options.log,
  });

  return {
    transport: options.transport,
    version: options.version,
    machineName,
    secrets: options.secrets,
    submit,
    bulk,
    acceptanceFloor,
    credentials,
    enhanced,
    journal,
    agents,
    partnerCenterAppOnly,
    appOnly,
    now,
    settings,
    backend: () => ({ kind: backendKind(), url: backendUrl() }),
    auth,
    client,
    async updateSettings(patch) {
      const before = settings();
      const after = await options.settings.update(patch);
      current = after;
      const changedBackend =
        before.backend !== after.backend ||
        before.sandboxUrl !== after.sandboxUrl ||
        before.partnerCenter.tenantId !== after.partnerCenter.tenantId ||
        before.partnerCenter.clientId !== after.partnerCenter.clientId;
      if (changedBackend) {
        await sandboxAuth.signOut();
        await partnerCenterAuth.signOut().catch(() => undefined);
        if (before.sandboxUrl !== after.sandboxUrl && options.overrides?.sandboxUrl) options.overrides.sandboxUrl = undefined;
        if (before.backend !== after.backend && options.overrides?.backend) options.overrides.backend = undefined;
      }
      return after;
    },
    async load() {
      current = await options.settings.get();
      await credentials.sweep().catch(() => undefined);
      await sandboxAuth.restore();
      if (backendKind() === 'partner-center') await partnerCenterAuth.restore();
    },
  };
}
