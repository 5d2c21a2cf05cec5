// Which languages the association profile form offers rows for (shared by the form
// component and the server side that reads it).
import { CONTENT_LANGUAGES, type ContentLanguage } from '@motesplats/domain/client';

export const BASE_TEXT_LANGUAGES: readonly ContentLanguage[] = ['sv', 'fi', 'en'];

/** The languages with rows of their own: sv, fi, en, the municipality's, then any in use. */
export function textLanguages(
  values: Record<string, string>,
  municipalityLanguages: readonly string[] = [],
): ContentLanguage[] {
  const wanted = new Set<string>([...BASE_TEXT_LANGUAGES, ...municipalityLanguages]);
  for (const key of Object.keys(values)) {
    const [, lang] = key.split('.');
    if (lang && lang !== 'extra') wanted.add(lang);
  }
  return CONTENT_LANGUAGES.filter((l) => wanted.has(l));
}
