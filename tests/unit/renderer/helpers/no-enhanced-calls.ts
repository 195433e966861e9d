/** For a test transport that carries legacy items only: an enhanced call would be a mistake in the test. */
import type { OutboxTransport } from '../../../../renderer/src/outbox/ports';

const mistake = () => Promise.reject(new Error('This test queues no enhanced attestations.'));

export const noEnhancedCalls: Pick<OutboxTransport, 'createAttestation' | 'readAttestation' | 'finaliseAttestation'> = {
  createAttestation: mistake,
  readAttestation: mistake,
  finaliseAttestation: mistake,
};
