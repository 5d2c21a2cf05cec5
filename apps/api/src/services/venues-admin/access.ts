import { buildings, venues } from '@motesplats/db';
import { DomainFailure, isStaffOf, notFound, type SignedInActor } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { requireUser, type ServiceCtx } from '../context';

/**
 * Staff only: anonymous → 401, signed in without any staff role → 403. Whether a given
 * building or venue is theirs is decided by `ownVenue`/`ownBuilding`.
 */
export function requireStaff(ctx: ServiceCtx): SignedInActor {
  const actor = requireUser(ctx);
  if (actor.staff.length === 0) throw new DomainFailure({ kind: 'forbidden', reason: 'staff' });
  return actor;
}

/**
 * A venue of the actor's own municipalities, locked for the rest of the transaction. A venue
 * of another municipality answers 404 like one that does not exist: staff learn nothing of
 * other municipalities' premises by guessing ids.
 */
export async function ownVenue(ctx: ServiceCtx, id: string) {
  const actor = requireStaff(ctx);
  const [venue] = await ctx.db.select().from(venues).where(eq(venues.id, id)).for('update');
  if (!venue || !isStaffOf(actor, venue.municipalityId))
    throw new DomainFailure(notFound('venue', id));
  return venue;
}

export async function ownBuilding(ctx: ServiceCtx, id: string) {
  const actor = requireStaff(ctx);
  const [building] = await ctx.db
    .select()
    .from(buildings)
    .where(eq(buildings.id, id))
    .for('update');
  if (!building || !isStaffOf(actor, building.municipalityId))
    throw new DomainFailure(notFound('building', id));
  return building;
}

export { changesOf } from '../shared/changes';
