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
