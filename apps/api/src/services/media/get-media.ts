import { media } from '@motesplats/db';
import { DomainFailure, notFound } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import type { ServiceCtx } from '../context';

/** A stored image (public: photos and logos are shown on public pages). */
export async function getMedia({ ctx, input }: { ctx: ServiceCtx; input: { id: string } }) {
  const [row] = await ctx.db
    .select({ contentType: media.contentType, bytes: media.bytes, sha256: media.sha256 })
    .from(media)
    .where(eq(media.id, input.id));
  if (!row) throw new DomainFailure(notFound('media', input.id));
  return row;
}

/** Only the ETag, for a conditional request answered without reading the bytes. */
export async function getMediaTag({ ctx, input }: { ctx: ServiceCtx; input: { id: string } }) {
  const [row] = await ctx.db
    .select({ sha256: media.sha256 })
    .from(media)
    .where(eq(media.id, input.id));
  if (!row) throw new DomainFailure(notFound('media', input.id));
  return row.sha256;
}
