// schema.org Event data for search engines and calendars, one Event per occurrence.
import { DateTime } from 'luxon';
import type { EventDetail } from '#lib/types.ts';

/** An instant as local time with its offset in the zone ("2026-12-01T18:00:00+02:00"). */
const local = (instant: string, zone: string) =>
  DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toISO({ suppressMilliseconds: true }) ??
  instant;

const status = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
} as const;

export function eventJsonLd(event: EventDetail, pageUrl: string) {
  const location = event.venue
    ? {
        '@type': 'Place',
        name: event.venue.name.text,
        address: {
          '@type': 'PostalAddress',
          streetAddress: event.venue.address,
          addressLocality: event.municipality.name.text,
          addressCountry: 'FI',
        },
        ...(event.venue.coordinates
          ? {
              geo: {
                '@type': 'GeoCoordinates',
                latitude: event.venue.coordinates.lat,
                longitude: event.venue.coordinates.lon,
              },
            }
          : {}),
      }
    : {
        '@type': 'Place',
        name: event.locationText ?? event.municipality.name.text,
        address: {
          '@type': 'PostalAddress',
          addressLocality: event.municipality.name.text,
          addressCountry: 'FI',
        },
      };
  const organizer = {
    '@type': 'Organization',
    name: event.organizer.name.text,
    ...(event.organizer.website ? { url: event.organizer.website } : {}),
  };
  const description = (event.summary ?? event.description)?.text;
  return event.occurrences.map((occurrence) => ({
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': `${pageUrl}#${occurrence.id}`,
    name: event.title.text,
    ...(description ? { description } : {}),
    ...(event.image ? { image: new URL(event.image.url, pageUrl).href } : {}),
    startDate: local(occurrence.startsAt, event.municipality.timeZone),
    endDate: local(occurrence.endsAt, event.municipality.timeZone),
    // A cancelled event is cancelled on every date; else each date says its own.
    eventStatus: status[event.status === 'cancelled' ? 'cancelled' : occurrence.status],
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location,
    organizer,
    inLanguage: event.languages,
    isAccessibleForFree: event.price.free,
    url: pageUrl,
  }));
}

/** JSON for a `<script type="application/ld+json">`: no `<` can close the element early. */
export const scriptJson = (data: unknown) =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
