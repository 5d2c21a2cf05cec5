import type { LocalizedText } from '../locales';

/** Who an event is for: the one list the API validates, the seed uses and pages render. */
export const AUDIENCES = [
  'everyone',
  'families',
  'children',
  'youth',
  'adults',
  'women',
  'seniors',
] as const;
export type Audience = (typeof AUDIENCES)[number];

export const EVENT_STATUSES = ['draft', 'published', 'cancelled', 'unpublished'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** The most occurrences one event may have (a weekly café over about four years). */
export const MAX_EVENT_OCCURRENCES = 200;

/** Limits of what an organizer types, checked by the API and shown by the form. */
/**
 * A period of the calendar (a month or a week view) in one answer: at most this many
 * occurrences (past them a view says that a day has more) over at most this many days (a
 * month view's six weeks).
 */
/**
 * A period of the calendar in one answer: at most maxDays days and maxOccurrences dates, or
 * with perDay (a month view, which shows a few a day) at most maxPerDay of each day.
 */
export const PERIOD_LIMITS = { maxOccurrences: 300, maxDays: 42, maxPerDay: 20 } as const;

export const EVENT_LIMITS = {
  titleMax: 160,
  summaryMax: 300,
  descriptionMax: 8000,
  notesMax: 1000,
  locationMax: 300,
  reasonMax: 1000,
  exceptDatesMax: 200,
  languagesMax: 12,
  participantsMax: 100_000,
} as const;

/**
 * What `q` searches: every language's title, summary and description, lower-cased after
 * Unicode normalisation (NFKC), so "Språkcafé", "КАФЕ" and "مقهى" match however they are typed.
 * Computed by the one write path of events (and the seed), stored in events.search_text.
 */
export function eventSearchText(texts: readonly LocalizedText[]): string {
  return texts
    .flatMap((t) => Object.values(t))
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .join(' ')
    .normalize('NFKC')
    .toLowerCase();
}

/** The needle for a `q` search, normalised like eventSearchText. */
export const searchNeedle = (q: string): string => q.trim().normalize('NFKC').toLowerCase();
