// The one list of languages. Adding an interface language is one entry in UI_LOCALE_INFO
// and one messages file (apps/web/messages/{locale}.json); everything else reads from here:
// Paraglide's settings (written from this list by apps/web/paraglide.options.js), the route
// matcher, the switcher, the API's `lang` parameters, account locales, mail and feed names.
// Pure and import-free: Node loads this file itself while building the web app.

/**
 * Each interface language: its name in itself (the switcher), the BCP 47 tag handed to Intl
 * (Finnish-Swedish and Finnish conventions for the national languages; Arabic with Latin
 * digits, as on Finnish signs and letters), and "events" for a feed's name.
 * Order is the switcher's order.
 */
const UI_LOCALE_INFO = {
  sv: { ownName: 'Svenska', intlTag: 'sv-FI', feedWord: 'evenemang' },
  fi: { ownName: 'Suomi', intlTag: 'fi-FI', feedWord: 'tapahtumat' },
  en: { ownName: 'English', intlTag: 'en-GB', feedWord: 'events' },
  ar: { ownName: 'العربية', intlTag: 'ar-u-nu-latn', feedWord: 'الفعاليات' },
  ru: { ownName: 'Русский', intlTag: 'ru-RU', feedWord: 'мероприятия' },
  uk: { ownName: 'Українська', intlTag: 'uk-UA', feedWord: 'події' },
  et: { ownName: 'Eesti', intlTag: 'et-EE', feedWord: 'üritused' },
} as const satisfies Record<string, { ownName: string; intlTag: string; feedWord: string }>;

export type UiLocale = keyof typeof UI_LOCALE_INFO;

/** Languages the pages, mail and feeds are offered in. Order is the switcher's order. */
export const UI_LOCALES = Object.keys(UI_LOCALE_INFO) as [UiLocale, ...UiLocale[]];

/** The language a page, mail or feed falls back to: Swedish, the base of every message. */
export const BASE_LOCALE: UiLocale = 'sv';

export const isUiLocale = (value: unknown): value is UiLocale =>
  typeof value === 'string' && Object.hasOwn(UI_LOCALE_INFO, value);

/** "Suomi", "العربية": a language's name in that language. */
export const ownName = (locale: UiLocale): string => UI_LOCALE_INFO[locale].ownName;

/** The BCP 47 tag for Intl and luxon ("sv-FI", "ar-u-nu-latn"). */
export const intlTag = (locale: UiLocale): string => UI_LOCALE_INFO[locale].intlTag;

/** "events" in a feed's name in that language; English for any other. */
export const feedWord = (lang: string): string =>
  isUiLocale(lang) ? UI_LOCALE_INFO[lang].feedWord : UI_LOCALE_INFO.en.feedWord;

/**
 * The languages an editing form has a text field for without asking: the national
 * languages, English and Arabic. Other content languages (Russian, Ukrainian, Estonian,
 * Somali, Persian …) are added per text ("Add another language"), so a venue or event form
 * does not open with nine empty descriptions. (Decision 004.)
 */
export const FORM_LANGUAGES = ['sv', 'fi', 'en', 'ar'] as const satisfies readonly UiLocale[];

/** Languages content may be written in (a superset of the UI languages). */
export const CONTENT_LANGUAGES = ['sv', 'fi', 'en', 'ar', 'ru', 'uk', 'et', 'so', 'fa'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

const RTL = new Set(['ar', 'fa', 'he', 'ur']);
export const isRtl = (lang: string): boolean => RTL.has(lang.split('-')[0] ?? lang);
export const textDirection = (lang: string): 'rtl' | 'ltr' => (isRtl(lang) ? 'rtl' : 'ltr');

/** Texts per language, e.g. `{ sv: 'Språkcafé', fi: 'Kielikahvila' }`. */
export type LocalizedText = Partial<Record<string, string>>;
