import { attendance, eventOccurrences } from '@motesplats/db';
import {
  AttendanceInput,
  CancelOccurrenceInput,
  DomainFailure,
  MoveOccurrenceInput,
  assignBookings,
  localDateOf,
  notFound,
  occurrenceSlotIssue,
} from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { loadManagedEvent } from './event-view';
import {
  assertChangeable,
  coveringBookings,
  findManagedEvent,
  linkingBookings,
  type OccurrenceRow,
} from './managed-event';

/** The occurrence (locked), its event (locked) and zone, or 404/401/403. */
async function findOccurrence(tx: ServiceCtx, id: string) {
  const [occurrence] = await tx.db
    .select()
    .from(eventOccurrences)
    .where(eq(eventOccurrences.id, id));
  if (!occurrence) throw new DomainFailure(notFound('occurrence', id));
  const managed = await findManagedEvent(tx, occurrence.eventId, true);
  const [locked] = await tx.db
    .select()
    .from(eventOccurrences)
    .where(eq(eventOccurrences.id, id))
    .for('update');
  return { ...managed, occurrence: locked! };
}

const begun = (o: OccurrenceRow, now: Date) => o.startsAt.getTime() <= now.getTime();

function assertUpcomingScheduled(o: OccurrenceRow, now: Date) {
  if (o.status !== 'scheduled')
    throw new DomainFailure({
      kind: 'conflict',
      code: 'occurrence_cancelled',
      message: 'This date is already cancelled.',
    });
  if (begun(o, now))
    throw new DomainFailure({
      kind: 'conflict',
      code: 'occurrence_begun',
      message: 'This date has already begun.',
    });
}

/**
 * One date is called off (with an optional reason): it stays on the event page struck
 * through and in feeds as STATUS:CANCELLED with a raised SEQUENCE; the other dates are
 * untouched. Its booking is let go of by the event (the room stays booked until the
 * association withdraws or cancels that booking).
 */
export async function cancelOccurrence({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; body: unknown };
}) {
  const { reason } = CancelOccurrenceInput.parse(input.body ?? {});
  const eventId = await inTransaction(ctx, async (tx) => {
    const { event, occurrence } = await findOccurrence(tx, input.id);
    assertChangeable(event);
    assertUpcomingScheduled(occurrence, tx.now);
    await tx.db
      .update(eventOccurrences)
      .set({
        status: 'cancelled',
        cancelledAt: tx.now,
        cancelReason: reason ?? null,
        bookingId: null,
        updatedAt: tx.now,
      })
      .where(eq(eventOccurrences.id, occurrence.id));
    await audit(tx, {
      municipalityId: event.municipalityId,
      action: 'occurrence.cancel',
      entity: 'event',
      entityId: event.id,
      data: { occurrenceId: occurrence.id, ...(reason ? { reason } : {}) },
    });
    return event.id;
  });
  return loadManagedEvent(ctx, eventId);
}

/**
 * One date moves to a new time: same UID, SEQUENCE raised, its identity (the original
 * start) kept, so a rule edit later still knows it. At a venue the new time must lie in one
 * of the organizer's bookings there (422 outside_booking).
 */
export async function moveOccurrence({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; body: unknown };
}) {
  const body = MoveOccurrenceInput.parse(input.body);
  const slotIssue = occurrenceSlotIssue(body);
  if (slotIssue) throw new DomainFailure({ kind: 'invalid', issues: [slotIssue] });
  if (body.start.getTime() <= ctx.now.getTime())
    throw new DomainFailure({
      kind: 'invalid',
      issues: [{ path: 'start', code: 'in_the_past', message: 'The new time has already begun.' }],
    });
  const eventId = await linkingBookings(() =>
    inTransaction(ctx, async (tx) => {
      const { event, occurrence, zone } = await findOccurrence(tx, input.id);
      assertChangeable(event);
      assertUpcomingScheduled(occurrence, tx.now);
      let bookingId: string | null = null;
      if (event.venueId) {
        // Its own booking may hold the new time too; others' links are not ours to take.
        await tx.db
          .update(eventOccurrences)
          .set({ bookingId: null })
          .where(eq(eventOccurrences.id, occurrence.id));
        const date = localDateOf(body.start, zone).toISODate() as string;
        const result = assignBookings(
          [{ date, start: body.start, end: body.end }],
          await coveringBookings(tx.db, event),
          zone,
        );
        if (!result.ok) throw new DomainFailure(result.error);
        bookingId = result.value[0]!.id;
      }
      await tx.db
        .update(eventOccurrences)
        .set({ startsAt: body.start, endsAt: body.end, bookingId, updatedAt: tx.now })
        .where(eq(eventOccurrences.id, occurrence.id));
      await audit(tx, {
        municipalityId: event.municipalityId,
        action: 'occurrence.move',
        entity: 'event',
        entityId: event.id,
        data: {
          occurrenceId: occurrence.id,
          from: occurrence.startsAt.toISOString(),
          to: body.start.toISOString(),
        },
      });
      return event.id;
    }),
  );
  return loadManagedEvent(ctx, eventId);
}

/**
 * After a date, the organizer (or staff) records how many took part: the "events and
 * participants" figure. Only once it has ended, not for a cancelled date; recording again
 * corrects the number.
 */
export async function recordAttendance({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; body: unknown };
}) {
  const { participants } = AttendanceInput.parse(input.body);
  const eventId = await inTransaction(ctx, async (tx) => {
    const { event, occurrence } = await findOccurrence(tx, input.id);
    if (occurrence.status !== 'scheduled')
      throw new DomainFailure({
        kind: 'conflict',
        code: 'occurrence_cancelled',
        message: 'A cancelled date has no participants.',
      });
    if (occurrence.endsAt.getTime() > tx.now.getTime())
      throw new DomainFailure({
        kind: 'conflict',
        code: 'occurrence_not_over',
        message: 'Participants are counted once the date is over.',
        params: { endsAt: occurrence.endsAt.toISOString() },
      });
    const actorId = tx.actor.kind === 'user' ? tx.actor.userId : null;
    await tx.db
      .insert(attendance)
      .values({
        occurrenceId: occurrence.id,
        municipalityId: occurrence.municipalityId,
        participants,
        recordedBy: actorId,
        recordedAt: tx.now,
      })
      .onConflictDoUpdate({
        target: attendance.occurrenceId,
        set: { participants, recordedBy: actorId, recordedAt: tx.now },
      });
    await audit(tx, {
      municipalityId: event.municipalityId,
      action: 'occurrence.attendance',
      entity: 'event',
      entityId: event.id,
      data: { occurrenceId: occurrence.id, participants },
    });
    return event.id;
  });
  return loadManagedEvent(ctx, eventId);
}
