/**
 * Agreement metadata (`GET /v1/agreements`, reference §1) and the template document link
 * (`GET /v1/agreementtemplates/{id}/document`, §4). The link points at a document the sandbox serves
 * itself (routes/documents.ts); it is new on every call and stops working after five minutes.
 */
import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import type { AppEnv, SandboxState } from '../http/context';
import { errors, send } from '../http/errors';
import { seal } from '../services/signed';
import { templateLanguagesFor } from '../../shared/domain/template-locale';
import { CLOUD_AGREEMENT_TYPE, MCA_TYPE } from '../../shared/domain/agreement';

export const DOCUMENT_LINK_TTL_MS = 5 * 60 * 1000;

/** `agreementType` as the API takes it; missing means the Microsoft Cloud Agreement (the documented pitfall). */
export function agreementTypeParam(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return CLOUD_AGREEMENT_TYPE;
  if (value === '*') return '*';
  return [MCA_TYPE, CLOUD_AGREEMENT_TYPE].find((type) => type.toLowerCase() === value.toLowerCase());
}

export function agreementRoutes(state: SandboxState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/v1/agreements', (c) => {
    const type = agreementTypeParam(c.req.query('agreementType'));
    if (!type) return send(c, errors.badInput('agreementType must be MicrosoftCloudAgreement, MicrosoftCustomerAgreement or *.'));
    const items = state.templates.ofType(type).map((t) => ({
      templateId: t.templateId,
      agreementType: t.agreementType,
      agreementLink: t.agreementLink,
      versionRank: t.versionRank,
    }));
    return c.json({ totalCount: items.length, items, attributes: { objectType: 'Collection' } });
  });

  app.get('/v1/agreementtemplates/:templateId/document', (c) => {
    const templateId = c.req.param('templateId');
    const template = state.templates.get(templateId);
    if (!template)
      return send(c, errors.notFound(`Agreement template '${templateId.slice(0, 100)}' was not found. Template ids are case-sensitive.`));
    if (template.agreementType !== MCA_TYPE)
      return send(c, errors.badInput('The template document is available for the Microsoft Customer Agreement only.'));
    const country = c.req.query('country') ?? 'US';
    if (!/^[A-Z]{2}$/.test(country))
      return send(
        c,
        errors.badInput(
          `Country '${country.slice(0, 20)}' is not supported. The country is case-sensitive: an ISO 3166 alpha-2 code in capitals, such as 'US'.`,
        ),
      );
    const wanted = c.req.query('language') ?? 'en-US';
    const language = templateLanguagesFor(country).includes(wanted) ? wanted : 'en-US';
    const expires = state.clock().getTime() + DOCUMENT_LINK_TTL_MS;
    const token = seal({ t: template.templateId, l: language, c: country, e: expires, n: randomUUID() }, state.tokens.subkey('documents'));
    const origin = new URL(c.req.url).origin;
    return c.json({
      displayUri: `${origin}/sandbox/agreement-documents/${token}/preview`,
      downloadUri: `${origin}/sandbox/agreement-documents/${token}/download`,
      language,
      country,
    });
  });
  return app;
}
