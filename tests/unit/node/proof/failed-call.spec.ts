// @vitest-environment node
/**
 * What a failed send means for the outbox item: the host's one verdict (electron/host/verdict.ts),
 * as the renderer reads it. The host's own answers are taken from the real dispatcher.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, type Envelope } from '../../../../shared/ipc/errors';
import { resultFromError } from '../../../../renderer/src/outbox/call-failure';
import { createDispatcher, type ChannelHandlers } from '../../../../electron/host/dispatch';
import { hostError } from '../../../../electron/host/errors';
import { PartnerCenterError } from '../../../../electron/host/partner-center/errors';

/** The error the host answers for a call whose handler throws `error` (or, without one, whose payload is refused). */
async function hostAnswer(payload: unknown, error?: unknown): Promise<ApiError> {
  const handlers = { submitAttestation: async () => Promise.reject(error) } as unknown as ChannelHandlers;
  const answer: Envelope<unknown> = await createDispatcher(handlers, { log: { warn: () => undefined, error: () => undefined } })(
    'submitAttestation',
    payload,
  );
  if (answer.ok) throw new Error('expected a refusal');
  return new ApiError(answer.error);
}

const valid = {
  itemId: '5b3f1a7e-2d4c-4e8f-9a1b-3c5d7e9f0a2b',
  customerId: '14876998-c0dc-46e6-9d0c-65a57a6c32ec',
  primaryContact: { firstName: 'Tania', lastName: 'Carr', email: 'tania@example.com' },
  dateAgreed: '2024-05-06',
};

describe('what a failed send means for the item', () => {
  it('keeps the item queued when the local service no longer accepts this window (browser mode was restarted)', () => {
    const refused = new ApiError({ code: 'bad-sender', message: 'Open MCA Desk with the link it printed when it started.' });
    expect(resultFromError(refused)).toEqual({
      status: 'retry',
      afterMs: 0,
      reason: 'Open MCA Desk with the link it printed when it started.',
    });
  });

  it('parks the item only when the item itself was refused', async () => {
    // The host refuses a payload its schema rejects: that is the item's fault.
    expect(resultFromError(await hostAnswer({ ...valid, dateAgreed: '2024-02-30' }))).toMatchObject({ status: 'failed' });
    expect(resultFromError(new ApiError({ code: 'unavailable', message: 'gone' }))).toMatchObject({ status: 'retry' });
    expect(resultFromError(new ApiError({ code: 'auth-required', message: 'Sign in' }))).toMatchObject({ status: 'auth-required' });
    expect(resultFromError(new TypeError('boom'))).toMatchObject({ status: 'retry' });
  });

  it('names a sign-in without MFA (900421) apart, so the agent is told to sign in again with MFA; any other sign-in need is plain', () => {
    const mfa = new ApiError({
      code: 'auth-required',
      message: 'Partner Center requires multi-factor authentication.',
      reason: 'mfa-required',
      backendCode: 900421,
    });
    expect(resultFromError(mfa)).toEqual({
      status: 'auth-required',
      reason: 'Partner Center requires multi-factor authentication.',
      need: 'mfa',
    });
    expect(resultFromError(new ApiError({ code: 'auth-required', message: 'Sign in' }))).toEqual({
      status: 'auth-required',
      reason: 'Sign in',
    });
  });

  it("reads the host's verdict, never its own table: retryable with the host's wait, refused with the backend's code", async () => {
    expect(
      resultFromError(
        await hostAnswer(valid, new PartnerCenterError({ kind: 'http', status: 429, description: 'slow down', retryAfterMs: 12_000 })),
      ),
    ).toMatchObject({ status: 'retry', afterMs: 12_000 });
    // A 409 is "not now" for every caller (the three old tables disagreed on it).
    expect(
      resultFromError(await hostAnswer(valid, new PartnerCenterError({ kind: 'http', status: 409, description: 'in progress' }))),
    ).toMatchObject({ status: 'retry', afterMs: 5_000 });
    expect(
      resultFromError(await hostAnswer(valid, new PartnerCenterError({ kind: 'http', status: 400, code: 600002, description: 'future' }))),
    ).toEqual({ status: 'failed', code: 600002, reason: 'future' });
    expect(resultFromError(await hostAnswer(valid, hostError('forbidden', 'Only an Admin agent…')))).toMatchObject({
      status: 'failed',
      code: 'forbidden',
    });
    // A defect inside the host gives no verdict: the item stays queued.
    expect(resultFromError(await hostAnswer(valid, new Error('bug')))).toMatchObject({ status: 'retry' });
  });
});
