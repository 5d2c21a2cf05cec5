import { spaces, venues } from '@motesplats/db';
import { venueCreateInput } from '@motesplats/domain';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { ownBuilding, requireStaff } from './access';

export const CreateVenueInput = venueCreateInput;

/**
 * Staff add a venue to a building of their municipality. It gets its root space (the whole
 * room, which bookings claim); a divisible hall then gets its parts (add-space.ts).
 */
export async function createVenue({ ctx, input }: { ctx: ServiceCtx; input: unknown }) {
  requireStaff(ctx);
  const { buildingId, ...fields } = CreateVenueInput.parse(input);
  return inTransaction(ctx, async (tx) => {
    const building = await ownBuilding(tx, buildingId);
    const municipalityId = building.municipalityId;
    const [venue] = await tx.db
      .insert(venues)
      .values({ municipalityId, buildingId, ...fields, createdAt: tx.now, updatedAt: tx.now })
      .returning({ id: venues.id });
    await tx.db
      .insert(spaces)
      .values({ municipalityId, venueId: venue!.id, name: fields.name, capacity: fields.capacity });
    const { accessInstructions: _secret, ...logged } = fields;
    await audit(tx, {
      municipalityId,
      action: 'venue.create',
      entity: 'venue',
      entityId: venue!.id,
      data: { buildingId, ...logged },
    });
    return { id: venue!.id };
  });
}
