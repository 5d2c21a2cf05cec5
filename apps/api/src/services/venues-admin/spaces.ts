import { spaces } from '@motesplats/db';
import { DomainFailure, VENUE_LIMITS, notFound, spaceInput } from '@motesplats/domain';
import { and, count, eq, isNull } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { ownVenue, requireStaff } from './access';
import { claimsFollowSpaces, queueForSpaceChange } from './claims-follow-spaces';
import { staffVenueView } from './get-venue';

export const AddSpaceInput = spaceInput;
export const UpdateSpaceInput = spaceInput.partial();

/**
 * Divides a hall: adds a part under the venue's root space (the whole hall). A booking of
 * the whole then claims every part, and a part only itself (the booking_claims trigger);
 * holding bookings of the whole that exist already claim the new part too, in the same
 * transaction (claims-follow-spaces.ts), or the part is refused with 409 `claims_overlap`.
 */
export async function addSpace({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string; body: unknown };
}) {
  requireStaff(ctx);
  const fields = AddSpaceInput.parse(input.body);
  return inTransaction(ctx, async (tx) => {
    await queueForSpaceChange(tx.db, input.id, tx.now);
    const venue = await ownVenue(tx, input.id);
    const [root] = await tx.db
      .select()
      .from(spaces)
      .where(and(eq(spaces.venueId, venue.id), isNull(spaces.parentId)));
    const [{ n } = { n: 0 }] = await tx.db
      .select({ n: count() })
      .from(spaces)
      .where(eq(spaces.venueId, venue.id));
    if (Number(n) > VENUE_LIMITS.spaces)
      throw new DomainFailure({
        kind: 'invalid',
        issues: [
          {
            path: 'name',
            code: 'too_many_spaces',
            params: { maximum: VENUE_LIMITS.spaces },
            message: 'too many spaces',
          },
        ],
      });
    const [row] = await tx.db
      .insert(spaces)
      .values({
        municipalityId: venue.municipalityId,
        venueId: venue.id,
        parentId: root?.id ?? null,
        ...fields,
      })
      .returning({ id: spaces.id });
    const reclaimed = await claimsFollowSpaces(tx, venue);
    await audit(tx, {
      municipalityId: venue.municipalityId,
      action: 'space.create',
      entity: 'space',
      entityId: row!.id,
      data: { venueId: venue.id, ...fields, reclaimed },
    });
    return staffVenueView(tx, venue.id, input.lang);
  });
}

/** Renames a space or changes its capacity. */
export async function updateSpace({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; spaceId: string; lang: string; body: unknown };
}) {
  requireStaff(ctx);
  const fields = UpdateSpaceInput.parse(input.body);
  return inTransaction(ctx, async (tx) => {
    const venue = await ownVenue(tx, input.id);
    const [space] = await tx.db
      .select()
      .from(spaces)
      .where(and(eq(spaces.id, input.spaceId), eq(spaces.venueId, venue.id)));
    if (!space) throw new DomainFailure(notFound('space', input.spaceId));
    await tx.db.update(spaces).set(fields).where(eq(spaces.id, space.id));
    await audit(tx, {
      municipalityId: venue.municipalityId,
      action: 'space.update',
      entity: 'space',
      entityId: space.id,
      data: {
        venueId: venue.id,
        before: { name: space.name, capacity: space.capacity },
        after: fields,
      },
    });
    return staffVenueView(tx, venue.id, input.lang);
  });
}
