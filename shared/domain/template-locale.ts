/**
 * Languages the MCA template document is offered in per country, besides en-US (which every country
 * has). From Partner Center's "download customer agreement template" table (2023 copy, see
 * ../shared/reference/partner-center-api.md §4). The server falls back to en-US itself, so a country
 * missing here only costs the customer their own language, never the document.
 */
const TEMPLATE_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  AT: ['de-DE'],
  DE: ['de-DE'],
  LI: ['de-DE'],
  CH: ['de-DE', 'fr-FR'],
  FR: ['fr-FR'],
  LU: ['fr-FR'],
  MC: ['fr-FR'],
  BE: ['nl-NL', 'fr-FR'],
  NL: ['nl-NL'],
  BR: ['pt-BR'],
  PT: ['pt-PT'],
  AO: ['pt-PT'],
  CV: ['pt-PT'],
  ES: ['es-ES'],
  MX: ['es-ES'],
  AR: ['es-ES'],
  CL: ['es-ES'],
  CO: ['es-ES'],
  PE: ['es-ES'],
  JP: ['ja-JP'],
  KR: ['ko-KR'],
  HK: ['zh-HK'],
  MO: ['zh-HK'],
  TW: ['zh-HK'],
  SG: ['zh-SG'],
  AE: ['ar-SA'],
  QA: ['ar-SA'],
  KW: ['ar-SA'],
  BH: ['ar-SA'],
  OM: ['ar-SA'],
  IN: ['hi-IN'],
  ID: ['id-ID'],
  MY: ['ms-MY'],
  TH: ['th-TH'],
  VN: ['vi-VN'],
  TR: ['tr-TR'],
  UA: ['uk-UA'],
  RU: ['ru-RU'],
  BY: ['ru-RU'],
  KG: ['ru-RU'],
  UZ: ['ru-RU'],
  RS: ['sr-Latn-RS'],
  KZ: ['kk-KZ'],
  IL: ['he-IL'],
  DK: ['da-DK'],
  FI: ['fi-FI'],
  NO: ['nb-NO'],
  SE: ['sv-SE'],
  CZ: ['cs-CZ'],
  PL: ['pl-PL'],
  HU: ['hu-HU'],
  SK: ['sk-SK'],
  SI: ['sl-SI'],
  HR: ['hr-HR'],
  BG: ['bg-BG'],
  RO: ['ro-RO'],
  EE: ['et-EE'],
  LV: ['lv-LV'],
  LT: ['lt-LT'],
  GR: ['el-GR'],
};

export const FALLBACK_TEMPLATE_LANGUAGE = 'en-US';
export const FALLBACK_TEMPLATE_COUNTRY = 'US';

export interface TemplateLocale {
  /** ISO alpha-2, upper case: the API's `country` is case-sensitive. */
  country: string;
  language: string;
  /** True when the customer's own language is not offered and en-US was chosen instead. */
  fellBack: boolean;
}

/** The languages offered for a country's template, the customer's likely first. */
export function templateLanguagesFor(country: string): readonly string[] {
  return [...(TEMPLATE_LANGUAGES[country.trim().toUpperCase()] ?? []), FALLBACK_TEMPLATE_LANGUAGE];
}

/**
 * Picks the template document's country and language for a customer: the country is the customer's
 * own (the MCA is country-specific); the language is the offered one whose primary subtag matches the
 * customer's language ("nl-BE" → "nl-NL"), else en-US.
 */
export function chooseTemplateLocale(country: string | undefined, language: string | undefined): TemplateLocale {
  const code = (country ?? '').trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return { country: FALLBACK_TEMPLATE_COUNTRY, language: FALLBACK_TEMPLATE_LANGUAGE, fellBack: true };
  const wanted = (language ?? '').trim().toLowerCase();
  const exact = templateLanguagesFor(code).find((offered) => offered.toLowerCase() === wanted);
  if (exact) return { country: code, language: exact, fellBack: false };
  const primary = wanted.split('-')[0];
  const match = primary ? templateLanguagesFor(code).find((offered) => offered.toLowerCase().split('-')[0] === primary) : undefined;
  if (match) return { country: code, language: match, fellBack: false };
  return { country: code, language: FALLBACK_TEMPLATE_LANGUAGE, fellBack: wanted !== '' && primary !== 'en' };
}
