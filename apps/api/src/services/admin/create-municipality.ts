import { municipalities, sqlState, UNIQUE_VIOLATION } from '@motesplats/db';
import { municipalityCreateInput } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { conflict, requireAdministrator } from './access';

export const CreateMunicipalityInput = municipalityCreateInput;

const slugTaken = () => conflict('slug_taken', 'a municipality already has this slug');

/**
 * An administrator adds a municipality (a tenant) with its names, its IANA zone and its
 * languages. Its staff are granted afterwards; the creation is audited under it.
 */
export async function createMunicipality({ ctx, input }: { ctx: ServiceCtx; input: unknown }) {
  requireAdministrator(ctx);
  const fields = CreateMunicipalityInput.parse(input);
  try {
    return await inTransaction(ctx, async (tx) => {
      const [taken] = await tx.db
        .select({ id: municipalities.id })
        .from(municipalities)
        .where(eq(municipalities.slug, fields.slug));
      if (taken) throw slugTaken();
      const [row] = await tx.db
        .insert(municipalities)
        .values({ ...fields, createdAt: tx.now })
        .returning({ id: municipalities.id });
      await audit(tx, {
        municipalityId: row!.id,
        action: 'municipality.create',
        entity: 'municipality',
        entityId: row!.id,
        data: fields,
      });
      return { id: row!.id };
    });
  } catch (e) {
    // Two administrators creating the same slug at once: the unique index decides.
    if (sqlState(e) === UNIQUE_VIOLATION) throw slugTaken();
    throw e;
  }
}
