import { associations, bookingRequests, bookings, spaces, venues } from '@motesplats/db';
import { and, asc, desc, eq, exists, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { requireUser, type ServiceCtx } from '../context';
import { localizer } from '../shared/localize';
import { bookingViews } from './booking-view';
import { localDate } from './pick-dates';
import { zoneOf } from './zone-of';

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
 * on the same days (whose they are, for staff eyes only), so a decision needs no other page.
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
  const views = await bookingViews(ctx, rows, input.lang);
  const items = [];
  for (const [i, view] of views.entries()) {
    const request = rows[i]!;
    const zone = await zoneOf(ctx.db, request.municipalityId);
    const [venue] = await ctx.db.select().from(venues).where(eq(venues.id, request.venueId));
    const pending = view.bookings.filter((b) => b.status === 'pending');
    const days = [...new Set(pending.map((b) => b.date))];
    const from = DateTime.fromISO(days[0]!, { zone });
    const to = DateTime.fromISO(days[days.length - 1]!, { zone }).plus({ days: 1 });
    const others = await ctx.db
      .select({
        id: bookings.id,
        start: bookings.startsAt,
        end: bookings.endsAt,
        status: bookings.status,
        spaceName: spaces.name,
        associationName: associations.name,
      })
      .from(bookings)
      .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
      .leftJoin(associations, eq(associations.id, bookings.associationId))
      .where(
        and(
          eq(bookings.venueId, request.venueId),
          inArray(bookings.status, ['pending', 'approved']),
          lt(bookings.startsAt, to.toJSDate()),
          gt(bookings.endsAt, from.toJSDate()),
          sql`${bookings.requestId} <> ${request.id}`,
        ),
      )
      .orderBy(asc(bookings.startsAt));
    const text = localizer(input.lang ?? actor.locale, []);
    items.push({
      ...view,
      rules: {
        capacity: venue!.capacity,
        minDurationMinutes: venue!.minDurationMinutes,
        maxDurationMinutes: venue!.maxDurationMinutes,
        leadTimeHours: venue!.leadTimeHours,
        horizonDays: venue!.horizonDays,
        bufferMinutes: venue!.bufferMinutes,
        cancellationDeadlineHours: venue!.cancellationDeadlineHours,
        maxOpenRequests: venue!.maxOpenRequests,
      },
      sameDays: others
        .filter((o) => days.includes(localDate(o.start, zone)))
        .map((o) => ({
          date: localDate(o.start, zone),
          start: o.start.toISOString(),
          end: o.end.toISOString(),
          status: o.status,
          space: text.must(o.spaceName),
          association: o.associationName ? text.must(o.associationName) : null,
        })),
    });
  }
  return { items };
}
