import { bookings } from '@motesplats/db';
import { busyIntervals, openingIntervals, type Interval } from '@motesplats/domain';
import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { assertOrdered, boundToInstant } from '../shared/time-range';
import { findVenue } from './find-venue';

/** The longest range one free/busy answer covers. */
export const MAX_BUSY_DAYS = 62;

/**
 * Free/busy of a venue: when it is open and when it is held (pending or approved bookings,
 * buffers included). Only instants: never who booked or why (DESIGN.md invariant 4).
 */
export async function getVenueBusy({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; from: string; to: string };
}) {
  const { venue, municipality } = await findVenue(ctx.db, input.id);
  const zone = municipality.timeZone;
  const range: Interval = {
    start: boundToInstant(input.from, zone, 'from', false),
    end: boundToInstant(input.to, zone, 'to', false),
  };
  assertOrdered(range.start, range.end, MAX_BUSY_DAYS);
  const bufferMs = venue.bufferMinutes * 60_000;
  const held = await ctx.db
    .select({ start: bookings.startsAt, end: bookings.endsAt })
    .from(bookings)
    .where(
      and(
        eq(bookings.venueId, venue.id),
        inArray(bookings.status, ['pending', 'approved']),
        lt(bookings.startsAt, range.end),
        gt(bookings.endsAt, new Date(range.start.getTime() - bufferMs)),
      ),
    );
  const toJson = (i: Interval) => ({ start: i.start.toISOString(), end: i.end.toISOString() });
  return {
    venueId: venue.id,
    timeZone: zone,
    from: range.start.toISOString(),
    to: range.end.toISOString(),
    open: openingIntervals(venue.openingHours, zone, range, venue.blackoutDates).map(toJson),
    busy: busyIntervals(held, range, venue.bufferMinutes).map(toJson),
  };
}
