import { events } from '@motesplats/db';
import { DomainFailure, UnpublishEventInput } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { audit, inTransaction, requireScope, type ServiceCtx } from '../context';
import { loadManagedEvent } from './event-view';
import { notifyUnpublished } from './event-mail';
import { findManagedEvent } from './managed-event';

/**
 * Staff of the event's municipality take a published event off the calendar and the feeds,
 * with a reason the organizer reads; audited. The occurrences are left as they are, so
 * publishing it again (staff) brings back the same entries.
 */
export async function unpublishEvent({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; body: unknown; origin: string };
}) {
  const { reason } = UnpublishEventInput.parse(input.body ?? {});
  await inTransaction(ctx, async (tx) => {
    const { event, languages } = await findManagedEvent(tx, input.id, true);
    requireScope(tx, { kind: 'staff', municipalityId: event.municipalityId });
    if (event.status !== 'published')
      throw new DomainFailure({
        kind: 'conflict',
        code: 'not_published',
        message: 'Only a published event can be unpublished.',
        params: { status: event.status },
      });
    await tx.db
      .update(events)
      .set({ status: 'unpublished', statusReason: reason, updatedAt: tx.now })
      .where(eq(events.id, event.id));
    await audit(tx, {
      municipalityId: event.municipalityId,
      action: 'event.unpublish',
      entity: 'event',
      entityId: event.id,
      data: { reason },
    });
    await notifyUnpublished(tx, { event, languages, reason, origin: input.origin });
  });
  return loadManagedEvent(ctx, input.id);
}
