/**
 * The HTTP layer under the Partner Center client: the standard headers, a time limit on every call,
 * Retry-After, bounded retries of idempotent calls, and link resolution that avoids the double-/v1
 * pitfall (reference §8). Uses the global `fetch` (undici in Node, Chromium's in Electron's `net`
 * if the main process passes it) so it runs the same in tests, browser mode and Electron.
 */
import { randomUUID } from 'node:crypto';
import { PartnerCenterError, parseClaimsChallenge, parseErrorBody, parseRetryAfter } from './errors';
import { RetryAfterHolds, type RetryAfterHold } from './retry-after-hold';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpOptions {
  /** The API root, e.g. `https://api.partnercenter.microsoft.com` or the sandbox's `http://127.0.0.1:4010`. A trailing `/v1` is tolerated. */
  baseUrl: string;
  /** Answers a bearer token, or throws (`AuthRequiredError`) when there is none. */
  getAccessToken: () => Promise<string>;
  /** `X-Locale`, the language of returned texts. */
  locale?: string;
  /** Time limit per attempt, in ms (connect + answer + body). */
  timeoutMs?: number;
  /** Retries of idempotent calls after a retryable failure (network, timeout, 408, 429, 5xx). */
  maxRetries?: number;
  /** A `Retry-After` longer than this is not waited for inside a call: the error goes to the caller. */
  maxRetryWaitMs?: number;
  /** First backoff step when the server gave no `Retry-After`; doubles per attempt, with jitter. */
  backoffBaseMs?: number;
  /** `MS-PartnerCenter-Application`. */
  applicationName?: string;
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  random?: () => number;
  /** Called with every answer's `Date` header, to track the server's clock. */
  onServerDate?: (serverDate: Date, localDate: Date) => void;
  /** The `Retry-After` holds shared with the other clients of the host (by default this client's own). */
  retryAfterHolds?: RetryAfterHolds;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Extra headers, e.g. `MS-ContinuationToken` from a next link. */
  headers?: Record<string, string>;
  /** `MS-RequestId`: stable across the retries of one logical request (the idempotency key). */
  requestId?: string;
  /** Defaults: GET retries `maxRetries` times; POST does not retry unless told (only with a stable request id). */
  retries?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined for an empty body. */
  body: unknown;
  requestId: string;
}

const DEFAULTS = { timeoutMs: 30_000, maxRetries: 2, maxRetryWaitMs: 10_000, backoffBaseMs: 500, locale: 'en-US' };

