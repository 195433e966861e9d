/**
 * Bulk re-attestation (Microsoft's MCA refresh, reference §7b) with the per-item guarantee the
 * sample tool lacks:
 * - Before sending, the partner-wide agreement records (one paged scan) tell which items already
 *   landed (same contact, same day): those are confirmed without sending (a re-run after a crash).
 *   The scan is kept for a short while (`recordsCacheMs`, per backend client and signed-in user) and
 *   kept up to date with what this service recorded, so the renderer's successive bulk calls of one
 *   MCA refresh read the records once, not once per call. A batch whose outcome stays unknown drops
 *   the kept scan, so the next call reads the records afresh.
 * - The rest go in batches of at most 500 through `POST /v1/CreateBulkReAttestation`, never two
 *   items of one customer in a batch, every item in exactly one batch (the sample skipped every
 *   500th). A batch's `MS-RequestId` is derived from its item ids, so re-sending the same batch is
 *   deduplicated by the backend.
 * - When a batch's outcome is unknown (lost answer, timeout, 5xx, or a 2xx without per-item
 *   results, which is what the real API gives), the records are scanned again afterwards: items
 *   that landed are confirmed, the others are `retry`. A batch refused as a whole (4xx) falls back
 *   to single check-then-post submits, so each item gets its own verdict.
 */
import { createHash } from 'node:crypto';
import {
  BULK_REATTESTATION_MAX_ITEMS,
  toWireContact,
  type BulkReattestationItem,
  type BulkReattestationResult,
} from '../../shared/api/partner-center';
import type { SubmitAttestationItem, SubmitResult } from '../../shared/ipc/contract';
import { isSameContact, MCA_TYPE, type AgreementRecord } from '../../shared/domain/agreement';
import { DEFAULT_ACCEPTANCE_FLOOR, toUtcMidnight, calendarDateIn } from '../../shared/domain/dates';
import { ERROR_AGREEMENT_ALREADY_EXISTS } from '../../shared/domain/errors';
import type { PartnerCenterClient } from './partner-center/client';
import { PartnerCenterError } from './partner-center/errors';
import { authLossOf, signedOutError, type AuthProvider } from './auth/provider';
import { dateFailure, permissionFailure, type SubmitService } from './submit';
import { bulkEntryVerdict, DEFAULT_RETRY_MS, submitFailure } from './verdict';
import { toRecordSummary } from './records';
import type { AgreementRecordSummary } from '../../shared/ipc/contract';

type Item = SubmitAttestationItem;
export type BulkResult = { itemId: string; result: SubmitResult };

export interface BulkDependencies {
  client: () => PartnerCenterClient;
  auth: () => AuthProvider;
  submit: SubmitService;
  /** Earliest acceptance day: Settings, read at each batch. */
  acceptanceFloor?: () => string;
  /** Batch size, at most 500 (tests use smaller batches). */
  batchSize?: number;
  postTimeoutMs?: number;
  /** How long a scan of the partner-wide agreement records is reused (default 2 minutes; 0 = never). */
  recordsCacheMs?: number;
  /** Milliseconds now (tests). */
  now?: () => number;
}

export const DEFAULT_RECORDS_CACHE_MS = 2 * 60_000;

interface KeptRecords {
  client: PartnerCenterClient;
  user: string;
  at: number;
  records: Map<string, AgreementRecordSummary>;
}

