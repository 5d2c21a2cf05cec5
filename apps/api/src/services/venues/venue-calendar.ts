import { bookings, HOLDING_STATUSES, spaces, venues } from '@motesplats/db';
import {
  holdWindows,
  mergeIntervals,
  type Interval,
  type LocalizedText,
  type VenueCalendar,
} from '@motesplats/domain';
import { and, asc, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../context';

export interface SpaceRow {
  id: string;
  venueId: string;
  parentId: string | null;
  name: LocalizedText;
}

/** A venue's calendar for the domain's free/taken rules, and its spaces with their names. */
export interface LoadedCalendar {
  calendar: VenueCalendar;
  spaces: SpaceRow[];
}

/** The spaces of the venues: each venue's whole (root) first, then its parts by Swedish name. */
export function loadSpaces(ctx: ServiceCtx, venueIds: string[]): Promise<SpaceRow[]> {
  if (venueIds.length === 0) return Promise.resolve([]);
  return ctx.db
    .select({
      id: spaces.id,
      venueId: spaces.venueId,
      parentId: spaces.parentId,
      name: spaces.name,
    })
    .from(spaces)
    .where(inArray(spaces.venueId, venueIds))
    .orderBy(sql`${spaces.parentId} is not null`, sql`${spaces.name}->>'sv'`, asc(spaces.id));
}

/**
 * The calendars of the venues for deciding free and taken time around `around` (instants):
 * spaces, opening hours, blackouts, buffer and the holding bookings (pending or approved) that
 * can touch those instants, buffers included. Only times and spaces are read: never who
 * booked, nor why (DESIGN.md invariant 4).
 */
export async function venueCalendars(
  ctx: ServiceCtx,
  list: { venue: typeof venues.$inferSelect; zone: string }[],
  around: readonly Interval[],
): Promise<Map<string, LoadedCalendar>> {
  const out = new Map<string, LoadedCalendar>();
  if (list.length === 0) return out;
  const ids = list.map((v) => v.venue.id);
  const maxBuffer = Math.max(0, ...list.map((v) => v.venue.bufferMinutes));
  // One range condition per stretch of time asked about (a weekly slot has one per date).
  const windows = mergeIntervals(holdWindows(around, maxBuffer));
  const [spaceRows, held] = await Promise.all([
    loadSpaces(ctx, ids),
    windows.length === 0
      ? Promise.resolve([])
      : ctx.db
          .select({
            venueId: bookings.venueId,
            spaceId: bookings.spaceId,
            start: bookings.startsAt,
            end: bookings.endsAt,
          })
          .from(bookings)
          .where(
            and(
              inArray(bookings.venueId, ids),
              inArray(bookings.status, [...HOLDING_STATUSES]),
              or(
                ...windows.map((w) =>
                  and(lt(bookings.startsAt, w.end), gt(bookings.endsAt, w.start)),
                ),
              ),
            ),
          ),
  ]);
  for (const { venue, zone } of list) {
    const mine = spaceRows.filter((s) => s.venueId === venue.id);
    out.set(venue.id, {
      spaces: mine,
      calendar: {
        zone,
        bookable: venue.bookable,
        // No hours at all: open by arrangement, as the booking rules read it.
        openingHours: venue.openingHours.length > 0 ? venue.openingHours : null,
        blackoutDates: venue.blackoutDates,
        bufferMinutes: venue.bufferMinutes,
        spaces: mine.map((s) => ({ id: s.id, parentId: s.parentId })),
        holds: held
          .filter((h) => h.venueId === venue.id)
          .map((h) => ({ spaceId: h.spaceId, start: h.start, end: h.end })),
      },
    });
  }
  return out;
}
