import { eventOccurrences, events } from '@motesplats/db';
import { DomainFailure, isStaffOf } from '@motesplats/domain';
import { and, eq, gt } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { loadManagedEvent } from './event-view';
import { assertChangeable, findManagedEvent } from './managed-event';

/**
 * A draft goes public on the calendar and in the feeds. An event staff unpublished comes
 * back only by staff's hand (the organizer edits it, staff publish it again). Dates whose
 * booking still waits for approval stay hidden until staff approve it.
 */
export async function publishEvent({ ctx, input }: { ctx: ServiceCtx; input: { id: string } }) {
  await inTransaction(ctx, async (tx) => {
    const { event } = await findManagedEvent(tx, input.id, true);
    assertChangeable(event);
    if (event.status === 'published') return;
    if (event.status === 'unpublished' && !isStaffOf(tx.actor, event.municipalityId))
      throw new DomainFailure({ kind: 'forbidden', reason: 'unpublished_by_staff' });
    const [upcoming] = await tx.db
      .select({ id: eventOccurrences.id })
      .from(eventOccurrences)
      .where(
        and(
          eq(eventOccurrences.eventId, event.id),
          eq(eventOccurrences.status, 'scheduled'),
          gt(eventOccurrences.endsAt, tx.now),
        ),
      )
      .limit(1);
    if (!upcoming)
      throw new DomainFailure({
        kind: 'conflict',
        code: 'nothing_to_publish',
        message: 'The event has no date still to come.',
      });
    await tx.db
      .update(events)
      .set({
        status: 'published',
        statusReason: null,
        publishedAt: event.publishedAt ?? tx.now,
        updatedAt: tx.now,
      })
      .where(eq(events.id, event.id));
    await audit(tx, {
      municipalityId: event.municipalityId,
      action: 'event.publish',
      entity: 'event',
      entityId: event.id,
    });
  });
  return loadManagedEvent(ctx, input.id);
}
