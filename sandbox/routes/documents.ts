/**
 * The agreement document behind a `GET /v1/agreementtemplates/{id}/document` link: a small HTML
 * preview (`displayUri`) and a text download (`downloadUri`). Links are signed, carry their expiry
 * and stop working five minutes after they were handed out, like Partner Center's (403 afterwards,
 * as a storage link with an expired signature answers).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, SandboxState } from '../http/context';
import { unseal } from '../services/signed';
import { escapeHtml, PAGE_CSP } from '../http/html';

const linkSchema = z.object({ t: z.string(), l: z.string(), c: z.string(), e: z.number(), n: z.string() });

function documentText(link: z.output<typeof linkSchema>, expires: Date): string[] {
  return [
    'Microsoft Customer Agreement',
    `Template ${link.t}, country ${link.c}, language ${link.l}.`,
    "This is the MCA Desk sandbox's stand-in for the agreement document: it is not the agreement text.",
    'The real Microsoft Customer Agreement is published at https://aka.ms/customeragreement.',
    `This link stops working at ${expires.toISOString()}.`,
  ];
}

export function documentRoutes(state: SandboxState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const key = () => state.tokens.subkey('documents');

  app.get('/sandbox/agreement-documents/:token/:kind', (c) => {
    const kind = c.req.param('kind');
    const link = unseal(c.req.param('token'), key(), linkSchema);
    if (!link || (kind !== 'preview' && kind !== 'download')) return c.text('The specified resource does not exist.', 404);
    if (state.clock().getTime() >= link.e)
      return c.text(
        'AuthenticationFailed: Signed expiry time has passed. Request a new link from GET /v1/agreementtemplates/{id}/document.',
        403,
      );
    const lines = documentText(link, new Date(link.e));
    if (kind === 'download') {
      c.header('Content-Disposition', `attachment; filename="MicrosoftCustomerAgreement_${link.c}_${link.l}.txt"`);
      return c.text(`${lines.join('\n\n')}\n`);
    }
    c.header('Content-Security-Policy', PAGE_CSP);
    return c.html(
      `<!doctype html><html lang="${escapeHtml(link.l)}"><head><meta charset="utf-8"><title>Microsoft Customer Agreement (sandbox)</title></head>` +
        `<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;line-height:1.5"><h1>${escapeHtml(lines[0]!)}</h1>` +
        lines
          .slice(1)
          .map((line) => `<p>${escapeHtml(line)}</p>`)
          .join('') +
        '</body></html>',
    );
  });
  return app;
}
