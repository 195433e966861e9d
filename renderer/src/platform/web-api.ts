/**
 * `window.api` for browser mode: the same channels as Electron's preload, over the loopback bridge
 * (`POST /api/<channel>`, authorised by the HttpOnly session cookie the bridge set when the page was
 * opened with its one-time token, and by the page's in-memory secret, bridge-secret.ts). What only a
 * page can do in a browser (the clipboard, a mailto link) is done here instead of in the host.
 */
import { channelNames, type ChannelName, type ChannelRequest, type ChannelResponse, type WindowApi } from '../../../shared/ipc/contract';
import type { Envelope, IpcError } from '../../../shared/ipc/errors';
import { buildMailto } from '../../../shared/domain/invitations';
import { isOpenableWebLink } from '../../../shared/domain/external-links';
import { BRIDGE_TOKEN_HEADER, bridgeSecret } from './bridge-secret';

const clearTimers = new Map<string, ReturnType<typeof setTimeout>>();

/** A reloaded tab has no secret (it is kept in memory only): it must be opened through the link again. */
const NO_LINK: IpcError = {
  code: 'bad-sender',
  message: 'This tab has lost its link to MCA Desk (it was reloaded). Open MCA Desk again with the link it printed when it started.',
  reason: 'bridge-token',
};

async function post<C extends ChannelName>(name: C, request: ChannelRequest<C>): Promise<Envelope<ChannelResponse<C>>> {
  const secret = bridgeSecret();
  if (!secret) return { ok: false, error: NO_LINK };
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', [BRIDGE_TOKEN_HEADER]: secret },
      body: JSON.stringify(request ?? {}),
    });
  } catch (error) {
    // The bridge itself is gone (browser mode stopped): the app works on from IndexedDB.
    return { ok: false, error: { code: 'unavailable', message: `MCA Desk's local service is not reachable (${String(error)}).` } };
  }
  try {
    return (await response.json()) as Envelope<ChannelResponse<C>>;
  } catch {
    const error: IpcError = {
      code: 'internal',
      message: `The local service answered ${response.status} without a readable body.`,
      status: response.status,
    };
    return { ok: false, error };
  }
}

async function writeClipboard(request: ChannelRequest<'writeClipboard'>): Promise<Envelope<ChannelResponse<'writeClipboard'>>> {
  try {
    await navigator.clipboard.writeText(request.text);
  } catch (error) {
    return { ok: false, error: { code: 'unavailable', message: `The clipboard refused the text: ${String(error)}` } };
  }
  const clearAfterMs = request.clearAfterMs;
  if (!clearAfterMs) return { ok: true, data: { written: true } };
  const key = 'clipboard';
  clearTimeout(clearTimers.get(key));
  const written = request.text;
  clearTimers.set(
    key,
    setTimeout(async () => {
      // Clear only if the copied text is still there: never wipe what the agent copied since.
      try {
        if ((await navigator.clipboard.readText()) === written) await navigator.clipboard.writeText('');
      } catch {
        // Reading needs focus or permission; without it, overwrite only when we still own the clipboard focus.
        if (document.hasFocus()) await navigator.clipboard.writeText('').catch(() => undefined);
      }
    }, clearAfterMs),
  );
  return { ok: true, data: { written: true, clearsAt: new Date(Date.now() + clearAfterMs).toISOString() } };
}

async function openMailto(request: ChannelRequest<'openMailto'>): Promise<Envelope<ChannelResponse<'openMailto'>>> {
  let link: string;
  try {
    link = buildMailto(request.to, { subject: request.subject, body: request.body });
  } catch {
    return { ok: false, error: { code: 'bad-request', message: 'The recipients are not valid email addresses.' } };
  }
  window.location.href = link;
  return { ok: true, data: { opened: true } };
}

async function openExternal(request: ChannelRequest<'openExternal'>): Promise<Envelope<ChannelResponse<'openExternal'>>> {
  if (!isOpenableWebLink(request.url))
    return { ok: false, error: { code: 'bad-request', message: 'Only https links open outside the app.' } };
  window.open(new URL(request.url).toString(), '_blank', 'noopener,noreferrer');
  return { ok: true, data: { opened: true } };
}

const pageSide: Partial<WindowApi> = { writeClipboard, openMailto, openExternal };

export function createWebApi(): WindowApi {
  const api = Object.fromEntries(
    channelNames.map((name) => [name, pageSide[name] ?? ((request: unknown) => post(name, request as never))]),
  );
  return Object.freeze(api) as WindowApi;
}
