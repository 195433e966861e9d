/**
 * The IPC schemas of Partner Center's enhanced attestation flow (since 5 January 2026) and of the
 * AppOnly app credential it needs. The attestation's fields are the shared wire schema's
 * (shared/api/enhanced-attestation.ts), so the form, the IPC payload and the request agree.
 */
import { z } from 'zod';
import { agreementRecordSchema, storedContactSchema, tenantIdSchema } from '../domain/agreement';
import { attestationStatusSchema, enhancedAttestationFieldsSchema } from '../api/enhanced-attestation';
import { authRequiredResultSchema, checkFirstSchema, confirmedResultSchema, failedResultSchema, retryResultSchema } from './results';

const uuid = z.string().uuid();

/** An attestation as the renderer sees it. `acceptanceUrl` is the link the signer gets (by email). */
export const attestationViewSchema = z.object({
  id: z.string(),
  customerId: tenantIdSchema,
  status: attestationStatusSchema,
  acceptanceUrl: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
  acceptedAt: z.string().optional(),
  country: z.string(),
  language: z.string(),
  companyName: z.string(),
  signatory: storedContactSchema,
  /** When finalised: the agreement made from it. */
  agreement: agreementRecordSchema.optional(),
});
export type AttestationView = z.infer<typeof attestationViewSchema>;

/**
 * Create an attestation. `requestId` is the outbox item's id: `MS-RequestId`, the same on every
 * retry, so a retry after a lost answer gets the same attestation back.
 */
export const createAttestationRequestSchema = z.object({
  requestId: uuid,
  customerId: tenantIdSchema,
  attestation: enhancedAttestationFieldsSchema,
});
export type CreateAttestationRequest = z.input<typeof createAttestationRequestSchema>;

export const createAttestationResultSchema = z.discriminatedUnion('status', [
  /** `alreadyCreated`: the backend had it from an earlier attempt with the same request id. */
  z.object({ status: z.literal('created'), attestation: attestationViewSchema, alreadyCreated: z.boolean() }),
  retryResultSchema,
  failedResultSchema,
  authRequiredResultSchema,
]);
export type CreateAttestationResult = z.infer<typeof createAttestationResultSchema>;

export const readAttestationRequestSchema = z.object({ attestationId: uuid });

/**
 * Finalise: make the agreement from an accepted attestation. `requestId` is the finalise step's own
 * idempotency key (not the create's): the outbox item makes it once, when it learns the attestation
 * id, keeps it with the item, and sends the same one on every retry.
 */
export const finaliseAttestationRequestSchema = z.object({
  requestId: uuid,
  customerId: tenantIdSchema,
  attestationId: uuid,
  /** Read the attestation before finalising (an earlier attempt may have finalised it): as `checkFirst` of a submit. */
  checkFirst: checkFirstSchema,
});
export type FinaliseAttestationRequest = z.input<typeof finaliseAttestationRequestSchema>;

/** `confirmed` (the agreement exists, `alreadyRecorded` when an earlier attempt or another tool made it), `retry` (e.g. not accepted yet), `failed` (e.g. expired), `auth-required`. */
export const finaliseResultSchema = z.discriminatedUnion('status', [
  confirmedResultSchema,
  retryResultSchema,
  failedResultSchema,
  authRequiredResultSchema,
]);
export type FinaliseResult = z.infer<typeof finaliseResultSchema>;

// ── The AppOnly app credential (Settings, Admin agent only) ────────────────────────────────────────

const guid = z.string().trim().uuid('invalid-guid');
const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A client secret, a PEM text holding the certificate and its private key, or a PFX (PKCS #12) file with its passphrase. */
export const appCredentialInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('secret'), secret: z.string().min(1).max(1024) }),
  z.object({
    kind: z.literal('pem'),
    pem: z
      .string()
      .min(1)
      .max(64 * 1024),
    passphrase: z.string().max(1024).optional(),
  }),
  z.object({
    kind: z.literal('pfx'),
    pfxBase64: z
      .string()
      .min(1)
      .max(96 * 1024)
      .regex(base64, 'not-base64'),
    passphrase: z.string().max(1024),
  }),
]);
export type AppCredentialInput = z.output<typeof appCredentialInputSchema>;

export const setAppCredentialRequestSchema = z.object({ tenantId: guid, clientId: guid, credential: appCredentialInputSchema });
export type SetAppCredentialRequest = z.input<typeof setAppCredentialRequestSchema>;

/** What Settings shows about the credential: never the credential itself. */
export const appCredentialStatusSchema = z.object({
  backend: z.enum(['sandbox', 'partner-center']),
  configured: z.boolean(),
  /** `sandbox-partner-app`: the signed-in user's partner app, nothing to set up; `settings`: what an Admin agent entered. */
  source: z.enum(['sandbox-partner-app', 'settings']),
  tenantId: z.string().optional(),
  clientId: z.string().optional(),
  kind: z.enum(['secret', 'certificate']).optional(),
  /** The certificate's SHA-1 thumbprint in hex, as the Microsoft Entra admin center lists it. */
  thumbprint: z.string().optional(),
  /** The certificate's end of validity. */
  expiresAt: z.string().optional(),
  expired: z.boolean().optional(),
  configuredAt: z.string().optional(),
  configuredBy: z.string().optional(),
  /** The last refusal of the credential (missing, expired or rejected), naming what to fix. */
  problem: z.string().optional(),
  /** Whether the signed-in user may set or remove it (an Admin agent, with the Partner Center backend). */
  mayChange: z.boolean(),
});
export type AppCredentialStatus = z.infer<typeof appCredentialStatusSchema>;
