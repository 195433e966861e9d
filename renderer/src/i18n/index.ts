/**
 * The app's languages: English and Dutch, complete. The language follows the system
 * (navigator.languages) unless the agent picked one in Settings; the choice is a UI preference kept
 * in localStorage (never anything secret).
 */
import { computed, ref } from 'vue';
import { createI18n } from 'vue-i18n';
import { enGB, nl as nlLocale, type Locale } from 'date-fns/locale';
import en, { type Messages } from './locales/en';
import nl from './locales/nl';

export const languages = ['en', 'nl'] as const;
export type Language = (typeof languages)[number];
export type LanguagePreference = Language | 'system';

const PREFERENCE_KEY = 'mca-desk.language';

/** The first supported language among the system's preferred ones; English otherwise. */
export function systemLanguage(preferred: readonly string[] = systemPreferences()): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if ((languages as readonly string[]).includes(primary ?? '')) return primary as Language;
  }
  return 'en';
}

function systemPreferences(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

function storedPreference(): LanguagePreference {
  try {
    const value = globalThis.localStorage?.getItem(PREFERENCE_KEY);
    return value === 'en' || value === 'nl' ? value : 'system';
  } catch {
    return 'system';
  }
}

export const i18n = createI18n<[Messages], Language, false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en, nl },
  missingWarn: false,
  fallbackWarn: false,
});

const preference = ref<LanguagePreference>('system');

/** What the agent chose in Settings ('system' = follow the OS). */
export const languagePreference = computed(() => preference.value);

/** Switches the language (Settings uses this) and remembers the choice. */
export function setLanguage(choice: LanguagePreference): void {
  preference.value = choice;
  try {
    if (choice === 'system') globalThis.localStorage?.removeItem(PREFERENCE_KEY);
    else globalThis.localStorage?.setItem(PREFERENCE_KEY, choice);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts this session.
  }
  applyLanguage(choice === 'system' ? systemLanguage() : choice);
}

function applyLanguage(language: Language): void {
  i18n.global.locale.value = language;
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Applies the stored or system language; call once at start. */
export function initLanguage(): void {
  preference.value = storedPreference();
  applyLanguage(preference.value === 'system' ? systemLanguage() : preference.value);
}

/** date-fns locale of the current language. */
export function dateLocale(language: string = i18n.global.locale.value): Locale {
  return language === 'nl' ? nlLocale : enGB;
}
