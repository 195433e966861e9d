/**
 * The sandbox's contract for Partner Center as it is today (../shared/reference/partner-center-2026.md
 * §2): every name, path, status and code the sandbox CHOSE where Microsoft's pages are silent, in this
 * one module, so that a correction is a change here. Documented facts are marked "documented".
 *
 * The request and answer field names are the shared wire schemas' (shared/api/enhanced-attestation.ts,
 * one shape for the sandbox and the host client); their CHOSEN names are `customerTenantId`,
 * `signatoryEmail`, `signatoryPhoneNumber`, `linkExpiryMinutes` (5 to 10,080, default 10,080) and, on
 * finalise, `attestationId`. Re-exported below so this module lists the whole contract.
 */
import { randomBytes } from 'node:crypto';
import { classic, rich, type ErrorResult } from '../http/errors';
import { sandboxAppRegistrations, type SandboxAppRegistration } from '../../shared/domain/sandbox-accounts';

export {
  LINK_EXPIRY_DEFAULT_MINUTES,
  LINK_EXPIRY_MAX_MINUTES,
  LINK_EXPIRY_MIN_MINUTES,
  COMPANY_NAME_MAX_LENGTH,
} from '../../shared/api/enhanced-attestation';

// ---------------------------------------------------------------------------------------------------
// The two eras: `--legacy-attestation retired|available`.

export const legacyAttestationModes = ['retired', 'available'] as const;
export type LegacyAttestation = (typeof legacyAttestationModes)[number];
/**
 * `retired` (default): Partner Center today. The legacy create and CreateBulkReAttestation are refused,
 * the enhanced flow and AppOnly sign-in work, App+User calls need MFA (since 1 April 2026).
 * `available`: Partner Center before 5 January 2026, the sandbox exactly as it was built for the seed:
 * the legacy attestation works, and there is no AppOnly grant, no enhanced endpoint and no MFA rule.
 */
export const DEFAULT_LEGACY_ATTESTATION: LegacyAttestation = 'retired';

export function isToday(mode: LegacyAttestation): boolean {
  return mode === 'retired';
}

// ---------------------------------------------------------------------------------------------------
// Paths.

/** Documented path. */
export const ENHANCED_ATTESTATIONS_PATH = '/v1/attestations/enhanced';
/** CHOSEN: the sandbox's stand-in for Microsoft's embeddable acceptance component: `<prefix>/<token>`. */
export const ACCEPTANCE_PAGE_PREFIX = '/customer-acceptance';
/** CHOSEN, sandbox only (no token, 127.0.0.1 only): list, `/{id}/expire`, `/{id}/accept`. */
export const SANDBOX_ATTESTATIONS_PATH = '/sandbox/attestations';
/** The signer accepts without the page. */
export const SANDBOX_ACCEPT_PATH = `${SANDBOX_ATTESTATIONS_PATH}/:id/accept`;
/** The link expires now. */
export const SANDBOX_EXPIRE_PATH = `${SANDBOX_ATTESTATIONS_PATH}/:id/expire`;

/** The calls an AppOnly token may make (reference §2); every other `/v1` call answers 403 for it. */
export const APP_ONLY_ROUTES: ReadonlyArray<{ method: string; path: RegExp }> = [
  { method: 'POST', path: /^\/v1\/attestations\/enhanced\/?$/i },
  { method: 'GET', path: /^\/v1\/attestations\/enhanced\/[^/]+\/?$/i },
  { method: 'POST', path: /^\/v1\/customers\/[^/]+\/agreements\/?$/i },
];

export function isAppOnlyRoute(method: string, path: string): boolean {
  return APP_ONLY_ROUTES.some((route) => route.method === method.toUpperCase() && route.path.test(path));
}

// ---------------------------------------------------------------------------------------------------
// AppOnly sign-in: `POST /oauth2/token` with `grant_type=client_credentials` (documented grant).

export const CLIENT_CREDENTIALS_GRANT = 'client_credentials';

/** CHOSEN: how an AppOnly caller is named where a user name would be (audit log, `userName` of its agreements). */
export function appActorName(clientId: string): string {
  return `app:${clientId}`;
}

export type AppRegistration = SandboxAppRegistration;