/** A stable UUID-shaped id for a batch: the same items give the same `MS-RequestId`. */
export function batchRequestId(itemIds: readonly string[]): string {
  const hash = createHash('sha256')
    .update([...itemIds].sort().join(','))
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5 (name-based)
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Splits items into batches of at most `size`, never two items of one customer in a batch, keeping order per customer. */
export function planBatches<T extends { customerId: string }>(items: readonly T[], size: number): T[][] {
  const batches: Array<{ items: T[]; customers: Set<string> }> = [];
  const nextBatchOf = new Map<string, number>();
  for (const item of items) {
    let index = nextBatchOf.get(item.customerId) ?? 0;
    while (batches[index] && (batches[index]!.items.length >= size || batches[index]!.customers.has(item.customerId))) index += 1;
    batches[index] ??= { items: [], customers: new Set() };
    batches[index]!.items.push(item);
    batches[index]!.customers.add(item.customerId);
    nextBatchOf.set(item.customerId, index + 1);
  }
  return batches.map((batch) => batch.items);
}

/** Whether the partner-wide record shows this item as the customer's latest confirmation. */
export function hasLanded(record: AgreementRecordSummary | undefined, item: Item): boolean {
  if (!record?.lastContact || !record.lastDateAgreed || !record.partnerAttestationCompleted) return false;
  return (
    isSameContact(item.primaryContact, record.lastContact) && calendarDateIn(new Date(record.lastDateAgreed), 'UTC') === item.dateAgreed
  );
}

function recordOf(item: Item, templateId: string, userId?: string | null): AgreementRecord {
  return {
    customerId: item.customerId,
    primaryContact: toWireContact(item.primaryContact),
    templateId,
    dateAgreed: toUtcMidnight(item.dateAgreed),
    type: MCA_TYPE,
    ...(userId !== undefined ? { userId } : {}),
  };
}

export class BulkService {
  private kept: KeptRecords | undefined;

  constructor(private readonly deps: BulkDependencies) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** Reads every partner-wide agreement record (one paged scan) and keeps it for the next calls. */
  private async scan(client: PartnerCenterClient, user: string): Promise<Map<string, AgreementRecordSummary>> {
    const list = await client.listAllAgreementRecords();
    const records = new Map(list.map((record) => [record.customerTenantId, toRecordSummary(record)]));
    this.kept = { client, user, at: this.now(), records };
    return records;
  }

  /** The kept scan when it is recent and of this client and user; otherwise a fresh one. */
  private known(client: PartnerCenterClient, user: string): Promise<Map<string, AgreementRecordSummary>> {
    const kept = this.kept;
    const ttl = this.deps.recordsCacheMs ?? DEFAULT_RECORDS_CACHE_MS;
    if (kept && kept.client === client && kept.user === user && this.now() - kept.at < ttl) return Promise.resolve(kept.records);
    return this.scan(client, user);
  }

  /** What this service just recorded becomes the customer's latest record in the kept scan. */
  private remember(client: PartnerCenterClient, user: string, item: Item): void {
    const kept = this.kept;
    if (!kept || kept.client !== client || kept.user !== user) return;
    kept.records.set(item.customerId, {
      customerId: item.customerId,
      lastContact: toWireContact(item.primaryContact),
      lastDateAgreed: toUtcMidnight(item.dateAgreed),
      partnerAttestationCompleted: true,
    });
  }

  /** Forgets the kept scan (an outcome is unknown: the records must be read again). */
  forgetRecords(): void {
    this.kept = undefined;
  }

  /** Sends MCA-refresh items, as the dispatcher parsed them; answers a result per item, in order. */
  reattest(items: readonly Item[]): Promise<BulkResult[]> {
    return this.deps.submit.track(() => this.run(items));
  }

  private async run(given: readonly Item[]): Promise<BulkResult[]> {
    const verdicts = new Map<string, SubmitResult>();
    const order = given.map((item) => item.itemId);
    // The same item twice in one request is sent once.
    const items = [...new Map(given.map((item) => [item.itemId, item])).values()];
    const results = () => order.map((itemId) => ({ itemId, result: verdicts.get(itemId)! }));
    const all = (result: SubmitResult) => {
      for (const item of items) if (!verdicts.has(item.itemId)) verdicts.set(item.itemId, result);
      return results();
    };

    const auth = this.deps.auth();
    const user = auth.user();
    if (!user) return all(submitFailure(await signedOutError(auth)));
    const refused = permissionFailure(user);
    if (refused) return all(refused);

    const client = this.deps.client();
    const floor = this.deps.acceptanceFloor?.() ?? DEFAULT_ACCEPTANCE_FLOOR;
    let records: Map<string, AgreementRecordSummary>;
    let template: string;
    const userKey = `${user.partnerTenantId} ${user.userId}`;
    try {
      records = await this.known(client, userKey);
      template = (await client.getMcaTemplate()).templateId;
    } catch (error) {
      if (error instanceof PartnerCenterError && error.status === 401) await auth.invalidate(authLossOf(error));
      return all(submitFailure(error));
    }

    const settle = (item: Item, verdict: SubmitResult) => {
      verdicts.set(item.itemId, verdict);
      if (verdict.status === 'confirmed') this.remember(client, userKey, item);
    };
    const toSend: Item[] = [];
    for (const item of items) {
      const dateRefused = dateFailure(item.dateAgreed, client.serverNow(), floor);
      if (dateRefused) verdicts.set(item.itemId, dateRefused);
      else if (hasLanded(records.get(item.customerId), item))
        verdicts.set(item.itemId, { status: 'confirmed', record: recordOf(item, item.templateId ?? template), alreadyRecorded: true });
      else toSend.push(item);
    }

    const size = Math.min(Math.max(1, this.deps.batchSize ?? BULK_REATTESTATION_MAX_ITEMS), BULK_REATTESTATION_MAX_ITEMS);
    const unknown: Array<{ item: Item; fallback: SubmitResult }> = [];
    for (const batch of planBatches(toSend, size)) {
      const body: BulkReattestationItem[] = batch.map((item) => ({
        partnerId: user.partnerTenantId,
        customerId: item.customerId,
        customerDirectAcceptance: false,
        agreement: {
          templateId: item.templateId ?? template,
          primaryContact: toWireContact(item.primaryContact),
          dateAgreed: toUtcMidnight(item.dateAgreed),
        },
      }));
      let answer: BulkReattestationResult | undefined;
      try {
        answer = await client.createBulkReAttestation(body, {
          requestId: batchRequestId(batch.map((item) => item.itemId)),
          timeoutMs: this.deps.postTimeoutMs,
        });
      } catch (error) {
        // 600061 for the whole batch: each item gets its own verdict below, like any refusal.
        const verdict: SubmitResult =
          error instanceof PartnerCenterError && error.hasCode(ERROR_AGREEMENT_ALREADY_EXISTS)
            ? { status: 'failed', code: ERROR_AGREEMENT_ALREADY_EXISTS, reason: error.description }
            : submitFailure(error);
        if (verdict.status === 'auth-required') {
          // Refused before anything was done (401 or no token): nothing more can be sent now.
          if (error instanceof PartnerCenterError && error.status === 401) await auth.invalidate(authLossOf(error));
          for (const rest of toSend) if (!verdicts.has(rest.itemId)) verdicts.set(rest.itemId, verdict);
          break;
        }
        if (verdict.status === 'legacy-retired') {
          // The bulk tool is retired (Partner Center since 5 January 2026): no batch can go; each item is parked as it is.
          for (const rest of toSend) if (!verdicts.has(rest.itemId)) verdicts.set(rest.itemId, verdict);
          break;
        }
        if (verdict.status === 'failed') {
          // Refused as a whole (or 600061 for the whole batch): give each item its own check-then-post verdict.
          for (const item of batch) settle(item, await this.deps.submit.submit(item));
          continue;
        }
        for (const item of batch) unknown.push({ item, fallback: verdict });
        continue;
      }
      const byCustomer = new Map((answer ?? []).map((entry) => [entry.customerId.toLowerCase(), entry]));
      for (const item of batch) {
        const entry = byCustomer.get(item.customerId.toLowerCase());
        if (!entry) {
          unknown.push({
            item,
            fallback: { status: 'retry', afterMs: DEFAULT_RETRY_MS, reason: 'The backend did not say whether this item was recorded.' },
          });
        } else if (entry.status === 'created') {
          settle(item, { status: 'confirmed', record: recordOf(item, item.templateId ?? template), alreadyRecorded: false });
        } else if (entry.status === 'already-exists' || String(entry.code) === String(ERROR_AGREEMENT_ALREADY_EXISTS)) {
          settle(item, { status: 'confirmed', record: recordOf(item, item.templateId ?? template), alreadyRecorded: true });
        } else {
          const code = entry.code ?? 'failed';
          const verdict = bulkEntryVerdict(entry.code);
          verdicts.set(
            item.itemId,
            verdict.retryable
              ? {
                  status: 'retry',
                  afterMs: verdict.retryAfterMs ?? DEFAULT_RETRY_MS,
                  reason: entry.description ?? 'The backend could not record this item now.',
                }
              : { status: 'failed', code, reason: entry.description ?? 'The backend refused this item.' },
          );
        }
      }
    }

    if (unknown.length > 0) {
      // What landed despite a lost or silent answer: read the records again.
      let after: Map<string, AgreementRecordSummary> | undefined;
      try {
        after = await this.scan(client, userKey);
      } catch {
        after = undefined;
        // Nobody knows what those batches did: the next call reads the records afresh.
        this.forgetRecords();
      }
      for (const { item, fallback } of unknown) {
        if (after && hasLanded(after.get(item.customerId), item))
          settle(item, { status: 'confirmed', record: recordOf(item, item.templateId ?? template), alreadyRecorded: false });
        else verdicts.set(item.itemId, fallback);
      }
    }
    return all({ status: 'retry', afterMs: DEFAULT_RETRY_MS, reason: 'The item was not sent.' });
  }
}
