import { associationMembers, associations, municipalities } from '@motesplats/db';
import { AssociationProfile, DomainFailure, invalid } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit, inTransaction, requireUser, type ServiceCtx } from '../context';

export const RegisterAssociationInput = AssociationProfile.extend({
  municipality: z.string().regex(/^[a-z0-9-]{1,63}$/, 'must be a municipality slug'),
});

/**
 * Anyone signed in registers an association in a municipality and becomes its
 * administrator. It waits for that municipality's staff to verify it (verification
 * 'pending'); until then it neither books nor publishes, and the public does not see it.
 */
export async function registerAssociation({ ctx, input }: { ctx: ServiceCtx; input: unknown }) {
  const actor = requireUser(ctx);
  const { municipality: slug, ...profile } = RegisterAssociationInput.parse(input);
  return inTransaction(ctx, async (tx) => {
    const [municipality] = await tx.db
      .select()
      .from(municipalities)
      .where(eq(municipalities.slug, slug));
    if (!municipality)
      throw new DomainFailure(
        invalid('municipality', 'no such municipality', 'unknown_municipality'),
      );
    const [row] = await tx.db
      .insert(associations)
      .values({
        municipalityId: municipality.id,
        name: profile.name,
        description: profile.description,
        languages: profile.languages,
        businessId: profile.businessId ?? null,
        website: profile.website ?? null,
        contactEmail: profile.contactEmail,
        contactPhone: profile.contactPhone ?? null,
        verification: 'pending',
        createdBy: actor.userId,
        createdAt: tx.now,
        updatedAt: tx.now,
      })
      .returning();
    await tx.db.insert(associationMembers).values({
      associationId: row!.id,
      userId: actor.userId,
      municipalityId: municipality.id,
      role: 'admin',
      createdAt: tx.now,
    });
    await audit(tx, {
      municipalityId: municipality.id,
      action: 'association.register',
      entity: 'association',
      entityId: row!.id,
      data: { businessId: row!.businessId },
    });
    return { id: row!.id, verification: row!.verification };
  });
}
