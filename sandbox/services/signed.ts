/**
 * Small signed, opaque tokens (continuation tokens, document links): base64url JSON plus an HMAC, so
 * a client can neither read meaning into them nor forge or alter one. Anything malformed is undefined.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

export function seal(payload: unknown, key: Buffer): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

export function unseal<S extends z.ZodTypeAny>(token: string | undefined | null, key: Buffer, schema: S): z.output<S> | undefined {
  if (!token || token.length > 4096) return undefined;
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(createHmac('sha256', key).update(body).digest('base64url'));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
