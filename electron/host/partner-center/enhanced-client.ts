/**
 * The client for Partner Center's enhanced attestation calls (today's Partner Center): create an
 * attestation, read it, finalise the agreement from it. AppOnly tokens only. Every call carries
 * `MS-RequestId` (the caller's stable id for a create or a finalise, so a retry is deduplicated by
 * the backend), `MS-CorrelationId`, and honours the shared Retry-After hold of the API root (the limit
 * is per partner, so the App+User client and this one wait together). A 401 means the AppOnly token
 * expired or was revoked: the call is sent once more, same request id, with a token fetched afresh
 * (nothing was written on a 401); a second 401 is the credential's fault (`AppOnlyTokenSource.rejected`).
 * Paths, codes and the finalise body are the host's contract (enhanced-contract.ts).
 */
import type { z } from 'zod';
import { MCA_TYPE } from '../../../shared/domain/agreement';
import {
  enhancedAgreementSchema,
  enhancedAttestationSchema,
  type CreateEnhancedAttestationBody,
  type EnhancedAgreement,
  type EnhancedAttestation,
  type FinaliseAgreementBody,
} from '../../../shared/api/enhanced-attestation';
import type { AppOnlyTokenSource } from '../auth/app-only';
import { PartnerCenterError } from './errors';
import { PartnerCenterHttp, type FetchLike, type HttpResponse, type RequestOptions } from './http';
import type { RetryAfterHolds } from './retry-after-hold';
import { attestationPath, ENHANCED_ATTESTATIONS_PATH, finalisePath } from './enhanced-contract';

export interface EnhancedClientOptions {
  baseUrl: string;
  tokens: AppOnlyTokenSource;
  fetch?: FetchLike;
  now?: () => Date;
  timeoutMs?: number;
  maxRetries?: number;
  maxRetryWaitMs?: number;
  backoffBaseMs?: number;
  retryAfterHolds?: RetryAfterHolds;
  applicationName?: string;
}

function parse<S extends z.ZodTypeAny>(schema: S, response: HttpResponse, what: string): z.output<S> {
  const result = schema.safeParse(response.body);
  if (result.success) return result.data;
  throw new PartnerCenterError({
    kind: 'invalid-response',
    status: response.status,
    requestId: response.requestId,
    description: `The ${what} answer does not have the expected shape (${result.error.issues[0]?.path.join('.') || 'body'}: ${result.error.issues[0]?.message ?? 'invalid'}).`,
  });
}

const isUnauthorised = (error: unknown) => error instanceof PartnerCenterError && error.status === 401;

export class EnhancedAttestationClient {
  private readonly http: PartnerCenterHttp;
  /** The next token must not come from a cache (the last one was refused). */
  private freshToken = false;

  constructor(private readonly options: EnhancedClientOptions) {
    this.http = new PartnerCenterHttp({
      baseUrl: options.baseUrl,
      getAccessToken: () => {
        const fresh = this.freshToken;
        this.freshToken = false;
        return options.tokens.getToken({ fresh });
      },
      fetch: options.fetch,
      now: options.now,
      timeoutMs: options.timeoutMs,
      maxRetries: options.maxRetries,
      maxRetryWaitMs: options.maxRetryWaitMs,
      backoffBaseMs: options.backoffBaseMs,
      retryAfterHolds: options.retryAfterHolds,
      applicationName: options.applicationName,
    });
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  private async request(path: string, options: RequestOptions): Promise<HttpResponse> {
    try {
      return await this.http.request(path, options);
    } catch (error) {
      if (!isUnauthorised(error)) throw error;
      this.freshToken = true;
      try {
        return await this.http.request(path, options);
      } catch (second) {
        if (isUnauthorised(second)) throw this.options.tokens.rejected();
        throw second;
      }
    }
  }

  /**
   * Creates an attestation. `requestId` is the outbox item's id: the backend answers the same
   * attestation again for it (200, `replayed`), so a retry after a lost answer creates nothing new.
   */
  async createAttestation(
    body: CreateEnhancedAttestationBody,
    options: { requestId: string; timeoutMs?: number },
  ): Promise<{ attestation: EnhancedAttestation; replayed: boolean }> {
    const response = await this.request(ENHANCED_ATTESTATIONS_PATH, {
      method: 'POST',
      body,
      requestId: options.requestId,
      timeoutMs: options.timeoutMs,
      retries: 0,
    });
    return { attestation: parse(enhancedAttestationSchema, response, 'create attestation'), replayed: response.status === 200 };
  }

  async readAttestation(attestationId: string): Promise<EnhancedAttestation> {
    const response = await this.request(attestationPath(attestationId), {});
    return parse(enhancedAttestationSchema, response, 'attestation');
  }

  /** Makes the agreement from an accepted attestation; `requestId` is the finalise step's own stable id. */
  async finalise(
    customerId: string,
    attestationId: string,
    options: { requestId: string; templateId?: string; timeoutMs?: number },
  ): Promise<EnhancedAgreement> {
    const body: FinaliseAgreementBody = {
      attestationId,
      type: MCA_TYPE,
      ...(options.templateId ? { templateId: options.templateId } : {}),
    };
    const response = await this.request(finalisePath(customerId), {
      method: 'POST',
      body,
      requestId: options.requestId,
      timeoutMs: options.timeoutMs,
      retries: 0,
    });
    return parse(enhancedAgreementSchema, response, 'finalise');
  }
}
