import {
  associations,
  bookingRequests,
  bookings,
  isDeadlock,
  isOverlapViolation,
  spaces,
  type Db,
} from '@motesplats/db';
import {
  DomainFailure,
  checkRequestRules,
  claimedSpaceIds,
  invalid,
  openRequestsIssue,
  requestRule,
  requestedDates,
  type Interval,
  type RequestedDate,
} from '@motesplats/domain';
import { and, countDistinct, eq } from 'drizzle-orm';
import { audit, inTransaction, requireScope, requireUser, type ServiceCtx } from '../context';
import { findVenue } from '../venues/find-venue';
import { clashReport, queueForClaims, type BookableVenue, type ClashReport } from './availability';
import { CreateBookingInput } from './booking-input';
import { notifyRequested } from './booking-mail';
import { loadBookingRequest } from './booking-view';

/** The venue with its spaces, as a request needs it. */
export async function bookableVenue(db: Db, venueId: string) {
  const [found, spaceRows] = await Promise.all([
    findVenue(db, venueId),
    db
      .select({
        id: spaces.id,
        parentId: spaces.parentId,
        capacity: spaces.capacity,
        name: spaces.name,
      })
      .from(spaces)
      .where(eq(spaces.venueId, venueId)),
  ]);
  const { venue, municipality } = found;
  const rules: BookableVenue = {
    id: venue.id,
    zone: municipality.timeZone,
    openingHours: venue.openingHours,
    blackoutDates: venue.blackoutDates,
    bufferMinutes: venue.bufferMinutes,
    leadTimeHours: venue.leadTimeHours,
    horizonDays: venue.horizonDays,
  };
  return { ...found, spaces: spaceRows, rules };
}

/** A clash as the 409 answer carries it. */
export function clashFailure(report: ClashReport): DomainFailure {
  return new DomainFailure({
    kind: 'clash',
    clashes: report.clashes,
    free: report.free,
  });
}

/** Who asks for which room: a verified association's member, or staff for the city's own use. */
export interface RoomAsk {
  venueId: string;
  /** A part of a divisible hall; the whole venue (its root space) when left out. */
  spaceId?: string;
  associationId?: string;
  cityUse: boolean;
}

/** The room a request is for, once the asker may ask for it. */
export type Room = Awaited<ReturnType<typeof roomFor>>;

/**
 * The venue, the space and its leaves, and the association asking (403 unless verified and
 * the actor a member; staff of the municipality for the city's own use), or 422 for a space
 * that is not the venue's.
 */
export async function roomFor(ctx: ServiceCtx, ask: RoomAsk) {
  // Read side by side; checked in the order the answers promise (404 venue, then 403).
  const [found, asking] = await Promise.all([
    bookableVenue(ctx.db, ask.venueId),
    ask.cityUse || ask.associationId === undefined
      ? Promise.resolve([])
      : ctx.db.select().from(associations).where(eq(associations.id, ask.associationId)),
  ]);
  const { venue } = found;
  let association: typeof associations.$inferSelect | null = null;
  if (ask.cityUse) {
    requireScope(ctx, { kind: 'staff', municipalityId: venue.municipalityId });
  } else {
    requireScope(ctx, { kind: 'member', associationId: ask.associationId as string });
    association = asking[0] ?? null;
    if (!association || association.verification !== 'verified')
      throw new DomainFailure({ kind: 'forbidden', reason: 'association_not_verified' });
  }
  const root = found.spaces.find((s) => s.parentId === null);
  const spaceId = ask.spaceId ?? root?.id;
  const space = found.spaces.find((s) => s.id === spaceId);
  if (!space)
    throw new DomainFailure(
      invalid('spaceId', 'is not a space of this venue', 'unknown_space', {
        venueId: venue.id,
      }),
    );
  return {
    ...found,
    association,
    cityUse: ask.cityUse,
    space,
    leaves: claimedSpaceIds(space.id, found.spaces),
  };
}

/**
 * Checks every rule of the venue per date (422 with codes and parameters), then every date
 * against what others hold: the dates to book, or 409 with the clashing dates, the free ones
 * and nearby free slots (with `onlyFree`, just the free dates of a series).
 */
