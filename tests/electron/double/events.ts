/**
 * Electron's `Event` for listeners that may cancel: `preventDefault()` and `defaultPrevented`
 * (electron.d.ts, e.g. `before-quit` L281-L292, `will-navigate` L18638, BrowserWindow `close` L4797-L4812).
 */
export interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  [key: string]: unknown;
}

export function preventable(fields: Record<string, unknown> = {}): PreventableEvent {
  const event: PreventableEvent = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** Thrown where Electron's documentation says a call is not allowed at that moment. */
export class ElectronUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Error';
  }
}

/** Thrown where the double does not implement a documented behaviour (so nothing silently "works"). */
export class NotInDoubleError extends Error {
  constructor(what: string) {
    super(`The Electron test double does not implement ${what}.`);
    this.name = 'NotInDoubleError';
  }
}
