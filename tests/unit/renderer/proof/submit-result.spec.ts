import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/ipc/errors';
import { resultFromError } from '../../../../renderer/src/sync/submit-result';

describe('what a failed send means for the item', () => {
  it('keeps the item queued when the local service no longer accepts this window (browser mode was restarted)', () => {
    const refused = new ApiError({ code: 'bad-sender', message: 'Open MCA Desk with the link it printed when it started.' });
    expect(resultFromError(refused)).toEqual({ status: 'retry', afterMs: 0, reason: 'Open MCA Desk with the link it printed when it started.' });
  });

  it('parks the item only when the item itself was refused', () => {
    expect(resultFromError(new ApiError({ code: 'bad-request', message: 'The request is not valid.' }))).toMatchObject({ status: 'failed' });
    expect(resultFromError(new ApiError({ code: 'unavailable', message: 'gone' }))).toMatchObject({ status: 'retry' });
    expect(resultFromError(new ApiError({ code: 'auth-required', message: 'Sign in' }))).toMatchObject({ status: 'auth-required' });
    expect(resultFromError(new TypeError('boom'))).toMatchObject({ status: 'retry' });
  });
});
