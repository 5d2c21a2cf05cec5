// The times of the organizer's lists (/events/mine, /staff/attendance): each row said in its
// own municipality's zone, as the API names it (`timeZone`), never the server's or one fixed
// zone for all (an installation may serve municipalities in several zones).
import { formatDateTime, formatInterval, zoneName } from '#lib/format.ts';
import type { Locale } from '#lib/locale.ts';

/** An event's next date and time, or "–" when none is to come. */
export const nextStartText = (
  item: { nextStart: string | null; timeZone: string },
  locale: Locale,
): string => (item.nextStart ? formatDateTime(item.nextStart, item.timeZone, locale) : '–');

/** A past date without a count: its day and times. */
export const occurrenceText = (
  item: { startsAt: string; endsAt: string; timeZone: string },
  locale: Locale,
): string => formatInterval(item.startsAt, item.endsAt, item.timeZone, locale);

/** The zones a list's times are said in (one, unless municipalities differ), by name. */
export const zoneNote = (items: readonly { timeZone: string }[], locale: Locale): string =>
  [...new Set(items.map((i) => i.timeZone))].map((z) => zoneName(z, locale)).join(', ');
