import {
  associations,
  auditLog,
  bookingRequests,
  bookings,
  municipalities,
  spaces,
  venues,
  type Db,
} from '@motesplats/db';
import {
  DomainFailure,
  canCancel,
  isStaffOf,
  membershipOf,
  notFound,
  weeklyUntilOf,
  type Actor,
} from '@motesplats/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { localizer } from '../shared/localize';
import { localDate } from './pick-dates';

type RequestRow = typeof bookingRequests.$inferSelect;
type BookingRow = typeof bookings.$inferSelect;

/** The request's overall state: pending while any date waits, else approved if any holds. */
export function requestStatus(list: readonly Pick<BookingRow, 'status'>[]) {
  if (list.some((b) => b.status === 'pending')) return 'pending' as const;
  if (list.some((b) => b.status === 'approved')) return 'approved' as const;
  return list.every((b) => b.status === list[0]?.status)
    ? (list[0]?.status ?? 'withdrawn')
    : ('closed' as const);
}

/** Who may see a request: its association's members, its requester, its municipality's staff. */
export function mayRead(actor: Actor, request: RequestRow): boolean {
  if (actor.kind !== 'user') return false;
  if (isStaffOf(actor, request.municipalityId)) return true;
  if (request.requestedBy === actor.userId) return true;
  return request.associationId !== null && !!membershipOf(actor, request.associationId);
}

/** The request, or 404; 401/403 when the actor may not see it. */
export async function findRequest(ctx: ServiceCtx, id: string): Promise<RequestRow> {
  const [request] = await ctx.db.select().from(bookingRequests).where(eq(bookingRequests.id, id));
  if (!request) throw new DomainFailure(notFound('booking', id));
  if (ctx.actor.kind !== 'user') throw new DomainFailure({ kind: 'unauthenticated' });
  if (!mayRead(ctx.actor, request))
    throw new DomainFailure({ kind: 'forbidden', reason: 'booking' });
  return request;
}

/** The bookings (dates) of a request, oldest first. */
export const bookingsOf = (db: Db, requestId: string) =>
  db
    .select()
    .from(bookings)
    .where(eq(bookings.requestId, requestId))
    .orderBy(asc(bookings.startsAt));

/**
 * Requests as their members and staff see them: every date with its own status and
 * decision, the history of decisions, and how to get in once a date is approved.
 */
export async function bookingViews(
  ctx: ServiceCtx,
  requests: readonly RequestRow[],
  lang?: string,
) {
  if (requests.length === 0) return [];
  const ids = requests.map((r) => r.id);
  const venueIds = [...new Set(requests.map((r) => r.venueId))];
  const associationIds = [
    ...new Set(requests.map((r) => r.associationId).filter((x): x is string => x !== null)),
  ];
  const [dateRows, venueRows, spaceRows, associationRows, historyRows] = await Promise.all([
    ctx.db
      .select()
      .from(bookings)
      .where(inArray(bookings.requestId, ids))
      .orderBy(asc(bookings.startsAt)),
    ctx.db
      .select({ venue: venues, municipality: municipalities })
      .from(venues)
      .innerJoin(municipalities, eq(municipalities.id, venues.municipalityId))
      .where(inArray(venues.id, venueIds)),
    ctx.db.select().from(spaces).where(inArray(spaces.venueId, venueIds)),
    associationIds.length
      ? ctx.db
          .select({ id: associations.id, name: associations.name })
          .from(associations)
          .where(inArray(associations.id, associationIds))
      : Promise.resolve([]),
    ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'booking_request'), inArray(auditLog.entityId, ids)))
      .orderBy(asc(auditLog.at), asc(auditLog.id)),
  ]);
  const reader = lang ?? (ctx.actor.kind === 'user' ? ctx.actor.locale : 'sv');
  return requests.map((r) => {
    const { venue, municipality } = venueRows.find((v) => v.venue.id === r.venueId)!;
    const zone = municipality.timeZone;
    const text = localizer(reader, municipality.languages);
    const own = dateRows.filter((b) => b.requestId === r.id);
    const space = spaceRows.find((s) => s.id === r.spaceId);
    const association = associationRows.find((a) => a.id === r.associationId);
    const until = weeklyUntilOf(r.rrule);
    const approved = own.some((b) => b.status === 'approved');
    const party = ctx.actor.kind === 'user' && mayRead(ctx.actor, r);
    return {
      id: r.id,
      status: requestStatus(own),
      cityUse: r.cityUse,
      venue: { id: venue.id, name: text.must(venue.name) },
      space: { id: r.spaceId, name: text.must(space?.name), whole: space?.parentId === null },
      association: association ? { id: association.id, name: text.must(association.name) } : null,
      timeZone: zone,
      start: r.startsAt.toISOString(),
      end: r.endsAt.toISOString(),
      repeat: until ? { weekly: { until, except: r.exceptDates } } : null,
      rrule: r.rrule,
      purpose: r.purpose,
      expectedAttendance: r.expectedAttendance,
      publicEvent: r.publicEvent,
      termsAcceptedAt: r.termsAcceptedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      bookings: own.map((b) => ({
        id: b.id,
        date: localDate(b.startsAt, zone),
        start: b.startsAt.toISOString(),
        end: b.endsAt.toISOString(),
        status: b.status,
        decidedAt: b.decidedAt?.toISOString() ?? null,
        reason: b.decisionNote,
        /** Until when its association may still cancel it (the venue's deadline). */
        cancellableUntil: new Date(
          b.startsAt.getTime() - venue.cancellationDeadlineHours * 3_600_000,
        ).toISOString(),
        cancellable: b.status === 'approved' && canCancel(venue, b.startsAt, ctx.now),
      })),
      /** How to get in: only once a date is approved, only to the association and staff. */
      access:
        approved && party
          ? { method: venue.accessMethod, instructions: text(venue.accessInstructions) }
          : null,
      history: historyRows
        .filter((h) => h.entityId === r.id)
        .map((h) => {
          const data = h.data as { dates?: string[]; reason?: string };
          return {
            at: h.at.toISOString(),
            action: h.action.replace(/^booking\./, ''),
            dates: data.dates ?? [],
            reason: data.reason ?? null,
          };
        }),
    };
  });
}

export type BookingRequestView = Awaited<ReturnType<typeof bookingViews>>[number];

/** One request as its reader sees it (after the read check). */
export async function loadBookingRequest(ctx: ServiceCtx, id: string, lang?: string) {
  const request = await findRequest(ctx, id);
  const [view] = await bookingViews(ctx, [request], lang);
  return view!;
}
