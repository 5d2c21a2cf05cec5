// Locale helpers shared by the server and the components. Pure: no I/O, no clock.
import { locales, type Locale } from '#lib/paraglide/runtime.js';

export type { Locale };
export { locales };

export const isLocale = (value: string): value is Locale =>
  (locales as readonly string[]).includes(value);

/** Each language's own name, for the language switcher. */
export const ownNames: Record<Locale, string> = {
  sv: 'Svenska',
  fi: 'Suomi',
  en: 'English',
  ar: 'العربية',
};

/** The languages content may be written in: packages/domain's one list. */
export { CONTENT_LANGUAGES } from '@motesplats/domain/client';

const RTL = new Set(['ar', 'fa', 'he', 'ur']);
export const textDirection = (lang: string): 'rtl' | 'ltr' =>
  RTL.has(lang.split('-')[0] ?? lang) ? 'rtl' : 'ltr';

/**
 * The BCP 47 tag handed to Intl: Finnish-Swedish and Finnish conventions for the national
 * languages; Arabic with Latin digits, as on Finnish signs, timetables and letters.
 */
const intlTags: Record<Locale, string> = {
  sv: 'sv-FI',
  fi: 'fi-FI',
  en: 'en-GB',
  ar: 'ar-u-nu-latn',
};
export const intlTag = (locale: Locale): string => intlTags[locale];

/** Made once per language: building one costs more than asking it. */
const displayNames: Partial<Record<Locale, Intl.DisplayNames>> = {};

/** A language's name in the reader's language ("finska", "suomi", "Finnish", "الفنلندية"). */
export const languageName = (code: string, locale: Locale): string => {
  try {
    return (
      (displayNames[locale] ??= new Intl.DisplayNames([intlTag(locale)], { type: 'language' })).of(
        code,
      ) ?? code
    );
  } catch {
    return code;
  }
};

// Finnish says "shown in Swedish" with the translative case ("ruotsiksi"), which
// Intl.DisplayNames does not give; known content languages are written out.
const finnishTranslative: Record<string, string> = {
  sv: 'ruotsiksi',
  fi: 'suomeksi',
  en: 'englanniksi',
  ar: 'arabiaksi',
  ru: 'venäjäksi',
  uk: 'ukrainaksi',
  et: 'viroksi',
  so: 'somaliksi',
  fa: 'persiaksi',
};

/** The `{language}` part of the "shown in …" note for a text in a fallback language. */
export const fallbackLanguagePhrase = (code: string, locale: Locale): string => {
  if (locale === 'fi') return finnishTranslative[code] ?? `kielellä ${languageName(code, 'fi')}`;
  return languageName(code, locale);
};

/** "svenska, finska och arabiska" / "السويدية والفنلندية والعربية". */
export const formatList = (items: string[], locale: Locale): string =>
  new Intl.ListFormat(intlTag(locale), { style: 'long', type: 'conjunction' }).format(items);

/** The list separator between two names ("," or Arabic "،"). */
export const separator = (locale: Locale): string => (locale === 'ar' ? '، ' : ', ');
