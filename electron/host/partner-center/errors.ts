/**
 * Partner Center failures as one typed error. Real error bodies vary (reference §10): `code` is a
 * number or a string, the text is `description` or `message`, 429 answers `{statusCode, message}`,
 * identity errors `{error, error_description}`, gateways answer HTML or nothing. So bodies are read
 * loosely, never trusted to have a shape, and never copied whole into messages.
 */
import { apiErrorBodySchema } from '../../../shared/api/partner-center';

export type PartnerCenterErrorKind =
  /** The server answered with a non-2xx status. */
  | 'http'
  /** The request never got an answer (refused, reset, DNS, dropped connection). */
  | 'network'
  /** No answer within the call's time limit. */
  | 'timeout'
  /** A 2xx answer whose body is not what the endpoint returns. */
  | 'invalid-response';

export interface PartnerCenterErrorInit {
  kind: PartnerCenterErrorKind;
  status?: number;
  code?: string | number;
  description: string;
  errorName?: string;
  retryAfterMs?: number;
  isRetryable?: boolean;
  requestId?: string;
  correlationId?: string;
  method?: string;
  path?: string;
  /** A 401's claims challenge (`WWW-Authenticate: … error="insufficient_claims", claims="<base64>"`), decoded: what an interactive sign-in must ask for. */
  claimsChallenge?: string;
}

const MAX_DESCRIPTION = 500;

export class PartnerCenterError extends Error {
  readonly kind: PartnerCenterErrorKind;
  readonly status?: number;
  /** The backend's code, a number when it is all digits ("600061" and 600061 are the same code). */
  readonly code?: string | number;
  readonly description: string;
  readonly errorName?: string;
  readonly retryAfterMs?: number;
  /** The body's own `isRetryable`, when it said. */
  readonly isRetryable?: boolean;
  readonly requestId?: string;
  readonly correlationId?: string;
  readonly method?: string;
  readonly path?: string;
  readonly claimsChallenge?: string;

  constructor(init: PartnerCenterErrorInit) {
    const where = init.method && init.path ? ` (${init.method} ${init.path})` : '';
    const status = init.status ? `${init.status} ` : '';
    super(`Partner Center ${init.kind} error${where}: ${status}${init.code !== undefined ? `[${init.code}] ` : ''}${init.description}`);
    this.name = 'PartnerCenterError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = normaliseCode(init.code);
    this.description = init.description;
    this.errorName = init.errorName;
    this.retryAfterMs = init.retryAfterMs;
    this.isRetryable = init.isRetryable;
    this.requestId = init.requestId;
    this.correlationId = init.correlationId;
    this.method = init.method;
    this.path = init.path;
    this.claimsChallenge = init.claimsChallenge;
  }

  /**
   * Whether trying again later can succeed: no answer, a timeout, a status `isRetryableStatus`
   * allows, or a body that says so. (The host's verdict, `verdict.ts`, is built on this.)
   */
  get retryable(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    if (this.kind === 'invalid-response') return false;
    const status = this.status ?? 0;
    if (isRetryableStatus(status)) return true;
    if (status >= 400 && status < 500) return false;
    return this.isRetryable === true;
  }

  hasCode(code: number | string): boolean {
    return this.code !== undefined && String(this.code) === String(code);
  }
}

/**
 * Whether an HTTP status means "not now" rather than "no": 408, 409 (in progress), 425, 429 and 5xx
 * except 501. Every other 4xx is permanent (the item needs the agent).
 */
export function isRetryableStatus(status: number): boolean {
  if (status === 408 || status === 409 || status === 425 || status === 429) return true;
  return status >= 500 && status !== 501;
}

export function normaliseCode(code: unknown): string | number | undefined {
  if (typeof code === 'number' && Number.isFinite(code)) return code;
  if (typeof code === 'string') {
    const trimmed = code.trim();
    if (/^-?\d{1,15}$/.test(trimmed)) return Number(trimmed);
    return trimmed.length > 0 ? trimmed.slice(0, 100) : undefined;
  }
  return undefined;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}

/**
 * The claims challenge of a `WWW-Authenticate` header (Microsoft identity platform: base64 JSON in
 * `claims="…"`), decoded, or undefined when there is none or it is not JSON.
 */
export function parseClaimsChallenge(header: string | null | undefined): string | undefined {
  const match = header ? /\bclaims="([A-Za-z0-9+/=_-]{1,4096})"/.exec(header) : null;
  if (!match) return undefined;
  try {
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    JSON.parse(decoded);
    return decoded;
  } catch {
    return undefined;
  }
}

function clip(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > MAX_DESCRIPTION ? `${single.slice(0, MAX_DESCRIPTION - 1)}…` : single;
}

export interface ParsedErrorBody {
  code?: string | number;
  description?: string;
  errorName?: string;
  isRetryable?: boolean;
}

/**
 * Reads whatever an error response carried: JSON of any of the known shapes (also nested under
 * `error`, or as a JSON string), plain text, or HTML (tags dropped). Never throws.
 */
export function parseErrorBody(text: string): ParsedErrorBody {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    json = undefined;
  }
  if (typeof json === 'string') return { description: clip(json) };
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const object = json as Record<string, unknown>;
    // Graph/ARM style: { "error": { "code": "...", "message": "..." } }
    if (object.error && typeof object.error === 'object' && !Array.isArray(object.error)) {
      const inner = parseErrorBody(JSON.stringify(object.error));
      if (inner.code !== undefined || inner.description !== undefined) return inner;
    }
    const parsed = apiErrorBodySchema.safeParse(object);
    const body = parsed.success ? parsed.data : {};
    const loose = object as { code?: unknown; description?: unknown; message?: unknown; error?: unknown; error_description?: unknown };
    const description = [
      body.description,
      body.message,
      body.error_description,
      typeof loose.error === 'string' ? loose.error : undefined,
    ].find((value): value is string => typeof value === 'string' && value.trim() !== '');
    return {
      code: normaliseCode(loose.code ?? (typeof loose.error === 'string' ? loose.error : undefined)),
      description: description ? clip(description) : undefined,
      errorName: typeof body.errorName === 'string' ? body.errorName : undefined,
      isRetryable: typeof body.isRetryable === 'boolean' ? body.isRetryable : undefined,
    };
  }
  if (Array.isArray(json)) return {};
  // Plain text or HTML from a gateway: keep a short, tag-free excerpt.
  const withoutTags = trimmed.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
  const excerpt = clip(withoutTags);
  return excerpt ? { description: excerpt } : {};
}
