import type { LocalizedText } from '../locales';

export interface PickedText {
  text: string;
  /** The language the text is actually written in. */
  lang: string;
  /** True when `lang` is not the wanted language (the page should mark it with `lang`). */
  fallback: boolean;
}

const usable = (texts: LocalizedText, lang: string): string | null => {
  const text = texts[lang];
  return typeof text === 'string' && text.trim() !== '' ? text : null;
};

/**
 * Picks the best text for a reader: the wanted language, then the fallbacks in order (the
 * municipality's languages, e.g. ['sv', 'fi']), then English, then any other non-empty text
 * (keys sorted, so the choice is stable). Empty and whitespace-only texts count as missing.
 * The text is returned as stored (not trimmed). Null when no language has a text.
 */
export function pickText(
  texts: LocalizedText,
  wanted: string,
  fallbacks: readonly string[],
): PickedText | null {
  const order = [wanted, ...fallbacks, 'en', ...Object.keys(texts).sort()];
  for (const lang of order) {
    const text = usable(texts, lang);
    if (text !== null) return { text, lang, fallback: lang !== wanted };
  }
  return null;
}

/**
 * Like pickText, but never null: when no language has a text, `defaultText` is returned as
 * `{ text: defaultText, lang: wanted, fallback: false }`. The default is expected to come
 * from the UI's own messages in the wanted language (e.g. "Untitled"), so it is in the
 * reader's language and needs no `lang` marking.
 */
export function pickTextOr(
  texts: LocalizedText,
  wanted: string,
  fallbacks: readonly string[],
  defaultText: string,
): PickedText {
  return pickText(texts, wanted, fallbacks) ?? { text: defaultText, lang: wanted, fallback: false };
}
