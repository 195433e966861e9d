/**
 * The renderer's one way to the main process. In Electron the preload put `window.api` there; in
 * browser mode there is none, so the bridge implementation is used. Callers get data or an
 * `ApiError` and never know which transport answered.
 */
import type { ChannelName, ChannelRequest, ChannelResponse, WindowApi } from '../../../shared/ipc/contract';
import { ApiError } from '../../../shared/ipc/errors';
import { createWebApi } from './web-api';

declare global {
  interface Window {
    api?: WindowApi;
  }
}

let transport: WindowApi | undefined;

export function windowApi(): WindowApi {
  transport ??= window.api ?? createWebApi();
  return transport;
}

/** For tests: use this transport instead of the real one. */
export function useTransport(api: WindowApi | undefined): void {
  transport = api;
}

/** Calls a channel and answers its data, or throws an `ApiError` with the typed error. */
export async function call<C extends ChannelName>(name: C, request: ChannelRequest<C>): Promise<ChannelResponse<C>> {
  const fn = windowApi()[name] as (request: ChannelRequest<C>) => ReturnType<WindowApi[C]>;
  const envelope = await fn(request);
  if (envelope.ok) return envelope.data as ChannelResponse<C>;
  throw new ApiError(envelope.error);
}
