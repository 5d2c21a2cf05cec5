import { media, type Db } from '@motesplats/db';
import { PHOTO_WIDTHS, type LocalizedText } from '@motesplats/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { mediaUrl, renditionId, renditionIds } from '../../media/images';
import type { ServiceCtx } from '../context';
import type { Localizer } from '../shared/localize';
import type { EventRow } from './managed-event';

/** Deletes the stored files of the event's image (every rendition), in the caller's transaction. */
export async function deleteEventImage(
  tx: ServiceCtx,
  event: Pick<EventRow, 'imageId' | 'municipalityId'>,
) {
  if (!event.imageId) return;
  await tx.db
    .delete(media)
    .where(
      and(
        inArray(media.id, renditionIds(event.imageId, PHOTO_WIDTHS)),
        eq(media.municipalityId, event.municipalityId),
      ),
    );
}

/** The main renditions of these images: size and alt texts, by media id. */
export async function imagesOf(db: Db, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, ImageRow>();
  const rows = await db
    .select({ id: media.id, width: media.width, height: media.height, alt: media.alt })
    .from(media)
    .where(inArray(media.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}
export interface ImageRow {
  id: string;
  width: number;
  height: number;
  alt: LocalizedText;
}

/**
 * Every stored rendition of an image, narrowest first, for a srcset: the main one is the
 * row's, each smaller one is derived from its id. An upload is rendered at every width of
 * PHOTO_WIDTHS but never enlarged, so a rendition as wide as the main one is left out.
 */
export function imageSources(row: Pick<ImageRow, 'id' | 'width'>) {
  const smaller = PHOTO_WIDTHS.slice(1)
    .filter((w) => w < row.width)
    .map((w) => ({ url: mediaUrl(renditionId(row.id, w)), width: w }));
  return [...smaller, { url: mediaUrl(row.id), width: row.width }].sort(
    (a, b) => a.width - b.width,
  );
}

/** An event's image as served: its main rendition, its size and every rendition, with `alt`. */
const imageView = <Alt>(row: ImageRow | undefined, alt: (row: ImageRow) => Alt) =>
  row
    ? {
        url: mediaUrl(row.id),
        alt: alt(row),
        width: row.width,
        height: row.height,
        sources: imageSources(row),
      }
    : null;

/** An event's image as the public sees it: alt text in the reader's language. */
export const publicImage = (t: Localizer, row: ImageRow | undefined) =>
  imageView(row, (r) => t.must(r.alt));

/** An event's image as its organizer sees it: the alt text in every language, to edit. */
export const managedImage = (row: ImageRow | undefined) => imageView(row, (r) => r.alt);
