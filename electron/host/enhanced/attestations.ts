/**
 * The enhanced attestation flow in the host (Partner Center since 5 January 2026): create an
 * attestation, read it, finalise the agreement from it.
 *
 * - The role gate is MCA Desk's alone (an AppOnly token carries no user, so Partner Center checks
 *   none): create and finalise go out only for a signed-in Admin or Sales agent of a direct-bill
 *   partner or indirect provider (`canAttest`); a refusal sends nothing.
 * - Exactly once: a create carries the outbox item's id as `MS-RequestId`, so a retry after a lost
 *   answer gets the same attestation back. A finalise that may have landed before (`checkFirst`, the
 *   outbox's decision) first reads the attestation (finalised = done, from an earlier attempt whose
 *   answer was lost); then it posts with its own stable request id; 600061 (already finalised, or the
 *   same signatory as the customer's latest agreement) = done.
 * - Create and finalise are outbox sends: they answer a result, never an error for the item's sake
 *   (the host's one verdict, verdict.ts), so nothing queued is lost.
 * - Every call, refusals included, goes into the audit journal: the agent, the request id, the
 *   attestation id and the answer.
 */
import type { z } from 'zod';
import type { BackendKind } from '../../../shared/ipc/contract';
import type {
  createAttestationRequestSchema,
  finaliseAttestationRequestSchema,
  AttestationView,
  CreateAttestationResult,
  FinaliseResult,
} from '../../../shared/ipc/enhanced';
import type { AgreementRecord } from '../../../shared/domain/agreement';
import { isSameContact, MCA_TYPE } from '../../../shared/domain/agreement';
import { toWireContact } from '../../../shared/api/partner-center';
import type { PartnerUser } from '../../../shared/domain/roles';
import type { AuditJournal, AuditRecord } from '../audit/journal';
import { signedOutError, type AuthProvider } from '../auth/provider';
import type { EnhancedAttestationClient } from '../partner-center/enhanced-client';
import type { PartnerCenterClient } from '../partner-center/client';
import { ERROR_ATTESTATION_EXPIRED, isAlreadyFinalised, isAttestationExpired, isNotAcceptedYet } from '../partner-center/enhanced-contract';
import { PartnerCenterError } from '../partner-center/errors';
import { toAgreementRecord, toAttestationView } from '../records';
import { permissionFailure } from '../submit';
import { NOT_ACCEPTED_RETRY_MS, submitFailure } from '../verdict';
import type { Logger } from '../dispatch';

type CreateRequest = z.output<typeof createAttestationRequestSchema>;
type FinaliseRequest = z.output<typeof finaliseAttestationRequestSchema>;
type SendResult = CreateAttestationResult | FinaliseResult;

export interface EnhancedDependencies {
  client: () => EnhancedAttestationClient;
  /** The App+User client, for the customer's agreements when 600061 says one already exists. */
  userClient: () => PartnerCenterClient;
  auth: () => AuthProvider;
  backend: () => BackendKind;
  journal: AuditJournal;
  now: () => Date;
  /** Counts the work as in flight (the app does not quit in the middle of a send). */
  track: <T>(work: () => Promise<T>) => Promise<T>;
  postTimeoutMs?: number;
  log?: Logger;
}

/** A send's failure as a create/finalise result (the legacy-retired outcome belongs to the legacy calls only). */
function failureOf(error: unknown): Exclude<SendResult, { status: 'created' } | { status: 'confirmed' }> {
  const result = submitFailure(error);
  if (result.status === 'legacy-retired') return { status: 'failed', code: result.code, reason: result.reason };
  if (result.status === 'confirmed') return { status: 'failed', code: 'internal', reason: 'MCA Desk misread a failure.' };
  return result;
}

const NOT_ACCEPTED: Extract<FinaliseResult, { status: 'retry' }> = {
  status: 'retry',
  afterMs: NOT_ACCEPTED_RETRY_MS,
  reason: 'The customer has not accepted the Microsoft Customer Agreement yet.',
};
const EXPIRED: Extract<FinaliseResult, { status: 'failed' }> = {
  status: 'failed',
  code: ERROR_ATTESTATION_EXPIRED,
  reason: 'The acceptance link expired before the customer accepted: create a new attestation.',
};

function codeOf(result: SendResult): string | number | undefined {
  return result.status === 'failed' ? result.code : undefined;
}

export class EnhancedAttestationService {
  constructor(private readonly deps: EnhancedDependencies) {}

