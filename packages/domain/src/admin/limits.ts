/**
 * What an administrator manages for the whole installation (issue 6): municipalities, staff
 * roles and event categories. Constants only (no zod): the pages import these too.
 */

/** The pictograms the web app can draw; a category names one of them. */
export const PICTOGRAMS = [
  'language-cafe',
  'family-cafe',
  'cooking',
  'bazaar',
  'theme-day',
  'peace-cafe',
  'story-hour',
  'information-session',
  'culture',
  'sports-outdoors',
  'other',
] as const;
export type Pictogram = (typeof PICTOGRAMS)[number];

/**
 * Each pictogram as one character of text, for where no SVG can go: a feed's CATEGORIES is
 * written "💬 Språkcafé" (issue 10), the same picture as the page's icon. Emoji with
 * default emoji presentation, or with VS16 where they have none, so calendars draw colour.
 */
export const PICTOGRAM_SYMBOLS: Record<Pictogram, string> = {
  'language-cafe': '💬',
  'family-cafe': '👪',
  cooking: '🍲',
  bazaar: '🏪',
  'theme-day': '📅',
  'peace-cafe': '\u262E\uFE0F',
  'story-hour': '📖',
  'information-session': '\u2139\uFE0F',
  culture: '🎭',
  'sports-outdoors': '🌄',
  other: '📌',
};

/** A category named as text, led by its pictogram; an unknown key (a newer vocabulary) by none. */
export const categoryText = (pictogram: string, name: string): string => {
  const symbol = (PICTOGRAM_SYMBOLS as Record<string, string | undefined>)[pictogram];
  return symbol ? `${symbol} ${name}` : name;
};

export const ADMIN_LIMITS = {
  municipalityNameLength: 100,
  regionLength: 200,
  slugLength: 63,
  categoryNameLength: 80,
  categorySlugLength: 40,
  categoryPosition: 1000,
} as const;

/** Staff role kinds as in the staff_roles table: staff, and the municipality's staff administrator. */
export const STAFF_ROLE_KINDS = ['staff', 'admin'] as const;
