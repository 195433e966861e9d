/**
 * The outbox's transport over the IPC contract: each kind's request mapped from the item once, the
 * channel called, and a failed call turned into the item's result by the host's verdict
 * (`call-failure.ts`); nothing here throws for the engine to misread. The call itself is injected:
 * the renderer's (Electron's preload or the browser bridge, sync/ipc-transport.ts), or a host's
 * dispatcher in the same process (Node tests, the soak).
 */
import {
  BULK_CALL_MAX_ITEMS,
  type ChannelName,
  type ChannelRequest,
  type ChannelResponse,
  type SubmitAttestationRequest,
  type SubmitResult,
} from '../../../shared/ipc/contract';
import type { CreateAttestationRequest } from '../../../shared/ipc/enhanced';
import type { OutboxItem } from './item';
import type { OutboxTransport, ReadAttestationResult } from './ports';
import { resultFromError } from './call-failure';
import { checkFirst } from './check-first';

/** Calls a channel: its data, or a thrown `ApiError` carrying the host's typed error. */
export type ChannelCall = <C extends ChannelName>(name: C, request: ChannelRequest<C>) => Promise<ChannelResponse<C>>;

/** The item as the contract sends it; its id is the request id on every attempt. */
export function requestOf(item: OutboxItem): SubmitAttestationRequest {
  return {
    itemId: item.id,
    customerId: item.customerId,
    ...(item.templateId ? { templateId: item.templateId } : {}),
    primaryContact: item.primaryContact,
    dateAgreed: item.dateAgreed ?? '',
  };
}

/** A single submit: the item, and `checkFirst: false` when the write need not read first (absent = read first). */
function submitRequestOf(item: OutboxItem): SubmitAttestationRequest {
  return { ...requestOf(item), ...(checkFirst(item) ? {} : { checkFirst: false }) };
}

/** An enhanced item as the create call sends it: its id is the request id on every attempt. */
function createRequestOf(item: OutboxItem): CreateAttestationRequest {
  const state = item.enhanced!;
  const signer = item.primaryContact;
  return {
    requestId: item.id,
    customerId: item.customerId,
    attestation: {
      companyName: state.companyName,
      country: state.country,
      language: state.language,
      linkExpiryMinutes: state.linkExpiryMinutes,
      signatoryFirstName: signer.firstName,
      signatoryLastName: signer.lastName,
      signatoryEmail: signer.email,
      ...(signer.phoneNumber ? { signatoryPhoneNumber: signer.phoneNumber } : {}),
    },
  };
}

/** The attestation an enhanced item waits on. */
function attestationIdOf(item: OutboxItem): string {
  const id = item.enhanced?.attestation?.id;
  if (!id) throw new Error('This item has no attestation yet.');
  return id;
}

export function channelTransport(call: ChannelCall): OutboxTransport {
  return {
    batchLimit: BULK_CALL_MAX_ITEMS,
    async submit(item) {
      try {
        return await call('submitAttestation', submitRequestOf(item));
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
    async createAttestation(item) {
      try {
        return await call('createEnhancedAttestation', createRequestOf(item));
      } catch (error) {
        return resultFromError(error);
      }
    },
    async readAttestation(item): Promise<ReadAttestationResult> {
      try {
        return { status: 'read', attestation: await call('readEnhancedAttestation', { attestationId: attestationIdOf(item) }) };
      } catch (error) {
        return resultFromError(error);
      }
    },
    async finaliseAttestation(item) {
      try {
        return await call('finaliseEnhancedAttestation', {
          requestId: item.enhanced!.finaliseRequestId,
          customerId: item.customerId,
          attestationId: attestationIdOf(item),
          ...(checkFirst(item) ? {} : { checkFirst: false }),
        });
      } catch (error) {
        return resultFromError(error);
      }
    },
  };
}
