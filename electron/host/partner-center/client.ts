/**
 * Typed calls for every Partner Center endpoint MCA Desk uses (../shared/reference/partner-center-api.md).
 * The same client talks to the sandbox and to `https://api.partnercenter.microsoft.com`: only the
 * base URL and the token source differ.
 */
import type { z } from 'zod';
import {
  agreementDocumentSchema,
  agreementMetadataSchema,
  apiAgreementSchema,
  apiCustomerListItemSchema,
  apiCustomerSchema,
  bulkReattestationResultSchema,
  collectionSchema,
  customerAgreementRecordsPageSchema,
  directSignStatusSchema,
  relationshipRequestSchema,
  BULK_REATTESTATION_MAX_ITEMS,
  type AgreementDocument,
  type ApiAgreement,
  type ApiCustomer,
  type ApiCustomerListItem,
  type BulkReattestationItem,
  type BulkReattestationResult,
  type CreateAgreementBody,
  type CreateCustomerBody,
  type CustomerAgreementRecord,
  type CustomerFilter,
} from '../../../shared/api/partner-center';
import { MCA_TYPE } from '../../../shared/domain/agreement';
import { partnerUserSchema, type PartnerUser } from '../../../shared/domain/roles';
import { PartnerCenterError } from './errors';
import { PartnerCenterHttp, type HttpOptions, type HttpResponse, type RequestOptions } from './http';
import { SANDBOX_PROFILE_APP_FIELD } from './enhanced-contract';

export interface PartnerCenterClientOptions extends HttpOptions {
  /** How long the agreement metadata is reused before it is asked for again (ms). */
  metadataTtlMs?: number;
}

export interface McaTemplate {
  templateId: string;
  agreementLink: string;
  versionRank: number;
}

/** A `links.next` as the API gives it: a URI plus the headers to send with it. */
export interface NextLink {
  uri: string;
  headers: Array<{ key: string; value: string }>;
}

export interface CustomerPage {
  items: ApiCustomerListItem[];
  totalCount?: number;
  next?: NextLink;
}

export interface AgreementRecordsPage {
  records: CustomerAgreementRecord[];
  continuationToken: string | null;
}

const DEFAULT_METADATA_TTL_MS = 10 * 60_000;
/** Bound on pages followed in one logical call, against a server that never stops paging. */
const MAX_PAGES = 10_000;

const agreementsCollection = collectionSchema(apiAgreementSchema);
const metadataCollection = collectionSchema(agreementMetadataSchema);
const customerCollection = collectionSchema(apiCustomerListItemSchema);

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

function nextLinkOf(links: unknown): NextLink | undefined {
  const next = (links as { next?: { uri?: unknown; headers?: unknown } } | undefined)?.next;
  if (!next || typeof next.uri !== 'string' || next.uri.trim() === '') return undefined;
  const headers = Array.isArray(next.headers)
    ? next.headers.filter(
        (header): header is { key: string; value: string } =>
          !!header && typeof header.key === 'string' && typeof header.value === 'string' && /^[A-Za-z0-9-]{1,100}$/.test(header.key),
      )
    : [];
  return { uri: next.uri, headers };
}

function headersOf(link: NextLink): Record<string, string> {
  // Only the continuation header is forwarded: a link must not override auth or identity headers.
  const allowed = new Set(['ms-continuationtoken']);
  return Object.fromEntries(
    link.headers.filter((header) => allowed.has(header.key.toLowerCase())).map((header) => [header.key, header.value]),
  );
}

export class PartnerCenterClient {
  readonly http: PartnerCenterHttp;
  private readonly metadataTtlMs: number;
  private readonly now: () => Date;
  private metadata?: { value: McaTemplate; fetchedAt: number };
  private metadataInFlight?: Promise<McaTemplate>;
  /** Server clock minus local clock, from the last answer's `Date` header. */
  private clockOffsetMs = 0;

