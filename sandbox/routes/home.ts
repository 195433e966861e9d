/** `GET /`: a sandbox-only page that says what this server is, which era of Partner Center it models and who can sign in. */
import { Hono } from 'hono';
import type { AppEnv, SandboxState } from '../http/context';
import { escapeHtml, PAGE_CSP } from '../http/html';
import { SEEDED_PASSWORD } from '../seed-data';
import {
  ACCEPTANCE_PAGE_PREFIX,
  ENHANCED_ATTESTATIONS_PATH,
  isToday,
  LINK_EXPIRY_MAX_MINUTES,
  LINK_EXPIRY_MIN_MINUTES,
  SANDBOX_ATTESTATIONS_PATH,
} from '../enhanced/contract';

const ROLE_NAMES: Record<string, string> = {
  'admin-agent': 'Admin agent',
  'sales-agent': 'Sales agent',
  'helpdesk-agent': 'Helpdesk agent',
  'billing-admin': 'Billing admin',
  'global-admin': 'Global admin',
};

const COMMON_ENDPOINTS: Array<[string, string]> = [
  [
    'GET /v1/agreements?agreementType=MicrosoftCustomerAgreement',
    'agreement metadata (without agreementType: the Cloud Agreement only, like Partner Center)',
  ],
  [
    'GET /v1/customers/{id}/agreements?agreementType=MicrosoftCustomerAgreement',
    "a customer's confirmations (attestationId on those finalised from an enhanced attestation)",
  ],
  ['GET /v1/agreementtemplates/{templateId}/document?country=US&language=en-US', 'a link to the agreement document, valid five minutes'],
  ['GET /v1/customers/{id}/directSignedMicrosoftCustomerAgreementStatus', 'did the customer accept in the admin center'],
  ['GET /v1/customers/relationshiprequests', 'the reseller relationship invitation URL'],
  ['GET /v1/customers?size=…&filter=…', 'customers, paged with links.next and MS-ContinuationToken'],
  ['GET /v1/customers/{id}', 'one customer with its billing profile'],
  ['POST /v1/customers', 'create a customer (answers the admin credentials once)'],
  ['GET /v1/partners/customeragreementrecords', "every customer's MCA state, paged with continuation_token"],
  ['GET /v1/profiles/me', 'sandbox only: the signed-in user, roles and partner'],
  ['POST /sandbox/customers/{id}/accept', 'sandbox only: the customer accepts the MCA in the Microsoft 365 admin center'],
  ['GET /sandbox/agreements', 'sandbox only: every agreement with its request id'],
  ['POST /sandbox/tokens/expire', 'sandbox only: expire every token now (App+User and AppOnly)'],
];

const TODAY_ENDPOINTS: Array<[string, string]> = [
  [
    'POST /oauth2/token',
    'sign in: grant_type=password with username and password (App+User), or grant_type=client_credentials with client_id and client_secret (AppOnly)',
  ],
  [
    `POST ${ENHANCED_ATTESTATIONS_PATH}`,
    `AppOnly: create an attestation (customerTenantId, country, language, companyName, signatoryFirstName, signatoryLastName, signatoryEmail, signatoryPhoneNumber?, linkExpiryMinutes ${LINK_EXPIRY_MIN_MINUTES}–${LINK_EXPIRY_MAX_MINUTES}); idempotent on MS-RequestId`,
  ],
  [
    `GET ${ENHANCED_ATTESTATIONS_PATH}/{id}`,
    'an attestation: pending, accepted, expired or finalized (AppOnly, or App+User of the same partner)',
  ],
  [`GET ${ACCEPTANCE_PAGE_PREFIX}/{token}`, "the customer's acceptance page (the acceptanceUrl): no sign-in, English or Dutch"],
  [
    'POST /v1/customers/{id}/agreements',
    'AppOnly: finalise with { attestationId, type: "MicrosoftCustomerAgreement" } (201; 409 600072 not accepted yet, 409 600073 expired, 600061 already finalised); the legacy body answers 410 600070 (retired)',
  ],
  ['POST /v1/CreateBulkReAttestation', 'retired: 410 600070'],
  [`GET ${SANDBOX_ATTESTATIONS_PATH}?customerId=…&requestId=…`, 'sandbox only: every attestation with its status and acceptanceUrl'],
  [`POST ${SANDBOX_ATTESTATIONS_PATH}/{id}/accept`, 'sandbox only: the signer accepts, without the page'],
  [`POST ${SANDBOX_ATTESTATIONS_PATH}/{id}/expire`, 'sandbox only: the link expires now'],
];

