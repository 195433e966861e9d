/**
 * The one error type host services throw across a channel. It carries the typed `IpcError` the
 * renderer receives; anything else that escapes a handler becomes an `internal` error with a generic
 * message (details never leave the process: they may hold tokens or customer data).
 */
import type { IpcError, IpcErrorCode } from '../../shared/ipc/errors';

export class HostError extends Error {
  readonly detail: IpcError;
  constructor(detail: IpcError) {
    super(detail.message);
    this.name = 'HostError';
    this.detail = detail;
  }
  get code(): IpcErrorCode {
    return this.detail.code;
  }
}

export function hostError(code: IpcErrorCode, message: string, extra: Omit<IpcError, 'code' | 'message'> = {}): HostError {
  return new HostError({ code, message, ...extra });
}

/** Thrown when there is no usable token: not signed in, expired, or refused by the backend (401). */
export class AuthRequiredError extends HostError {
  constructor(reason = 'Sign in to continue.') {
    super({ code: 'auth-required', message: reason });
    this.name = 'AuthRequiredError';
  }
}