  constructor(options: PartnerCenterClientOptions) {
    this.now = options.now ?? (() => new Date());
    this.http = new PartnerCenterHttp({
      ...options,
      onServerDate: (serverDate, localDate) => {
        this.clockOffsetMs = serverDate.getTime() - localDate.getTime();
        options.onServerDate?.(serverDate, localDate);
      },
    });
    this.metadataTtlMs = options.metadataTtlMs ?? DEFAULT_METADATA_TTL_MS;
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /**
   * The backend's "now", estimated from the `Date` header of its last answer (one-second resolution).
   * The date rule is judged against this, the way the backend judges it (error 600002).
   */
  serverNow(): Date {
    // Only trust a clear skew: the header has one-second resolution.
    const offset = Math.abs(this.clockOffsetMs) > 2_000 ? this.clockOffsetMs : 0;
    return new Date(this.now().getTime() + offset);
  }

  private request(path: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.http.request(path, options);
  }

  // ── Agreement metadata ─────────────────────────────────────────────────────────────────────────

  /** Every MCA template the metadata lists (always asked with agreementType: the default is the Cloud Agreement). */
  async listMcaMetadata(): Promise<z.output<typeof agreementMetadataSchema>[]> {
    const response = await this.request('/v1/agreements', { query: { agreementType: MCA_TYPE } });
    const collection = parse(metadataCollection, response, 'agreement metadata');
    return collection.items.filter((item) => (item.agreementType ?? item.type) === MCA_TYPE);
  }

  /** The MCA template to use: the highest `versionRank`, cached briefly, never hard-coded. */
  async getMcaTemplate(options: { refresh?: boolean } = {}): Promise<McaTemplate> {
    const cached = this.metadata;
    if (!options.refresh && cached && this.now().getTime() - cached.fetchedAt < this.metadataTtlMs) return cached.value;
    this.metadataInFlight ??= (async () => {
      try {
        const items = await this.listMcaMetadata();
        const best = [...items].sort((a, b) => (b.versionRank ?? 0) - (a.versionRank ?? 0))[0];
        if (!best)
          throw new PartnerCenterError({
            kind: 'invalid-response',
            description: 'The agreement metadata lists no Microsoft Customer Agreement template.',
          });
        const value = { templateId: best.templateId, agreementLink: best.agreementLink ?? '', versionRank: best.versionRank ?? 0 };
        this.metadata = { value, fetchedAt: this.now().getTime() };
        return value;
      } finally {
        this.metadataInFlight = undefined;
      }
    })();
    return this.metadataInFlight;
  }

  forgetMetadata(): void {
    this.metadata = undefined;
  }

  // ── Agreements of one customer ─────────────────────────────────────────────────────────────────

  /** The customer's MCA confirmations, oldest first, all pages. */
  async listConfirmations(customerId: string): Promise<ApiAgreement[]> {
    const items: ApiAgreement[] = [];
    let response = await this.request(`/v1/customers/${encodeURIComponent(customerId)}/agreements`, { query: { agreementType: MCA_TYPE } });
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const collection = parse(agreementsCollection, response, 'agreements');
      items.push(...collection.items);
      const next = nextLinkOf(collection.links);
      if (!next) return items;
      response = await this.request(next.uri, { headers: headersOf(next) });
    }
    return items;
  }

  /** Records an attestation. `requestId` is the outbox item's id: the same on every retry. */
  async createAgreement(
    customerId: string,
    body: CreateAgreementBody,
    options: { requestId: string; timeoutMs?: number },
  ): Promise<ApiAgreement> {
    const response = await this.request(`/v1/customers/${encodeURIComponent(customerId)}/agreements`, {
      method: 'POST',
      body,
      requestId: options.requestId,
      timeoutMs: options.timeoutMs,
      retries: 0,
    });
    return parse(apiAgreementSchema, response, 'create agreement');
  }

