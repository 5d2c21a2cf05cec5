// Locale helpers shared by the server and the components. Pure: no I/O, no clock.
import { intlTag as domainIntlTag, ownName, textDirection } from '@motesplats/domain/client';
import { locales, type Locale } from '#lib/paraglide/runtime.js';

export type { Locale };
export { locales };

export const isLocale = (value: string): value is Locale =>
  (locales as readonly string[]).includes(value);

/** Each language's own name, for the language switcher ("Suomi", "العربية"). */
export const ownNames = Object.fromEntries(locales.map((l) => [l, ownName(l)])) as Record<
  Locale,
  string
>;

/** The languages content may be written in, and those a form opens with: packages/domain's lists. */
export { CONTENT_LANGUAGES, FORM_LANGUAGES } from '@motesplats/domain/client';

export { textDirection };

/** The BCP 47 tag handed to Intl (packages/domain/src/locales.ts says which and why). */
export const intlTag = (locale: Locale): string => domainIntlTag(locale);

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
