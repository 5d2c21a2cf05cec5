import { associations } from '@motesplats/db';
import { AssociationProfile } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { audit, inTransaction, requireScope, type ServiceCtx } from '../context';
import { findAssociation } from './find-association';

/**
 * The association's administrators edit its profile. A rejected association that fixes
 * its details goes back to the staff's queue (pending); a verified one stays verified.
 */
export async function updateAssociation({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; body: unknown };
}) {
  const profile = AssociationProfile.parse(input.body);
  return inTransaction(ctx, async (tx) => {
    const { association } = await findAssociation(tx, input.id, true);
    requireScope(tx, { kind: 'association_admin', associationId: association.id });
    const resubmitted = association.verification === 'rejected';
    const [row] = await tx.db
      .update(associations)
      .set({
        name: profile.name,
        description: profile.description,
        languages: profile.languages,
        businessId: profile.businessId ?? null,
        website: profile.website ?? null,
        contactEmail: profile.contactEmail,
        contactPhone: profile.contactPhone ?? null,
        ...(resubmitted ? { verification: 'pending' as const } : {}),
        updatedAt: tx.now,
      })
      .where(eq(associations.id, association.id))
      .returning();
    await audit(tx, {
      municipalityId: association.municipalityId,
      action: resubmitted ? 'association.resubmit' : 'association.update',
      entity: 'association',
      entityId: association.id,
    });
    return { id: row!.id, verification: row!.verification };
  });
}