export async function datesToBook(
  ctx: ServiceCtx,
  room: Room,
  ask: { dates: RequestedDate[]; expectedAttendance: number; onlyFree: boolean },
) {
  const { venue, association, space, rules } = room;
  // Both reads at once: a broken rule wastes the clash report, a kept one waits less.
  const [openRequests, report] = await Promise.all([
    association ? countOpenRequests(ctx.db, association.id, venue.id) : null,
    clashReport(ctx.db, rules, room.leaves, ask.dates, ctx.now),
  ]);
  const violations = checkRequestRules({
    rules: venue,
    now: ctx.now,
    zone: rules.zone,
    openingHours: venue.openingHours.length > 0 ? venue.openingHours : null,
    blackoutDates: venue.blackoutDates,
    openRequests,
    bookable: venue.bookable,
    capacity: space.capacity ?? venue.capacity,
    expectedAttendance: ask.expectedAttendance,
    dates: ask.dates,
  });
  if (violations.length > 0) throw new DomainFailure({ kind: 'rule_violation', violations });
  const bookOnly = report.clashes.length === 0 ? ask.dates : ask.onlyFree ? report.free : [];
  if (bookOnly.length === 0) throw clashFailure(report);
  return { asked: ask.dates, bookOnly, skipped: report.clashes.map((c) => c.date) };
}

export type DatesToBook = Awaited<ReturnType<typeof datesToBook>>;

/** What a request says beside its room and dates. */
export interface RequestDetails {
  first: Interval;
  rrule: string | null;
  exceptDates: string[];
  purpose: string;
  expectedAttendance: number;
  publicEvent: boolean;
  acceptTerms: boolean;
  origin: string;
}

/**
 * Writes the request, a booking per date and the audit row, and queues the mail to the
 * venue's staff, in the caller's transaction. Rivals for the same room and day queue
 * (queueForClaims) so they do not deadlock on each other's uncommitted claims; the
 * exclusion constraint still decides a race (see `asClash`).
 */
export async function writeRoomRequest(
  tx: ServiceCtx,
  room: Room,
  plan: DatesToBook,
  details: RequestDetails,
): Promise<string> {
  const actor = requireUser(tx);
  const { venue, association, space, municipality, building } = room;
  const cityUse = room.cityUse;
  if (association) {
    // One request at a time per association: the open-request quota holds under races.
    await tx.db
      .select({ id: associations.id })
      .from(associations)
      .where(eq(associations.id, association.id))
      .for('update');
    const open = await countOpenRequests(tx.db, association.id, venue.id);
    const quota = openRequestsIssue(venue, open);
    if (quota) throw new DomainFailure({ kind: 'rule_violation', violations: [quota] });
  }
  await queueForClaims(tx.db, room.leaves, plan.bookOnly, room.rules.bufferMinutes);
  const [request] = await tx.db
    .insert(bookingRequests)
    .values({
      municipalityId: venue.municipalityId,
      venueId: venue.id,
      spaceId: space.id,
      associationId: association?.id ?? null,
      cityUse,
      requestedBy: actor.userId,
      startsAt: details.first.start,
      endsAt: details.first.end,
      rrule: details.rrule,
      exceptDates: details.exceptDates,
      purpose: details.purpose,
      expectedAttendance: details.expectedAttendance,
      publicEvent: details.publicEvent,
      termsAcceptedAt: details.acceptTerms ? tx.now : null,
      createdAt: tx.now,
      updatedAt: tx.now,
    })
    .returning({ id: bookingRequests.id });
  const id = request!.id;
  await tx.db.insert(bookings).values(
    plan.bookOnly.map((d: RequestedDate) => ({
      municipalityId: venue.municipalityId,
      venueId: venue.id,
      spaceId: space.id,
      associationId: association?.id ?? null,
      requestedBy: actor.userId,
      requestId: id,
      startsAt: d.start,
      endsAt: d.end,
      status: cityUse ? ('approved' as const) : ('pending' as const),
      purpose: details.purpose,
      expectedAttendance: details.expectedAttendance,
      decidedBy: cityUse ? actor.userId : null,
      decidedAt: cityUse ? tx.now : null,
      createdAt: tx.now,
      updatedAt: tx.now,
    })),
  );
  await audit(tx, {
    municipalityId: venue.municipalityId,
    action: cityUse ? 'booking.city_use' : 'booking.request',
    entity: 'booking_request',
    entityId: id,
    data: {
      venueId: venue.id,
      dates: plan.bookOnly.map((d) => d.date),
      ...(plan.skipped.length > 0 ? { skipped: plan.skipped } : {}),
    },
  });
  if (!cityUse && association) {
    await notifyRequested(tx, {
      requestId: id,
      origin: details.origin,
      municipality,
      venue,
      building,
      association,
      purpose: details.purpose,
      dates: plan.bookOnly,
    });
  }
  return id;
}

