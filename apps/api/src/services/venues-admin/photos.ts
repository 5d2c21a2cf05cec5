import { media, venuePhotos } from '@motesplats/db';
import {
  DomainFailure,
  PHOTO_WIDTHS,
  PHOTOS_PER_VENUE,
  notFound,
  photoAltInput,
} from '@motesplats/domain';
import { and, count, eq, inArray, max } from 'drizzle-orm';
import { z } from 'zod';
import { mediaIdOf, mediaUrl, renderPhoto, renditionId } from '../../media/images';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { ImageUploadInput } from '../shared/image-upload';
import { ownVenue, requireStaff } from './access';
import { staffVenueView } from './get-venue';

/** The multipart form: the file, and its alt text per language as JSON (`{"sv": "…"}`). */
export const AddPhotoInput = ImageUploadInput;

/**
 * Adds a photo to a venue: checked, rendered as WebP at the stored widths without metadata
 * (media/images.ts), kept in `media`, placed last. Decoding happens before the transaction,
 * so a refused file changes nothing and holds no lock.
 */
export async function addPhoto({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string; body: unknown };
}) {
  requireStaff(ctx);
  const { file, alt } = AddPhotoInput.parse(input.body);
  // Own venue first (404 for another municipality's) before spending time on decoding.
  await inTransaction(ctx, (tx) => ownVenue(tx, input.id));
  const started = performance.now();
  const renditions = await renderPhoto(new Uint8Array(await file.arrayBuffer()));
  const renderMs = Math.round(performance.now() - started);
  return inTransaction(ctx, async (tx) => {
    const venue = await ownVenue(tx, input.id);
    const [{ n, last } = { n: 0, last: null }] = await tx.db
      .select({ n: count(), last: max(venuePhotos.position) })
      .from(venuePhotos)
      .where(eq(venuePhotos.venueId, venue.id));
    if (Number(n) >= PHOTOS_PER_VENUE)
      throw new DomainFailure({
        kind: 'invalid',
        issues: [
          {
            path: 'file',
            code: 'too_many_photos',
            params: { maximum: PHOTOS_PER_VENUE },
            message: 'the venue has as many photos as it may',
          },
        ],
      });
    const mainId = crypto.randomUUID();
    const actorId = tx.actor.kind === 'user' ? tx.actor.userId : null;
    await tx.db.insert(media).values(
      renditions.map((r, i) => ({
        id: i === 0 ? mainId : renditionId(mainId, PHOTO_WIDTHS[i]!),
        municipalityId: venue.municipalityId,
        contentType: 'image/webp',
        width: r.width,
        height: r.height,
        bytes: r.bytes,
        sha256: r.sha256,
        alt,
        createdBy: actorId,
        createdAt: tx.now,
      })),
    );
    const [photo] = await tx.db
      .insert(venuePhotos)
      .values({
        municipalityId: venue.municipalityId,
        venueId: venue.id,
        url: mediaUrl(mainId),
        alt,
        position: (last ?? -1) + 1,
      })
      .returning({ id: venuePhotos.id });
    await audit(tx, {
      municipalityId: venue.municipalityId,
      action: 'venue_photo.create',
      entity: 'venue',
      entityId: venue.id,
      data: {
        photoId: photo!.id,
        mediaId: mainId,
        alt,
        sizes: renditions.map((r) => ({
          width: r.width,
          height: r.height,
          bytes: r.bytes.byteLength,
        })),
        originalBytes: file.size,
        renderMs,
      },
    });
    return { photoId: photo!.id, venue: await staffVenueView(tx, venue.id, input.lang) };
  });
}

async function ownPhoto(tx: ServiceCtx, venueId: string, photoId: string) {
  const venue = await ownVenue(tx, venueId);
  const [photo] = await tx.db
    .select()
    .from(venuePhotos)
    .where(and(eq(venuePhotos.id, photoId), eq(venuePhotos.venueId, venue.id)));
  if (!photo) throw new DomainFailure(notFound('photo', photoId));
  return { venue, photo };
}

/** Removes a photo and its stored renditions. */
export async function removePhoto({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; photoId: string; lang: string };
}) {
  requireStaff(ctx);
  return inTransaction(ctx, async (tx) => {
    const { venue, photo } = await ownPhoto(tx, input.id, input.photoId);
    await tx.db.delete(venuePhotos).where(eq(venuePhotos.id, photo.id));
    const mainId = mediaIdOf(photo.url);
    if (mainId) {
      const ids = [mainId, ...PHOTO_WIDTHS.slice(1).map((w) => renditionId(mainId, w))];
      await tx.db
        .delete(media)
        .where(and(inArray(media.id, ids), eq(media.municipalityId, venue.municipalityId)));
    }
    await audit(tx, {
      municipalityId: venue.municipalityId,
      action: 'venue_photo.delete',
      entity: 'venue',
      entityId: venue.id,
      data: { photoId: photo.id, url: photo.url },
    });
    return staffVenueView(tx, venue.id, input.lang);
  });
}

export const UpdatePhotoInput = z
  .strictObject({ alt: photoAltInput, position: z.int().min(0).max(PHOTOS_PER_VENUE) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });

/**
 * Changes a photo's alt text or moves it: `position` is its place in the venue's order
 * (0 = first, shown in lists); the others close up around it.
 */
export async function updatePhoto({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; photoId: string; lang: string; body: unknown };
}) {
  requireStaff(ctx);
  const fields = UpdatePhotoInput.parse(input.body);
  return inTransaction(ctx, async (tx) => {
    const { venue, photo } = await ownPhoto(tx, input.id, input.photoId);
    if (fields.alt) {
      await tx.db.update(venuePhotos).set({ alt: fields.alt }).where(eq(venuePhotos.id, photo.id));
      const mainId = mediaIdOf(photo.url);
      if (mainId)
        await tx.db
          .update(media)
          .set({ alt: fields.alt })
          .where(
            inArray(media.id, [
              mainId,
              ...PHOTO_WIDTHS.slice(1).map((w) => renditionId(mainId, w)),
            ]),
          );
    }
    if (fields.position !== undefined) {
      const rows = await tx.db
        .select({ id: venuePhotos.id, position: venuePhotos.position })
        .from(venuePhotos)
        .where(eq(venuePhotos.venueId, venue.id));
      const order = rows
        .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
        .map((r) => r.id)
        .filter((id) => id !== photo.id);
      order.splice(Math.min(fields.position, order.length), 0, photo.id);
      for (const [position, id] of order.entries())
        await tx.db.update(venuePhotos).set({ position }).where(eq(venuePhotos.id, id));
    }
    await audit(tx, {
      municipalityId: venue.municipalityId,
      action: 'venue_photo.update',
      entity: 'venue',
      entityId: venue.id,
      data: {
        photoId: photo.id,
        before: { alt: photo.alt, position: photo.position },
        after: fields,
      },
    });
    return staffVenueView(tx, venue.id, input.lang);
  });
}
