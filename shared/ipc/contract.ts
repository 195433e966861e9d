/**
 * The one IPC contract: every channel between the renderer and the main process, with a request
 * and a response schema. Electron IPC and the browser-mode bridge both implement exactly this set;
 * the renderer never knows which one it has.
 */
import { z } from 'zod';
import {
  attestationRequestSchema,
  agreementRecordSchema,
  storedContactSchema,
  tenantIdSchema,
  templateIdSchema,
} from '../domain/agreement';
import type { Envelope } from './errors';
import { isOpenableWebLink } from '../domain/external-links';
import type { ChannelName } from './channels';

export { channelNames, ipcChannel, isChannelName, type ChannelName } from './channels';
import { customerSchema, customerSummarySchema, newCustomerSchema } from '../domain/customer';
import { acceptanceFloorSchema } from '../domain/dates';
import {
  DEFAULT_DIRECT_SCAN_SHARE,
  DEFAULT_FOLLOW_UP_AFTER_DAYS,
  directScanShareSchema,
  followUpAfterDaysSchema,
} from '../domain/settings-form';
import { partnerUserSchema } from '../domain/roles';
import { BULK_REATTESTATION_MAX_ITEMS } from '../api/partner-center';
import {
  authRequiredResultSchema,
  checkFirstSchema,
  confirmedResultSchema,
  failedResultSchema,
  legacyRetiredResultSchema,
  retryResultSchema,
} from './results';
import {
  appCredentialStatusSchema,
  createAttestationRequestSchema,
  createAttestationResultSchema,
  finaliseAttestationRequestSchema,
  finaliseResultSchema,
  readAttestationRequestSchema,
  attestationViewSchema,
  setAppCredentialRequestSchema,
} from './enhanced';
import { hostAuditPageRequestSchema, hostAuditPageSchema } from './host-audit';

const empty = z.object({}).strict();
const uuid = z.string().uuid();

export const backendKindSchema = z.enum(['sandbox', 'partner-center']);
export type BackendKind = z.infer<typeof backendKindSchema>;

/** Partner Center today (`enhanced`) or a backend that still takes the seed's contact + date (`legacy`). */
export const attestationRouteSchema = z.enum(['enhanced', 'legacy']);
export type AttestationRoute = z.infer<typeof attestationRouteSchema>;

export const sessionSchema = z.discriminatedUnion('signedIn', [
  z.object({ signedIn: z.literal(false), backend: backendKindSchema }),
  z.object({
    signedIn: z.literal(true),
    backend: backendKindSchema,
    user: partnerUserSchema,
    expiresAt: z.string().optional(),
    /**
     * How this backend takes a partner attestation: `enhanced` (Partner Center since 5 January 2026:
     * signer, acceptance link, finalise) or `legacy` (contact + date, a backend that still offers it).
     */
    attestationRoute: attestationRouteSchema,
  }),
]);
export type Session = z.infer<typeof sessionSchema>;

export const signInRequestSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('password'), userName: z.string().trim().min(1).max(254), password: z.string().min(1).max(256) }),
  z.object({ method: z.literal('microsoft') }),
]);