/** The seeded app registrations: listed once with the sandbox's accounts (shared/); the secret is the sandbox password. */
export const seededAppRegistrations: readonly AppRegistration[] = sandboxAppRegistrations;

// ---------------------------------------------------------------------------------------------------
// MFA (documented: 401 with 900421 on App+User calls without an MFA claim, from 1 April 2026).

export const ERROR_MFA_REQUIRED = 900421;
/** CHOSEN: the claims challenge sent with it, in the form Entra ID uses for step-up (`insufficient_claims`). */
export const MFA_CLAIMS_CHALLENGE = JSON.stringify({ access_token: { amr: { essential: true, values: ['mfa'] } } });
/** CHOSEN: the `amr` claim values of a sandbox App+User token. */
export const AMR_WITH_MFA = ['pwd', 'mfa'] as const;
export const AMR_WITHOUT_MFA = ['pwd'] as const;

// ---------------------------------------------------------------------------------------------------
// Error codes and statuses (CHOSEN unless marked).

/** The legacy create and CreateBulkReAttestation, when retired: 410 Gone. */
export const LEGACY_RETIRED_STATUS = 410;
export const ERROR_LEGACY_ATTESTATION_RETIRED = 600070;
export const ERROR_ATTESTATION_NOT_FOUND = 600071;
/** Named in DOMAIN.md: finalise before the signer accepted. */
export const ERROR_ATTESTATION_NOT_ACCEPTED = 600072;
/** Named in DOMAIN.md: finalise after the link expired. */
export const ERROR_ATTESTATION_EXPIRED = 600073;
/** An App+User token on a call that takes AppOnly only. */
export const ERROR_APP_ONLY_REQUIRED = 600074;
/** An AppOnly token on a call that takes App+User only. */
export const ERROR_USER_TOKEN_REQUIRED = 600075;
/** Sandbox helper: only a pending attestation can be expired. */
export const ERROR_ATTESTATION_NOT_PENDING = 600076;

export const LEGACY_RETIRED_DESCRIPTION =
  'Partner attestation with a contact and a date (POST /v1/customers/{id}/agreements with primaryContact and dateAgreed, ' +
  'and POST /v1/CreateBulkReAttestation) was retired on 5 January 2026. Use the enhanced attestation flow instead: ' +
  'create an attestation with POST /v1/attestations/enhanced (AppOnly), let the customer accept at its acceptanceUrl, ' +
  'then finalise with POST /v1/customers/{id}/agreements and the body { "attestationId": "<id>", "type": "MicrosoftCustomerAgreement" }.';

export const enhancedErrors = {
  legacyRetired: (): ErrorResult =>
    rich(LEGACY_RETIRED_STATUS, ERROR_LEGACY_ATTESTATION_RETIRED, LEGACY_RETIRED_DESCRIPTION, 'PartnerAttestationRetired'),
  mfaRequired: (): ErrorResult => ({
    status: 401,
    body: {
      code: ERROR_MFA_REQUIRED,
      description:
        'Multi-factor authentication is required: sign in again with MFA. App+User calls without a valid MFA claim are refused since 1 April 2026.',
      data: [],
      source: 'PartnerFD',
    },
  }),
  appOnlyRequired: (): ErrorResult =>
    classic(
      403,
      ERROR_APP_ONLY_REQUIRED,
      'The enhanced attestation API takes AppOnly tokens only (grant_type=client_credentials); App+User tokens are refused.',
    ),
  userTokenRequired: (): ErrorResult =>
    classic(
      403,
      ERROR_USER_TOKEN_REQUIRED,
      'This operation takes App+User tokens only; AppOnly tokens are accepted by the enhanced attestation calls.',
    ),
  attestationNotFound: (): ErrorResult => classic(404, ERROR_ATTESTATION_NOT_FOUND, 'Attestation not found.'),
  notAccepted: (): ErrorResult =>
    rich(409, ERROR_ATTESTATION_NOT_ACCEPTED, 'The customer has not accepted yet: the attestation is pending.', 'AttestationNotAccepted'),
  expired: (): ErrorResult =>
    rich(
      409,
      ERROR_ATTESTATION_EXPIRED,
      'The acceptance link expired before the customer accepted. Create a new attestation.',
      'AttestationExpired',
    ),
  notPending: (status: string): ErrorResult =>
    classic(409, ERROR_ATTESTATION_NOT_PENDING, `Only a pending attestation can expire; this one is ${status}.`),
  linkExpired: (): ErrorResult => classic(410, ERROR_ATTESTATION_EXPIRED, 'The acceptance link expired before the customer accepted.'),
};

