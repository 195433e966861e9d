/**
 * A fake backend for the sync engine: records agreements by request id (the same id twice is one
 * agreement, as the real API's MS-RequestId promises), and lets a test script each answer, hold a
 * call open, or "lose" a response after the write happened.
 */
import { noEnhancedCalls } from './no-enhanced-calls';
import type { AgreementRecord } from '../../../../shared/domain/agreement';
import type { SubmitResult } from '../../../../shared/ipc/contract';
import type { OutboxItem } from '../../../../renderer/src/db/rows';
import type { OutboxTransport } from '../../../../renderer/src/outbox/ports';

export type Script = (
  item: OutboxItem,
  call: number,
) => SubmitResult | 'apply' | 'apply-and-lose' | Promise<SubmitResult | 'apply' | 'apply-and-lose'>;

export class FakeBackend {
  readonly agreements = new Map<string, AgreementRecord>();
  readonly calls: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  readonly inFlightByCustomer = new Map<string, number>();
  maxInFlightPerCustomer = 0;
  script: Script = () => 'apply';
  private held: Array<() => void> = [];
  holdCalls = false;

  submit = async (item: OutboxItem): Promise<SubmitResult> => {
    this.calls.push(item.id);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const perCustomer = (this.inFlightByCustomer.get(item.customerId) ?? 0) + 1;
    this.inFlightByCustomer.set(item.customerId, perCustomer);
    this.maxInFlightPerCustomer = Math.max(this.maxInFlightPerCustomer, perCustomer);
    try {
      if (this.holdCalls) await new Promise<void>((resolve) => this.held.push(resolve));
      await Promise.resolve();
      const answer = await this.script(item, this.calls.filter((id) => id === item.id).length);
      if (answer === 'apply' || answer === 'apply-and-lose') {
        const already = this.agreements.has(item.id);
        const record = this.agreements.get(item.id) ?? this.recordFor(item);
        this.agreements.set(item.id, record);
        if (answer === 'apply-and-lose')
          return { status: 'retry', afterMs: 0, reason: 'The connection dropped before the answer arrived.' };
        return { status: 'confirmed', record, alreadyRecorded: already };
      }
      return answer;
    } finally {
      this.inFlight -= 1;
      this.inFlightByCustomer.set(item.customerId, (this.inFlightByCustomer.get(item.customerId) ?? 1) - 1);
    }
  };

  /** This backend as the outbox's transport: a batch is its items sent one by one, answered together. */
  readonly transport: OutboxTransport = {
    ...noEnhancedCalls,
    batchLimit: 500,
    submit: (item) => this.submit(item),
    submitBatch: async (items) => new Map(await Promise.all(items.map(async (item) => [item.id, await this.submit(item)] as const))),
  };

  /** Lets every held call go on. */
  releaseAll(): void {
    const held = this.held;
    this.held = [];
    for (const release of held) release();
  }

  get heldCount(): number {
    return this.held.length;
  }

  private recordFor(item: OutboxItem): AgreementRecord {
    return {
      customerId: item.customerId,
      primaryContact: item.primaryContact,
      templateId: 'template-1',
      dateAgreed: `${item.dateAgreed}T00:00:00.000Z`,
      type: 'MicrosoftCustomerAgreement',
      userId: '00000000-0000-4000-8000-000000000001',
    };
  }
}

/** A clock a test moves by hand. */
export class FakeClock {
  constructor(public time = Date.parse('2026-11-20T10:00:00Z')) {}
  now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}
