import { bookings } from '@motesplats/db';
import { inArray } from 'drizzle-orm';
import { audit, inTransaction, requireScope, type ServiceCtx } from '../context';
import { DecisionInput } from './booking-input';
import { notifyDecided } from './booking-mail';
import { bookingsOf, findRequest, loadBookingRequest } from './booking-view';
import { localDate, pickDates } from './pick-dates';
import { zoneOf } from './zone-of';

/**
 * Staff of the venue's municipality approve or reject (with a reason the association sees)
 * a whole request or some of its dates. Only pending dates are decided; rejected dates free
 * the room at once. The decision, its audit row and the mail are one transaction.
 */
export async function decideBookingRequest({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; body: unknown; origin: string; lang?: string };
}) {
  const body = DecisionInput.parse(input.body);
  await inTransaction(ctx, async (tx) => {
    const request = await findRequest(tx, input.id);
    requireScope(tx, { kind: 'staff', municipalityId: request.municipalityId });
    const zone = await zoneOf(tx.db, request.municipalityId);
    const own = await bookingsOf(tx.db, request.id).for('update');
    const picked = pickDates(own, zone, body.dates, ['pending'], 'not_pending');
    const approve = body.decision === 'approve';
    const reason = body.reason ?? null;
    await tx.db
      .update(bookings)
      .set({
        status: approve ? 'approved' : 'rejected',
        decidedBy: tx.actor.kind === 'user' ? tx.actor.userId : null,
        decidedAt: tx.now,
        decisionNote: reason,
        updatedAt: tx.now,
      })
      .where(
        inArray(
          bookings.id,
          picked.map((b) => b.id),
        ),
      );
    await audit(tx, {
      municipalityId: request.municipalityId,
      action: approve ? 'booking.approve' : 'booking.reject',
      entity: 'booking_request',
      entityId: request.id,
      data: {
        dates: picked.map((b) => localDate(b.startsAt, zone)),
        ...(reason ? { reason } : {}),
      },
    });
    await notifyDecided(tx, {
      request,
      kind: approve ? 'approved' : 'rejected',
      picked,
      reason,
      byStaff: true,
      origin: input.origin,
    });
  });
  return loadBookingRequest(ctx, input.id, input.lang);
}
