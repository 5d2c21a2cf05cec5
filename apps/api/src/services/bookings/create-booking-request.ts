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
  const found = await findVenue(db, venueId);
  const { venue, municipality } = found;
  const spaceRows = await db
    .select({
      id: spaces.id,
      parentId: spaces.parentId,
      capacity: spaces.capacity,
      name: spaces.name,
    })
    .from(spaces)
    .where(eq(spaces.venueId, venue.id));
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
  const actor = requireUser(ctx);
  const body = CreateBookingInput.parse(input.body);
  const {
    venue,
    municipality,
    building,
    spaces: venueSpaces,
    rules,
  } = await bookableVenue(ctx.db, body.venueId);

  let association: typeof associations.$inferSelect | null = null;
  if (body.cityUse) {
    requireScope(ctx, { kind: 'staff', municipalityId: venue.municipalityId });
  } else {
    const associationId = body.associationId as string;
    requireScope(ctx, { kind: 'member', associationId });
    const [found] = await ctx.db
      .select()
      .from(associations)
      .where(eq(associations.id, associationId));
    association = found ?? null;
    if (!association || association.verification !== 'verified')
      throw new DomainFailure({ kind: 'forbidden', reason: 'association_not_verified' });
  }

  const root = venueSpaces.find((s) => s.parentId === null);
  const spaceId = body.spaceId ?? root?.id;
  const space = venueSpaces.find((s) => s.id === spaceId);
  if (!space)
    throw new DomainFailure(
      invalid('spaceId', 'is not a space of this venue', 'unknown_space', {
        venueId: venue.id,
      }),
    );

  const first = { start: body.start, end: body.end };
  if (!(first.start < first.end))
    throw new DomainFailure(invalid('end', 'must be after the start', 'end_before_start'));
  const repeat = body.repeat ? body.repeat.weekly : null;
  const planned = requestedDates(first, rules.zone, repeat);
  if (!planned.ok) throw new DomainFailure(planned.error);

  const openRequests = association
    ? await countOpenRequests(ctx.db, association.id, venue.id)
    : null;
  const violations = checkRequestRules({
    rules: venue,
    now: ctx.now,
    zone: rules.zone,
    openingHours: venue.openingHours.length > 0 ? venue.openingHours : null,
    blackoutDates: venue.blackoutDates,
    openRequests,
    bookable: venue.bookable,
    capacity: space.capacity ?? venue.capacity,
    expectedAttendance: body.expectedAttendance,
    dates: planned.value,
  });
  if (violations.length > 0) throw new DomainFailure({ kind: 'rule_violation', violations });

  const leaves = claimedSpaceIds(space.id, venueSpaces);
  const report = await clashReport(ctx.db, rules, leaves, planned.value, ctx.now);
  const bookOnly = report.clashes.length === 0 ? planned.value : body.onlyFree ? report.free : [];
  if (bookOnly.length === 0) throw clashFailure(report);

  let requestId: string;
  // Rivals for the same room and day queue (queueForClaims), so they do not deadlock on each
  // other's uncommitted claims. Should some other writer still close a lock cycle, PostgreSQL
  // aborts one side (40P01) and the retry below runs it again behind the survivor.
  const insert = () =>
    inTransaction(ctx, async (tx) => {
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
      await queueForClaims(tx.db, leaves, bookOnly, rules.bufferMinutes);
      const [request] = await tx.db
        .insert(bookingRequests)
        .values({
          municipalityId: venue.municipalityId,
          venueId: venue.id,
          spaceId: space.id,
          associationId: association?.id ?? null,
          cityUse: body.cityUse,
          requestedBy: actor.userId,
          startsAt: first.start,
          endsAt: first.end,
          rrule: requestRule(first, rules.zone, repeat),
          exceptDates: repeat ? [...repeat.except] : [],
          purpose: body.purpose,
          expectedAttendance: body.expectedAttendance,
          publicEvent: body.publicEvent,
          termsAcceptedAt: body.acceptTerms ? tx.now : null,
          createdAt: tx.now,
          updatedAt: tx.now,
        })
        .returning({ id: bookingRequests.id });
      const id = request!.id;
      await tx.db.insert(bookings).values(
        bookOnly.map((d: RequestedDate) => ({
          municipalityId: venue.municipalityId,
          venueId: venue.id,
          spaceId: space.id,
          associationId: association?.id ?? null,
          requestedBy: actor.userId,
          requestId: id,
          startsAt: d.start,
          endsAt: d.end,
          status: body.cityUse ? ('approved' as const) : ('pending' as const),
          purpose: body.purpose,
          expectedAttendance: body.expectedAttendance,
          decidedBy: body.cityUse ? actor.userId : null,
          decidedAt: body.cityUse ? tx.now : null,
          createdAt: tx.now,
          updatedAt: tx.now,
        })),
      );
      await audit(tx, {
        municipalityId: venue.municipalityId,
        action: body.cityUse ? 'booking.city_use' : 'booking.request',
        entity: 'booking_request',
        entityId: id,
        data: {
          venueId: venue.id,
          dates: bookOnly.map((d) => d.date),
          ...(report.clashes.length > 0 ? { skipped: report.clashes.map((c) => c.date) } : {}),
        },
      });
      if (!body.cityUse && association) {
        await notifyRequested(tx, {
          requestId: id,
          origin: input.origin,
          municipality,
          venue,
          building,
          association,
          purpose: body.purpose,
          dates: bookOnly,
        });
      }
      return id;
    });
  try {
    requestId = await withDeadlockRetry(insert);
  } catch (error) {
    // A rival committed an overlapping claim after our check: the database refused ours.
    if (!isOverlapViolation(error)) throw error;
    const again = await clashReport(ctx.db, rules, leaves, planned.value, ctx.now);
    if (again.clashes.length > 0) throw clashFailure(again);
    throw clashFailure({
      free: [],
      clashes: bookOnly.map((d) => ({ ...d, taken: d, suggestions: [] })),
    });
  }
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
