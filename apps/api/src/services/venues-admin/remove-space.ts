import { bookingClaims, bookingRequests, bookings, HOLDING_STATUSES, spaces } from '@motesplats/db';
import { DomainFailure, notFound } from '@motesplats/domain';
import { and, count, countDistinct, eq, gt, inArray, or } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { ownVenue, requireStaff } from './access';
import { staffVenueView } from './get-venue';

const refuse = (code: string, message: string, params: Record<string, number>) =>
  new DomainFailure({ kind: 'conflict', code, message, params });

/**
 * Removes a part of a divisible hall and every part under it; given the venue's own (root)
 * space, removes its whole division and leaves the venue undivided (a venue is always at
 * least its root space). Refused with 409 and nothing changed:
 * - `space_in_use`: a holding (pending or approved) booking books one of the removed
 *   spaces, or still claims one through the whole hall (a future booking of the whole
 *   would otherwise lose its claim on that half and let another booking overlap it);
 * - `space_has_bookings`: any booking or request, past, rejected or cancelled included,
 *   names one of them. Bookings keep their history, and the database refuses the delete
 *   anyway (bookings → spaces has no cascade). Such a part can be renamed, not removed.
 * - `space_not_divided`: the root of an undivided venue: nothing to remove.
 * docs/decisions/015-removing-spaces.md says why.
 */
export async function removeSpace({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; spaceId: string; lang: string };
}) {
  requireStaff(ctx);
  return inTransaction(ctx, async (tx) => {
    const venue = await ownVenue(tx, input.id);
    const all = await tx.db.select().from(spaces).where(eq(spaces.venueId, venue.id));
    const space = all.find((s) => s.id === input.spaceId);
    if (!space) throw new DomainFailure(notFound('space', input.spaceId));
    // The space and everything under it; for the root, only what is under it.
    const removed = new Set(space.parentId === null ? [] : [space.id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const s of all)
        if (
          s.parentId &&
          (removed.has(s.parentId) || s.parentId === space.id) &&
          !removed.has(s.id)
        ) {
          removed.add(s.id);
          grew = true;
        }
    }
    if (removed.size === 0)
      throw refuse('space_not_divided', 'the venue is not divided: nothing to remove', {
        spaces: 0,
      });
    const ids = [...removed];
    const [{ n: holding } = { n: 0 }] = await tx.db
      .select({ n: countDistinct(bookings.id) })
      .from(bookings)
      .leftJoin(bookingClaims, eq(bookingClaims.bookingId, bookings.id))
      .where(
        and(
          eq(bookings.venueId, venue.id),
          inArray(bookings.status, [...HOLDING_STATUSES]),
          or(
            inArray(bookings.spaceId, ids),
            and(inArray(bookingClaims.spaceId, ids), gt(bookings.endsAt, tx.now)),
          ),
        ),
      );
    if (Number(holding) > 0)
      throw refuse('space_in_use', 'a pending or approved booking uses this space', {
        bookings: Number(holding),
      });
    const [{ n: kept } = { n: 0 }] = await tx.db
      .select({ n: count() })
      .from(bookings)
      .where(and(eq(bookings.venueId, venue.id), inArray(bookings.spaceId, ids)));
    const [{ n: asked } = { n: 0 }] = await tx.db
      .select({ n: count() })
      .from(bookingRequests)
      .where(and(eq(bookingRequests.venueId, venue.id), inArray(bookingRequests.spaceId, ids)));
    if (Number(kept) + Number(asked) > 0)
      throw refuse('space_has_bookings', 'bookings of this space are kept as history', {
        bookings: Number(kept),
      });
    // Children go with their parent (spaces → spaces cascades); delete every one explicitly.
    await tx.db.delete(spaces).where(and(eq(spaces.venueId, venue.id), inArray(spaces.id, ids)));
    await audit(tx, {
      municipalityId: venue.municipalityId,
      action: 'space.delete',
      entity: 'space',
      entityId: space.id,
      data: {
        venueId: venue.id,
        removed: all
          .filter((s) => removed.has(s.id))
          .map((s) => ({ id: s.id, parentId: s.parentId, name: s.name, capacity: s.capacity })),
      },
    });
    return staffVenueView(tx, venue.id, input.lang);
  });
}