  async getTemplateDocument(templateId: string, options: { country: string; language: string }): Promise<AgreementDocument> {
    const response = await this.request(`/v1/agreementtemplates/${encodeURIComponent(templateId)}/document`, {
      query: { language: options.language, country: options.country },
    });
    return parse(agreementDocumentSchema, response, 'template document');
  }

  async getDirectSignStatus(customerId: string): Promise<{ isSigned: boolean }> {
    const response = await this.request(`/v1/customers/${encodeURIComponent(customerId)}/directSignedMicrosoftCustomerAgreementStatus`);
    return { isSigned: parse(directSignStatusSchema, response, 'direct-sign status').isSigned };
  }

  async getRelationshipRequest(): Promise<{ url: string }> {
    const response = await this.request('/v1/customers/relationshiprequests');
    return { url: parse(relationshipRequestSchema, response, 'relationship request').url };
  }

  // ── Customers ──────────────────────────────────────────────────────────────────────────────────

  /** One page of customers; pass the previous page's `next` to continue. */
  async listCustomers(options: { size?: number; filter?: CustomerFilter; next?: NextLink } = {}): Promise<CustomerPage> {
    const response = options.next
      ? await this.request(options.next.uri, { headers: headersOf(options.next) })
      : await this.request('/v1/customers', {
          query: { size: options.size ?? 500, filter: options.filter ? JSON.stringify(options.filter) : undefined },
        });
    const collection = parse(customerCollection, response, 'customer list');
    return { items: collection.items, totalCount: collection.totalCount, next: nextLinkOf(collection.links) };
  }

  /** Every customer, following the continuation links. */
  async *iterateCustomers(options: { size?: number; filter?: CustomerFilter } = {}): AsyncGenerator<CustomerPage> {
    let page = await this.listCustomers(options);
    for (let count = 0; count < MAX_PAGES; count += 1) {
      yield page;
      if (!page.next) return;
      page = await this.listCustomers({ next: page.next });
    }
  }

  async getCustomer(customerId: string): Promise<ApiCustomer> {
    const response = await this.request(`/v1/customers/${encodeURIComponent(customerId)}`);
    return parse(apiCustomerSchema, response, 'customer');
  }

  /** Documented idempotent on `MS-RequestId`, so a timed-out create is retried with the same id. */
  async createCustomer(body: CreateCustomerBody, options: { requestId: string }): Promise<ApiCustomer> {
    const response = await this.request('/v1/customers', { method: 'POST', body, requestId: options.requestId, retries: 2 });
    return parse(apiCustomerSchema, response, 'create customer');
  }

  // ── Partner-wide records and bulk re-attestation (reference §7b) ───────────────────────────────

  async listAgreementRecords(options: { continuationToken?: string } = {}): Promise<AgreementRecordsPage> {
    const response = await this.request('/v1/partners/customeragreementrecords', {
      query: { continuation_token: options.continuationToken },
    });
    const page = parse(customerAgreementRecordsPageSchema, response, 'customer agreement records');
    const token = typeof page.continuationToken === 'string' && page.continuationToken !== '' ? page.continuationToken : null;
    return { records: page.customerAgreementRecords, continuationToken: token };
  }

  /** Every record, all pages. */
  async listAllAgreementRecords(): Promise<CustomerAgreementRecord[]> {
    const records: CustomerAgreementRecord[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const result = await this.listAgreementRecords({ continuationToken: token });
      records.push(...result.records);
      if (!result.continuationToken || result.continuationToken === token) return records;
      token = result.continuationToken;
    }
    return records;
  }

