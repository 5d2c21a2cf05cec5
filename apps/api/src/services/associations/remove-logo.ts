import { associations, media } from '@motesplats/db';
import { LOGO_WIDTHS } from '@motesplats/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { mediaIdOf, renditionIds } from '../../media/images';
import { audit, inTransaction, requireScope, type ServiceCtx } from '../context';
import { localizer } from '../shared/localize';
import { privateAssociation } from './association-views';
import { findAssociation } from './find-association';

/** The association's administrators remove its logo and its stored files. */
export async function removeLogo({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string };
}) {
  return inTransaction(ctx, async (tx) => {
    const { association, municipality } = await findAssociation(tx, input.id, true);
    requireScope(tx, { kind: 'association_admin', associationId: association.id });
    let row = association;
    if (association.logoUrl) {
      [row] = (await tx.db
        .update(associations)
        .set({ logoUrl: null, logoAlt: {}, updatedAt: tx.now })
        .where(eq(associations.id, association.id))
        .returning()) as [typeof association];
      const mainId = mediaIdOf(association.logoUrl);
      if (mainId)
        await tx.db
          .delete(media)
          .where(
            and(
              inArray(media.id, renditionIds(mainId, LOGO_WIDTHS)),
              eq(media.municipalityId, association.municipalityId),
            ),
          );
      await audit(tx, {
        municipalityId: association.municipalityId,
        action: 'association.logo_remove',
        entity: 'association',
        entityId: association.id,
        data: { url: association.logoUrl },
      });
    }
    return privateAssociation(localizer(input.lang, municipality.languages), row, municipality);
  });
}
