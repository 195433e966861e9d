/**
 * Sends one outbox item through the IPC contract and always answers a `SubmitResult`: a transport
 * failure (bridge gone, timeout, throttling) becomes `retry`, a refusal becomes `failed`, an expired
 * sign-in becomes `auth-required`. Nothing here throws for the engine to misread.
 */
import type { SubmitAttestationRequest, SubmitResult } from '../../../shared/ipc/contract';
import { resultFromError } from './submit-result';
import type { OutboxItem } from '../db/rows';
import { call } from '../platform/api';
import { ReattestBatcher } from './reattest-batcher';

export type SubmitItem = (item: OutboxItem) => Promise<SubmitResult>;

/** The item as the contract sends it; its id is the request id on every attempt. */
export function requestOf(item: OutboxItem): SubmitAttestationRequest {
  return {
    itemId: item.id,
    customerId: item.customerId,
    ...(item.templateId ? { templateId: item.templateId } : {}),
    primaryContact: item.primaryContact,
    dateAgreed: item.dateAgreed,
  };
}

const reattestations = new ReattestBatcher(async (items) => {
  const answer = await call('bulkReattest', { items: items.map(requestOf) });
  return new Map(answer.results.map((entry) => [entry.itemId, entry.result]));
}, (error) => resultFromError(error));

export const submitThroughApi: SubmitItem = async (item) => {
  // An MCA refresh repeats the last contact: only the bulk re-attestation call accepts that.
  if (item.kind === 'reattest') return reattestations.submit(item);
  try {
    return await call('submitAttestation', requestOf(item));
  } catch (error) {
    return resultFromError(error);
  }
};

export { resultFromError };
