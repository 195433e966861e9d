/** The app itself: what it is and runs on, and its settings. */
import type { ChannelImplementations } from '../dispatch';
import type { HostContext } from '../context';

export function appHandlers(ctx: HostContext): Pick<ChannelImplementations, 'getAppInfo' | 'getSettings' | 'updateSettings'> {
  return {
    async getAppInfo() {
      return {
        name: 'MCA Desk',
        version: ctx.version,
        transport: ctx.transport,
        platform: process.platform,
        backend: ctx.backend(),
        secretStorage: { backend: ctx.secrets.protection.backend, secure: ctx.secrets.protection.secure },
      };
    },
    async getSettings() {
      return ctx.settings();
    },
    updateSettings: (patch) => ctx.updateSettings(patch),
  };
}
