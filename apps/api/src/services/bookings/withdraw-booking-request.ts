import { bookings } from '@motesplats/db';
import { DomainFailure, membershipOf } from '@motesplats/domain';
import { inArray } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { WithdrawInput } from './booking-input';
import { bookingsOf, findRequest, loadBookingRequest } from './booking-view';
import { localDate, pickDates } from './pick-dates';
import { zoneOf } from './zone-of';

/**
 * A member of the association takes back a request, or some of its dates, while they still
 * wait for a decision: the room is free again at once. Audited.
 */
export async function withdrawBookingRequest({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; body: unknown; lang?: string };
}) {
  const body = WithdrawInput.parse(input.body ?? {});
  await inTransaction(ctx, async (tx) => {
    const request = await findRequest(tx, input.id);
    if (request.cityUse || !isMember(tx, request.associationId))
      throw new DomainFailure({ kind: 'forbidden', reason: 'member' });
    const zone = await zoneOf(tx.db, request.municipalityId);
    const own = await bookingsOf(tx.db, request.id).for('update');
    const picked = pickDates(own, zone, body.dates, ['pending'], 'not_pending');
    await tx.db
      .update(bookings)
      .set({ status: 'withdrawn', updatedAt: tx.now })
      .where(
        inArray(
          bookings.id,
          picked.map((b) => b.id),
        ),
      );
    await audit(tx, {
      municipalityId: request.municipalityId,
      action: 'booking.withdraw',
      entity: 'booking_request',
      entityId: request.id,
      data: { dates: picked.map((b) => localDate(b.startsAt, zone)) },
    });
  });
  return loadBookingRequest(ctx, input.id, input.lang);
}

/** Whether the actor is a member of the request's association (city use has none). */
export const isMember = (ctx: ServiceCtx, associationId: string | null): boolean =>
  associationId !== null && membershipOf(ctx.actor, associationId) !== undefined;
