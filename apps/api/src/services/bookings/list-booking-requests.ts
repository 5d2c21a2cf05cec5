import {
  associations,
  bookingRequests,
  bookings,
  municipalities,
  spaces,
  venues,
} from '@motesplats/db';
import { and, asc, desc, eq, exists, inArray, or, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { requireUser, type ServiceCtx } from '../context';
import { localizer } from '../shared/localize';
import { bookingViews } from './booking-view';
import { localDate } from './pick-dates';

/** At most this many requests in one list (a member's, or the staff queue). */
const LIST_LIMIT = 200;

/**
 * The requests of the actor's associations and the ones the actor made, newest first,
 * each with its dates, their decisions and the history.
 */
export async function listMyBookingRequests({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { lang?: string };
}) {
  const actor = requireUser(ctx);
  const mine = actor.memberships.map((m) => m.associationId);
  const rows = await ctx.db
    .select()
    .from(bookingRequests)
    .where(
      or(
        eq(bookingRequests.requestedBy, actor.userId),
        mine.length ? inArray(bookingRequests.associationId, mine) : sql`false`,
      ),
    )
    .orderBy(desc(bookingRequests.createdAt), desc(bookingRequests.id))
    .limit(LIST_LIMIT);
  return { items: await bookingViews(ctx, rows, input.lang) };
}

/**
 * The staff queue: requests with a pending date in the municipalities where the actor is
 * staff, oldest first, each with the venue's rules and the venue's other holding bookings
 * starting on the same local days (whose they are, for staff eyes only), so a decision
 * needs no other page. A constant number of statements however long the queue: the
 * requests, their views (bookingViews), the venues with their zones, and one join of every
 * (request, pending day) window with the bookings of its venue.
 */
export async function staffBookingQueue({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { lang?: string };
}) {
  const actor = requireUser(ctx);
  const ids = actor.staff.map((s) => s.municipalityId);
  if (ids.length === 0) return { items: [] };
  const rows = await ctx.db
    .select()
    .from(bookingRequests)
    .where(
      and(
        inArray(bookingRequests.municipalityId, ids),
        exists(
          ctx.db
            .select({ one: sql`1` })
            .from(bookings)
            .where(and(eq(bookings.requestId, bookingRequests.id), eq(bookings.status, 'pending'))),
        ),
      ),
    )
    .orderBy(asc(bookingRequests.createdAt), asc(bookingRequests.id))
    .limit(LIST_LIMIT);
  if (rows.length === 0) return { items: [] };
  const [views, venueRows] = await Promise.all([
    bookingViews(ctx, rows, input.lang),
    ctx.db
      .select({ venue: venues, zone: municipalities.timeZone })
      .from(venues)
      .innerJoin(municipalities, eq(municipalities.id, venues.municipalityId))
      .where(inArray(venues.id, [...new Set(rows.map((r) => r.venueId))])),
  ]);
  const venueOf = new Map(venueRows.map((v) => [v.venue.id, v]));
  // One window per (request, local day with a pending date of it).
  const windows = views.flatMap((view, i) => {
    const request = rows[i]!;
    const { zone } = venueOf.get(request.venueId)!;
    const days = [
      ...new Set(view.bookings.filter((b) => b.status === 'pending').map((b) => b.date)),
    ];
    return days.map((day) => {
      const from = DateTime.fromISO(day, { zone });
      return {
        requestId: request.id,
        venueId: request.venueId,
        from: from.toJSDate(),
        to: from.plus({ days: 1 }).toJSDate(),
      };
    });
  });
  const list = (values: readonly string[]) => `{${values.join(',')}}`;
  const window = sql`unnest(
      ${list(windows.map((w) => w.requestId))}::uuid[],
      ${list(windows.map((w) => w.venueId))}::uuid[],
      ${list(windows.map((w) => w.from.toISOString()))}::timestamptz[],
      ${list(windows.map((w) => w.to.toISOString()))}::timestamptz[]
    ) as w(request_id, venue_id, day_from, day_to)`;
  const others = await ctx.db
    .select({
      forRequest: sql<string>`w.request_id`,
      start: bookings.startsAt,
      end: bookings.endsAt,
      status: bookings.status,
      spaceName: spaces.name,
      associationName: associations.name,
    })
    .from(bookings)
    .innerJoin(
      window,
      sql`${bookings.venueId} = w.venue_id and ${bookings.startsAt} >= w.day_from and ${bookings.startsAt} < w.day_to and ${bookings.requestId} <> w.request_id`,
    )
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .leftJoin(associations, eq(associations.id, bookings.associationId))
    .where(inArray(bookings.status, ['pending', 'approved']))
    .orderBy(asc(bookings.startsAt), asc(bookings.id));
  const text = localizer(input.lang ?? actor.locale, []);
  const items = views.map((view, i) => {
    const request = rows[i]!;
    const { venue, zone } = venueOf.get(request.venueId)!;
    return {
      ...view,
      rules: {
        capacity: venue.capacity,
        minDurationMinutes: venue.minDurationMinutes,
        maxDurationMinutes: venue.maxDurationMinutes,
        leadTimeHours: venue.leadTimeHours,
        horizonDays: venue.horizonDays,
        bufferMinutes: venue.bufferMinutes,
        cancellationDeadlineHours: venue.cancellationDeadlineHours,
        maxOpenRequests: venue.maxOpenRequests,
      },
      sameDays: others
        .filter((o) => o.forRequest === request.id)
        .map((o) => ({
          date: localDate(o.start, zone),
          start: o.start.toISOString(),
          end: o.end.toISOString(),
          status: o.status,
          space: text.must(o.spaceName),
          association: o.associationName ? text.must(o.associationName) : null,
        })),
    };
  });
  return { items };
}