/**
 * Runs a transaction that writes a room request (`writeRoomRequest`). Should some other
 * writer still close a lock cycle, PostgreSQL aborts one side (40P01) and it runs again
 * behind the survivor; when a rival committed an overlapping claim after our check, the
 * database refused ours and the answer is the same 409 as the check gives.
 */
export async function claimingRoom<T>(
  ctx: ServiceCtx,
  room: Room,
  plan: DatesToBook,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await withDeadlockRetry(work);
  } catch (error) {
    if (!isOverlapViolation(error)) throw error;
    const again = await clashReport(ctx.db, room.rules, room.leaves, plan.asked, ctx.now);
    if (again.clashes.length > 0) throw clashFailure(again);
    throw clashFailure({
      free: [],
      clashes: plan.bookOnly.map((d) => ({ ...d, taken: d, suggestions: [] })),
    });
  }
}

/**
 * A member of a verified association asks for a room: one slot or a weekly series. Every
 * rule of the venue is checked per date (422 with codes and parameters), then every date
 * against what others hold (409 with the clashing dates, the free ones and nearby free
 * slots; with `onlyFree` a series books just its free dates). The request, its bookings and
 * the audit row are one transaction, and the database's exclusion constraint decides a race:
 * a rival that commits first turns this answer into the same 409. Staff book for the city's
 * own use the same way, approved at once.
 */
export async function createBookingRequest({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { body: unknown; origin: string; lang?: string };
}) {
  requireUser(ctx);
  const body = CreateBookingInput.parse(input.body);
  const room = await roomFor(ctx, body);

  const first = { start: body.start, end: body.end };
  if (!(first.start < first.end))
    throw new DomainFailure(invalid('end', 'must be after the start', 'end_before_start'));
  const repeat = body.repeat ? body.repeat.weekly : null;
  const planned = requestedDates(first, room.rules.zone, repeat);
  if (!planned.ok) throw new DomainFailure(planned.error);

  const plan = await datesToBook(ctx, room, {
    dates: planned.value,
    expectedAttendance: body.expectedAttendance,
    onlyFree: body.onlyFree,
  });
  const requestId = await claimingRoom(ctx, room, plan, () =>
    inTransaction(ctx, (tx) =>
      writeRoomRequest(tx, room, plan, {
        first,
        rrule: requestRule(first, room.rules.zone, repeat),
        exceptDates: repeat ? [...repeat.except] : [],
        purpose: body.purpose,
        expectedAttendance: body.expectedAttendance,
        publicEvent: body.publicEvent,
        acceptTerms: body.acceptTerms,
        origin: input.origin,
      }),
    ),
  );
  return loadBookingRequest(ctx, requestId, input.lang);
}

/** An association's requests at a venue that still wait for a decision on some date. */
export async function countOpenRequests(db: Db, associationId: string, venueId: string) {
  const [row] = await db
    .select({ n: countDistinct(bookings.requestId) })
    .from(bookings)
    .where(
      and(
        eq(bookings.associationId, associationId),
        eq(bookings.venueId, venueId),
        eq(bookings.status, 'pending'),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Runs `work` again, up to three times in all, when PostgreSQL aborted it to break a deadlock. */
async function withDeadlockRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 3 || !isDeadlock(error)) throw error;
    }
  }
}
