/**
 * The one validated entry for every channel, shared by Electron IPC and the browser bridge: the
 * channel must be in the contract, the payload is parsed with the channel's request schema before
 * any work, the answer is checked against the response schema, and every failure becomes a typed
 * error envelope. A bad payload changes nothing.
 */
import { contract, isChannelName, type ChannelName, type ChannelResponse } from '../../shared/ipc/contract';
import { badRequest, type Envelope, type IpcError } from '../../shared/ipc/errors';
import type { z } from 'zod';
import { HostError } from './errors';
import { PartnerCenterError } from './partner-center/errors';

export type ParsedRequest<C extends ChannelName> = z.output<(typeof contract)[C]['request']>;
export type ChannelHandlers = { [C in ChannelName]: (request: ParsedRequest<C>) => Promise<z.input<(typeof contract)[C]['response']>> };

export interface Logger {
  warn(message: string): void;
  error(message: string): void;
}

/** Maps any failure to the error the renderer gets. Messages never include tokens or request bodies. */
export function toIpcError(error: unknown, log?: Logger, channel?: string): IpcError {
  if (error instanceof HostError) return error.detail;
  if (error instanceof PartnerCenterError) {
    const base = { backendCode: error.code, status: error.status };
    if (error.kind === 'timeout') return { code: 'timeout', message: 'The backend did not answer in time.' };
    if (error.kind === 'network') return { code: 'network', message: 'The backend could not be reached.', reason: error.description };
    if (error.kind === 'invalid-response') return { code: 'backend', message: error.description };
    switch (error.status) {
      case 401:
        return { code: 'auth-required', message: 'The backend no longer accepts the session. Sign in again.', ...base };
      case 403:
        return { code: 'forbidden', message: error.description, ...base };
      case 404:
        return { code: 'not-found', message: error.description, ...base };
      case 409:
        return { code: 'conflict', message: error.description, ...base };
      case 429:
        return { code: 'throttled', message: 'The backend asks to slow down.', ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}), ...base };
      default:
        return { code: 'backend', message: error.description, ...base };
    }
  }
  log?.error(`Unexpected error${channel ? ` in ${channel}` : ''}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  return { code: 'internal', message: 'Something went wrong inside MCA Desk.' };
}

export interface Dispatcher {
  (channel: unknown, payload: unknown): Promise<Envelope<unknown>>;
}

export function createDispatcher(handlers: ChannelHandlers, options: { log?: Logger; onAuthLost?: () => Promise<void> } = {}): Dispatcher {
  return async (channel, payload) => {
    if (!isChannelName(channel)) return { ok: false, error: { code: 'unknown-channel', message: 'There is no such channel.' } };
    const spec = contract[channel];
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success) return { ok: false, error: badRequest(parsed.error) };
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      const data = await handler(parsed.data);
      const checked = spec.response.safeParse(data);
      if (!checked.success) {
        options.log?.error(`The ${channel} answer does not match the contract: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`);
        return { ok: false, error: { code: 'internal', message: 'MCA Desk produced an answer it cannot use.' } };
      }
      return { ok: true, data: checked.data as ChannelResponse<typeof channel> };
    } catch (error) {
      if (error instanceof PartnerCenterError && error.status === 401) await options.onAuthLost?.().catch(() => undefined);
      return { ok: false, error: toIpcError(error, options.log, channel) };
    }
  };
}
