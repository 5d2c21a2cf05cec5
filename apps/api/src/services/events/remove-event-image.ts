import { events } from '@motesplats/db';
import { eq } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { deleteEventImage } from './event-image';
import { loadManagedEvent } from './event-view';
import { assertChangeable, findManagedEvent } from './managed-event';

/** Whoever may manage the event removes its image and the image's stored files. */
export async function removeEventImage({ ctx, input }: { ctx: ServiceCtx; input: { id: string } }) {
  await inTransaction(ctx, async (tx) => {
    const { event } = await findManagedEvent(tx, input.id, true);
    if (!event.imageId) return;
    assertChangeable(event);
    await tx.db
      .update(events)
      .set({ imageId: null, updatedAt: tx.now })
      .where(eq(events.id, event.id));
    await deleteEventImage(tx, event);
    await audit(tx, {
      municipalityId: event.municipalityId,
      action: 'event.image_remove',
      entity: 'event',
      entityId: event.id,
      data: { mediaId: event.imageId },
    });
  });
  return loadManagedEvent(ctx, input.id);
}
