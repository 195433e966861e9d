/**
 * The validated IPC layer (VS Code's validatedIpcMain idea): one `handle` per contract channel,
 * registered once. Before any work a call must come from the app's own origin and from the main
 * frame; then the host's dispatcher parses the payload with the channel's schema. Every answer is
 * an envelope: a refused call gets a typed error back and changes nothing.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames, ipcChannel, isChannelName } from '../../shared/ipc/channels';
import type { Envelope } from '../../shared/ipc/errors';
import type { Dispatcher } from '../host/dispatch';
import { APP_ORIGIN, isAppOrigin } from './constants';

export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>) => boolean;

/** The call comes from a frame on the app's origin that is its window's main frame. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated away or was destroyed
  if (frame.parent !== null) return false; // a subframe
  // Chromium reports the frame's origin itself; the URL must agree with it.
  return isAppOrigin(frame.url) && (frame.origin === undefined || frame.origin === APP_ORIGIN);
}

const BAD_SENDER: Envelope<never> = {
  ok: false,
  error: { code: 'bad-sender', message: 'The call does not come from the MCA Desk window.' },
};

/** One invoke, by Electron channel string; exported so a test can call an unknown channel too. */
export async function handleInvoke(
  dispatch: Dispatcher,
  check: SenderCheck,
  channel: string,
  event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>,
  payload: unknown,
): Promise<Envelope<unknown>> {
  if (!check(event)) return BAD_SENDER;
  const name = channel.startsWith('mca:') ? channel.slice(4) : undefined;
  if (!name || !isChannelName(name)) return { ok: false, error: { code: 'unknown-channel', message: 'There is no such channel.' } };
  return dispatch(name, payload);
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatcher, check: SenderCheck = isTrustedSender): void {
  const registered = new Set<string>();
  for (const name of channelNames) {
    const channel = ipcChannel(name);
    if (registered.has(channel)) throw new Error(`IPC channel registered twice: ${channel}`);
    registered.add(channel);
    ipcMain.handle(channel, (event, payload: unknown) => handleInvoke(dispatch, check, channel, event, payload));
  }
}
