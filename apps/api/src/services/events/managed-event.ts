import {
  bookings,
  eventOccurrences,
  events,
  municipalities,
  sqlState,
  UNIQUE_VIOLATION,
  type Db,
} from '@motesplats/db';
import {
  DomainFailure,
  assignBookings,
  isStaffOf,
  membershipOf,
  notFound,
  reconcileOccurrences,
  type Actor,
  type CoveringBooking,
  type PlannedOccurrence,
} from '@motesplats/domain';
import { and, asc, eq, inArray, isNull, ne, not, notExists, notInArray, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../context';

export type EventRow = typeof events.$inferSelect;
export type OccurrenceRow = typeof eventOccurrences.$inferSelect;

/** Who may change an event: its association's members and its municipality's staff. */
export function mayManage(actor: Actor, event: Pick<EventRow, 'municipalityId' | 'associationId'>) {
  if (actor.kind !== 'user') return false;
  if (isStaffOf(actor, event.municipalityId)) return true;
  return event.associationId !== null && !!membershipOf(actor, event.associationId);
}

/**
 * The event and its municipality's zone, or 404; 401 when signed out, 403 for anyone who may
 * not manage it. With `lock`, the event row is locked for the caller's transaction, so two
 * edits of one event run one after the other.
 */
export async function findManagedEvent(ctx: ServiceCtx, id: string, lock = false) {
  const query = ctx.db
    .select({ event: events, zone: municipalities.timeZone, languages: municipalities.languages })
    .from(events)
    .innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
    .where(eq(events.id, id));
  const [row] = lock ? await query.for('update', { of: events }) : await query;
  if (!row) throw new DomainFailure(notFound('event', id));
  if (ctx.actor.kind !== 'user') throw new DomainFailure({ kind: 'unauthenticated' });
  if (!mayManage(ctx.actor, row.event))
    throw new DomainFailure({ kind: 'forbidden', reason: 'event' });
  return row;
}

/** A cancelled event is history: nothing of it changes any more (409 event_cancelled). */
export function assertChangeable(event: EventRow) {
  if (event.status === 'cancelled')
    throw new DomainFailure({
      kind: 'conflict',
      code: 'event_cancelled',
      message: 'The event is cancelled; it can no longer change.',
    });
}

/**
 * The organizer's holding bookings at the venue that an occurrence may lie in: its own
 * (the association's, or the city's own use for a municipality event), pending or approved,
 * not already holding another event's occurrence.
 */
export async function coveringBookings(
  db: Db,
  event: Pick<EventRow, 'id' | 'associationId' | 'venueId'>,
): Promise<CoveringBooking[]> {
  if (!event.venueId) return [];
  const takenElsewhere = db
    .select({ id: eventOccurrences.bookingId })
    .from(eventOccurrences)
    .where(
      and(
        sql`${eventOccurrences.bookingId} is not null`,
        sql`${eventOccurrences.eventId} <> ${event.id}`,
      ),
    );
  const rows = await db
    .select({
      id: bookings.id,
      start: bookings.startsAt,
      end: bookings.endsAt,
      status: bookings.status,
    })
    .from(bookings)
    .where(
      and(
        eq(bookings.venueId, event.venueId),
        event.associationId
          ? eq(bookings.associationId, event.associationId)
          : isNull(bookings.associationId),
        inArray(bookings.status, ['pending', 'approved']),
        notInArray(bookings.id, takenElsewhere),
      ),
    )
    .orderBy(asc(bookings.startsAt));
  return rows.map((r) => ({ ...r, status: r.status as CoveringBooking['status'] }));
}

/**
 * Makes the stored occurrences follow the plan (reconcileOccurrences): dates that remain keep
 * their row and UID, new dates are added, dropped ones are cancelled when the event was ever
 * public (so subscribers see them go) or deleted when it never was. At a venue every
 * occurrence still to come must lie in one of the organizer's bookings (422
 * outside_booking, naming the dates); each is linked to its booking. SEQUENCE is the
 * database's business (migration 0006).
 */
export async function syncOccurrences(
  tx: ServiceCtx,
  event: EventRow,
  zone: string,
  planned: readonly PlannedOccurrence[],
) {
  const stored = await tx.db
    .select()
    .from(eventOccurrences)
    .where(eq(eventOccurrences.eventId, event.id))
    .orderBy(asc(eventOccurrences.originalStartsAt));
  const changes = reconcileOccurrences({
    stored: stored.map((s) => ({
      id: s.id,
      originalStart: s.originalStartsAt,
      start: s.startsAt,
      end: s.endsAt,
      status: s.status,
    })),
    planned,
    zone,
    now: tx.now,
  });
  const byId = new Map(stored.map((s) => [s.id, s]));
  // Only dates still scheduled need a room; cancelled ones keep none.
  const kept = changes.keep.filter((k) => byId.get(k.id)!.status === 'scheduled');
  const needRoom = [...kept, ...changes.add];
  let rooms: (string | null)[] = needRoom.map(() => null);
  if (event.venueId) {
    const result = assignBookings(needRoom, await coveringBookings(tx.db, event), zone);
    if (!result.ok) throw new DomainFailure(result.error);
    rooms = result.value.map((b) => b.id);
  }
  const roomOfKept = new Map(kept.map((k, i) => [k.id, rooms[i]!]));
  const roomOfAdded = rooms.slice(kept.length);

  // Free the bookings first: a booking may pass from one date to another (unique link).
  if (changes.drop.length > 0 || changes.keep.length > 0)
    await tx.db
      .update(eventOccurrences)
      .set({ bookingId: null })
      .where(
        and(
          eq(eventOccurrences.eventId, event.id),
          inArray(eventOccurrences.id, [...changes.drop, ...changes.keep.map((k) => k.id)]),
        ),
      );
  const everPublic = event.publishedAt !== null;
  for (const id of changes.drop) {
    const row = byId.get(id)!;
    if (!everPublic) {
      await tx.db.delete(eventOccurrences).where(eq(eventOccurrences.id, id));
    } else if (row.status === 'scheduled') {
      await tx.db
        .update(eventOccurrences)
        .set({ status: 'cancelled', cancelledAt: tx.now, updatedAt: tx.now })
        .where(eq(eventOccurrences.id, id));
    }
  }
  for (const k of changes.keep) {
    const row = byId.get(k.id)!;
    const bookingId = roomOfKept.get(k.id) ?? null;
    const same =
      row.startsAt.getTime() === k.start.getTime() &&
      row.endsAt.getTime() === k.end.getTime() &&
      row.originalStartsAt.getTime() === k.originalStart.getTime();
    await tx.db
      .update(eventOccurrences)
      .set({
        startsAt: k.start,
        endsAt: k.end,
        originalStartsAt: k.originalStart,
        bookingId,
        ...(same ? {} : { updatedAt: tx.now }),
      })
      .where(eq(eventOccurrences.id, k.id));
  }
  if (changes.add.length > 0) {
    await tx.db.insert(eventOccurrences).values(
      changes.add.map((a, i) => {
        const id = crypto.randomUUID();
        return {
          id,
          municipalityId: event.municipalityId,
          eventId: event.id,
          bookingId: roomOfAdded[i] ?? null,
          startsAt: a.start,
          endsAt: a.end,
          originalStartsAt: a.start,
          uid: `occurrence-${id}@motesplats`,
          createdAt: tx.now,
          updatedAt: tx.now,
        };
      }),
    );
  }
  return changes;
}

/** Occurrences of an event, oldest first, with the status of the booking holding each. */
export async function occurrencesWithBookings(db: Db, eventId: string) {
  return db
    .select({ occurrence: eventOccurrences, bookingStatus: bookings.status })
    .from(eventOccurrences)
    .leftJoin(bookings, eq(bookings.id, eventOccurrences.bookingId))
    .where(eq(eventOccurrences.eventId, eventId))
    .orderBy(asc(eventOccurrences.startsAt));
}

/**
 * Whether an occurrence may be shown to the public: it needs no room, or its booking is
 * approved. A pending (or rejected, withdrawn) booking hides it until staff approve; an
 * occurrence cancelled together with its once-approved booking stays, marked cancelled.
 * Said as "no booking of it withholds it" (NOT EXISTS): the planner may then take an anti
 * join of either kind, probing the booking of each of a month's few hundred occurrences or
 * hashing the few unapproved bookings for a whole year; a join or an OR would fix one way.
 */
export const publicOccurrence = (db: Db) =>
  notExists(
    db
      .select({ one: sql`1` })
      .from(bookings)
      .where(
        and(
          eq(bookings.id, eventOccurrences.bookingId),
          // Joins between tenant tables go through municipality_id too (DESIGN.md, Citus).
          eq(bookings.municipalityId, eventOccurrences.municipalityId),
          ne(bookings.status, 'approved'),
          not(and(eq(bookings.status, 'cancelled'), eq(eventOccurrences.status, 'cancelled'))!),
        ),
      ),
  );

/**
 * Runs a write that links occurrences to bookings; when a rival linked one of the same
 * bookings first (the unique link refuses ours), answers 409 booking_taken instead of a 500.
 */
export async function linkingBookings<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION)
      throw new DomainFailure({
        kind: 'conflict',
        code: 'booking_taken',
        message: 'Another event took one of these bookings just now; try again.',
      });
    throw error;
  }
}
