import { describe, expect, it } from 'vitest';
import en from '../../../../renderer/src/i18n/locales/en';
import nl from '../../../../renderer/src/i18n/locales/nl';
import { i18n, setLanguage, systemLanguage } from '../../../../renderer/src/i18n';

function leaves(messages: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [inner, text] of leaves(value as object, `${prefix}${key}.`)) out.set(inner, text);
  }
  return out;
}

describe('languages', () => {
  it('has Dutch for every English text, none empty, with the same placeholders', () => {
    const english = leaves(en);
    const dutch = leaves(nl);
    expect([...dutch.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      const translated = dutch.get(key) as string;
      expect(translated.trim(), key).not.toBe('');
      const params = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(params(translated), key).toEqual(params(text));
    }
  });

  it('follows the system language and can be switched', () => {
    expect(systemLanguage(['nl-BE', 'en'])).toBe('nl');
    expect(systemLanguage(['de-DE', 'en-GB'])).toBe('en');
    expect(systemLanguage(['fr'])).toBe('en');
    setLanguage('nl');
    expect(i18n.global.t('nav.customers')).toBe('Klanten');
    expect(document.documentElement.lang).toBe('nl');
    setLanguage('en');
    expect(i18n.global.t('nav.customers')).toBe('Customers');
  });
});
