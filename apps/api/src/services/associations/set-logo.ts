import { associations, media } from '@motesplats/db';
import { LOGO_WIDTHS } from '@motesplats/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { mediaIdOf, mediaUrl, renderPhoto, renditionIds } from '../../media/images';
import { audit, inTransaction, requireScope, requireUser, type ServiceCtx } from '../context';
import { ImageUploadInput, storeRenditions } from '../shared/image-upload';
import { localizer } from '../shared/localize';
import { privateAssociation } from './association-views';
import { findAssociation } from './find-association';

export const SetLogoInput = ImageUploadInput;

/**
 * The association's administrators upload its logo with alt text. The file goes through
 * the venue photos' pipeline (media/images.ts, decision 011: checked, re-encoded as WebP
 * without metadata, kept in `media`) at LOGO_WIDTHS; the previous logo's files are removed
 * in the same transaction. Decoding happens outside the transaction, after the scope check.
 */
export async function setLogo({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string; body: unknown };
}) {
  requireUser(ctx);
  const { file, alt } = SetLogoInput.parse(input.body);
  const { association: found } = await findAssociation(ctx, input.id);
  requireScope(ctx, { kind: 'association_admin', associationId: found.id });
  const renditions = await renderPhoto(new Uint8Array(await file.arrayBuffer()), LOGO_WIDTHS);
  return inTransaction(ctx, async (tx) => {
    const { association, municipality } = await findAssociation(tx, input.id, true);
    requireScope(tx, { kind: 'association_admin', associationId: association.id });
    const ids = await storeRenditions(tx, {
      renditions,
      widths: LOGO_WIDTHS,
      municipalityId: association.municipalityId,
      alt,
    });
    const [row] = await tx.db
      .update(associations)
      .set({ logoUrl: mediaUrl(ids[0]!), logoAlt: alt, updatedAt: tx.now })
      .where(eq(associations.id, association.id))
      .returning();
    const previous = association.logoUrl ? mediaIdOf(association.logoUrl) : null;
    if (previous)
      await tx.db
        .delete(media)
        .where(
          and(
            inArray(media.id, renditionIds(previous, LOGO_WIDTHS)),
            eq(media.municipalityId, association.municipalityId),
          ),
        );
    await audit(tx, {
      municipalityId: association.municipalityId,
      action: 'association.logo_set',
      entity: 'association',
      entityId: association.id,
      data: {
        mediaId: ids[0],
        alt,
        previous: association.logoUrl,
        sizes: renditions.map((r) => ({
          width: r.width,
          height: r.height,
          bytes: r.bytes.byteLength,
        })),
        originalBytes: file.size,
      },
    });
    return privateAssociation(localizer(input.lang, municipality.languages), row!, municipality);
  });
}
