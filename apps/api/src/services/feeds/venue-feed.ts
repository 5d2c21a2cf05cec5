import { eventOccurrences, events } from '@motesplats/db';
import { buildVenueFeed } from '@motesplats/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { addressLine, coordinatesOf } from '../shared/address';
import { localizer } from '../shared/localize';
import { feedEventOf, feedOccurrences } from './feed-event';
import { findVenue } from '../venues/find-venue';

export const FEED_NAMES: Record<string, string> = {
  sv: 'evenemang',
  fi: 'tapahtumat',
  en: 'events',
  ar: 'الفعاليات',
};

/**
 * The venue's published event occurrences as iCalendar. Byte-stable while nothing changes:
 * stamps come from the rows, never from the clock.
 */
export async function venueFeed({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string; origin: string };
}): Promise<string> {
  const { venue, building, municipality } = await findVenue(ctx.db, input.id);
  const t = localizer(input.lang, municipality.languages);
  const rows = await ctx.db
    .select({ occurrence: eventOccurrences, event: events })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(and(eq(events.venueId, venue.id), feedOccurrences(ctx.db, ctx.now)))
    .orderBy(asc(eventOccurrences.startsAt));

  const venueName = t.must(venue.name).text;
  const location = `${venueName}, ${t.must(building.name).text}, ${addressLine(building)}`;
  const geo = coordinatesOf(building);
  const feedEvents = rows.map((row) =>
    feedEventOf(row, {
      t,
      location,
      geo,
      eventUrl: `${input.origin}/${input.lang}/events/${row.event.id}`,
    }),
  );
  return buildVenueFeed({
    calendarName: `${venueName} – ${FEED_NAMES[input.lang] ?? FEED_NAMES.en} (Mötesplats)`,
    url: `${input.origin}/feeds/venues/${venue.id}.ics?lang=${input.lang}`,
    zone: municipality.timeZone,
    events: feedEvents,
  });
}
