/**
 * The submit service: sends one outbox item exactly once (ARCHITECTURE.md, steps 4 and 5).
 *
 * 1. The item comes parsed: the dispatcher checked it with the shared schema (the renderer is never trusted).
 * 2. Re-check role and partner type of the signed-in user, and the date rule against the backend's
 *    UTC "now" (its clock, as seen in its `Date` header).
 * 3. Check-then-post, when the item may have landed (`checkFirst`, the outbox's decision): read the
 *    customer's confirmations; an identical latest one means the item already landed (say, its
 *    answer was lost), so it is confirmed without posting. Otherwise (and at once on a first attempt)
 *    POST with `MS-RequestId` = the item's id, the same on every retry, so the backend deduplicates too.
 * 4. Answer: confirmed | retry(afterMs) | failed(code) | auth-required, from the host's one verdict
 *    (`verdict.ts`). 600061 counts as confirmed.
 */
import type { SubmitAttestationItem, SubmitResult } from '../../shared/ipc/contract';
import { canAttest, type PartnerUser } from '../../shared/domain/roles';
import { checkAcceptanceDate, DEFAULT_ACCEPTANCE_FLOOR, toUtcMidnight } from '../../shared/domain/dates';
import { checkDuplicateOfLatest, isSameContact, MCA_TYPE, type AgreementRecord } from '../../shared/domain/agreement';
import { ERROR_AGREEMENT_ALREADY_EXISTS } from '../../shared/domain/errors';
import { toWireContact, type CreateAgreementBody } from '../../shared/api/partner-center';
import { PartnerCenterError } from './partner-center/errors';
import type { PartnerCenterClient } from './partner-center/client';
import { authLossOf, signedOutError, type AuthProvider } from './auth/provider';
import { toAgreementRecord } from './records';
import { submitFailure } from './verdict';

export interface SubmitDependencies {
  client: () => PartnerCenterClient;
  auth: () => AuthProvider;
  /** Earliest acceptance day (DOMAIN.md: configurable, 2019-03-01 by default): Settings, read at each send. */
  acceptanceFloor?: () => string;
  /** Time limit for the POST; a timeout is a `retry`. */
  postTimeoutMs?: number;
}

export function permissionFailure(user: PartnerUser): SubmitResult | undefined {
  const permission = canAttest(user);
  if (permission.allowed) return undefined;
  if (permission.reason === 'partner-type-not-permitted')
    return {
      status: 'failed',
      code: 'partner-type-not-permitted',
      reason:
        "An indirect reseller cannot record a customer's acceptance: its indirect provider does, or the customer accepts in the Microsoft 365 admin center.",
    };
  return {
    status: 'failed',
    code: 'role-not-permitted',
    reason: `Only an Admin agent or a Sales agent can record a customer's acceptance (you are: ${user.roles.join(', ')}).`,
  };
}

export function dateFailure(date: string, serverNow: Date, floor: string): SubmitResult | undefined {
  const rule = checkAcceptanceDate(date, { now: serverNow, timeZone: 'UTC', floor });
  if (rule.ok) return undefined;
  if (rule.reason === 'in-future')
    return {
      status: 'failed',
      code: 'in-future',
      reason: `The date of acceptance ${date} is after today in UTC (${rule.latest}), which Partner Center refuses.`,
    };
  if (rule.reason === 'before-floor')
    return {
      status: 'failed',
      code: 'before-floor',
      reason: `The date of acceptance ${date} is before ${rule.floor}, when the Microsoft Customer Agreement did not exist yet.`,
    };
  return { status: 'failed', code: 'invalid-date', reason: `${date} is not a valid date.` };
}

