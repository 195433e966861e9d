/** The outbox's transport in the renderer: the IPC contract through `window.api` (preload or bridge). */
import { channelTransport } from '../outbox/channel-transport';
import { call } from '../platform/api';

export const ipcTransport = channelTransport(call);
