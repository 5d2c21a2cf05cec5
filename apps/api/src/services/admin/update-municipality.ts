import { municipalities } from '@motesplats/db';
import { municipalityUpdateInput } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { changesOf } from '../shared/changes';
import { findMunicipality, requireAdministrator } from './access';
import { adminMunicipalityView } from './get-municipality';

export const UpdateMunicipalityInput = municipalityUpdateInput;

/**
 * An administrator renames a municipality, changes its zone or its languages. Only the
 * fields sent change; the audit row names them with before and after. Local rules (opening
 * hours, weekly series) are computed in the new zone from then on.
 */
export async function updateMunicipality({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string; body: unknown };
}) {
  requireAdministrator(ctx);
  const fields = UpdateMunicipalityInput.parse(input.body);
  return inTransaction(ctx, async (tx) => {
    const before = await findMunicipality(tx, input.id, true);
    const diff = changesOf(before, fields);
    if (diff.changed.length) {
      await tx.db.update(municipalities).set(fields).where(eq(municipalities.id, before.id));
      await audit(tx, {
        municipalityId: before.id,
        action: 'municipality.update',
        entity: 'municipality',
        entityId: before.id,
        data: diff,
      });
    }
    return adminMunicipalityView(tx, before.id, input.lang);
  });
}
