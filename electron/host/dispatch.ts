/**
 * The one validated entry for every channel, shared by Electron IPC and the browser bridge: the
 * channel must be in the contract, the payload is parsed with the channel's request schema before
 * any work, the answer is checked against the response schema, and every failure becomes a typed
 * error envelope with the host's verdict. A bad payload changes nothing. `withAccess` is the one
 * place that enforces each channel's declared access (a signed-in user) before its handler runs.
 */
import { contract, isChannelName, type ChannelName, type ChannelResponse, type Contract } from '../../shared/ipc/contract';
import { badRequest, type Envelope } from '../../shared/ipc/errors';
import type { PartnerUser } from '../../shared/domain/roles';
import type { z } from 'zod';
import { AuthRequiredError } from './errors';
import { PartnerCenterError } from './partner-center/errors';
import { toIpcError } from './verdict';

export type ParsedRequest<C extends ChannelName> = z.output<Contract[C]['request']>;
type Answer<C extends ChannelName> = Promise<z.input<Contract[C]['response']>>;

/** What the dispatcher calls: one function per channel, on a parsed request. */
export type ChannelHandlers = { [C in ChannelName]: (request: ParsedRequest<C>) => Answer<C> };

/** What a handler knows about its call: on a `signed-in` channel the user is always there. */
export interface CallContext<C extends ChannelName> {
  user: Contract[C]['access'] extends 'signed-in' ? PartnerUser : PartnerUser | null;
}

/** What a capability's handler file implements. */
export type ChannelImplementations = { [C in ChannelName]: (request: ParsedRequest<C>, call: CallContext<C>) => Answer<C> };

export interface Logger {
  warn(message: string): void;
  error(message: string): void;
}

export interface Dispatcher {
  (channel: unknown, payload: unknown): Promise<Envelope<unknown>>;
}

/**
 * The handlers with each channel's access enforced: `ready` (the host's start) has run, then a
 * `signed-in` channel without a signed-in user answers auth-required and its handler never runs.
 */
export function withAccess(
  implementations: ChannelImplementations,
  session: { ready: () => Promise<void>; currentUser: () => PartnerUser | null },
): ChannelHandlers {
  const guarded = {} as Record<ChannelName, (request: unknown) => Promise<unknown>>;
  for (const name of Object.keys(contract) as ChannelName[]) {
    const implementation = implementations[name] as (request: unknown, call: { user: PartnerUser | null }) => Promise<unknown>;
    guarded[name] = async (request) => {
      await session.ready();
      const user = session.currentUser();
      if (contract[name].access === 'signed-in' && !user) throw new AuthRequiredError();
      return implementation(request, { user });
    };
  }
  return guarded as unknown as ChannelHandlers;
}

export function createDispatcher(
  handlers: ChannelHandlers,
  options: { log?: Logger; onAuthLost?: (error: PartnerCenterError) => Promise<void> } = {},
): Dispatcher {
  return async (channel, payload) => {
    if (!isChannelName(channel))
      return { ok: false, error: { code: 'unknown-channel', message: 'There is no such channel.', retryable: false } };
    const spec = contract[channel];
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success) return { ok: false, error: { ...badRequest(parsed.error), retryable: false } };
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      const data = await handler(parsed.data);
      const checked = spec.response.safeParse(data);
      if (!checked.success) {
        options.log?.error(
          `The ${channel} answer does not match the contract: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`,
        );
        return { ok: false, error: { code: 'internal', message: 'MCA Desk produced an answer it cannot use.' } };
      }
      return { ok: true, data: checked.data as ChannelResponse<typeof channel> };
    } catch (error) {
      if (error instanceof PartnerCenterError && error.status === 401) await options.onAuthLost?.(error).catch(() => undefined);
      return { ok: false, error: toIpcError(error, options.log, channel) };
    }
  };
}
