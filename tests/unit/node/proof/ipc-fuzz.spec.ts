// @vitest-environment node
/**
 * Every Electron IPC channel handler (electron/main/ipc.ts with a mocked `electron`) fuzzed: requests
 * the channel's schema refuses get a typed `bad-request` and no handler runs (so nothing can change:
 * no backend call, no clipboard write, no link opened); calls from any frame that is not the app's
 * main frame get `bad-sender`; unknown channel names get `unknown-channel`; and of the links a valid
 * `openExternal`/`openMailto` carries, only https (or the sandbox's loopback http) and mailto ever
 * reach the system shell.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { channelNames, ipcChannel, type ChannelName } from '../../../../shared/ipc/channels';
import { ipcErrorSchema } from '../../../../shared/ipc/errors';
import { handleInvoke, isTrustedSender, registerIpc } from '../../../../electron/main/ipc';
import { createPlatformHandlers } from '../../../../electron/main/platform';
import { createHost } from '../../../../electron/host/host';
import { createDispatcher, type ChannelHandlers } from '../../../../electron/host/dispatch';
import { MemorySecretStore } from '../../../../electron/host/secrets/store';
import { MemorySettingsStore } from '../../../../electron/host/settings';
import { hostileStrings, invalidRequest, validRequests } from './fuzz-payloads';

vi.mock('electron', () => ({}));

type Frame = { url: string; origin?: string; parent: Frame | null } | null;
const event = (frame: Frame) => ({ senderFrame: frame, sender: {} }) as never;
const appFrame: Frame = { url: 'app://mca-desk/index.html', origin: 'app://mca-desk', parent: null };

function shell() {
  const clipboard = {
    written: [] as string[],
    writeText: vi.fn(async (text: string) => void clipboard.written.push(text)),
    readText: vi.fn(async () => ''),
    clear: vi.fn(),
  };
  const opened: string[] = [];
  const system = { openExternal: vi.fn(async (url: string) => void opened.push(url)) };
  const host = createHost({
    transport: 'electron',
    version: 'fuzz',
    settings: new MemorySettingsStore(),
    secrets: new MemorySecretStore(),
    overrides: { backend: 'sandbox', sandboxUrl: 'http://127.0.0.1:9' },
    platform: createPlatformHandlers(clipboard as never, system as never),
    log: { warn: () => undefined, error: () => undefined },
  });
  // Every handler call is recorded before it runs.
  const ran: ChannelName[] = [];
  const handlers = Object.fromEntries(
    channelNames.map((name) => [
      name,
      (request: unknown) => (ran.push(name), (host.handlers[name] as (request: unknown) => Promise<unknown>)(request)),
    ]),
  ) as unknown as ChannelHandlers;
  const ipcMain = { handle: vi.fn() };
  registerIpc(ipcMain as never, createDispatcher(handlers, { log: { warn: () => undefined, error: () => undefined } }));
  const listeners = new Map(
    ipcMain.handle.mock.calls.map(([channel, listener]) => [
      channel as string,
      listener as (event: unknown, payload: unknown) => Promise<unknown>,
    ]),
  );
  return { listeners, ran, clipboard, opened };
}

describe('the Electron IPC layer under bad input', () => {
  it('answers every channel a typed bad-request for payloads its schema refuses, before any handler runs', async () => {
    const { listeners, ran, clipboard, opened } = shell();
    for (const name of channelNames) {
      const listener = listeners.get(ipcChannel(name))!;
      await fc.assert(
        fc.asyncProperty(invalidRequest(name), async (payload) => {
          const answer = (await listener(event(appFrame), payload)) as { ok: boolean; error: unknown };
          expect(answer.ok, `${name} ${JSON.stringify(payload)?.slice(0, 200)}`).toBe(false);
          expect(ipcErrorSchema.parse(answer.error)).toMatchObject({ code: 'bad-request' });
        }),
        { numRuns: 25 },
      );
    }
    expect(ran).toEqual([]);
    expect(clipboard.written).toEqual([]);
    expect(opened).toEqual([]);
  });

  it("refuses calls from any frame that is not the app window's main frame, whatever the payload", async () => {
    const { listeners, ran } = shell();
    const url = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.constantFrom(
        'app://mca-desk.evil.example/',
        'app://other/index.html',
        'app://user:pw@mca-desk/',
        'file:///etc/passwd',
        'about:blank',
        'devtools://devtools/',
        'chrome-extension://x/',
        ...hostileStrings.slice(0, 8),
      ),
      fc.string({ maxLength: 40 }),
    );
    const frame: fc.Arbitrary<Frame> = fc.oneof(
      fc.constant(null),
      fc.record({
        url,
        origin: fc.option(fc.oneof(fc.constant('app://mca-desk'), fc.constant('null'), fc.string()), { nil: undefined }),
        parent: fc.constant(null),
      }),
      fc.record({ url: fc.constant('app://mca-desk/index.html'), origin: fc.constant('app://mca-desk'), parent: fc.constant(appFrame) }),
      fc.record({
        url: fc.constant('app://mca-desk/index.html'),
        origin: fc.string().filter((origin) => origin !== 'app://mca-desk'),
        parent: fc.constant(null),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channelNames), frame, async (name, sender) => {
        fc.pre(!isTrustedSender(event(sender)));
        const answer = await listeners.get(ipcChannel(name))!(event(sender), validRequests[name]);
        expect(answer).toEqual({ ok: false, error: { code: 'bad-sender', message: 'The call does not come from the MCA Desk window.' } });
      }),
      { numRuns: 300 },
    );
    expect(ran).toEqual([]);
  });

  it('answers unknown channel names with a typed error', async () => {
    const { ran } = shell();
    const dispatch = createDispatcher({} as ChannelHandlers);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.constantFrom('mca:__proto__', 'mca:constructor', 'mca:toString', 'mca:hasOwnProperty', 'mca:', 'mca:signIn ', 'MCA:signIn'),
        ),
        fc.anything(),
        async (channel, payload) => {
          fc.pre(!channelNames.map(ipcChannel).includes(channel));
          expect(await handleInvoke(dispatch, isTrustedSender, channel, event(appFrame), payload)).toMatchObject({
            ok: false,
            error: { code: 'unknown-channel' },
          });
        },
      ),
      { numRuns: 200 },
    );
    expect(ran).toEqual([]);
  });

  it('lets only web links and mailto drafts reach the system shell', async () => {
    const { listeners, opened } = shell();
    const link = fc.oneof(
      fc.webUrl({
        validSchemes: ['https', 'http', 'ftp', 'file', 'javascript', 'data', 'mailto', 'smb', 'ms-settings', 'vscode'],
        withQueryParameters: true,
      }),
      fc.constantFrom(
        'javascript:alert(1)//https://x',
        'https://user:pw@example.com/',
        'http://evil.example/',
        'http://127.0.0.1.evil.example/',
        'file:///C:/Windows/System32/calc.exe',
        'HTTPS://EXAMPLE.COM/',
      ),
    );
    await fc.assert(
      fc.asyncProperty(link, async (url) => {
        await listeners.get(ipcChannel('openExternal'))!(event(appFrame), { url });
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom('tania@example.com', 'a@b.example, c@d.example'),
          fc.emailAddress(),
          fc.constantFrom(...hostileStrings.slice(0, 10)),
        ),
        fc.string(),
        fc.string(),
        async (to, subject, body) => {
          await listeners.get(ipcChannel('openMailto'))!(event(appFrame), { to, subject, body });
        },
      ),
      { numRuns: 100 },
    );
    for (const url of opened) {
      const parsed = new URL(url);
      expect(parsed.username + parsed.password, url).toBe('');
      const web =
        parsed.protocol === 'https:' || (parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname));
      expect(web || parsed.protocol === 'mailto:', url).toBe(true);
    }
    expect(opened.some((url) => url.startsWith('https:'))).toBe(true);
    expect(opened.some((url) => url.startsWith('mailto:'))).toBe(true);
  });
});
