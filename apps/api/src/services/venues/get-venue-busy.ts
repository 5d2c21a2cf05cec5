import {
  busyIntervals,
  openingIntervals,
  spaceBusyIntervals,
  spaceFreeIntervals,
  type Interval,
} from '@motesplats/domain';
import type { ServiceCtx } from '../context';
import { localizer } from '../shared/localize';
import { assertOrdered, boundToInstant } from '../shared/time-range';
import { findVenue } from './find-venue';
import { venueCalendars } from './venue-calendar';

/** The longest range one free/busy answer covers. */
export const MAX_BUSY_DAYS = 62;

/**
 * Free/busy of a venue: when it is open and when it is held (pending or approved bookings,
 * buffers included), for the venue as a whole (`busy`, all spaces merged) and per space
 * (`spaces`: a divisible hall's whole and each part, each with its taken time and the time
 * where a new booking of it may lie, from now on). Only instants: never who booked or why (DESIGN.md
 * invariant 4).
 */
export async function getVenueBusy({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; from: string; to: string; lang: string };
}) {
  const { venue, municipality } = await findVenue(ctx.db, input.id);
  const zone = municipality.timeZone;
  const range: Interval = {
    start: boundToInstant(input.from, zone, 'from', false),
    end: boundToInstant(input.to, zone, 'to', false),
  };
  assertOrdered(range.start, range.end, MAX_BUSY_DAYS);
  const loaded = (await venueCalendars(ctx, [{ venue, zone }], [range])).get(venue.id);
  const calendar = loaded!.calendar;
  const t = localizer(input.lang, municipality.languages);
  // A new booking cannot lie in the past: free time starts at the earliest now.
  const ahead: Interval = {
    start: new Date(Math.max(range.start.getTime(), ctx.now.getTime())),
    end: range.end,
  };
  const toJson = (i: Interval) => ({ start: i.start.toISOString(), end: i.end.toISOString() });
  return {
    venueId: venue.id,
    timeZone: zone,
    from: range.start.toISOString(),
    to: range.end.toISOString(),
    bookable: venue.bookable,
    bufferMinutes: venue.bufferMinutes,
    open: openingIntervals(venue.openingHours, zone, range, venue.blackoutDates).map(toJson),
    busy: busyIntervals(calendar.holds, range, venue.bufferMinutes).map(toJson),
    spaces: loaded!.spaces.map((s) => ({
      id: s.id,
      parentId: s.parentId,
      name: t.must(s.name),
      busy: spaceBusyIntervals(calendar, s.id, range).map(toJson),
      free: (ahead.start < ahead.end ? spaceFreeIntervals(calendar, s.id, ahead) : []).map(toJson),
    })),
  };
}
