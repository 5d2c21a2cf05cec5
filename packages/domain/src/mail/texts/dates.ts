import { DateTime } from 'luxon';
import { list, p, type Block } from './types';

/** At most this many dates are listed in one mail; the rest are counted after the list. */
export const MAX_LISTED_DATES = 20;

/** How one language writes a booked time range: names from luxon's locale, order and words its own. */
export interface SlotWords {
  /** The luxon (Intl) locale of weekday and month names. */
  locale: string;
  /** A calendar date, e.g. 'tisdag 15 december 2026'. */
  date(d: DateTime): string;
  /** A time of day, e.g. '17.30'. */
  time(d: DateTime): string;
  /** The end of a range that ends at midnight, written on the start's day: '24.00'. */
  midnight: string;
  /** A range within one day: 'tisdag 15 december 2026 kl. 17.30–19.30'. */
  within(date: string, from: string, to: string): string;
  /** A range past midnight (or over several days): both dates. */
  across(fromDate: string, from: string, toDate: string, to: string): string;
  /** Below a capped list: 'and 3 more dates'. */
  more(n: number): string;
}

/**
 * One booked range in the reader's language, in `zone` (never the process's zone). Digits
 * are Latin in every language, Arabic included (see ar.ts), and the calendar Gregorian,
 * whatever the locale data's defaults are.
 */
export function slotText(slot: { start: string; end: string }, zone: string, w: SlotWords) {
  const options = { zone, locale: w.locale, numberingSystem: 'latn', outputCalendar: 'gregory' };
  const start = DateTime.fromISO(slot.start, options);
  const end = DateTime.fromISO(slot.end, options);
  if (start.hasSame(end, 'day')) return w.within(w.date(start), w.time(start), w.time(end));
  if (end.toMillis() === start.startOf('day').plus({ days: 1 }).toMillis()) {
    return w.within(w.date(start), w.time(start), w.midnight);
  }
  return w.across(w.date(start), w.time(start), w.date(end), w.time(end));
}

/** The dates one per list item, the first MAX_LISTED_DATES of them, then how many more there are. */
export function dateBlocks(
  dates: readonly { start: string; end: string }[],
  zone: string,
  w: SlotWords,
): Block[] {
  const shown = dates.slice(0, MAX_LISTED_DATES).map((d) => slotText(d, zone, w));
  const rest = dates.length - shown.length;
  return rest > 0 ? [list(shown), p(w.more(rest))] : [list(shown)];
}
