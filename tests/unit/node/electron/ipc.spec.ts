// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { channelNames, ipcChannel } from '../../../../shared/ipc/channels';
import { handleInvoke, isTrustedSender, registerIpc } from '../../../../electron/main/ipc';
import { createDispatcher, type ChannelHandlers } from '../../../../electron/host/dispatch';

vi.mock('electron', () => ({}));

type Frame = { url: string; origin?: string; parent: Frame | null } | null;
const event = (frame: Frame) => ({ senderFrame: frame, sender: {} }) as never;
const appFrame: Frame = { url: 'app://mca-desk/index.html', origin: 'app://mca-desk', parent: null };

function recordingHandlers() {
  const calls: Array<{ channel: string; request: unknown }> = [];
  const handlers = new Proxy({} as ChannelHandlers, {
    get: (_target, channel: string) => async (request: unknown) => {
      calls.push({ channel, request });
      if (channel === 'listConfirmations') return { items: [] };
      if (channel === 'getSession') return { signedIn: false, backend: 'sandbox' };
      throw new Error('unexpected');
    },
  });
  return { calls, dispatch: createDispatcher(handlers) };
}

describe('the sender check', () => {
  it('accepts only the main frame of the app origin', () => {
    expect(isTrustedSender(event(appFrame))).toBe(true);
    expect(isTrustedSender(event({ url: 'app://mca-desk/customers/1', parent: null }))).toBe(true);
    expect(isTrustedSender(event(null))).toBe(false);
    expect(isTrustedSender(event({ url: 'app://mca-desk/index.html', origin: 'app://mca-desk', parent: appFrame }))).toBe(false);
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/index.html',
      'http://127.0.0.1:4010/',
      'app://mca-desk.evil.example/',
      'about:blank',
      'not a url',
    ])
      expect(isTrustedSender(event({ url, parent: null })), url).toBe(false);
    // A frame whose reported origin differs from its URL's (e.g. an opaque sandboxed origin).
    expect(isTrustedSender(event({ url: 'app://mca-desk/index.html', origin: 'null', parent: null }))).toBe(false);
  });
});

describe('the IPC layer', () => {
  it('registers each contract channel exactly once, and nothing else', () => {
    const ipcMain = { handle: vi.fn() };
    registerIpc(ipcMain as never, recordingHandlers().dispatch);
    const registered = ipcMain.handle.mock.calls.map(([channel]) => channel as string);
    expect(registered.sort()).toEqual(channelNames.map(ipcChannel).sort());
    expect(new Set(registered).size).toBe(registered.length);
  });

  it('refuses a bad sender before any work', async () => {
    const { calls, dispatch } = recordingHandlers();
    const ipcMain = { handle: vi.fn() };
    registerIpc(ipcMain as never, dispatch);
    const listener = ipcMain.handle.mock.calls.find(([channel]) => channel === 'mca:getSession')![1] as (
      event: unknown,
      payload: unknown,
    ) => Promise<unknown>;
    for (const frame of [null, { url: 'https://evil.example/', parent: null }, { url: 'app://mca-desk/', parent: appFrame }])
      expect(await listener(event(frame as Frame), {})).toEqual({
        ok: false,
        error: { code: 'bad-sender', message: 'The call does not come from the MCA Desk window.' },
      });
    expect(calls).toEqual([]);
    expect(await listener(event(appFrame), {})).toEqual({ ok: true, data: { signedIn: false, backend: 'sandbox' } });
  });

  it('answers a bad payload with a typed error and does nothing', async () => {
    const { calls, dispatch } = recordingHandlers();
    for (const payload of [
      { customerId: 'nope' },
      { customerId: '14876998-c0dc-46e6-9d0c-65a57a6c32ec', extra: { __proto__: { admin: true } } },
      'text',
      42,
      null,
      [],
    ]) {
      const answer = await handleInvoke(dispatch, isTrustedSender, 'mca:listConfirmations', event(appFrame), payload);
      if (payload && typeof payload === 'object' && !Array.isArray(payload) && 'extra' in payload) {
        // Unknown keys are stripped by the schema; the call itself is valid.
        expect(answer).toEqual({ ok: true, data: { items: [] } });
        continue;
      }
      expect(answer, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(calls.map((call) => call.request)).toEqual([{ customerId: '14876998-c0dc-46e6-9d0c-65a57a6c32ec' }]);
  });

  it('answers an unknown channel with a typed error', async () => {
    const { calls, dispatch } = recordingHandlers();
    for (const channel of ['mca:deleteEverything', 'mca:__proto__', 'mca:toString', 'getSession', 'vscode:getSession', ''])
      expect(await handleInvoke(dispatch, isTrustedSender, channel, event(appFrame), {}), channel).toMatchObject({
        ok: false,
        error: { code: 'unknown-channel' },
      });
    expect(await dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(calls).toEqual([]);
  });

  it('turns a thrown defect into an internal error without details', async () => {
    const { dispatch } = recordingHandlers();
    const answer = await handleInvoke(dispatch, isTrustedSender, 'mca:getRelationshipRequestLink', event(appFrame), {});
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong inside MCA Desk.' } });
  });
});