  /**
   * One batch of at most 500 re-attestations. The real answer's body is undocumented (Microsoft's
   * tool reads none): `undefined` means "2xx without a per-item list", and the caller then learns
   * from the agreement records what landed.
   */
  async createBulkReAttestation(
    items: BulkReattestationItem[],
    options: { requestId: string; timeoutMs?: number },
  ): Promise<BulkReattestationResult | undefined> {
    if (items.length === 0 || items.length > BULK_REATTESTATION_MAX_ITEMS)
      throw new RangeError(`A bulk batch holds 1 to ${BULK_REATTESTATION_MAX_ITEMS} items.`);
    const response = await this.request('/v1/CreateBulkReAttestation', {
      method: 'POST',
      body: items,
      requestId: options.requestId,
      timeoutMs: options.timeoutMs,
      retries: 0,
    });
    if (response.body === undefined) return undefined;
    const result = bulkReattestationResultSchema.safeParse(response.body);
    return result.success ? result.data : undefined;
  }

  // ── Profiles ───────────────────────────────────────────────────────────────────────────────────

  /** Sandbox-only: the signed-in user with roles and partner type. */
  async getSandboxProfile(): Promise<PartnerUser> {
    return (await this.getSandboxProfileWithApp()).user;
  }

  /** Sandbox-only: the user, and (Partner Center today) the partner's app registration for the AppOnly grant. */
  async getSandboxProfileWithApp(): Promise<{ user: PartnerUser; appClientId?: string }> {
    const response = await this.request('/v1/profiles/me');
    const user = parse(partnerUserSchema, response, 'user profile');
    const appClientId = (response.body as Record<string, unknown> | undefined)?.[SANDBOX_PROFILE_APP_FIELD];
    return { user, ...(typeof appClientId === 'string' && appClientId.length <= 100 ? { appClientId } : {}) };
  }

  async getOrganizationProfile(): Promise<{ id: string; companyName?: string }> {
    const response = await this.request('/v1/profiles/organization');
    const body = (response.body ?? {}) as { id?: unknown; tenantId?: unknown; companyName?: unknown };
    const id = typeof body.id === 'string' ? body.id : typeof body.tenantId === 'string' ? body.tenantId : '';
    if (!id)
      throw new PartnerCenterError({
        kind: 'invalid-response',
        status: response.status,
        description: 'The organization profile has no id.',
      });
    return { id, companyName: typeof body.companyName === 'string' ? body.companyName : undefined };
  }

  /** `GET /v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf`: the indirect resellers of an indirect provider. */
  async listIndirectResellers(): Promise<Array<{ id: string; name?: string }>> {
    const response = await this.request('/v1/relationships', { query: { relationship_type: 'IsIndirectCloudSolutionProviderOf' } });
    const items = (response.body as { items?: unknown } | undefined)?.items;
    if (!Array.isArray(items)) return [];
    return items.filter((item): item is { id: string; name?: string } => !!item && typeof item.id === 'string');
  }

  /** `GET /v1/roles`: the partner's roles (Admin agent, Sales agent, …). */
  async listRoles(): Promise<Array<{ id: string; name: string }>> {
    const response = await this.request('/v1/roles');
    const items = (response.body as { items?: unknown } | undefined)?.items;
    if (!Array.isArray(items)) return [];
    return items.filter(
      (role): role is { id: string; name: string } => !!role && typeof role.id === 'string' && typeof role.name === 'string',
    );
  }

  /** `GET /v1/roles/{id}/usermembers`, all pages. */
  async listRoleMembers(roleId: string): Promise<Array<{ id: string; userPrincipalName?: string }>> {
    const members: Array<{ id: string; userPrincipalName?: string }> = [];
    let response = await this.request(`/v1/roles/${encodeURIComponent(roleId)}/usermembers`);
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const body = response.body as { items?: unknown; links?: unknown } | undefined;
      for (const item of Array.isArray(body?.items) ? body.items : [])
        if (item && typeof item.id === 'string')
          members.push({ id: item.id, userPrincipalName: typeof item.userPrincipalName === 'string' ? item.userPrincipalName : undefined });
      const next = nextLinkOf(body?.links);
      if (!next) break;
      response = await this.request(next.uri, { headers: headersOf(next) });
    }
    return members;
  }
}
