/**
 * The host's side of Partner Center as it is today (../shared/reference/partner-center-2026.md): every
 * path, code, scope and rule of the enhanced attestation flow the host client relies on, in this one
 * module, so that a correction when Microsoft documents the real shape is a change here. Each item is
 * marked "documented" (with where) or CHOSEN (the sandbox's contract, sandbox/enhanced/contract.ts, which
 * this side must agree with). The request and answer shapes are the shared wire schemas
 * (shared/api/enhanced-attestation.ts), whose own CHOSEN field names are listed there.
 */
import { ERROR_AGREEMENT_ALREADY_EXISTS } from '../../../shared/domain/errors';
import { PARTNER_CENTER_API_URL } from '../../../shared/domain/urls';
import { PartnerCenterError } from './errors';

// ── Paths ──────────────────────────────────────────────────────────────────────────────────────────

/** Documented: `POST /v{version}/attestations/enhanced` creates an attestation. */
export const ENHANCED_ATTESTATIONS_PATH = '/v1/attestations/enhanced';

/** CHOSEN: an attestation is read at `GET /v1/attestations/enhanced/{id}`. */
export function attestationPath(attestationId: string): string {
  return `${ENHANCED_ATTESTATIONS_PATH}/${encodeURIComponent(attestationId)}`;
}

/**
 * Documented path (Create agreement), CHOSEN body: finalising posts `{ attestationId, type }` to the
 * customer's agreements (how the id is passed is not in the readable part of Microsoft's page).
 */
export function finalisePath(customerId: string): string {
  return `/v1/customers/${encodeURIComponent(customerId)}/agreements`;
}

// ── AppOnly ────────────────────────────────────────────────────────────────────────────────────────

/** Documented: the enhanced flow takes AppOnly tokens only; client credentials ask for the API's `.default` scope. */
export const APP_ONLY_SCOPE = `${PARTNER_CENTER_API_URL}/.default`;

/**
 * CHOSEN (sandbox only): the sandbox's AppOnly grant is its own `POST /oauth2/token` with
 * `grant_type=client_credentials`, the partner's seeded app registration as client id (which the
 * sandbox-only profile `GET /v1/profiles/me` names as `appClientId`) and the sandbox password as secret.
 */
export const SANDBOX_TOKEN_PATH = '/oauth2/token';
export const SANDBOX_PROFILE_APP_FIELD = 'appClientId';

/** A cached AppOnly token is not used in its last minute (the call may take that long). */
export const APP_TOKEN_EXPIRY_MARGIN_MS = 60_000;

// ── Codes ──────────────────────────────────────────────────────────────────────────────────────────

/** Documented (since 1 April 2026): an App+User call without a valid MFA claim is 401 with this code. */
export const ERROR_MFA_REQUIRED = 900421;
/**
 * CHOSEN: the claims an interactive sign-in asks for after a 900421 when the answer carried no
 * `WWW-Authenticate` claims challenge of its own (the form Entra ID uses for step-up, `insufficient_claims`).
 */
export const MFA_CLAIMS_REQUEST = JSON.stringify({ access_token: { amr: { essential: true, values: ['mfa'] } } });

/** CHOSEN: the legacy create and CreateBulkReAttestation, retired on 5 January 2026, answer 410 with this code. */
export const LEGACY_RETIRED_STATUS = 410;
export const ERROR_LEGACY_ATTESTATION_RETIRED = 600070;
/** CHOSEN: finalise before the signer accepted (409). */
export const ERROR_ATTESTATION_NOT_ACCEPTED = 600072;
/** CHOSEN: finalise after the link expired (409): a new attestation is needed. */
export const ERROR_ATTESTATION_EXPIRED = 600073;
/** CHOSEN: an App+User token where AppOnly is required (403): a defect of ours, never the agent's. */
export const ERROR_APP_ONLY_REQUIRED = 600074;
/** Documented (unchanged): already finalised, or the signatory is the customer's latest agreement contact. */
export const ERROR_ALREADY_FINALISED = ERROR_AGREEMENT_ALREADY_EXISTS;

/** The backend says the legacy attestation (contact + date, or the bulk tool) is retired. */
export function isLegacyRetired(error: unknown): boolean {
  return error instanceof PartnerCenterError && error.status === LEGACY_RETIRED_STATUS && error.hasCode(ERROR_LEGACY_ATTESTATION_RETIRED);
}

/** The backend wants the user to sign in again with multi-factor authentication. */
export function isMfaRequired(error: unknown): boolean {
  return error instanceof PartnerCenterError && error.status === 401 && error.hasCode(ERROR_MFA_REQUIRED);
}

/** Finalise came before the signer accepted: not now, later. */
export function isNotAcceptedYet(error: unknown): boolean {
  return error instanceof PartnerCenterError && error.status === 409 && error.hasCode(ERROR_ATTESTATION_NOT_ACCEPTED);
}

/** The acceptance link expired: this attestation can never be finalised. */
export function isAttestationExpired(error: unknown): boolean {
  return error instanceof PartnerCenterError && error.status === 409 && error.hasCode(ERROR_ATTESTATION_EXPIRED);
}

export function isAlreadyFinalised(error: unknown): boolean {
  return error instanceof PartnerCenterError && error.hasCode(ERROR_ALREADY_FINALISED);
}

// ── Messages the agent reads (one sentence each, naming what to fix) ──────────────────────────────

export const MFA_REASON = 'Partner Center requires multi-factor authentication: sign in again with multi-factor authentication.';
export const LEGACY_RETIRED_REASON =
  'Partner Center retired this kind of attestation (a contact and a date) on 5 January 2026; the item is kept with everything you entered, to be sent through the enhanced attestation flow.';
