import { venues } from '@motesplats/db';
import { DomainFailure, venueUpdateInput } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { changesOf, ownBuilding, ownVenue, requireStaff } from './access';
import { staffVenueView } from './get-venue';

export const UpdateVenueInput = venueUpdateInput;

/**
 * Staff change any of a venue's facts, texts, rules, hours or blackout dates. Only the
 * fields sent change; the audit row names them with before and after (door codes only by name).
 */
export async function updateVenue({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string; body: unknown };
}) {
  requireStaff(ctx);
  const fields = UpdateVenueInput.parse(input.body);
  return inTransaction(ctx, async (tx) => {
    const before = await ownVenue(tx, input.id);
    const min = fields.minDurationMinutes ?? before.minDurationMinutes;
    const max = fields.maxDurationMinutes ?? before.maxDurationMinutes;
    if (min > max) {
      throw new DomainFailure({
        kind: 'invalid',
        issues: [
          {
            path: 'maxDurationMinutes',
            code: 'max_below_min',
            params: { minimum: min },
            message: 'the longest booking must not be shorter than the shortest',
          },
        ],
      });
    }
    if (fields.buildingId && fields.buildingId !== before.buildingId) {
      const building = await ownBuilding(tx, fields.buildingId);
      if (building.municipalityId !== before.municipalityId)
        throw new DomainFailure({ kind: 'forbidden', reason: 'other_municipality' });
    }
    const diff = changesOf(before, fields, ['accessInstructions']);
    if (diff.changed.length) {
      await tx.db
        .update(venues)
        .set({ ...fields, updatedAt: tx.now })
        .where(eq(venues.id, before.id));
      await audit(tx, {
        municipalityId: before.municipalityId,
        action: 'venue.update',
        entity: 'venue',
        entityId: before.id,
        data: diff,
      });
    }
    return staffVenueView(tx, before.id, input.lang);
  });
}
