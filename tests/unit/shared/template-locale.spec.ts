import { describe, expect, it } from 'vitest';
import { chooseTemplateLocale, templateLanguagesFor } from '../../../shared/domain/template-locale';

describe('chooseTemplateLocale', () => {
  it.each([
    // country, customer language → template country, language, fell back
    ['NL', 'nl', 'NL', 'nl-NL', false],
    ['NL', 'nl-NL', 'NL', 'nl-NL', false],
    ['nl', 'NL', 'NL', 'nl-NL', false],
    ['BE', 'nl-BE', 'BE', 'nl-NL', false],
    ['BE', 'fr', 'BE', 'fr-FR', false],
    ['BE', 'de', 'BE', 'en-US', true],
    ['DE', 'de', 'DE', 'de-DE', false],
    ['FR', 'fr-FR', 'FR', 'fr-FR', false],
    ['JP', 'ja', 'JP', 'ja-JP', false],
    ['BR', 'pt', 'BR', 'pt-BR', false],
    ['PT', 'pt-BR', 'PT', 'pt-PT', false],
    ['US', 'en', 'US', 'en-US', false],
    ['US', 'es', 'US', 'en-US', true],
    // GB and Australia/New Zealand only have en-US.
    ['GB', 'en-GB', 'GB', 'en-US', false],
    ['AU', 'en', 'AU', 'en-US', false],
    ['NZ', 'mi', 'NZ', 'en-US', true],
    // A country not in the table keeps its own code (the document is country-specific); the server falls back itself.
    ['IS', 'is', 'IS', 'en-US', true],
    // Unusable input falls back to the API's defaults.
    ['', 'nl', 'US', 'en-US', true],
    ['Netherlands', 'nl', 'US', 'en-US', true],
  ])('%s / %s → %s %s (fell back: %s)', (country, language, expectedCountry, expectedLanguage, fellBack) => {
    expect(chooseTemplateLocale(country, language)).toEqual({ country: expectedCountry, language: expectedLanguage, fellBack });
  });

  it('handles a missing language', () => {
    expect(chooseTemplateLocale('DE', undefined)).toEqual({ country: 'DE', language: 'en-US', fellBack: false });
  });

  it('always offers en-US last', () => {
    expect(templateLanguagesFor('BE')).toEqual(['nl-NL', 'fr-FR', 'en-US']);
    expect(templateLanguagesFor('XX')).toEqual(['en-US']);
  });
});
