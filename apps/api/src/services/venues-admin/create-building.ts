import { buildings } from '@motesplats/db';
import { buildingInput } from '@motesplats/domain';
import { z } from 'zod';
import { audit, inTransaction, requireScope, type ServiceCtx } from '../context';
import { requireStaff } from './access';

export const CreateBuildingInput = buildingInput.extend({ municipalityId: z.uuid() });

/** Staff add a building of their municipality (the address venues in it share). */
export async function createBuilding({ ctx, input }: { ctx: ServiceCtx; input: unknown }) {
  requireStaff(ctx);
  const { municipalityId, coordinates, ...fields } = CreateBuildingInput.parse(input);
  requireScope(ctx, { kind: 'staff', municipalityId });
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(buildings)
      .values({
        municipalityId,
        ...fields,
        lat: coordinates?.lat ?? null,
        lon: coordinates?.lon ?? null,
      })
      .returning();
    await audit(tx, {
      municipalityId,
      action: 'building.create',
      entity: 'building',
      entityId: row!.id,
      data: { ...fields, coordinates },
    });
    return { id: row!.id };
  });
}
