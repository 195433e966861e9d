/**
 * The one validated entry for every channel, shared by Electron IPC and the browser bridge: the
 * channel must be in the contract, the payload is parsed with the channel's request schema before
 * any work, the answer is checked against the response schema, and every failure becomes a typed
 * error envelope. A bad payload changes nothing.
 */
import { contract, isChannelName, type ChannelName, type ChannelResponse } from '../../shared/ipc/contract';
import { badRequest, type Envelope } from '../../shared/ipc/errors';
import type { z } from 'zod';
import { PartnerCenterError } from './partner-center/errors';
import { toIpcError } from './verdict';

export type ParsedRequest<C extends ChannelName> = z.output<(typeof contract)[C]['request']>;
export type ChannelHandlers = { [C in ChannelName]: (request: ParsedRequest<C>) => Promise<z.input<(typeof contract)[C]['response']>> };

export interface Logger {
  warn(message: string): void;
  error(message: string): void;
}

export interface Dispatcher {
  (channel: unknown, payload: unknown): Promise<Envelope<unknown>>;
}

export function createDispatcher(handlers: ChannelHandlers, options: { log?: Logger; onAuthLost?: () => Promise<void> } = {}): Dispatcher {
  return async (channel, payload) => {
    if (!isChannelName(channel)) return { ok: false, error: { code: 'unknown-channel', message: 'There is no such channel.', retryable: false } };
    const spec = contract[channel];
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success) return { ok: false, error: { ...badRequest(parsed.error), retryable: false } };
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
