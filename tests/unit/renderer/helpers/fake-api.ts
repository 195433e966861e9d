/**
 * A `window.api` for component and store tests: every channel answers a typed envelope from a
 * handler the test can replace; unhandled channels answer `unavailable`, and every call is recorded.
 */
import { channelNames, type ChannelName, type ChannelRequest, type ChannelResponse, type WindowApi } from '../../../../shared/ipc/contract';
import type { Envelope, IpcError } from '../../../../shared/ipc/errors';
import type { PartnerUser } from '../../../../shared/domain/roles';

export type Handler<C extends ChannelName> = (request: ChannelRequest<C>) => ChannelResponse<C> | Promise<ChannelResponse<C>>;

export class ApiFailure extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
  }
}

export interface FakeApi {
  api: WindowApi;
  calls: Array<{ channel: ChannelName; request: unknown }>;
  on<C extends ChannelName>(channel: C, handler: Handler<C>): void;
}

export function createFakeApi(): FakeApi {
  const handlers = new Map<ChannelName, Handler<ChannelName>>();
  const calls: FakeApi['calls'] = [];
  const api = Object.fromEntries(
    channelNames.map((channel) => [
      channel,
      async (request: unknown): Promise<Envelope<unknown>> => {
        calls.push({ channel, request });
        const handler = handlers.get(channel);
        if (!handler) return { ok: false, error: { code: 'unavailable', message: `${channel} is not faked` } };
        try {
          return { ok: true, data: await handler(request as never) };
        } catch (error) {
          if (error instanceof ApiFailure) return { ok: false, error: error.error };
          throw error;
        }
      },
    ]),
  ) as unknown as WindowApi;
  return {
    api,
    calls,
    on(channel, handler) {
      handlers.set(channel, handler as unknown as Handler<ChannelName>);
    },
  };
}

export const ADMIN: PartnerUser = {
  userId: '0f0f0f0f-0000-4000-8000-000000000001',
  userName: 'admin@contoso.example',
  displayName: 'Alex Admin',
  roles: ['admin-agent'],
  partnerType: 'direct-bill',
  partnerTenantId: '0f0f0f0f-0000-4000-8000-0000000000aa',
  partnerName: 'Contoso Cloud Partners',
};

export const HELPDESK: PartnerUser = {
  ...ADMIN,
  userId: '0f0f0f0f-0000-4000-8000-000000000002',
  userName: 'helpdesk@contoso.example',
  displayName: 'Harper Helpdesk',
  roles: ['helpdesk-agent'],
};

export const RESELLER: PartnerUser = {
  ...ADMIN,
  userId: '0f0f0f0f-0000-4000-8000-000000000003',
  userName: 'admin@tailspin.example',
  displayName: 'Taylor Tailspin',
  partnerType: 'indirect-reseller',
  partnerName: 'Tailspin Resellers',
};
