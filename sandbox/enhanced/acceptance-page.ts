/**
 * The HTML of the customer's acceptance page, in English or Dutch. Everything shown is text from the
 * database, escaped; the only style is inline with the response's CSP nonce; nothing loads from
 * anywhere (the agreement document link is a plain link to this sandbox).
 */
import { escapeHtml } from '../http/html';
import { acceptanceTexts, type PageLanguage } from './contract';

export type PageView =
  | {
      kind: 'form';
      company: string;
      signer: string;
      email: string;
      country: string;
      documentHref: string;
      actionHref: string;
      mustTick: boolean;
    }
  | { kind: 'recorded' | 'already-accepted' | 'expired' }
  | { kind: 'not-found' };

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
label{display:flex;gap:.5rem;align-items:flex-start;margin:1rem 0}button{font:inherit;padding:.4rem 1.2rem}
.error{color:#a4262c;font-weight:600}.note{color:#555;font-size:.9em;margin-top:2rem}`;

function body(view: PageView, language: PageLanguage): string {
  const text = acceptanceTexts[language];
  switch (view.kind) {
    case 'form':
      return (
        `<h1>${escapeHtml(text.heading)}</h1>` +
        `<p>${escapeHtml(text.intro(view.company, view.signer))}</p>` +
        `<p>${escapeHtml(view.email)}</p>` +
        `<p><a href="${escapeHtml(view.documentHref)}">${escapeHtml(text.document(view.country))}</a></p>` +
        (view.mustTick ? `<p class="error" role="alert">${escapeHtml(text.mustTick)}</p>` : '') +
        `<form method="post" action="${escapeHtml(view.actionHref)}">` +
        `<label><input type="checkbox" name="accept" value="yes" required> <span>${escapeHtml(text.checkbox)}</span></label>` +
        `<button type="submit">${escapeHtml(text.button)}</button></form>`
      );
    case 'recorded':
      return `<h1>${escapeHtml(text.heading)}</h1><p role="status">${escapeHtml(text.recorded)}</p>`;
    case 'already-accepted':
      return `<h1>${escapeHtml(text.heading)}</h1><p role="status">${escapeHtml(text.alreadyAccepted)}</p>`;
    case 'expired':
      return `<h1>${escapeHtml(text.heading)}</h1><p role="alert">${escapeHtml(text.expired)}</p>`;
    case 'not-found':
      return `<h1>${escapeHtml(text.heading)}</h1><p role="alert">${escapeHtml(text.notFound)}</p>`;
  }
}

/** A whole page. A wrong link cannot tell the language, so its page says it in English and Dutch. */
export function renderAcceptancePage(view: PageView, language: PageLanguage, nonce: string): string {
  const languages: PageLanguage[] = view.kind === 'not-found' ? ['en', 'nl'] : [language];
  const main = languages.map((lang) => `<section lang="${lang}">${body(view, lang)}</section>`).join('');
  const text = acceptanceTexts[languages[0]!];
  return (
    `<!doctype html><html lang="${languages[0]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="no-referrer"><title>${escapeHtml(text.title)}</title><style nonce="${nonce}">${STYLE}</style></head>` +
    `<body><main>${main}<p class="note">${escapeHtml(text.sandboxNote)}</p></main></body></html>`
  );
}
