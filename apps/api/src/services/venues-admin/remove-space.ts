import { bookingRequests, bookings, HOLDING_STATUSES, spaces } from '@motesplats/db';
import { claimedSpaceIds, DomainFailure, notFound } from '@motesplats/domain';
import { and, count, eq, gt, inArray, or } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { ownVenue, requireStaff } from './access';
import { claimsFollowSpaces, namedBookings, queueForSpaceChange } from './claims-follow-spaces';
import { staffVenueView } from './get-venue';

const refuse = (code: string, message: string, params: Record<string, number | string>) =>
  new DomainFailure({ kind: 'conflict', code, message, params });

/**
 * Removes a part of a divisible hall and every part under it; given the venue's own (root)
 * space, removes its whole division and leaves the venue undivided (a venue is always at
 * least its root space). Refused with 409 and nothing changed:
 * - `space_in_use`: a holding (pending or approved) booking books one of the removed
 *   spaces, or has not ended and books a space that covers one (the whole hall: it was
 *   asked for with that half); `params` count them and name their dates and requests;
 * - `space_has_bookings`: any booking or request, past, rejected or cancelled included,
 *   names one of them. Bookings keep their history, and the database refuses the delete
 *   anyway (bookings → spaces has no cascade). Such a part can be renamed, not removed.
 * - `space_not_divided`: the root of an undivided venue: nothing to remove.
 * Otherwise the holding bookings' claims follow the smaller tree (claims-follow-spaces.ts).
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
    await queueForSpaceChange(tx.db, input.id, tx.now);
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
    // Spaces that stay but cover a removed one: the whole hall over its halves.
    const covering = all
      .filter((s) => !removed.has(s.id))
      .filter((s) => claimedSpaceIds(s.id, all).some((leaf) => removed.has(leaf)))
      .map((s) => s.id);
    const holding = await tx.db
      .select({ startsAt: bookings.startsAt, requestId: bookings.requestId })
      .from(bookings)
      .where(
        and(
          eq(bookings.venueId, venue.id),
          inArray(bookings.status, [...HOLDING_STATUSES]),
          or(
            inArray(bookings.spaceId, ids),
            covering.length > 0
              ? and(inArray(bookings.spaceId, covering), gt(bookings.endsAt, tx.now))
              : undefined,
          ),
        ),
      );
    if (holding.length > 0)
      throw refuse('space_in_use', 'a pending or approved booking uses this space', {
        bookings: holding.length,
        ...(await namedBookings(tx.db, venue.municipalityId, holding)),
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
    const reclaimed = await claimsFollowSpaces(tx, venue);
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
        reclaimed,
      },
    });
    return staffVenueView(tx, venue.id, input.lang);
  });
}