  private async record(entry: Omit<AuditRecord, 'at' | 'backend' | 'agent'>, user: PartnerUser | undefined): Promise<void> {
    try {
      await this.deps.journal.append({
        at: this.deps.now().toISOString(),
        backend: this.deps.backend(),
        agent: user ? { name: user.userName, objectId: user.userId } : null,
        ...entry,
      });
    } catch (error) {
      // The answer must still reach the outbox: a journal that cannot be written is reported, not fatal.
      this.deps.log?.error(`The audit journal could not be written: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Who may send: the signed-in agent, if the role gate lets them; otherwise the result to answer. */
  private async gate(): Promise<{ user: PartnerUser } | { refused: SendResult; user?: PartnerUser }> {
    const auth = this.deps.auth();
    const user = auth.user();
    if (!user) return { refused: failureOf(await signedOutError(auth)) };
    const refused = permissionFailure(user);
    if (refused && refused.status === 'failed') return { refused, user };
    return { user };
  }

  create(request: CreateRequest): Promise<CreateAttestationResult> {
    return this.deps.track(async () => {
      const base = { action: 'attestation.create' as const, customerId: request.customerId, requestId: request.requestId };
      const gate = await this.gate();
      if ('refused' in gate) {
        await this.record({ ...base, outcome: gate.refused.status, code: codeOf(gate.refused), sent: false }, gate.user);
        return gate.refused as CreateAttestationResult;
      }
      let result: CreateAttestationResult;
      try {
        const { attestation, replayed } = await this.deps
          .client()
          .createAttestation(
            { customerTenantId: request.customerId, ...request.attestation },
            { requestId: request.requestId, timeoutMs: this.deps.postTimeoutMs },
          );
        result = { status: 'created', attestation: toAttestationView(attestation), alreadyCreated: replayed };
      } catch (error) {
        result = failureOf(error);
      }
      await this.record(
        {
          ...base,
          ...(result.status === 'created' ? { attestationId: result.attestation.id } : {}),
          outcome: result.status,
          code: codeOf(result),
          sent: true,
        },
        gate.user,
      );
      return result;
    });
  }

  /** Reads an attestation (any signed-in agent may check its status). Failures are thrown: a read is no outbox send. */
  async read(attestationId: string, user: PartnerUser): Promise<AttestationView> {
    const base = { action: 'attestation.read' as const, attestationId };
    try {
      const view = toAttestationView(await this.deps.client().readAttestation(attestationId));
      await this.record({ ...base, customerId: view.customerId, outcome: view.status, sent: true }, user);
      return view;
    } catch (error) {
      await this.record(
        { ...base, outcome: 'error', code: error instanceof PartnerCenterError ? (error.code ?? error.status) : undefined, sent: true },
        user,
      );
      throw error;
    }
  }

  finalise(request: FinaliseRequest): Promise<FinaliseResult> {
    return this.deps.track(async () => {
      const base = {
        action: 'attestation.finalise' as const,
        customerId: request.customerId,
        requestId: request.requestId,
        attestationId: request.attestationId,
      };
      const gate = await this.gate();
      if ('refused' in gate) {
        await this.record({ ...base, outcome: gate.refused.status, code: codeOf(gate.refused), sent: false }, gate.user);
        return gate.refused as FinaliseResult;
      }
      const result = await this.sendFinalise(request);
      await this.record({ ...base, outcome: result.status, code: codeOf(result), sent: true }, gate.user);
      return result;
    });
  }

  private async sendFinalise(request: FinaliseRequest): Promise<FinaliseResult> {
    const client = this.deps.client();
    try {
      // Check, when the outbox says an earlier attempt may have finalised it (its answer lost); a first
      // attempt posts at once, and the finalise's own answers say the rest (600061, 600072, 600073).
      if (request.checkFirst !== false) {
        const before = await client.readAttestation(request.attestationId);
        if (before.customerTenantId.toLowerCase() !== request.customerId.toLowerCase())
          return { status: 'failed', code: 'not-found', reason: 'This attestation belongs to another customer.' };
        if (before.status === 'finalized' && before.agreement) return this.confirmed(toAttestationView(before), true);
        if (before.status === 'pending') return NOT_ACCEPTED;
        if (before.status === 'expired') return EXPIRED;
      }
      const agreement = await client.finalise(request.customerId, request.attestationId, {
        requestId: request.requestId,
        timeoutMs: this.deps.postTimeoutMs,
      });
      return { status: 'confirmed', record: toAgreementRecord(request.customerId, agreement), alreadyRecorded: false };
    } catch (error) {
      if (isAlreadyFinalised(error)) return this.alreadyDone(request);
      // The same answers as the read's, whichever way the backend told it.
      if (isNotAcceptedYet(error))
        return { ...NOT_ACCEPTED, afterMs: Math.max(NOT_ACCEPTED_RETRY_MS, (error as PartnerCenterError).retryAfterMs ?? 0) };
      if (isAttestationExpired(error)) return EXPIRED;
      return failureOf(error);
    }
  }

  private confirmed(view: AttestationView, alreadyRecorded: boolean): FinaliseResult {
    return { status: 'confirmed', record: view.agreement!, alreadyRecorded };
  }

  /**
   * 600061: finalised already (by an earlier attempt or another tool), or the customer's latest
   * agreement has this very signatory. Either way the customer has the agreement: done.
   */
  private async alreadyDone(request: FinaliseRequest): Promise<FinaliseResult> {
    let view: AttestationView | undefined;
    try {
      view = toAttestationView(await this.deps.client().readAttestation(request.attestationId));
      if (view.agreement) return this.confirmed(view, true);
    } catch {
      // fall through: describe it from what else is known
    }
    let record: AgreementRecord | undefined;
    try {
      const history = (await this.deps.userClient().listConfirmations(request.customerId)).map((agreement) =>
        toAgreementRecord(request.customerId, agreement),
      );
      record = view ? [...history].reverse().find((candidate) => isSameContact(view!.signatory, candidate.primaryContact)) : history.at(-1);
    } catch {
      // the backend said it exists; describe it from the attestation
    }
    return {
      status: 'confirmed',
      alreadyRecorded: true,
      record: record ?? {
        customerId: request.customerId,
        primaryContact: toWireContact(view?.signatory ?? { firstName: '', lastName: '', email: '' }),
        templateId: '',
        dateAgreed: view?.acceptedAt ?? this.deps.now().toISOString(),
        type: MCA_TYPE,
        attestationId: request.attestationId,
      },
    };
  }
}
