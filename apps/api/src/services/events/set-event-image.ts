import { events } from '@motesplats/db';
import { PHOTO_WIDTHS } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { renderPhoto } from '../../media/images';
import { audit, inTransaction, requireUser, type ServiceCtx } from '../context';
import { ImageUploadInput, storeRenditions } from '../shared/image-upload';
import { loadManagedEvent } from './event-view';
import { assertChangeable, findManagedEvent } from './managed-event';
import { deleteEventImage } from './event-image';

export const SetEventImageInput = ImageUploadInput;

/**
 * Whoever may manage the event (its association's members, the municipality's staff)
 * uploads its image with alt text. The file goes through the venue photos' pipeline
 * (media/images.ts, decision 011: checked, re-encoded as WebP without metadata) at
 * PHOTO_WIDTHS; the event points at the largest rendition (events.image_id) and the alt
 * text lives on it (media.alt). The previous image's files go in the same transaction.
 * Decoding happens outside the transaction, after the scope check.
 */
export async function setEventImage({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; body: unknown };
}) {
  requireUser(ctx);
  const { file, alt } = SetEventImageInput.parse(input.body);
  assertChangeable((await findManagedEvent(ctx, input.id)).event);
  const renditions = await renderPhoto(new Uint8Array(await file.arrayBuffer()), PHOTO_WIDTHS);
  await inTransaction(ctx, async (tx) => {
    const { event } = await findManagedEvent(tx, input.id, true);
    assertChangeable(event);
    const ids = await storeRenditions(tx, {
      renditions,
      widths: PHOTO_WIDTHS,
      municipalityId: event.municipalityId,
      alt,
    });
    await tx.db
      .update(events)
      .set({ imageId: ids[0]!, updatedAt: tx.now })
      .where(eq(events.id, event.id));
    if (event.imageId) await deleteEventImage(tx, event);
    await audit(tx, {
      municipalityId: event.municipalityId,
      action: 'event.image_set',
      entity: 'event',
      entityId: event.id,
      data: {
        mediaId: ids[0],
        alt,
        previous: event.imageId,
        sizes: renditions.map((r) => ({
          width: r.width,
          height: r.height,
          bytes: r.bytes.byteLength,
        })),
        originalBytes: file.size,
      },
    });
  });
  return loadManagedEvent(ctx, input.id);
}
