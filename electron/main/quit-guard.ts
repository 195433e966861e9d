/**
 * The app does not quit, and its window does not close, while a submit is in flight: it waits for
 * the submit to finish (so the renderer can record the result) for a bounded time, then lets go.
 * A submit cut off by a crash is released by the renderer's lease expiring and made harmless by
 * check-then-post with the same MS-RequestId.
 */
import type { App, BrowserWindow } from 'electron';

export interface InFlight {
  readonly pending: number;
  idle(timeoutMs?: number): Promise<boolean>;
}

export const QUIT_WAIT_MS = 30_000;

export function installQuitGuard(app: Pick<App, 'on' | 'quit'>, submits: InFlight, waitMs = QUIT_WAIT_MS): void {
  let waited = false;
  app.on('before-quit', (event) => {
    if (waited || submits.pending === 0) return;
    event.preventDefault();
    waited = true;
    void submits.idle(waitMs).then(() => app.quit());
  });
}

export function guardWindowClose(window: Pick<BrowserWindow, 'on' | 'close'>, submits: InFlight, waitMs = QUIT_WAIT_MS): void {
  let waited = false;
  window.on('close', (event) => {
    if (waited || submits.pending === 0) return;
    event.preventDefault();
    waited = true;
    void submits.idle(waitMs).then(() => window.close());
  });
}
