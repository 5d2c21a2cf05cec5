import { buildings, eventOccurrences, events, municipalities, venues } from '@motesplats/db';
import { DomainFailure, buildVenueFeed, notFound } from '@motesplats/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { addressLine, coordinatesOf } from '../shared/address';
import { localizer } from '../shared/localize';
import { feedEventOf, feedOccurrences } from './feed-event';

/**
 * One event's dates as iCalendar: the event page's "add to calendar". The same entries (UIDs,
 * SEQUENCE) as the venue feed, so adding both never gives a date twice.
 */
export async function eventFeed({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string; origin: string };
}): Promise<string> {
  const [found] = await ctx.db
    .select({ event: events, municipality: municipalities, venue: venues, building: buildings })
    .from(events)
    .innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .leftJoin(buildings, eq(buildings.id, venues.buildingId))
    .where(eq(events.id, input.id));
  // An unpublished event's feed still calls its dates off for a month (feedOccurrences);
  // a draft never was public.
  if (!found || found.event.status === 'draft')
    throw new DomainFailure(notFound('event', input.id));
  const { event, municipality, venue, building } = found;
  const t = localizer(input.lang, municipality.languages);
  const rows = await ctx.db
    .select({ occurrence: eventOccurrences, event: events })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(and(eq(eventOccurrences.eventId, event.id), feedOccurrences(ctx.db, ctx.now)))
    .orderBy(asc(eventOccurrences.startsAt));
  // Past its month of calling dates off, an unpublished event has no feed.
  if (event.status === 'unpublished' && rows.length === 0)
    throw new DomainFailure(notFound('event', input.id));
  const location =
    venue && building
      ? `${t.must(venue.name).text}, ${t.must(building.name).text}, ${addressLine(building)}`
      : (event.locationText ?? '');
  const geo = building ? coordinatesOf(building) : null;
  const eventUrl = `${input.origin}/${input.lang}/events/${event.id}`;
  return buildVenueFeed({
    calendarName: `${t.must(event.title).text} (Mötesplats)`,
    url: `${input.origin}/feeds/events/${event.id}.ics?lang=${input.lang}`,
    zone: municipality.timeZone,
    events: rows.map((row) => feedEventOf(row, { t, location, geo, eventUrl })),
  });
}
