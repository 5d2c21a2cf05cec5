import { eventOccurrences, events } from '@motesplats/db';
import { CancelEventInput } from '@motesplats/domain';
import { and, eq, gt } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { loadManagedEvent } from './event-view';
import { assertChangeable, findManagedEvent } from './managed-event';

/**
 * The organizer (or staff) calls the whole event off: the event and every date still to come
 * are cancelled with the reason; they stay in feeds as STATUS:CANCELLED so subscribers see
 * them go. Past dates and their participant counts stay as they were.
 */
export async function cancelEvent({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; body: unknown };
}) {
  const { reason } = CancelEventInput.parse(input.body ?? {});
  await inTransaction(ctx, async (tx) => {
    const { event } = await findManagedEvent(tx, input.id, true);
    assertChangeable(event);
    await tx.db
      .update(eventOccurrences)
      .set({
        status: 'cancelled',
        cancelledAt: tx.now,
        cancelReason: reason ?? null,
        bookingId: null,
        updatedAt: tx.now,
      })
      .where(
        and(
          eq(eventOccurrences.eventId, event.id),
          eq(eventOccurrences.status, 'scheduled'),
          gt(eventOccurrences.startsAt, tx.now),
        ),
      );
    await tx.db
      .update(events)
      .set({ status: 'cancelled', statusReason: reason ?? null, updatedAt: tx.now })
      .where(eq(events.id, event.id));
    await audit(tx, {
      municipalityId: event.municipalityId,
      action: 'event.cancel',
      entity: 'event',
      entityId: event.id,
      data: reason ? { reason } : {},
    });
  });
  return loadManagedEvent(ctx, input.id);
}
