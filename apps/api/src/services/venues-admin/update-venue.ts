import { venues } from '@motesplats/db';
import { DomainFailure, venueUpdateInput } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { changesOf, ownBuilding, ownVenue, requireStaff } from './access';
import { claimsFollowSpaces, queueForSpaceChange } from './claims-follow-spaces';
import { staffVenueView } from './get-venue';

export const UpdateVenueInput = venueUpdateInput;

/**
 * Staff change any of a venue's facts, texts, rules, hours or blackout dates. Only the
 * fields sent change; the audit row names them with before and after (door codes only by name).
 * A new buffer moves the claims of every holding booking still to come (decision 015), in
 * this transaction, or is refused with 409 claims_overlap where they would then overlap.
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
    // Before the venue row is locked, as the booking path takes its locks (claims-follow-spaces).
    if (fields.bufferMinutes !== undefined)
      await queueForSpaceChange(tx.db, input.id, tx.now, { bufferMinutes: fields.bufferMinutes });
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
      const reclaimed =
        fields.bufferMinutes !== undefined && fields.bufferMinutes !== before.bufferMinutes
          ? await claimsFollowSpaces(tx, { ...before, bufferMinutes: fields.bufferMinutes })
          : 0;
      await audit(tx, {
        municipalityId: before.municipalityId,
        action: 'venue.update',
        entity: 'venue',
        entityId: before.id,
        data: reclaimed > 0 ? { ...diff, reclaimed } : diff,
      });
    }
    return staffVenueView(tx, before.id, input.lang);
  });
}
