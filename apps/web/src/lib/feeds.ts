// The addresses a "Subscribe" control offers for a public feed (docs/decisions/017-feeds.md).

/** A feed's absolute addresses in one language: https, webcal, and Google Calendar's subscribe link. */
export interface FeedUrls {
  https: string;
  webcal: string;
  google: string;
}

/**
 * `path` is the feed's path and query without the language (`/feeds/venues/<id>.ics`);
 * `origin` the site's public origin (the page's `url.origin`, PUBLIC_ORIGIN when set).
 */
export function feedUrls(path: string, lang: string, origin: string): FeedUrls {
  const url = new URL(path, origin);
  url.searchParams.set('lang', lang);
  const https = url.href;
  const webcal = https.replace(/^https?:/, 'webcal:');
  return {
    https,
    webcal,
    google: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`,
  };
}

/** The calendar's filters a feed carries: everything the page filters by except the dates. */
export interface CalendarFeedFilters {
  municipality?: string | undefined;
  category?: string | undefined;
  language?: string | undefined;
  venue?: string | undefined;
  association?: string | undefined;
  audience?: string | undefined;
  /** Only free of charge (`free=false` would mean "with a price only": never written). */
  free?: boolean | undefined;
  q?: string | undefined;
}

/**
 * `/feeds/calendar.ics?…` for the calendar's filters, in the API's canonical form (feedPath:
 * the municipality first, then the other keys sorted; empty ones left out).
 */
export function calendarFeedPath(f: CalendarFeedFilters): string {
  const query = new URLSearchParams();
  if (f.municipality) query.set('municipality', f.municipality);
  const rest: [string, string | undefined][] = [
    ['association', f.association],
    ['audience', f.audience],
    ['category', f.category],
    ['free', f.free ? 'true' : undefined],
    ['language', f.language],
    ['q', f.q],
    ['venue', f.venue],
  ];
  for (const [key, value] of rest) if (value) query.set(key, value);
  const text = query.toString();
  return `/feeds/calendar.ics${text ? `?${text}` : ''}`;
}
