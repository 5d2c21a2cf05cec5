/** Languages the public pages are offered in. Order is the switcher's order. */
export const UI_LOCALES = ['sv', 'fi', 'en', 'ar'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** Languages content may be written in (a superset of the UI languages). */
export const CONTENT_LANGUAGES = ['sv', 'fi', 'en', 'ar', 'ru', 'uk', 'et', 'so', 'fa'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

const RTL = new Set(['ar', 'fa', 'he', 'ur']);
export const isRtl = (lang: string): boolean => RTL.has(lang);
export const textDirection = (lang: string): 'rtl' | 'ltr' => (isRtl(lang) ? 'rtl' : 'ltr');

/** Texts per language, e.g. `{ sv: 'Språkcafé', fi: 'Kielikahvila' }`. */
export type LocalizedText = Partial<Record<string, string>>;
