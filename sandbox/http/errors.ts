/**
 * Error bodies in Partner Center's shapes (reference §10): the classic `{code, description, data,
 * source}`, the richer agreement-service shape for 600061/600002 (documented for 600061), `{statusCode,
 * message}` for 429 and OAuth's `{error, error_description}`. Codes marked "sandbox" are not documented
 * by Microsoft; the sandbox picked them.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  ERROR_AGREEMENT_ALREADY_EXISTS,
  ERROR_DATE_IN_FUTURE,
  ERROR_ROLE_NOT_PERMITTED,
  MESSAGE_AGREEMENT_ALREADY_EXISTS,
  MESSAGE_DATE_IN_FUTURE,
  MESSAGE_ROLE_NOT_PERMITTED,
} from '../../shared/domain/errors';

export interface ErrorResult {
  status: ContentfulStatusCode;
  body: Record<string, unknown>;
}

/** The classic Partner Center error body. */
export function classic(status: ContentfulStatusCode, code: number, description: string, data: unknown[] = []): ErrorResult {
  return { status, body: { code, description, data, source: 'PartnerApiServiceControllers' } };
}

/** The agreement service's richer body (documented for 600061, reference §2). */
export function rich(status: ContentfulStatusCode, code: number, message: string, errorName: string): ErrorResult {
  return {
    status,
    body: {
      code,
      message,
      description: message,
      errorName,
      isRetryable: false,
      parameters: {},
      errorMessageExtended: `InternalErrorCode=${code}`,
    },
  };
}

/** Generic bad-input code (the documented "Tenant Id must be a GUID." body uses 2000). */
export const BAD_INPUT = 2000;

export const errors = {
  badInput: (description: string, data: unknown[] = []) => classic(400, BAD_INPUT, description, data),
  invalidTenantId: () => classic(400, BAD_INPUT, 'Tenant Id must be a GUID.'),
  tokenMissing: () =>
    ({ status: 401, body: { code: 800001, description: 'Partner token missing', data: [], source: 'PartnerFD' } }) as ErrorResult,
  tokenInvalid: () =>
    ({ status: 401, body: { code: 1002, description: 'Authorization Failed', data: [], source: 'PartnerFD' } }) as ErrorResult,
  roleNotPermitted: () => classic(403, ERROR_ROLE_NOT_PERMITTED, MESSAGE_ROLE_NOT_PERMITTED),
  /** Sandbox wording; the code is the role error's, the cause is the partner type (reference §9). */
  resellerNotPermitted: () =>
    classic(
      403,
      ERROR_ROLE_NOT_PERMITTED,
      `${MESSAGE_ROLE_NOT_PERMITTED} Indirect resellers cannot confirm customer acceptance: their indirect provider does.`,
    ),
  noRelationship: () => classic(403, 20002, 'The partner does not have a commerce relationship with the customer.'),
  customerNotFound: () => classic(404, 60003, 'Tenant not found.'),
  notFound: (what = 'The requested resource was not found.') => classic(404, 404, what),
  dateInFuture: () => rich(400, ERROR_DATE_IN_FUTURE, MESSAGE_DATE_IN_FUTURE, 'DateAgreedCannotBeInTheFuture'),
  /** The HTTP status of 600061 is undocumented (reference §13); the sandbox answers 409 (AlreadyExists). */
  agreementExists: () =>
    rich(409, ERROR_AGREEMENT_ALREADY_EXISTS, MESSAGE_AGREEMENT_ALREADY_EXISTS, 'PartnerConfirmedAgreementAlreadyExists'),
  templateRetired: (id: string) => classic(400, BAD_INPUT, `Microsoft Cloud Agreement Template ID '${id}' is no longer supported.`),
  templateUnknown: (id: string) => classic(400, BAD_INPUT, `Template ID '${id}' is not valid.`),
  /** Sandbox code: the domain of a new customer is taken. */
  domainTaken: (domain: string) => classic(409, 1000, `The domain '${domain}' is not available.`),
  registrationIdMissing: () => classic(400, 600049, 'Organization registration ID is required for this country.'),
  phoneMissing: () => classic(400, 600051, 'Phone number is required for this country.'),
  requestIdReused: () => classic(400, BAD_INPUT, 'MS-RequestId was already used for a different operation.'),
  payloadTooLarge: (max: number) => classic(413, 413, `The request body is larger than ${max} bytes.`),
  unsupportedMediaType: () => classic(415, 415, 'The request body must be JSON (Content-Type: application/json).'),
  internal: () =>
    ({
      status: 500,
      body: { code: 500, description: 'Internal server error.', data: [], source: 'PartnerFD', isRetryable: true },
    }) as ErrorResult,
};

export function send(c: Context, result: ErrorResult): Response {
  return c.json(result.body, result.status);
}
