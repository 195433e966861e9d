/**
 * The host: every channel of the contract implemented over the services (Partner Center client,
 * auth, secret store, submit, bulk, settings). Electron's IPC layer and the browser bridge both sit
 * on `host.dispatch`; neither adds logic of its own beyond checking who is calling.
 */
import { randomUUID } from 'node:crypto';
import type { INetworkModule } from '@azure/msal-node';
import { canAttest, canCreateCustomers, type PartnerUser } from '../../shared/domain/roles';
import { credentialsSchema, type BackendKind, type Settings } from '../../shared/ipc/contract';
import { checkAcceptanceDate, DEFAULT_ACCEPTANCE_FLOOR } from '../../shared/domain/dates';
import { PARTNER_CENTER_API_URL } from '../../shared/domain/urls';
import type { CreateCustomerBody, CustomerFilter } from '../../shared/api/partner-center';
import type { NewCustomer } from '../../shared/domain/customer';
import { AuthRequiredError, hostError } from './errors';
import { createDispatcher, type ChannelHandlers, type Dispatcher, type Logger, type ParsedRequest } from './dispatch';
import { PartnerCenterClient, type NextLink } from './partner-center/client';
import { resolveApiUrl, type FetchLike } from './partner-center/http';
import { RetryAfterHolds } from './partner-center/retry-after-hold';
import type { AuthProvider } from './auth/provider';
import { SandboxAuthProvider } from './auth/sandbox';
import { MsalAuthProvider } from './auth/msal';
import { resolvePartnerUser } from './auth/partner-profile';
import type { SecretStore } from './secrets/store';
import { secretStorageConsentHandler, secretStorageInfo } from './secrets/consent-channel';
import { checkBackendUrl, type SettingsStore } from './settings';
import { SubmitService } from './submit';
import { BulkService } from './bulk';
import { toAgreementRecord, toCustomer, toCustomerSummary, toRecordSummary } from './records';

/** The template document link stops working after five minutes (reference §4). */
export const TEMPLATE_LINK_LIFETIME_MS = 5 * 60_000;

/** What only the transport can do (Electron: clipboard, shell). Browser mode leaves these to the page. */
export type PlatformHandlers = Pick<ChannelHandlers, 'writeClipboard' | 'openMailto' | 'openExternal'>;

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
  platform?: Partial<PlatformHandlers>;
  /** Per-call time limit and retry knobs for the client. */
  http?: { timeoutMs?: number; maxRetries?: number; maxRetryWaitMs?: number; backoffBaseMs?: number; postTimeoutMs?: number };
  acceptanceFloor?: string;
  bulkBatchSize?: number;
  log?: Logger;
}

export interface Host {
  dispatch: Dispatcher;
  handlers: ChannelHandlers;
  submit: SubmitService;
  /** Restores the persisted session. Call once before serving. */
  start(): Promise<void>;
  /** Resolves when no submit is in flight (or after `timeoutMs`). */
  idle(timeoutMs?: number): Promise<boolean>;
  currentBackend(): Promise<{ kind: BackendKind; url: string }>;
}

const CONTINUATION_PREFIX = 'c1.';

/** The customer list's `links.next` as an opaque string for the renderer, checked again when it comes back. */
export function encodeContinuation(next: NextLink): string {
  return CONTINUATION_PREFIX + Buffer.from(JSON.stringify({ u: next.uri, h: next.headers }), 'utf8').toString('base64url');
}

