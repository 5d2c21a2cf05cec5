import { buildings } from '@motesplats/db';
import { buildingInput } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { changesOf, ownBuilding, requireStaff } from './access';

/**
 * Any of the building's fields. Coordinates lose their default (null): left out, they stay
 * as stored; only an explicit `null` clears them.
 */
export const UpdateBuildingInput = buildingInput
  .extend({ coordinates: buildingInput.shape.coordinates.unwrap() })
  .partial();

/** Staff correct a building's name, address or coordinates. */
export async function updateBuilding({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; body: unknown };
}) {
  requireStaff(ctx);
  const { coordinates, ...fields } = UpdateBuildingInput.parse(input.body);
  return inTransaction(ctx, async (tx) => {
    const before = await ownBuilding(tx, input.id);
    const next = {
      ...fields,
      ...(coordinates !== undefined
        ? { lat: coordinates?.lat ?? null, lon: coordinates?.lon ?? null }
        : {}),
    };
    const diff = changesOf(before, next);
    if (diff.changed.length) {
      await tx.db.update(buildings).set(next).where(eq(buildings.id, before.id));
      await audit(tx, {
        municipalityId: before.municipalityId,
        action: 'building.update',
        entity: 'building',
        entityId: before.id,
        data: diff,
      });
    }
    return { id: before.id, changed: diff.changed };
  });
}
