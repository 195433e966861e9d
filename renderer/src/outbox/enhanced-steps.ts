/**
 * The send of each step of an enhanced attestation, and how the backend's answer moves the item on.
 * The transport only calls; every decision between the steps is here, pure but for the calls.
 */
import type { AttestationView } from '../../../shared/ipc/enhanced';
import type { OutboxItem } from './item';
import type { OutboxTransport, SendResult } from './ports';
import type { EnhancedAttestationLink } from './enhanced-state';

function linkOf(view: AttestationView): EnhancedAttestationLink {
  return {
    id: view.id,
    acceptanceUrl: view.acceptanceUrl,
    expiresAt: view.expiresAt,
    status: view.status,
    ...(view.acceptedAt ? { acceptedAt: view.acceptedAt } : {}),
  };
}

/** Sends the step the item is at. */
export async function sendEnhancedStep(transport: OutboxTransport, item: OutboxItem): Promise<SendResult> {
  const state = item.enhanced;
  if (!state) return { status: 'failed', code: 'not-enhanced', reason: 'This item holds no enhanced attestation.' };
  switch (state.step) {
    case 'create':
      return afterCreate(await transport.createAttestation(item));
    case 'watch': {
      const read = await transport.readAttestation(item);
      return read.status === 'read' ? afterRead(read.attestation) : read;
    }
    case 'finalise':
      return transport.finaliseAttestation(item);
  }
}

function afterCreate(result: Awaited<ReturnType<OutboxTransport['createAttestation']>>): SendResult {
  if (result.status !== 'created') return result;
  // A replay may find the signer already accepted (the answer was lost, the link used meanwhile).
  if (result.attestation.status !== 'pending') return afterRead(result.attestation);
  const attestation = linkOf(result.attestation);
  return {
    status: 'progress',
    changes: { step: 'watch', attestation },
    next: 'scheduled',
    counted: false,
    audit: 'link-ready',
    note: `attestation ${attestation.id}, link until ${attestation.expiresAt}`,
  };
}

function afterRead(view: AttestationView): SendResult {
  const attestation = linkOf(view);
  switch (view.status) {
    case 'pending':
      return {
        status: 'progress',
        changes: { step: 'watch', attestation },
        next: 'scheduled',
        counted: true,
        audit: 'checked',
        note: 'not accepted yet',
      };
    case 'accepted':
      return {
        status: 'progress',
        changes: { step: 'finalise', attestation },
        next: 'now',
        counted: false,
        audit: 'accepted',
        note: `accepted ${view.acceptedAt ?? ''}`.trim(),
      };
    case 'finalized':
      // Finalised already (by an earlier attempt whose answer was lost, or another tool): done.
      if (view.agreement) return { status: 'confirmed', record: view.agreement, alreadyRecorded: true };
      return {
        status: 'progress',
        changes: { step: 'finalise', attestation },
        next: 'now',
        counted: false,
        audit: 'accepted',
        note: 'finalised at the backend',
      };
    case 'expired':
      return { status: 'link-expired', reason: `The link expired on ${view.expiresAt} before the signer accepted.` };
  }
}
