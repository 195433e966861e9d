/** What only the desktop shell does for the renderer: the clipboard, mailto and https links. */
import type { Clipboard, Shell } from 'electron';
import type { PlatformHandlers } from '../host/host';
import { hostError } from '../host/errors';
import { buildMailto } from '../../shared/domain/invitations';
import { safeOpenExternal } from './open-external';

export function createPlatformHandlers(
  clipboard: Pick<Clipboard, 'writeText' | 'readText' | 'clear'>,
  shell: Pick<Shell, 'openExternal'>,
): PlatformHandlers {
  let clearTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    async writeClipboard({ text, clearAfterMs }) {
      await clipboard.writeText(text);
      if (clearTimer) clearTimeout(clearTimer);
      if (!clearAfterMs) return { written: true as const };
      clearTimer = setTimeout(() => {
        // Clear only what we put there: never wipe what the agent copied since.
        void clipboard.readText().then(
          (current) => {
            if (current === text) clipboard.clear();
          },
          () => undefined,
        );
      }, clearAfterMs);
      clearTimer.unref?.();
      return { written: true as const, clearsAt: new Date(Date.now() + clearAfterMs).toISOString() };
    },
    async openMailto({ to, subject, body }) {
      let link: string;
      try {
        link = buildMailto(to, { subject, body });
      } catch {
        throw hostError('bad-request', 'The recipients are not valid email addresses.');
      }
      if (!(await safeOpenExternal(shell, link))) throw hostError('bad-request', 'That is not an email link.');
      return { opened: true as const };
    },
    async openExternal({ url }) {
      if (url.startsWith('mailto:') || !(await safeOpenExternal(shell, url)))
        throw hostError('bad-request', 'Only https links open outside the app.');
      return { opened: true as const };
    },
  };
}
