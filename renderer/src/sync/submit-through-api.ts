/**
 * Sends one outbox item through the IPC contract and always answers a `SubmitResult`: a transport
 * failure (bridge gone, timeout, throttling) becomes `retry`, a refusal becomes `failed`, an expired
 * sign-in becomes `auth-required`. Nothing here throws for the engine to misread.
 */
import type { SubmitResult } from '../../../shared/ipc/contract';
import { resultFromError } from './submit-result';
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

export { resultFromError };
