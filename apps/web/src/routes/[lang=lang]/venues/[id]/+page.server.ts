import { getVenue, getVenueBusy, listOccurrences, orPageError } from '#lib/server/api.ts';
import { resolveWeek, weekRows } from '#lib/week.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
  const lang = params.lang;
  const venue = await orPageError(getVenue(fetch, url.origin, params.id, lang));

  const week = resolveWeek(url.searchParams.get('week'), venue.timeZone, new Date());
  const [busy, upcoming] = await Promise.all([
    // The page is still useful without the week table: show a note instead of failing.
    getVenueBusy(fetch, url.origin, venue.id, { from: week.monday, to: week.sunday }).catch(
      () => null,
    ),
    listOccurrences(fetch, url.origin, {
      lang,
      venue: venue.id,
      from: week.current,
      limit: 5,
    }).catch(() => null),
  ]);

  const feedUrl = new URL(venue.feed.path, url.origin);
  feedUrl.searchParams.set('lang', lang);
  const https = feedUrl.href;

  return {
    venue,
    week,
    rows: busy ? weekRows(week, busy) : null,
    upcoming: upcoming?.items ?? [],
    feed: { https, webcal: https.replace(/^https?:/, 'webcal:') },
  };
};