const BEFORE_ENDPOINTS: Array<[string, string]> = [
  ['POST /oauth2/token', 'sign in (form: grant_type=password, username, password)'],
  ['POST /v1/customers/{id}/agreements', "confirm a customer's acceptance with primaryContact and dateAgreed (idempotent on MS-RequestId)"],
  ['POST /v1/CreateBulkReAttestation', 'up to 500 re-attestations, one result per item'],
];

const row = (cells: string[]) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;

export function homeRoutes(state: SandboxState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => {
    const today = isToday(state.legacyAttestation);
    const password =
      state.password === SEEDED_PASSWORD ? `<code>${escapeHtml(SEEDED_PASSWORD)}</code>` : 'the one set when the sandbox was started';
    const users = state.users
      .all()
      .map((u) =>
        row([
          `<code>${escapeHtml(u.userName)}</code>`,
          escapeHtml(u.roles.map((r) => ROLE_NAMES[r] ?? r).join(', ')),
          escapeHtml(u.partnerName),
          escapeHtml(u.partnerType),
          u.mfa ? 'yes' : today ? 'no: every call answers 401 with 900421' : 'no (not required before 2026)',
        ]),
      )
      .join('');
    const apps = state.apps
      .all()
      .map((a) => row([`<code>${escapeHtml(a.clientId)}</code>`, escapeHtml(a.partnerName), escapeHtml(a.partnerType)]))
      .join('');
    const endpoints = [...(today ? TODAY_ENDPOINTS : BEFORE_ENDPOINTS), ...COMMON_ENDPOINTS]
      .map(([path, what]) => row([`<code>${escapeHtml(path)}</code>`, escapeHtml(what)]))
      .join('');
    const era = today
      ? `<p><strong>This sandbox models Partner Center as it is today</strong> (<code>--legacy-attestation retired</code>, the default). Partner Center
retired the attestation with a contact and a date (its API, its screens and the bulk re-attestation tool) on 5 January 2026. Today a partner
attests through the <em>enhanced attestation</em> flow: create an attestation (AppOnly), the customer's signer accepts at the attestation's
<code>acceptanceUrl</code> (no sign-in needed), then the partner finalises the agreement from the attestation id. App+User calls need
multi-factor authentication (since 1 April 2026). Start with <code>--legacy-attestation available</code> for the era before.</p>`
      : `<p><strong>This sandbox models Partner Center before 5 January 2026</strong> (<code>--legacy-attestation available</code>): a partner
attests with the customer's contact and the acceptance date, one at a time or with the bulk re-attestation. There is no enhanced
attestation flow, no AppOnly sign-in and no MFA rule. Without the flag (<code>retired</code>) the sandbox models Partner Center today.</p>`;
    const appSection = today
      ? `<h2>App registrations (AppOnly)</h2>
<p><code>POST /oauth2/token</code> with <code>grant_type=client_credentials&amp;client_id=…&amp;client_secret=…</code>; the secret is the
password above. AppOnly tokens are taken by the enhanced calls only (403 elsewhere). AppOnly carries no user, so Partner Center checks no
role: the app's own role gate is the only one. An indirect reseller's app gets 403.</p>
<table><thead><tr><th>client_id</th><th>partner</th><th>partner type</th></tr></thead><tbody>${apps}</tbody></table>`
      : '';
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
${era}
<h2>Sign in</h2>
<p>Every seeded user's password is ${password}.</p>
<table><thead><tr><th>user</th><th>role</th><th>partner</th><th>partner type</th><th>MFA</th></tr></thead><tbody>${users}</tbody></table>
<p>Helpdesk agents and Billing admins may read but not attest; an indirect reseller cannot attest at all (its
indirect provider does), as in Partner Center.</p>
${appSection}
<h2>Endpoints</h2>
<table><tbody>${endpoints}</tbody></table>
<p>Headers: <code>MS-RequestId</code> (a retry with the same id returns the first answer and writes nothing),
<code>MS-CorrelationId</code> (echoed back), <code>X-Locale</code>.</p>
</body></html>`);
  });
  return app;
}