// ---------------------------------------------------------------------------------------------------
// Bodies, tokens and the acceptance page.

/** CHOSEN: the enhanced calls take small bodies; larger ones get 413 before anything is parsed. */
export const ENHANCED_MAX_BODY_BYTES = 16 * 1024;
/** `attributes.objectType` of an attestation. */
export const ATTESTATION_OBJECT_TYPE = 'EnhancedAttestation';
/** CHOSEN (sandbox only): the profile (`GET /v1/profiles/me`) names the partner's app registration in this field. */
export const PROFILE_APP_FIELD = 'appClientId';
/** CHOSEN: the partner-wide record's field for the attestation its latest agreement was finalised from. */
export const RECORD_ATTESTATION_FIELD = 'lastAgreementAttestationId';

/** The acceptance link's key: 32 random bytes (256 bits), base64url. */
export function newAcceptanceToken(): string {
  return randomBytes(32).toString('base64url');
}
export const ACCEPTANCE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The acceptance page's Content-Security-Policy: nothing loads but its own inline style (by nonce); the form posts to itself. */
export function acceptancePageCsp(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;
}

export type PageLanguage = 'en' | 'nl';

/** The page is Dutch for a Dutch attestation language (`nl`, `nl-NL`, `nl-BE`), English otherwise. */
export function pageLanguageOf(language: string): PageLanguage {
  return /^nl(-|$)/i.test(language) ? 'nl' : 'en';
}

/** The labels the reference fixes (checkbox and button) and the rest of the page's text. */
export const acceptanceTexts: Record<
  PageLanguage,
  {
    title: string;
    heading: string;
    intro: (company: string, signer: string) => string;
    document: (country: string) => string;
    checkbox: string;
    button: string;
    mustTick: string;
    recorded: string;
    alreadyAccepted: string;
    expired: string;
    notFound: string;
    sandboxNote: string;
  }
> = {
  en: {
    title: 'Accept the Microsoft Customer Agreement',
    heading: 'Microsoft Customer Agreement',
    intro: (company, signer) => `${signer}, you are asked to accept the Microsoft Customer Agreement on behalf of ${company}.`,
    document: (country) => `Read the Microsoft Customer Agreement (${country})`,
    checkbox: 'I accept the Microsoft Customer Agreement',
    button: 'Accept',
    mustTick: 'Tick the box to accept the agreement, then choose Accept.',
    recorded: 'Thank you. Your acceptance of the Microsoft Customer Agreement was recorded.',
    alreadyAccepted: 'This agreement was already accepted. Nothing changed.',
    expired: 'This link has expired. Ask your partner for a new one.',
    notFound: 'This link is not valid.',
    sandboxNote: 'This page is the MCA Desk sandbox\u2019s stand-in for Microsoft\u2019s acceptance page. Nothing here reaches Microsoft.',
  },
  nl: {
    title: 'De Microsoft-klantovereenkomst accepteren',
    heading: 'Microsoft-klantovereenkomst',
    intro: (company, signer) => `${signer}, u wordt gevraagd de Microsoft-klantovereenkomst te accepteren namens ${company}.`,
    document: (country) => `De Microsoft-klantovereenkomst lezen (${country})`,
    checkbox: 'Ik accepteer de Microsoft-klantovereenkomst',
    button: 'Accepteren',
    mustTick: 'Vink het vakje aan om de overeenkomst te accepteren en kies dan Accepteren.',
    recorded: 'Dank u. Uw acceptatie van de Microsoft-klantovereenkomst is vastgelegd.',
    alreadyAccepted: 'Deze overeenkomst was al geaccepteerd. Er is niets gewijzigd.',
    expired: 'Deze link is verlopen. Vraag uw partner om een nieuwe.',
    notFound: 'Deze link is niet geldig.',
    sandboxNote:
      'Deze pagina is de vervanger van de MCA Desk-sandbox voor de acceptatiepagina van Microsoft. Niets hiervan bereikt Microsoft.',
  },
};
