/** The app itself: what it is and runs on, and its settings. */
import type { ChannelImplementations } from '../dispatch';
import type { HostContext } from '../context';
import { secretStorageConsentHandler, secretStorageInfo } from '../secrets/consent-channel';

export function appHandlers(
  ctx: HostContext,
): Pick<ChannelImplementations, 'getAppInfo' | 'setSecretStorageConsent' | 'getSettings' | 'updateSettings'> {
  return {
    async getAppInfo() {
      return {
        name: 'MCA Desk',
        version: ctx.version,
        transport: ctx.transport,
        platform: process.platform,
        machineName: ctx.machineName,
        backend: ctx.backend(),
        secretStorage: secretStorageInfo(ctx.secrets),
      };
    },
    setSecretStorageConsent: secretStorageConsentHandler(ctx.secrets),
    async getSettings() {
      return ctx.settings();
    },
    updateSettings: (patch) => ctx.updateSettings(patch),
  };
}