export function decodeContinuation(token: string, baseUrl: string): NextLink {
  const invalid = () => hostError('bad-request', 'The continuation token is not one MCA Desk gave out.', { issues: [{ path: 'continuationToken', message: 'invalid' }] });
  if (!token.startsWith(CONTINUATION_PREFIX)) throw invalid();
  let value: { u?: unknown; h?: unknown };
  try {
    value = JSON.parse(Buffer.from(token.slice(CONTINUATION_PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof value.u !== 'string' || !Array.isArray(value.h)) throw invalid();
  let path: string;
  try {
    path = resolveApiUrl(baseUrl, value.u).pathname;
  } catch {
    throw invalid();
  }
  if (!/^\/v1\/customers\/?$/i.test(path)) throw invalid();
  const headers = value.h.filter((header): header is { key: string; value: string } => !!header && typeof header.key === 'string' && typeof header.value === 'string');
  return { uri: value.u, headers };
}

function customerBody(customer: NewCustomer): CreateCustomerBody {
  const language = customer.language;
  const culture = language.includes('-') ? language : `${language}-${customer.address.country}`;
  return {
    companyProfile: { domain: customer.domain, ...(customer.organizationRegistrationNumber ? { organizationRegistrationNumber: customer.organizationRegistrationNumber } : {}) },
    billingProfile: {
      email: customer.email,
      culture,
      language: language.split('-')[0]!.toLowerCase(),
      companyName: customer.companyName,
      defaultAddress: customer.address,
    },
  } as CreateCustomerBody;
}

export function createHost(options: HostOptions): Host {
  for (const [what, url] of [['Partner Center URL', options.partnerCenterUrl], ['sandbox URL', options.overrides?.sandboxUrl]] as const) {
    const problem = url ? checkBackendUrl(url) : undefined;
    if (problem) throw new Error(`The ${what} must be ${problem}.`);
  }
  const now = options.now ?? (() => new Date());
  const log = options.log ?? { warn: (message: string) => console.warn(message), error: (message: string) => console.error(message) };
  let settingsCache: Settings | undefined;

  async function settings(): Promise<Settings> {
    settingsCache ??= await options.settings.get();
    return settingsCache;
  }
  function backendKind(s: Settings): BackendKind {
    return options.overrides?.backend ?? s.backend;
  }
  function backendUrl(s: Settings, kind = backendKind(s)): string {
    if (kind === 'partner-center') return options.partnerCenterUrl ?? PARTNER_CENTER_API_URL;
    return options.overrides?.sandboxUrl ?? s.sandboxUrl;
  }

  // Every client of one backend shares its Retry-After hold (the limit is per partner).
  const retryAfterHolds = new RetryAfterHolds();
  const sandboxAuth = new SandboxAuthProvider({
    retryAfterHolds,
    baseUrl: () => backendUrl(settingsCache!, 'sandbox'),
    secrets: options.secrets,
    fetch: options.fetch,
    now,
    timeoutMs: options.http?.timeoutMs,
  });
  const partnerCenterAuth = new MsalAuthProvider({
    settings: () => settingsCache!.partnerCenter,
    secrets: options.secrets,
    openBrowser: options.openBrowser ?? (async () => {
      throw hostError('unavailable', 'No browser can be opened from here.');
    }),
    resolveUser: (token, identity) => resolvePartnerUser(makeClient('partner-center', async () => token), identity),
    networkClient: options.msal?.networkClient,
    authorityHost: options.msal?.authorityHost,
    knownAuthorities: options.msal?.knownAuthorities,
    apiUrl: () => backendUrl(settingsCache!, 'partner-center'),
  });

  function auth(): AuthProvider {
    return backendKind(settingsCache!) === 'partner-center' ? partnerCenterAuth : sandboxAuth;
  }

  function makeClient(kind: BackendKind, getAccessToken: () => Promise<string>): PartnerCenterClient {
    return new PartnerCenterClient({
      baseUrl: backendUrl(settingsCache!, kind),
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
  }

  // One client per backend and URL, so the metadata cache and server clock survive between calls.
  let clientCache: { key: string; client: PartnerCenterClient } | undefined;
  function client(): PartnerCenterClient {
    const kind = backendKind(settingsCache!);
    const key = `${kind} ${backendUrl(settingsCache!, kind)}`;
    if (clientCache?.key !== key) clientCache = { key, client: makeClient(kind, () => auth().getAccessToken()) };
    return clientCache.client;
  }

  function requireUser(): PartnerUser {
    const user = auth().user();
    if (!user) throw new AuthRequiredError();
    return user;
  }

  const submit = new SubmitService({ client, auth, acceptanceFloor: options.acceptanceFloor, postTimeoutMs: options.http?.postTimeoutMs });
  const bulk = new BulkService({ client, auth, submit, acceptanceFloor: options.acceptanceFloor, batchSize: options.bulkBatchSize, postTimeoutMs: options.http?.postTimeoutMs });

  const unavailableHere = (what: string) => async () => {
    throw hostError('unavailable', `${what} is done by the page in browser mode.`);
  };

  const handlers: ChannelHandlers = {
    async getAppInfo() {
      const s = await settings();
      const kind = backendKind(s);
      return {
        name: 'MCA Desk',
        version: options.version,
        transport: options.transport,
        platform: process.platform,
        backend: { kind, url: backendUrl(s, kind) },
        secretStorage: secretStorageInfo(options.secrets),
      };
    },
    setSecretStorageConsent: secretStorageConsentHandler(options.secrets),
    async getSettings() {
      return settings();
    },
    async updateSettings(patch: ParsedRequest<'updateSettings'>) {
      const before = await settings();
      const after = await options.settings.update(patch);
      settingsCache = after;
      const changedBackend =
        before.backend !== after.backend ||
        before.sandboxUrl !== after.sandboxUrl ||
        before.partnerCenter.tenantId !== after.partnerCenter.tenantId ||
        before.partnerCenter.clientId !== after.partnerCenter.clientId;
      if (changedBackend) {
        // A different backend or identity: the old session means nothing there.
        await sandboxAuth.signOut();
        await partnerCenterAuth.signOut().catch(() => undefined);
        if (before.sandboxUrl !== after.sandboxUrl && options.overrides?.sandboxUrl) options.overrides.sandboxUrl = undefined;
        if (before.backend !== after.backend && options.overrides?.backend) options.overrides.backend = undefined;
      }
      return after;
    },
    async getSession() {
      await settings();
      return auth().session();
    },
    async signIn(request) {
      await settings();
      return auth().signIn(request);
    },
    async signOut() {
      await settings();
      return auth().signOut();
    },
    async getAgreementMetadata() {
      await settings();
      requireUser();
      return client().getMcaTemplate();
    },
    async submitAttestation(request) {
      await settings();
      return submit.submit(request);
    },
    async listConfirmations({ customerId }) {
      await settings();
      requireUser();
      const items = await client().listConfirmations(customerId);
      return { items: items.map((agreement) => toAgreementRecord(customerId, agreement)) };
    },
    async getTemplateDocument({ country, language }) {
      await settings();
      requireUser();
      const template = await client().getMcaTemplate();
      const document = await client().getTemplateDocument(template.templateId, { country: country.toUpperCase(), language });
      return {
        displayUri: document.displayUri,
        downloadUri: document.downloadUri,
        language: document.language,
        country: document.country,
        expiresAt: new Date(now().getTime() + TEMPLATE_LINK_LIFETIME_MS).toISOString(),
      };
    },
    async getDirectSignStatus({ customerId }) {
      await settings();
      requireUser();
      return client().getDirectSignStatus(customerId);
    },
    async getRelationshipRequestLink() {
      await settings();
      requireUser();
      return client().getRelationshipRequest();
    },
    async listCustomers(request) {
      await settings();
      requireUser();
      const api = client();
      const filter: CustomerFilter | undefined = request.filter ? { Field: request.filter.field, Value: request.filter.prefix, Operator: 'starts_with' } : undefined;
      const page = request.continuationToken
        ? await api.listCustomers({ next: decodeContinuation(request.continuationToken, api.baseUrl) })
        : await api.listCustomers({ size: request.pageSize, filter });
      return {
        items: page.items.map(toCustomerSummary),
        continuationToken: page.next ? encodeContinuation(page.next) : null,
        ...(page.totalCount !== undefined ? { totalCount: page.totalCount } : {}),
      };
    },
    async getCustomer({ customerId }) {
      await settings();
      requireUser();
      return toCustomer(await client().getCustomer(customerId));
    },
    async createCustomer({ requestId, customer }) {
      await settings();
      const user = requireUser();
      const mayCreate = canCreateCustomers(user);
      if (!mayCreate.allowed) throw hostError('forbidden', 'Only an Admin agent or a Sales agent can create customers.', { reason: mayCreate.reason });
      if (customer.acceptance.mode === 'partner-attested') {
        const mayAttest = canAttest(user);
        if (!mayAttest.allowed)
          throw hostError('forbidden', 'You cannot confirm the customer\'s acceptance yourself; choose "The customer will accept in the Microsoft 365 admin center".', { reason: mayAttest.reason });
        const date = checkAcceptanceDate(customer.acceptance.dateAgreed, { now: client().serverNow(), timeZone: 'UTC', floor: options.acceptanceFloor ?? DEFAULT_ACCEPTANCE_FLOOR });
        if (!date.ok) throw hostError('rule', 'The date of acceptance is not allowed.', { reason: date.reason });
      }
      // The attestation of a partner-attested new customer is queued by the renderer as an outbox item
      // (submitAttestation), so it gets the same retries and exactly-once guarantee as any other.
      const created = await client().createCustomer(customerBody(customer), { requestId });
      let credentialsId: string | undefined;
      if (created.userCredentials) {
        // Keyed by the request id: a replayed create answers the same id, never a second copy.
        credentialsId = requestId;
        await options.secrets.set(`credentials:${credentialsId}`, JSON.stringify(created.userCredentials));
      }
      return { customer: toCustomer(created), ...(credentialsId ? { credentialsId } : {}) };
    },
    async getCredentials({ credentialsId }) {
      await settings();
      requireUser();
      const stored = await options.secrets.get(`credentials:${credentialsId}`);
      const parsed = stored ? credentialsSchema.safeParse(JSON.parse(stored)) : undefined;
      if (!parsed?.success) throw hostError('not-found', 'These credentials are not stored on this device.');
      return parsed.data;
    },
    async listAgreementRecords({ continuationToken }) {
      await settings();
      requireUser();
      const page = await client().listAgreementRecords({ continuationToken });
      return { records: page.records.map(toRecordSummary), continuationToken: page.continuationToken };
    },
    async bulkReattest({ items }) {
      await settings();
      return { results: await bulk.reattest(items) };
    },
    writeClipboard: options.platform?.writeClipboard ?? unavailableHere('Writing the clipboard'),
    openMailto: options.platform?.openMailto ?? unavailableHere('Opening an email'),
    openExternal: options.platform?.openExternal ?? unavailableHere('Opening a link'),
  };

  const dispatch = createDispatcher(handlers, { log, onAuthLost: () => auth().invalidate() });

  return {
    dispatch,
    handlers,
    submit,
    async start() {
      await settings();
      await sandboxAuth.restore();
      if (backendKind(settingsCache!) === 'partner-center') await partnerCenterAuth.restore();
    },
    idle: (timeoutMs) => submit.idle(timeoutMs),
    async currentBackend() {
      const s = await settings();
      const kind = backendKind(s);
      return { kind, url: backendUrl(s, kind) };
    },
  };
}

/** A fresh idempotency key (for callers that need one). */
export const newRequestId = (): string => randomUUID();