/** How secrets are kept on this machine; `secure: false` means the operating system does not protect them. */
export const secretStorageInfoSchema = z.object({
  backend: z.string(),
  secure: z.boolean(),
  kind: z.enum(['os-keyring', 'key-file', 'memory']),
  /** Linux without a keyring: `pending` until the agent agrees to (or refuses) the weaker protection. */
  consent: z.enum(['not-needed', 'pending', 'granted', 'refused']),
  warning: z.string().optional(),
});
export type SecretStorageInfo = z.infer<typeof secretStorageInfoSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  transport: z.enum(['electron', 'browser']),
  platform: z.string(),
  /** The computer's name (`os.hostname()` in main): the "where" of every audit entry. */
  machineName: z.string().max(255),
  backend: z.object({ kind: backendKindSchema, url: z.string() }),
  secretStorage: secretStorageInfoSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const settingsSchema = z.object({
  backend: backendKindSchema,
  sandboxUrl: z.string().url().max(500),
  partnerCenter: z.object({ tenantId: z.string().max(100), clientId: z.string().max(100) }),
  /** The earliest acceptance day a legacy attestation may carry (a settings file from before it gets the default). */
  acceptanceFloor: acceptanceFloorSchema,
  /** The share of the rate limit the direct-acceptance scan may use (a settings file from before it gets half). */
  directScanShare: directScanShareSchema.default(DEFAULT_DIRECT_SCAN_SHARE),
  /** Overview › Follow up: days after which a sent, unaccepted link is listed (a settings file from before it gets 3). */
  followUpAfterDays: followUpAfterDaysSchema.default(DEFAULT_FOLLOW_UP_AFTER_DAYS),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The outcome of sending one outbox item (ARCHITECTURE.md step 5). */
export const submitResultSchema = z.discriminatedUnion('status', [
  confirmedResultSchema,
  retryResultSchema,
  failedResultSchema,
  authRequiredResultSchema,
  legacyRetiredResultSchema,
]);
export type SubmitResult = z.infer<typeof submitResultSchema>;

/** An outbox item as sent: its id is the idempotency key (`MS-RequestId`), the same on every retry. */
export const submitAttestationRequestSchema = attestationRequestSchema.extend({
  itemId: uuid,
  /** Filled in by the main process from the agreement metadata when the item was queued without one. */
  templateId: templateIdSchema.optional(),
  /**
   * Whether the host reads the customer's confirmations before it posts (an earlier attempt may have
   * landed, its answer lost). The outbox decides (`outbox/check-first.ts`): false only for the first
   * attempt of an item that never left; absent means true, the safe side.
   */
  checkFirst: checkFirstSchema,
});
export type SubmitAttestationRequest = z.input<typeof submitAttestationRequestSchema>;
/** The same item once the host parsed it (trimmed, e-mail normalised): what the submit services take. */
export type SubmitAttestationItem = z.output<typeof submitAttestationRequestSchema>;

/**
 * Items one `bulkReattest` call carries: one Partner Center batch at most. The number is the bulk
 * API's (shared/api owns it); the outbox's batch lane hands over this many at a time.
 */
export const BULK_CALL_MAX_ITEMS = BULK_REATTESTATION_MAX_ITEMS;

export const customerPageRequestSchema = z.object({
  pageSize: z.number().int().min(1).max(500).default(500),
  continuationToken: z.string().max(4096).optional(),
  filter: z.object({ field: z.enum(['CompanyName', 'Domain']), prefix: z.string().trim().min(1).max(200) }).optional(),
});

export const agreementRecordSummarySchema = z.object({
  customerId: tenantIdSchema,
  lastContact: storedContactSchema.nullable(),
  lastDateAgreed: z.string().nullable(),
  partnerAttestationCompleted: z.boolean(),
});
export type AgreementRecordSummary = z.infer<typeof agreementRecordSummarySchema>;

export const credentialsSchema = z.object({ userName: z.string(), password: z.string() });
export type Credentials = z.infer<typeof credentialsSchema>;

/**
 * Who may call a channel. `signed-in`: the host's dispatcher answers `auth-required` before the
 * handler runs when nobody is signed in (checked once there, for every such channel). `anyone`: the
 * handler decides (sign-in and settings, the clipboard; the outbox's sends answer `auth-required` as
 * their result, so the queue pauses instead of failing).
 */
export type ChannelAccess = 'anyone' | 'signed-in';

function channel<Req extends z.ZodTypeAny, Res extends z.ZodTypeAny, A extends ChannelAccess>(request: Req, response: Res, access: A) {
  return { request, response, access };
}

export const contract = {
  getAppInfo: channel(empty, appInfoSchema, 'anyone'),
  /** The agent's answer to "keep secrets with the weaker protection?" (only where `consent` is not `not-needed`). */
  setSecretStorageConsent: channel(z.object({ allow: z.boolean() }).strict(), secretStorageInfoSchema, 'anyone'),
  getSettings: channel(empty, settingsSchema, 'anyone'),
  updateSettings: channel(settingsSchema.partial(), settingsSchema, 'anyone'),

  getSession: channel(empty, sessionSchema, 'anyone'),
  signIn: channel(signInRequestSchema, sessionSchema, 'anyone'),
  signOut: channel(empty, sessionSchema, 'anyone'),
  /** The agents of the signed-in agent's partner who signed in on this computer: names for the object ids in records. */
  listAgents: channel(
    empty,
    z.object({ agents: z.array(z.object({ userId: z.string(), userName: z.string(), displayName: z.string() })).max(5_000) }),
    'signed-in',
  ),

  getAgreementMetadata: channel(
    empty,
    z.object({ templateId: z.string(), agreementLink: z.string(), versionRank: z.number() }),
    'signed-in',
  ),
  submitAttestation: channel(submitAttestationRequestSchema, submitResultSchema, 'anyone'),
  listConfirmations: channel(z.object({ customerId: tenantIdSchema }), z.object({ items: z.array(agreementRecordSchema) }), 'signed-in'),
  getTemplateDocument: channel(
    z.object({ country: z.string().trim().min(2).max(2), language: z.string().trim().min(2).max(20) }),
    z.object({ displayUri: z.string(), downloadUri: z.string(), language: z.string(), country: z.string(), expiresAt: z.string() }),
    'signed-in',
  ),
  getDirectSignStatus: channel(z.object({ customerId: tenantIdSchema }), z.object({ isSigned: z.boolean() }), 'signed-in'),
  getRelationshipRequestLink: channel(empty, z.object({ url: z.string() }), 'signed-in'),

  listCustomers: channel(
    customerPageRequestSchema,
    z.object({ items: z.array(customerSummarySchema), continuationToken: z.string().nullable(), totalCount: z.number().optional() }),
    'signed-in',
  ),
  getCustomer: channel(z.object({ customerId: tenantIdSchema }), customerSchema, 'signed-in'),
  createCustomer: channel(
    z.object({ requestId: uuid, customer: newCustomerSchema }),
    z.object({ customer: customerSchema, credentialsId: uuid.optional() }),
    'signed-in',
  ),
  /** One-time admin credentials of a customer created on the self-acceptance route, held encrypted by main. */
  getCredentials: channel(z.object({ credentialsId: uuid }), credentialsSchema, 'signed-in'),
  /** The invitation with them was copied or opened in email: main deletes them (the creator's own only). */
  forgetCredentials: channel(z.object({ credentialsId: uuid }), z.object({ forgotten: z.boolean() }), 'signed-in'),

  listAgreementRecords: channel(
    z.object({ continuationToken: z.string().max(4096).optional() }),
    z.object({ records: z.array(agreementRecordSummarySchema), continuationToken: z.string().nullable() }),
    'signed-in',
  ),
  bulkReattest: channel(
    z.object({ items: z.array(submitAttestationRequestSchema).min(1).max(BULK_CALL_MAX_ITEMS) }),
    z.object({ results: z.array(z.object({ itemId: uuid, result: submitResultSchema })) }),
    'anyone',
  ),

  /** Partner Center today: create an enhanced attestation (AppOnly). An outbox send: answers a result, `auth-required` included. */
  createEnhancedAttestation: channel(createAttestationRequestSchema, createAttestationResultSchema, 'anyone'),
  readEnhancedAttestation: channel(readAttestationRequestSchema, attestationViewSchema, 'signed-in'),
  /** Make the agreement from an accepted attestation. An outbox send, like create. */
  finaliseEnhancedAttestation: channel(finaliseAttestationRequestSchema, finaliseResultSchema, 'anyone'),
  /** The AppOnly app credential: its status for anyone signed in; set and remove for an Admin agent (checked by the handler). */
  getAppCredentialStatus: channel(empty, appCredentialStatusSchema, 'signed-in'),
  setAppCredential: channel(setAppCredentialRequestSchema, appCredentialStatusSchema, 'signed-in'),
  removeAppCredential: channel(empty, appCredentialStatusSchema, 'signed-in'),

  /** The main process's audit journal (enhanced calls, app credential changes): the signed-in agent's records after a cursor. */
  listHostAudit: channel(hostAuditPageRequestSchema, hostAuditPageSchema, 'signed-in'),

  writeClipboard: channel(
    z.object({ text: z.string().max(50_000), clearAfterMs: z.number().int().min(1000).max(600_000).optional() }),
    z.object({ written: z.literal(true), clearsAt: z.string().optional() }),
    'anyone',
  ),
  openMailto: channel(
    z.object({ to: z.string().max(2000), subject: z.string().max(1000), body: z.string().max(20_000) }),
    z.object({ opened: z.literal(true) }),
    'anyone',
  ),
  openExternal: channel(
    z.object({ url: z.string().url().max(4000).refine(isOpenableWebLink, 'https-only') }),
    z.object({ opened: z.literal(true) }),
    'anyone',
  ),
} as const;

export type Contract = typeof contract;

// The contract and the name list must hold exactly the same channels.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameChannels: Exactly<keyof Contract, ChannelName> = true;
void sameChannels;

export type ChannelRequest<C extends ChannelName> = z.input<Contract[C]['request']>;
export type ChannelResponse<C extends ChannelName> = z.output<Contract[C]['response']>;

/** The API the renderer sees as `window.api`: one async function per channel, answering an envelope. */
export type WindowApi = {
  [C in ChannelName]: (request: ChannelRequest<C>) => Promise<Envelope<ChannelResponse<C>>>;
};