export class SubmitService {
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];
  /** One submit per customer at a time in this process, so check-then-post cannot race itself. */
  private readonly customerLocks = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: SubmitDependencies) {}

  /** How many submits are running now (the shell does not quit while this is above zero). */
  get pending(): number {
    return this.inFlight;
  }

  /** Resolves when no submit is running (or after `timeoutMs`); answers whether it became idle. */
  idle(timeoutMs = 30_000): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** Counts a piece of work as in flight (bulk uses this too). */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  private async withCustomerLock<T>(customerId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.customerLocks.get(customerId) ?? Promise.resolve();
    const run = previous.then(work, work);
    const settled = run.catch(() => undefined);
    this.customerLocks.set(customerId, settled);
    try {
      return await run;
    } finally {
      if (this.customerLocks.get(customerId) === settled) this.customerLocks.delete(customerId);
    }
  }

  /** Sends one outbox item, as the dispatcher parsed it. Never throws: every outcome is a `SubmitResult`. */
  submit(item: SubmitAttestationItem): Promise<SubmitResult> {
    return this.track(() => this.withCustomerLock(item.customerId, () => this.send(item)));
  }

  private async send(item: SubmitAttestationItem): Promise<SubmitResult> {
    const auth = this.deps.auth();
    const user = auth.user();
    if (!user) return submitFailure(await signedOutError(auth));
    const refused = permissionFailure(user);
    if (refused) return refused;

    const client = this.deps.client();
    try {
      const dateRefused = dateFailure(item.dateAgreed, client.serverNow(), this.deps.acceptanceFloor?.() ?? DEFAULT_ACCEPTANCE_FLOOR);
      if (dateRefused) return dateRefused;

      // Check, when the outbox says an earlier attempt may have landed (a lost answer, a crash after
      // the POST): the first attempt of an item that never left posts at once, and 600061 says "exists".
      if (item.checkFirst !== false) {
        const history = (await client.listConfirmations(item.customerId)).map((agreement) => toAgreementRecord(item.customerId, agreement));
        const duplicate = checkDuplicateOfLatest(item.primaryContact, history);
        if (duplicate.duplicate) return { status: 'confirmed', record: duplicate.latest, alreadyRecorded: true };

        // The date may have been judged against a clock the first call corrected: judge it again.
        const dateRefusedNow = dateFailure(item.dateAgreed, client.serverNow(), this.deps.acceptanceFloor?.() ?? DEFAULT_ACCEPTANCE_FLOOR);
        if (dateRefusedNow) return dateRefusedNow;
      }

      const templateId = item.templateId ?? (await client.getMcaTemplate()).templateId;
      const body: CreateAgreementBody = {
        primaryContact: toWireContact(item.primaryContact),
        templateId,
        dateAgreed: toUtcMidnight(item.dateAgreed),
        type: MCA_TYPE,
      };
      const created = await client.createAgreement(item.customerId, body, { requestId: item.itemId, timeoutMs: this.deps.postTimeoutMs });
      return { status: 'confirmed', record: toAgreementRecord(item.customerId, created), alreadyRecorded: false };
    } catch (error) {
      // 600061: the same contact is already the customer's latest confirmation. Done.
      if (error instanceof PartnerCenterError && error.hasCode(ERROR_AGREEMENT_ALREADY_EXISTS))
        return { status: 'confirmed', record: await this.latestMatching(client, item), alreadyRecorded: true };
      if (error instanceof PartnerCenterError && error.status === 401) await auth.invalidate(authLossOf(error));
      if (error instanceof PartnerCenterError && error.status === 400 && /template/i.test(error.description)) client.forgetMetadata();
      return submitFailure(error);
    }
  }

  private async latestMatching(client: PartnerCenterClient, item: SubmitAttestationItem): Promise<AgreementRecord> {
    try {
      const history = (await client.listConfirmations(item.customerId)).map((agreement) => toAgreementRecord(item.customerId, agreement));
      const match = [...history].reverse().find((record) => isSameContact(item.primaryContact, record.primaryContact));
      if (match) return match;
    } catch {
      // fall through: the backend said it exists; describe it from the item
    }
    return {
      customerId: item.customerId,
      primaryContact: toWireContact(item.primaryContact),
      templateId: item.templateId ?? '',
      dateAgreed: toUtcMidnight(item.dateAgreed),
      type: MCA_TYPE,
    };
  }
}