/** The API root without a trailing slash or `/v1`. */
export function apiRoot(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Unsupported API URL scheme: ${url.protocol}`);
  url.search = '';
  url.hash = '';
  let path = url.pathname.replace(/\/+$/, '');
  if (path.toLowerCase().endsWith('/v1')) path = path.slice(0, -3);
  return `${url.origin}${path}`;
}

/**
 * Joins a path or a `links.next.uri` to the API root. Customer links already start with `/v1/`
 * (joining them to `/v1` made PowerShell request `/v1//v1/customers`); other resources' links are
 * relative to `/v1`. An absolute link is followed only to the same origin (never send the token elsewhere).
 */
export function resolveApiUrl(baseUrl: string, pathOrLink: string): URL {
  const root = apiRoot(baseUrl);
  const rootUrl = new URL(root);
  if (/^[a-z][a-z0-9+.-]*:/i.test(pathOrLink)) {
    const absolute = new URL(pathOrLink);
    if (absolute.origin !== rootUrl.origin) throw new Error(`Refusing to follow a link to another origin: ${absolute.origin}`);
    return absolute;
  }
  if (pathOrLink.startsWith('//')) throw new Error('Refusing a protocol-relative link.');
  const path = pathOrLink.startsWith('/') ? pathOrLink : `/${pathOrLink}`;
  const withVersion = /^\/v1(\/|$|\?)/i.test(path) ? path : `/v1${path}`;
  return new URL(`${root}${withVersion}`);
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

export class PartnerCenterHttp {
  private readonly options: Required<Pick<HttpOptions, 'timeoutMs' | 'maxRetries' | 'maxRetryWaitMs' | 'backoffBaseMs' | 'locale'>> &
    HttpOptions;
  private readonly fetchImpl: FetchLike;
  /**
   * Until when the backend asked us to wait (its last 429/503 `Retry-After`). The limit is per
   * partner, not per call: while it runs, no call of any client of this API root goes out (each one
   * fails locally as throttled, with the time left), so calls already under way when the 429 came do
   * not send their next request early and count against the limit again.
   */
  private readonly hold: RetryAfterHold;

  constructor(options: HttpOptions) {
    const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as HttpOptions;
    this.options = { ...DEFAULTS, ...given };
    apiRoot(options.baseUrl); // validate early
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.hold = (options.retryAfterHolds ?? new RetryAfterHolds()).for(apiRoot(options.baseUrl));
  }

  get baseUrl(): string {
    return apiRoot(this.options.baseUrl);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private sleep(ms: number): Promise<void> {
    return this.options.sleep?.(ms) ?? new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Full-jitter exponential backoff, floored by the server's Retry-After. */
  backoffMs(attempt: number, retryAfterMs?: number): number {
    const random = this.options.random?.() ?? Math.random();
    const exponential = this.options.backoffBaseMs * 2 ** attempt;
    const jittered = Math.round(exponential / 2 + (random * exponential) / 2);
    return Math.max(retryAfterMs ?? 0, jittered);
  }

  async request(pathOrLink: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const method = options.method ?? 'GET';
    const url = resolveApiUrl(this.options.baseUrl, pathOrLink);
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    // One logical request, one MS-RequestId, whatever the number of attempts.
    const requestId = options.requestId ?? randomUUID();
    const retries = options.retries ?? (method === 'GET' ? this.options.maxRetries : 0);
    let attempt = 0;
    for (;;) {
      try {
        return await this.attempt(url, method, requestId, options);
      } catch (error) {
        if (!(error instanceof PartnerCenterError) || !error.retryable || attempt >= retries || options.signal?.aborted) throw error;
        const waitMs = this.backoffMs(attempt, error.retryAfterMs);
        if (waitMs > this.options.maxRetryWaitMs) throw error;
        attempt += 1;
        const owed = this.hold.untilMs;
        await this.sleep(waitMs);
        // The hold is served (unless a newer 429 extended it) once its time has come (2 ms for timer vs
        // wall-clock rounding), or when this call waited out a Retry-After of its own. Not merely because
        // it slept: a call whose error carried no Retry-After (a 5xx, a dropped connection) sleeps less than
        // the hold and must not lift it for every other call.
        const served = this.now().getTime() >= owed - 2 || (error.retryAfterMs !== undefined && waitMs >= error.retryAfterMs);
        if (this.hold.untilMs === owed && served) this.hold.untilMs = 0;
      }
    }
  }

  /** How long the backend still wants us to wait (0 when it does not). */
  get retryAfterRemainingMs(): number {
    return Math.max(0, this.hold.untilMs - this.now().getTime());
  }

  /** A 429 (or 503) with Retry-After holds every call of this client, from the moment its headers arrive. */
  private noteRetryAfter(response: Response): void {
    if (response.status !== 429 && response.status !== 503) return;
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.now());
    if (retryAfterMs !== undefined && retryAfterMs > 0) this.hold.extendTo(this.now().getTime() + retryAfterMs);
  }

  private async attempt(url: URL, method: 'GET' | 'POST', requestId: string, options: RequestOptions): Promise<HttpResponse> {
    const path = url.pathname;
    const token = await this.options.getAccessToken();
    // Checked after the last await before the request goes out, so a 429 heard meanwhile counts too.
    const remaining = this.retryAfterRemainingMs;
    if (remaining > 0)
      throw new PartnerCenterError({
        kind: 'http',
        status: 429,
        retryAfterMs: remaining,
        description: 'The backend asked to wait before the next request (Retry-After); nothing was sent.',
        requestId,
        method,
        path,
      });
    const correlationId = randomUUID();
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${token}`,
      'MS-RequestId': requestId,
      'MS-CorrelationId': correlationId,
      'X-Locale': this.options.locale,
      ...(this.options.applicationName ? { 'MS-PartnerCenter-Application': this.options.applicationName } : {}),
      ...(options.headers ?? {}),
    };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    const base = { requestId, correlationId, method, path };
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(url.toString(), { method, headers, body, signal, redirect: 'error' });
      this.noteRetryAfter(response);
      text = await response.text();
    } catch (error) {
      if (timeout.aborted) throw new PartnerCenterError({ ...base, kind: 'timeout', description: `No answer within ${timeoutMs} ms.` });
      if (isAbortError(error)) throw new PartnerCenterError({ ...base, kind: 'network', description: 'The request was cancelled.' });
      const cause = error instanceof Error ? ((error.cause as { code?: string } | undefined)?.code ?? error.message) : String(error);
      throw new PartnerCenterError({ ...base, kind: 'network', description: `The backend could not be reached (${cause}).` });
    }
    const dateHeader = response.headers.get('date');
    if (dateHeader && this.options.onServerDate) {
      const serverDate = new Date(dateHeader);
      if (!Number.isNaN(serverDate.getTime())) this.options.onServerDate(serverDate, this.now());
    }
    if (!response.ok) {
      const parsed = parseErrorBody(text);
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.now());
      throw new PartnerCenterError({
        ...base,
        kind: 'http',
        status: response.status,
        code: parsed.code,
        description: parsed.description ?? (response.statusText || `HTTP ${response.status}`),
        errorName: parsed.errorName,
        isRetryable: parsed.isRetryable,
        retryAfterMs,
        ...(response.status === 401 ? { claimsChallenge: parseClaimsChallenge(response.headers.get('www-authenticate')) } : {}),
      });
    }
    let json: unknown;
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        throw new PartnerCenterError({
          ...base,
          kind: 'invalid-response',
          status: response.status,
          description: 'The answer is not JSON.',
        });
      }
    }
    return { status: response.status, headers: response.headers, body: json, requestId };
  }
}
