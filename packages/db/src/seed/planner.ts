import { claimedSpaceIds } from '@motesplats/domain';
import type { Interval } from './clock';

export interface PlannedSpace {
  id: string;
  venueId: string;
  parentId: string | null;
}

/**
 * Tracks what the placed holding bookings claim, with the same rule as the database trigger
 * and its exclusion constraint: a booking of a space claims every leaf under it over
 * [starts_at, ends_at + venue buffer). The seed asks before it places, so no insert fails.
 */
export class SpacePlanner {
  private readonly claims = new Map<string, [number, number][]>();

  constructor(
    private readonly spaces: readonly PlannedSpace[],
    private readonly bufferMinutes: ReadonlyMap<string, number>,
  ) {}

  leaves(spaceId: string): string[] {
    return claimedSpaceIds(spaceId, this.spaces);
  }

  private claimOf(venueId: string, slot: Interval): [number, number] {
    const buffer = (this.bufferMinutes.get(venueId) ?? 0) * 60_000;
    return [slot.start.getTime(), slot.end.getTime() + buffer];
  }

  fits(venueId: string, spaceId: string, slot: Interval): boolean {
    const [s, e] = this.claimOf(venueId, slot);
    return this.leaves(spaceId).every((leaf) =>
      (this.claims.get(leaf) ?? []).every(([cs, ce]) => e <= cs || ce <= s),
    );
  }

  /** Claims the slot when it is free; false (and nothing claimed) when it would clash. */
  place(venueId: string, spaceId: string, slot: Interval): boolean {
    if (!this.fits(venueId, spaceId, slot)) return false;
    const claim = this.claimOf(venueId, slot);
    for (const leaf of this.leaves(spaceId)) {
      const list = this.claims.get(leaf) ?? [];
      list.push(claim);
      this.claims.set(leaf, list);
    }
    return true;
  }
}
