import { DateTime } from 'luxon';
import { getVenue, getVenueBusy, listOccurrences, orPageError } from '#lib/server/api.ts';
import { dayRows, resolveMonth, resolveWeek } from '#lib/availability.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
  const lang = params.lang;
  const venue = await orPageError(getVenue(fetch, url.origin, params.id, lang));

  const now = new Date();
  const zone = venue.timeZone;
  const week = resolveWeek(url.searchParams.get('week'), zone, now);
  // The month follows the week shown unless one is asked for.
  const month = resolveMonth(url.searchParams.get('month'), zone, now, week.monday);
  const busy = (from: string, to: string) =>
    // The page is still useful without the tables: show a note instead of failing.
    getVenueBusy(fetch, url.origin, venue.id, { from, to, lang }).catch(() => null);
  const [weekBusy, monthBusy, upcoming] = await Promise.all([
    busy(week.monday, week.sunday),
    busy(month.first, month.last),
    listOccurrences(fetch, url.origin, {
      lang,
      venue: venue.id,
      from: week.current,
      limit: 5,
    }).catch(() => null),
  ]);

  return {
    venue,
    week,
    month,
    today: DateTime.fromJSDate(now, { zone }).toISODate() ?? '',
    spaces: (weekBusy ?? monthBusy)?.spaces ?? [],
    bufferMinutes: venue.rules.bufferMinutes,
    weekRows: weekBusy ? dayRows(week.monday, week.sunday, weekBusy) : null,
    monthRows: monthBusy ? dayRows(month.first, month.last, monthBusy) : null,
    upcoming: upcoming?.items ?? [],
    feed: { path: venue.feed.path, origin: url.origin },
  };
};
