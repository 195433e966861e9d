import type { MiddlewareHandler } from 'hono';
import { randomUUID } from 'node:crypto';
import type { AppEnv } from './context';
import { errors, send } from './errors';
import { isGuid } from '../ids';

const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

/**
 * Partner Center's request headers: `MS-RequestId` (idempotency; made up when missing, as the real
 * server does), `MS-CorrelationId` (echoed back), `X-Locale` (echoed as Content-Language; the sandbox
 * writes its texts in en-US only). Malformed values are refused with 400 rather than echoed.
 */
export function partnerCenterHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = c.req.header('ms-requestid');
    const correlationId = c.req.header('ms-correlationid');
    const locale = c.req.header('x-locale');
    c.set('requestIdGiven', requestId !== undefined && requestId !== '');
    c.set('requestId', requestId || randomUUID());
    c.set('correlationId', correlationId || randomUUID());
    c.header('MS-RequestId', c.get('requestId'));
    c.header('MS-CorrelationId', c.get('correlationId'));
    c.header('MS-CV', `${randomUUID().slice(0, 8)}.0`);
    c.header('MS-ServerId', 'mca-desk-sandbox');
    if (requestId && !isGuid(requestId)) {
      c.header('MS-RequestId', randomUUID());
      return send(c, errors.badInput('MS-RequestId must be a GUID.'));
    }
    if (correlationId && !isGuid(correlationId)) {
      c.header('MS-CorrelationId', randomUUID());
      return send(c, errors.badInput('MS-CorrelationId must be a GUID.'));
    }
    if (locale !== undefined) {
      if (!LOCALE.test(locale)) return send(c, errors.badInput('X-Locale must be a language tag such as en-US.'));
      c.header('Content-Language', 'en-US');
    }
    await next();
  };
}
