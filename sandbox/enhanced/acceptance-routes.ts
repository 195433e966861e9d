/**
 * The customer's acceptance page at `acceptanceUrl` (the sandbox's stand-in for Microsoft's embeddable
 * component): no sign-in, the link's unguessable token is the key. `GET` shows the agreement and the
 * checkbox; `POST` (the form) records the acceptance once. 404 for a wrong token, 410 once expired.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AppEnv, SandboxState } from '../http/context';
import { seal } from '../services/signed';
import { chooseTemplateLocale } from '../../shared/domain/template-locale';
import { MCA_TYPE } from '../../shared/domain/agreement';
import { ACCEPTANCE_PAGE_PREFIX, ACCEPTANCE_TOKEN_PATTERN, acceptancePageCsp, pageLanguageOf } from './contract';
import { attestationByToken, statusOf, type AttestationRow } from './store';
import { acceptAttestation } from './life-cycle';
import { renderAcceptancePage, type PageView } from './acceptance-page';

function page(c: Context<AppEnv>, view: PageView, language: string, status: 200 | 400 | 404 | 410): Response {
  const nonce = randomBytes(16).toString('base64');
  c.header('Content-Security-Policy', acceptancePageCsp(nonce));
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  return c.html(renderAcceptancePage(view, pageLanguageOf(language), nonce), status);
}

export function acceptanceRoutes(state: SandboxState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const find = async (token: string): Promise<AttestationRow | undefined> =>
    ACCEPTANCE_TOKEN_PATTERN.test(token) ? attestationByToken(state.db, token) : undefined;

  /** The agreement document for the attestation's country, valid as long as the link (routes/documents.ts serves it). */
  const documentHref = (row: AttestationRow): string => {
    const template = state.templates.current(MCA_TYPE)!;
    const locale = chooseTemplateLocale(row.country, row.language);
    const token = seal(
      { t: template.templateId, l: locale.language, c: locale.country, e: new Date(row.expires_at).getTime(), n: randomUUID() },
      state.tokens.subkey('documents'),
    );
    return `/sandbox/agreement-documents/${token}/preview`;
  };

  const form = (c: Context<AppEnv>, row: AttestationRow, token: string, mustTick: boolean) =>
    page(
      c,
      {
        kind: 'form',
        company: row.company_name,
        signer: `${row.signatory_first_name} ${row.signatory_last_name}`,
        email: row.signatory_email,
        country: row.country,
        documentHref: documentHref(row),
        actionHref: `${ACCEPTANCE_PAGE_PREFIX}/${token}`,
        mustTick,
      },
      row.language,
      mustTick ? 400 : 200,
    );

  app.get(`${ACCEPTANCE_PAGE_PREFIX}/:token`, async (c) => {
    const token = c.req.param('token');
    const row = await find(token);
    if (!row) return page(c, { kind: 'not-found' }, 'en', 404);
    const status = statusOf(row, state.clock());
    if (status === 'expired') return page(c, { kind: 'expired' }, row.language, 410);
    if (status !== 'pending') return page(c, { kind: 'already-accepted' }, row.language, 200);
    return form(c, row, token, false);
  });

  app.post(`${ACCEPTANCE_PAGE_PREFIX}/:token`, async (c) => {
    const token = c.req.param('token');
    const row = await find(token);
    if (!row) return page(c, { kind: 'not-found' }, 'en', 404);
    const now = state.clock();
    const status = statusOf(row, now);
    if (status === 'expired') return page(c, { kind: 'expired' }, row.language, 410);
    if (status !== 'pending') return page(c, { kind: 'already-accepted' }, row.language, 200);
    const isForm = /^application\/x-www-form-urlencoded\s*(;|$)/i.test(c.req.header('content-type') ?? '');
    const ticked = isForm && new URLSearchParams(await c.req.text()).get('accept') === 'yes';
    if (!ticked) return form(c, row, token, true);
    const accepted = await acceptAttestation(state.db, row.id, now, { via: 'page', correlationId: c.get('correlationId') });
    if (!accepted) return page(c, { kind: 'not-found' }, 'en', 404);
    if (accepted.outcome === 'expired') return page(c, { kind: 'expired' }, row.language, 410);
    return page(c, { kind: accepted.outcome === 'recorded' ? 'recorded' : 'already-accepted' }, row.language, 200);
  });
  return app;
}
