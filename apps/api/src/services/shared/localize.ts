import { pickText, placeName, type LocalizedText } from '@motesplats/domain';

/** A text as the reader gets it: which language is shown, and whether that is a fallback. */
export interface Localized {
  text: string;
  lang: string;
  fallback: boolean;
}

export type Localizer = {
  (texts: LocalizedText | null | undefined): Localized | null;
  /** For texts that always exist (names, titles): an empty one becomes "—". */
  must(texts: LocalizedText | null | undefined): Localized;
  /** A place name (a building's city) in the reader's official language where one exists. */
  place(name: string): string;
};

/** Texts in the reader's language, falling back to the municipality's languages. */
export function localizer(lang: string, fallbacks: readonly string[]): Localizer {
  const pick = (texts: LocalizedText | null | undefined) =>
    texts ? pickText(texts, lang, fallbacks) : null;
  return Object.assign(pick, {
    must: (texts: LocalizedText | null | undefined) =>
      pick(texts) ?? { text: '—', lang, fallback: false },
    place: (name: string) => placeName(name, lang),
  });
}
