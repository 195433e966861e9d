// @vitest-environment node
/** The preload with a mocked `electron`: exactly the contract's channels, each one invoke, nothing else. */
import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../../shared/ipc/channels';

const exposed = vi.hoisted(() => ({ worlds: new Map<string, unknown>(), invokes: [] as Array<[string, unknown]> }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.worlds.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, payload: unknown) => {
      exposed.invokes.push([channel, payload]);
      return { ok: true, data: null };
    },
    on: () => undefined,
    send: () => undefined,
  },
}));

describe('the preload', () => {
  it("exposes window.api with exactly the contract's channels as invoke calls, and nothing else", async () => {
    await import('../../../../electron/preload/index');
    expect([...exposed.worlds.keys()]).toEqual(['api']);
    const api = exposed.worlds.get('api') as Record<string, (request?: unknown) => Promise<unknown>>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...channelNames].sort());
    for (const name of channelNames) expect(typeof api[name]).toBe('function');
    expect(await api.getSession!({})).toEqual({ ok: true, data: null });
    await api.listConfirmations!({ customerId: 'x' });
    await api.getAppInfo!();
    expect(exposed.invokes).toEqual([
      ['mca:getSession', {}],
      ['mca:listConfirmations', { customerId: 'x' }],
      ['mca:getAppInfo', {}],
    ]);
    expect(Object.values(api).some((value) => value === undefined)).toBe(false);
    expect('invoke' in api || 'on' in api || 'send' in api || 'ipcRenderer' in api).toBe(false);
  });
});
