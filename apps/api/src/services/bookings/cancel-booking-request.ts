import { bookings, venues } from '@motesplats/db';
import { DomainFailure, canCancel, isStaffOf } from '@motesplats/domain';
import { eq, inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { CancelInput } from './booking-input';
import { notifyDecided } from './booking-mail';
import { bookingsOf, findRequest, loadBookingRequest } from './booking-view';
import { localDate, pickDates } from './pick-dates';
import { isMember } from './withdraw-booking-request';
import { zoneOf } from './zone-of';

/**
 * Cancels approved dates that have not begun. The association may do so up to the venue's
 * cancellation deadline; staff of the municipality at any time, with a reason. The room is
 * free again at once; the association gets a mail whose .ics cancels the dates in its own
 * calendar (same UID, raised SEQUENCE). Audited.
 */
export async function cancelBookingRequest({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; body: unknown; origin: string; lang?: string };
}) {
  const body = CancelInput.parse(input.body ?? {});
  await inTransaction(ctx, async (tx) => {
    const request = await findRequest(tx, input.id);
    const staff = isStaffOf(tx.actor, request.municipalityId);
    const member = isMember(tx, request.associationId);
    /** Staff cancelling someone else's booking: a reason is owed, and the mail says so. */
    const byStaff = staff && !member;
    if (!staff && (request.cityUse || !member))
      throw new DomainFailure({ kind: 'forbidden', reason: 'member' });
    const reason = body.reason ?? null;
    if (byStaff && !reason && !request.cityUse)
      throw new DomainFailure({
        kind: 'invalid',
        issues: [{ path: 'reason', code: 'required', message: 'staff give a reason' }],
      });
    const zone = await zoneOf(tx.db, request.municipalityId);
    const [venue] = await tx.db.select().from(venues).where(eq(venues.id, request.venueId));
    const own = await bookingsOf(tx.db, request.id).for('update');
    const upcoming = own.filter((b) => b.startsAt > tx.now);
    const picked = pickDates(
      body.dates === undefined ? upcoming : own,
      zone,
      body.dates,
      ['approved'],
      'not_approved',
    );
    for (const b of picked) {
      if (b.startsAt <= tx.now)
        throw new DomainFailure({
          kind: 'conflict',
          code: 'already_begun',
          message: `${localDate(b.startsAt, zone)} has begun`,
          params: { date: localDate(b.startsAt, zone) },
        });
      if (!staff && !canCancel(venue!, b.startsAt, tx.now))
        throw new DomainFailure({
          kind: 'conflict',
          code: 'past_cancellation_deadline',
          message: `the deadline to cancel ${localDate(b.startsAt, zone)} has passed`,
          params: {
            date: localDate(b.startsAt, zone),
            hours: venue!.cancellationDeadlineHours,
            deadline: DateTime.fromJSDate(b.startsAt, { zone })
              .minus({ hours: venue!.cancellationDeadlineHours })
              .toFormat("yyyy-MM-dd'T'HH:mm"),
          },
        });
    }
    await tx.db
      .update(bookings)
      .set({ status: 'cancelled', decisionNote: reason, updatedAt: tx.now })
      .where(
        inArray(
          bookings.id,
          picked.map((b) => b.id),
        ),
      );
    await audit(tx, {
      municipalityId: request.municipalityId,
      action: 'booking.cancel',
      entity: 'booking_request',
      entityId: request.id,
      data: {
        dates: picked.map((b) => localDate(b.startsAt, zone)),
        byStaff,
        ...(reason ? { reason } : {}),
      },
    });
    if (!request.cityUse)
      await notifyDecided(tx, {
        request,
        kind: 'cancelled',
        picked,
        reason,
        byStaff,
        origin: input.origin,
      });
  });
  return loadBookingRequest(ctx, input.id, input.lang);
}
