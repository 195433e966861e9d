/**
 * The outbox's transport over the IPC contract (Electron's preload or the browser bridge). Always
 * answers results: a failed call becomes each item's result by the host's verdict (`call-failure.ts`),
 * nothing here throws for the engine to misread.
 */
import { BULK_CALL_MAX_ITEMS, type SubmitAttestationRequest, type SubmitResult } from '../../../shared/ipc/contract';
import type { OutboxItem } from '../outbox/item';
import type { OutboxTransport } from '../outbox/ports';
import { resultFromError } from '../outbox/call-failure';
import { call } from '../platform/api';

/** The item as the contract sends it; its id is the request id on every attempt. */
function requestOf(item: OutboxItem): SubmitAttestationRequest {
  return {
    itemId: item.id,
    customerId: item.customerId,
    ...(item.templateId ? { templateId: item.templateId } : {}),
    primaryContact: item.primaryContact,
    dateAgreed: item.dateAgreed,
  };
}

export const ipcTransport: OutboxTransport = {
  batchLimit: BULK_CALL_MAX_ITEMS,
  async submit(item) {
    try {
      return await call('submitAttestation', requestOf(item));
    } catch (error) {
      return resultFromError(error);
    }
  },
  async submitBatch(items) {
    try {
      const answer = await call('bulkReattest', { items: items.map(requestOf) });
      return new Map(answer.results.map((entry): [string, SubmitResult] => [entry.itemId, entry.result]));
    } catch (error) {
      const result = resultFromError(error);
      return new Map(items.map((item) => [item.id, result]));
    }
  },
};
