/**
 * `GET /v1/customers` (paged with `links.next` + `MS-ContinuationToken`, prefix `filter`, reference §8),
 * `GET /v1/customers/{id}` and `GET /v1/customers/relationshiprequests` (§6).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, SandboxState } from '../http/context';
import { errors, send } from '../http/errors';
import { customerFilterSchema } from '../../shared/api/partner-center';
import { hasControlCharacters } from '../../shared/domain/text';
import { resellerRelationshipUrl } from '../../shared/domain/urls';
import { isGuid } from '../ids';
import { seal, unseal } from '../services/signed';
import { findCustomerFor, visibleTo } from '../services/customer-access';
import { fullCustomer, listItem } from '../services/customer-view';

export const MAX_PAGE_SIZE = 500;

const continuationSchema = z.object({
  k: z.literal('customers'),
  p: z.string(),
  s: z.string().regex(/^\d{1,18}$/),
  z: z.number().int().min(1).max(MAX_PAGE_SIZE),
  f: customerFilterSchema.optional(),
});

/** `size`: a positive integer; larger than 500 is served as 500 (the practical maximum, reference §8). */
export function pageSize(value: string | undefined, fallback: number): number | undefined {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,9}$/.test(value)) return undefined;
  const size = Number(value);
  return size < 1 ? undefined : Math.min(size, MAX_PAGE_SIZE);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function customerRoutes(state: SandboxState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const pagingKey = () => state.tokens.subkey('customer-paging');

  app.get('/v1/customers/relationshiprequests', (c) => {
    return c.json({ url: resellerRelationshipUrl(c.get('user').partnerTenantId), attributes: { objectType: 'RelationshipRequest' } });
  });

  app.get('/v1/customers', async (c) => {
    const user = c.get('user');
    const seek = c.req.query('seekOperation');
    let after = '0';
    let filter: z.output<typeof customerFilterSchema> | undefined;
    let size: number | undefined;
    if (seek !== undefined && seek.toLowerCase() !== 'next')
      return send(c, errors.badInput('The sandbox supports seekOperation=Next only.'));
    if (seek !== undefined) {
      const token = unseal(c.req.header('ms-continuationtoken'), pagingKey(), continuationSchema);
      if (!token || token.p !== user.partnerTenantId) return send(c, errors.badInput('The continuation token is missing or invalid.'));
      after = token.s;
      filter = token.f;
      size = pageSize(c.req.query('size'), token.z);
    } else {
      size = pageSize(c.req.query('size'), MAX_PAGE_SIZE);
      const rawFilter = c.req.query('filter');
      if (rawFilter !== undefined) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(rawFilter);
        } catch {
          return send(
            c,
            errors.badInput('filter must be a JSON object such as {"Field":"CompanyName","Value":"con","Operator":"starts_with"}.'),
          );
        }
        const result = customerFilterSchema.safeParse(parsed);
        if (!result.success || hasControlCharacters(result.data.Value))
          return send(
            c,
            errors.badInput('filter must be {"Field":"CompanyName"|"Domain"|"IndirectReseller","Value":"…","Operator":"starts_with"}.'),
          );
        filter = result.data;
        if (filter.Field === 'IndirectCloudSolutionProvider')
          return send(c, errors.badInput('The sandbox does not support the IndirectCloudSolutionProvider filter.'));
        if (filter.Field === 'IndirectReseller' && (!isGuid(filter.Value) || user.partnerType !== 'indirect-provider'))
          return send(c, errors.badInput('The IndirectReseller filter takes a reseller tenant id and is for indirect providers.'));
      }
    }
    if (size === undefined) return send(c, errors.badInput('size must be a positive integer.'));

    const params: unknown[] = [user.partnerTenantId, after, size + 1];
    let condition = '';
    if (filter?.Field === 'CompanyName') {
      params.push(`${escapeLike(filter.Value.toLowerCase())}%`);
      condition = `and lower(c.company_name) like $4 escape '\\'`;
    } else if (filter?.Field === 'Domain') {
      params.push(`${escapeLike(filter.Value.toLowerCase())}%`);
      condition = `and c.domain like $4 escape '\\'`;
    } else if (filter?.Field === 'IndirectReseller') {
      params.push(filter.Value);
      condition = 'and c.associated_partner_id = $4::uuid';
    }
    const { rows } = await state.db.query<{ id: string; domain: string; company_name: string; relationship: string; seq: string }>(
      `select c.id, c.domain, c.company_name, c.relationship, c.seq::text as seq from customers c
       where ${visibleTo(user)} and c.seq > $2::bigint ${condition} order by c.seq limit $3`,
      params,
    );
    const page = rows.slice(0, size);
    const last = page.at(-1);
    const links: Record<string, unknown> = { self: { uri: `/v1/customers?size=${size}`, method: 'GET', headers: [] } };
    if (rows.length > size && last) {
      const token = seal({ k: 'customers', p: user.partnerTenantId, s: last.seq, z: size, ...(filter ? { f: filter } : {}) }, pagingKey());
      links.next = {
        uri: `/v1/customers?size=${size}&seekOperation=Next`,
        method: 'GET',
        headers: [{ key: 'MS-ContinuationToken', value: token }],
      };
    }
    return c.json({ totalCount: page.length, items: page.map(listItem), links, attributes: { objectType: 'Collection' } });
  });

  app.get('/v1/customers/:customerId', async (c) => {
    const customerId = c.req.param('customerId');
    if (!isGuid(customerId)) return send(c, errors.invalidTenantId());
    const found = await findCustomerFor(state.db, c.get('user'), customerId);
    if (!found.ok) return send(c, found.error);
    return c.json(fullCustomer(found.customer));
  });
  return app;
}
