/** `GET /`: a sandbox-only page that says what this server is and who can sign in. */
import { Hono } from 'hono';
import type { AppEnv, SandboxState } from '../http/context';
import { escapeHtml, PAGE_CSP } from '../http/html';
import { SEEDED_PASSWORD } from '../seed-data';

const ROLE_NAMES: Record<string, string> = {
  'admin-agent': 'Admin agent',
  'sales-agent': 'Sales agent',
  'helpdesk-agent': 'Helpdesk agent',
  'billing-admin': 'Billing admin',
  'global-admin': 'Global admin',
};

const ENDPOINTS: Array<[string, string]> = [
  ['POST /oauth2/token', 'sign in (form: grant_type=password, username, password)'],
  ['GET /v1/agreements?agreementType=MicrosoftCustomerAgreement', 'agreement metadata (without agreementType: the Cloud Agreement only, like Partner Center)'],
  ['POST /v1/customers/{id}/agreements', 'confirm a customer\'s acceptance (idempotent on MS-RequestId)'],
  ['GET /v1/customers/{id}/agreements?agreementType=MicrosoftCustomerAgreement', 'a customer\'s confirmations'],
  ['GET /v1/agreementtemplates/{templateId}/document?country=US&language=en-US', 'a link to the agreement document, valid five minutes'],
  ['GET /v1/customers/{id}/directSignedMicrosoftCustomerAgreementStatus', 'did the customer accept in the admin center'],
  ['GET /v1/customers/relationshiprequests', 'the reseller relationship invitation URL'],
  ['GET /v1/customers?size=…&filter=…', 'customers, paged with links.next and MS-ContinuationToken'],
  ['GET /v1/customers/{id}', 'one customer with its billing profile'],
  ['POST /v1/customers', 'create a customer (answers the admin credentials once)'],
  ['GET /v1/partners/customeragreementrecords', 'every customer\'s MCA state, paged with continuation_token'],
  ['POST /v1/CreateBulkReAttestation', 'up to 500 re-attestations, one result per item'],
  ['GET /v1/profiles/me', 'sandbox only: the signed-in user, roles and partner'],
  ['POST /sandbox/customers/{id}/accept', 'sandbox only: the customer accepts the MCA in the Microsoft 365 admin center'],
  ['GET /sandbox/agreements', 'sandbox only: every agreement with its request id'],
  ['POST /sandbox/tokens/expire', 'sandbox only: expire every token now'],
];

export function homeRoutes(state: SandboxState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => {
    const password = state.password === SEEDED_PASSWORD ? `<code>${escapeHtml(SEEDED_PASSWORD)}</code>` : 'the one set when the sandbox was started';
    const users = state.users
      .all()
      .map(
        (u) =>
          `<tr><td><code>${escapeHtml(u.userName)}</code></td><td>${escapeHtml(u.roles.map((r) => ROLE_NAMES[r] ?? r).join(', '))}</td>` +
          `<td>${escapeHtml(u.partnerName)}</td><td>${escapeHtml(u.partnerType)}</td></tr>`,
      )
      .join('');
    const endpoints = ENDPOINTS.map(([path, what]) => `<tr><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(what)}</td></tr>`).join('');
    c.header('Content-Security-Policy', PAGE_CSP);
    return c.html(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MCA Desk sandbox</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
table{border-collapse:collapse;width:100%;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
code{font-size:.95em}</style></head>
<body>
<h1>MCA Desk sandbox</h1>
<p>This is a local stand-in for the Microsoft Partner Center REST API, for everything MCA Desk uses to record
Microsoft Customer Agreement attestations: same paths, bodies, status codes and error bodies. It is for trying
the app, training agents and testing. Nothing here reaches Microsoft, and the customers are made up.</p>
<h2>Sign in</h2>
<p>Every seeded user's password is ${password}.</p>
<table><thead><tr><th>user</th><th>role</th><th>partner</th><th>partner type</th></tr></thead><tbody>${users}</tbody></table>
<p>Helpdesk agents and Billing admins may read but not attest; an indirect reseller cannot attest at all (its
indirect provider does), as in Partner Center.</p>
<h2>Endpoints</h2>
<table><tbody>${endpoints}</tbody></table>
<p>Headers: <code>MS-RequestId</code> (a retry with the same id returns the first answer and writes nothing),
<code>MS-CorrelationId</code> (echoed back), <code>X-Locale</code>.</p>
</body></html>`);
  });
  return app;
}
