/**
 * The customer list's continuation (`links.next` with its `MS-ContinuationToken` header) as an opaque
 * string for the renderer, checked again when it comes back: it must be one MCA Desk gave out and
 * point at the customer list of the same backend.
 */
import type { NextLink } from './partner-center/client';
import { resolveApiUrl } from './partner-center/http';
import { hostError } from './errors';

const CONTINUATION_PREFIX = 'c1.';

export function encodeContinuation(next: NextLink): string {
  return CONTINUATION_PREFIX + Buffer.from(JSON.stringify({ u: next.uri, h: next.headers }), 'utf8').toString('base64url');
}

export function decodeContinuation(token: string, baseUrl: string): NextLink {
  const invalid = () =>
    hostError('bad-request', 'The continuation token is not one MCA Desk gave out.', {
      issues: [{ path: 'continuationToken', message: 'invalid' }],
    });
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
  const headers = value.h.filter(
    (header): header is { key: string; value: string } => !!header && typeof header.key === 'string' && typeof header.value === 'string',
  );
  return { uri: value.u, headers };
}
