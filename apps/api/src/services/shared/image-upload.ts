import { media } from '@motesplats/db';
import { photoAltInput, type LocalizedText } from '@motesplats/domain';
import { z } from 'zod';
import { renditionIds, type Rendition } from '../../media/images';
import type { ServiceCtx } from '../context';

/**
 * The multipart form of an image upload (a venue photo, an association's logo): the file,
 * and its alt text per language as JSON (`{"sv": "…"}`), at least one language.
 */
export const ImageUploadInput = z.object({
  file: z.instanceof(Blob, { message: 'must be a file' }),
  alt: z
    .string()
    .max(8000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON: {"sv": "…"}' });
        return z.NEVER;
      }
    })
    .pipe(photoAltInput),
});

/**
 * Stores an upload's renditions (media/images.ts renderPhoto, at these widths) as `media`
 * rows of the municipality with their alt texts, in the caller's transaction; returns
 * their ids, the main (widest) one first.
 */
export async function storeRenditions(
  tx: ServiceCtx,
  image: {
    renditions: readonly Rendition[];
    widths: readonly number[];
    municipalityId: string;
    alt: LocalizedText;
  },
): Promise<string[]> {
  const ids = renditionIds(crypto.randomUUID(), image.widths);
  const actorId = tx.actor.kind === 'user' ? tx.actor.userId : null;
  await tx.db.insert(media).values(
    image.renditions.map((r, i) => ({
      id: ids[i]!,
      municipalityId: image.municipalityId,
      contentType: 'image/webp',
      width: r.width,
      height: r.height,
      bytes: r.bytes,
      sha256: r.sha256,
      alt: image.alt,
      createdBy: actorId,
      createdAt: tx.now,
    })),
  );
  return ids;
}
