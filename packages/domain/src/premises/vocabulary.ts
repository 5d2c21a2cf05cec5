/**
 * The vocabularies of a venue's facts, in one place: the API validates with them, the
 * pages have a word for each (apps/web/src/lib/labels.ts), the seed uses them.
 */
export const ACCESSIBILITY = [
  'step_free',
  'accessible_toilet',
  'hearing_loop',
  'lift',
  'accessible_parking',
  'baby_care',
] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY)[number];

export const EQUIPMENT = [
  'projector',
  'kitchen',
  'sound_system',
  'chairs',
  'tables',
  'piano',
  'wifi',
  'whiteboard',
] as const;
export type Equipment = (typeof EQUIPMENT)[number];

/** How a booker gets in: a key picked up, a door code sent, or staff open the door. */
export const ACCESS_METHODS = ['key', 'door_code', 'staff_opens'] as const;
export type AccessMethod = (typeof ACCESS_METHODS)[number];

/** Uploaded photos: the largest file accepted, and the widths stored (WebP, never enlarged). */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const PHOTO_MAX_PIXELS = 40_000_000;
export const PHOTO_WIDTHS = [1280, 640] as const;
export const PHOTOS_PER_VENUE = 12;

/** Bounds of what staff may write about a venue; the API's schemas and the pages share them. */
export const VENUE_LIMITS = {
  nameLength: 120,
  /** Descriptions, terms of use, access instructions. */
  longTextLength: 4000,
  altLength: 300,
  streetLength: 200,
  cityLength: 100,
  capacity: 10_000,
  openingSpans: 28,
  blackoutDates: 366,
  spaces: 12,
} as const;
