/**
 * The preload: exposes `window.api` with exactly the contract's channels, each an async function
 * that sends one payload and answers the main process's envelope. No ipcRenderer, no events, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, ipcChannel } from '../../shared/ipc/channels';

const api = Object.freeze(
  Object.fromEntries(channelNames.map((name) => [name, (request: unknown) => ipcRenderer.invoke(ipcChannel(name), request ?? {})])),
);

contextBridge.exposeInMainWorld('api', api);
