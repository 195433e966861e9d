/**
 * Sends one outbox item through the IPC contract and always answers a `SubmitResult`: a transport
 * failure (bridge gone, timeout, throttling) becomes `retry`, a refusal becomes `failed`, an expired
 * sign-in becomes `auth-required`. Nothing here throws for the engine to misread.
 */
import type { SubmitResult } from '../../../shared/ipc/contract';
import { ApiError } from '../../../shared/ipc/errors';
import type { OutboxItem } from '../db/rows';
import { call } from '../platform/api';

export type SubmitItem = (item: OutboxItem) => Promise<SubmitResult>;

export const submitThroughApi: SubmitItem = async (item) => {
  try {
    return await call('submitAttestation', {
      itemId: item.id,
      customerId: item.customerId,
      ...(item.templateId ? { templateId: item.templateId } : {}),
      primaryContact: item.primaryContact,
      dateAgreed: item.dateAgreed,
    });
  } catch (error) {
    return resultFromError(error);
  }
};

/** Classifies a thrown call into the result the engine acts on. */
export function resultFromError(error: unknown): SubmitResult {
  if (!(error instanceof ApiError)) return { status: 'retry', afterMs: 0, reason: `Unexpected error: ${String(error)}` };
  const { detail } = error;
  switch (detail.code) {
    case 'auth-required':
      return { status: 'auth-required', reason: detail.message };
    case 'throttled':
      return { status: 'retry', afterMs: detail.retryAfterMs ?? 0, reason: detail.message };
    case 'network':
    case 'timeout':
    case 'unavailable':
    case 'internal':
      return { status: 'retry', afterMs: detail.retryAfterMs ?? 0, reason: detail.message };
    case 'backend':
      if ((detail.status ?? 500) >= 500 || detail.status === 408)
        return { status: 'retry', afterMs: detail.retryAfterMs ?? 0, reason: detail.message };
      return { status: 'failed', code: detail.backendCode ?? detail.status ?? 'backend', reason: detail.reason ?? detail.message };
    default:
      return { status: 'failed', code: detail.backendCode ?? detail.code, reason: detail.reason ?? detail.message };
  }
}
