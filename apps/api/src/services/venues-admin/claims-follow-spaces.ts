import {
  bookingClaims,
  bookings,
  HOLDING_STATUSES,
  isOverlapViolation,
  spaces,
  venues,
  type Db,
} from '@motesplats/db';
import { claimedSpaceIds, DomainFailure, type SpaceNode } from '@motesplats/domain';
import { DateTime } from 'luxon';
import { and, eq, gt, inArray, notInArray, sql } from 'drizzle-orm';
import { queueForClaims } from '../bookings/availability';
import { zoneOf } from '../bookings/zone-of';
import type { ServiceCtx } from '../context';

const MINUTE = 60_000;
/** A refusal names at most this many dates. */
const NAMED_DATES = 10;

/**
 * Claims follow the tree of spaces (decision 015). The booking_claims trigger writes a
 * booking's claims when the booking changes, over the tree as it is then; these two steps
 * keep every holding booking that has not ended claiming exactly `claimedSpaceIds` of its
 * space when staff add or remove a part:
 *
 * 1. `queueForSpaceChange`, first in the transaction, before the venue row is locked: the
 *    advisory locks the booking path takes (`queueForClaims`) on the leaves and days of the
 *    bookings whose claims may move, so this edit queues behind in-flight requests for those
 *    slots in the same order they lock (advisory lock, then the venue row through the
 *    foreign key of the rows they insert) and cannot deadlock with them.
 * 2. `claimsFollowSpaces`, after the tree changed, with the venue row locked (`ownVenue`):
 *    rewrites the claims that differ. The venue lock (FOR UPDATE) is what keeps out a
 *    request for a day no booking holds yet: every booking insert checks its foreign key to
 *    the venue with FOR KEY SHARE, so it waits for this transaction and its trigger then
 *    claims over the new tree.
 *
 * A booking that has ended keeps the claims it had: claims guard the future, and an overlap
 * in bad old data must not stop staff from editing the venue.
 */
export async function queueForSpaceChange(
  db: Db,
  venueId: string,
  now: Date,
  /** A new buffer for the venue: then every holding booking's claims move (they grow or shrink). */
  change: { bufferMinutes?: number } = {},
): Promise<void> {
  const [venue] = await db
    .select({ bufferMinutes: venues.bufferMinutes })
    .from(venues)
    .where(eq(venues.id, venueId));
  if (!venue) return;
  const tree = await treeOf(db, venueId);
  // Adding puts a part under the root; removing changes what the ancestors of the removed
  // part cover: either way only bookings of the root or of a space with parts move. A new
  // buffer moves them all, and the days their longer claims reach.
  const movable =
    change.bufferMinutes === undefined
      ? tree
          .filter((s) => s.parentId === null || tree.some((c) => c.parentId === s.id))
          .map((s) => s.id)
      : null;
  const buffer = Math.max(venue.bufferMinutes, change.bufferMinutes ?? 0);
  const held = await holding(db, venueId, buffer, now, movable);
  const leaves = new Set(held.flatMap((b) => claimedSpaceIds(b.spaceId, tree)));
  await queueForClaims(
    db,
    [...leaves].sort(),
    held.map((b) => ({ start: b.startsAt, end: b.endsAt })),
    buffer,
  );
}

/**
 * Rewrites the claims of every holding booking at the venue that has not ended so that they
 * are `claimedSpaceIds` of its space over the tree as it now is, each [start, end + buffer)
 * with `venue.bufferMinutes` (a new buffer moves them all). Refused with 409
 * `claims_overlap` (nothing written; the caller's transaction rolls back) when the rewritten
 * claims would overlap another holding booking's: impossible while claims followed the
 * tree, possible only where an earlier edit left them behind and a booking was taken in the
 * gap. Returns how many bookings' claims moved.
 */
export async function claimsFollowSpaces(
  ctx: ServiceCtx,
  venue: { id: string; municipalityId: string; bufferMinutes: number },
): Promise<number> {
  const db = ctx.db;
  const tree = await treeOf(db, venue.id);
  const held = await holding(db, venue.id, venue.bufferMinutes, ctx.now, null, true);
  if (held.length === 0) return 0;
  const claim = (b: { startsAt: Date; endsAt: Date }) => ({
    start: b.startsAt.getTime(),
    end: b.endsAt.getTime() + venue.bufferMinutes * MINUTE,
  });
  const current = new Map<string, { spaces: string[]; ends: number[] }>();
  for (const c of await db
    .select({
      bookingId: bookingClaims.bookingId,
      spaceId: bookingClaims.spaceId,
      end: sql<number>`(extract(epoch from upper(${bookingClaims.during})) * 1000)::float8`,
    })
    .from(bookingClaims)
    .where(
      inArray(
        bookingClaims.bookingId,
        held.map((b) => b.id),
      ),
    )) {
    const known = current.get(c.bookingId) ?? { spaces: [], ends: [] };
    current.set(c.bookingId, {
      spaces: [...known.spaces, c.spaceId],
      ends: [...known.ends, Number(c.end)],
    });
  }
  // Moved: claiming other leaves than the tree gives, or until another time than the buffer gives.
  const moved = held
    .map((b) => ({ ...b, leaves: claimedSpaceIds(b.spaceId, tree) }))
    .filter((b) => {
      const has = current.get(b.id) ?? { spaces: [], ends: [] };
      return (
        b.leaves.join() !== [...has.spaces].sort().join() ||
        has.ends.some((end) => end !== claim(b).end)
      );
    });
  if (moved.length === 0) return 0;

  const leaves = [...new Set(moved.flatMap((b) => b.leaves))];
  const others = await db
    .select({
      bookingId: bookingClaims.bookingId,
      spaceId: bookingClaims.spaceId,
      start: sql<number>`(extract(epoch from lower(${bookingClaims.during})) * 1000)::float8`,
      end: sql<number>`(extract(epoch from upper(${bookingClaims.during})) * 1000)::float8`,
    })
    .from(bookingClaims)
    .where(
      and(
        inArray(bookingClaims.spaceId, leaves),
        notInArray(
          bookingClaims.bookingId,
          moved.map((b) => b.id),
        ),
      ),
    );
  const byLeaf = new Map<string, { bookingId: string; start: number; end: number }[]>();
  const add = (leaf: string, c: { bookingId: string; start: number; end: number }) =>
    byLeaf.set(leaf, [...(byLeaf.get(leaf) ?? []), c]);
  for (const o of others)
    add(o.spaceId, { bookingId: o.bookingId, start: Number(o.start), end: Number(o.end) });
  for (const b of moved) for (const leaf of b.leaves) add(leaf, { bookingId: b.id, ...claim(b) });
  const clashing = new Set<string>();
  for (const list of byLeaf.values()) {
    list.sort((a, b) => a.start - b.start);
    let reach: { bookingId: string; end: number } | null = null;
    for (const c of list) {
      if (reach && c.start < reach.end) clashing.add(reach.bookingId).add(c.bookingId);
      if (!reach || c.end > reach.end) reach = c;
    }
  }
  if (clashing.size > 0) throw await overlapFailure(ctx, venue.municipalityId, [...clashing]);

  const rows = moved.flatMap((b) => {
    const { start, end } = claim(b);
    const during = `[${new Date(start).toISOString()},${new Date(end).toISOString()})`;
    return b.leaves.map((spaceId) => ({
      bookingId: b.id,
      spaceId,
      municipalityId: venue.municipalityId,
      during,
    }));
  });
  try {
    // In a savepoint, so that a refusal by the constraint leaves the transaction usable.
    await db.transaction(async (sp) => {
      await sp.delete(bookingClaims).where(
        inArray(
          bookingClaims.bookingId,
          moved.map((b) => b.id),
        ),
      );
      if (rows.length > 0) await sp.insert(bookingClaims).values(rows);
    });
  } catch (error) {
    // The check above saw every claim on these leaves; the constraint still has the last word.
    if (isOverlapViolation(error))
      throw await overlapFailure(
        ctx,
        venue.municipalityId,
        moved.map((b) => b.id),
      );
    throw error;
  }
  return moved.length;
}

/**
 * Some bookings as a refusal names them: `date`, their first local dates comma-separated
 * (the form every page names dates in, apps/web/src/lib/issues.ts), and `requests`, their
 * request ids comma-separated.
 */
export async function namedBookings(
  db: Db,
  municipalityId: string,
  rows: readonly { startsAt: Date; requestId: string | null }[],
): Promise<{ date: string; requests: string }> {
  const zone = await zoneOf(db, municipalityId);
  const sorted = [...rows].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const dates = new Set(sorted.map((r) => DateTime.fromJSDate(r.startsAt, { zone }).toISODate()!));
  return {
    date: [...dates].slice(0, NAMED_DATES).join(','),
    requests: [...new Set(sorted.map((r) => r.requestId).filter((id) => id !== null))].join(','),
  };
}

async function overlapFailure(ctx: ServiceCtx, municipalityId: string, bookingIds: string[]) {
  const rows = await ctx.db
    .select({ startsAt: bookings.startsAt, requestId: bookings.requestId })
    .from(bookings)
    .where(inArray(bookings.id, bookingIds));
  return new DomainFailure({
    kind: 'conflict',
    code: 'claims_overlap',
    message:
      'holding bookings would overlap once their claims follow the new parts or buffer: cancel or move one of them first',
    params: { bookings: rows.length, ...(await namedBookings(ctx.db, municipalityId, rows)) },
  });
}

const treeOf = (db: Db, venueId: string): Promise<SpaceNode[]> =>
  db
    .select({ id: spaces.id, parentId: spaces.parentId })
    .from(spaces)
    .where(eq(spaces.venueId, venueId));

/** Holding bookings at the venue whose claim [start, end + buffer) has not ended. */
async function holding(
  db: Db,
  venueId: string,
  bufferMinutes: number,
  now: Date,
  spaceIds: string[] | null,
  lock = false,
) {
  if (spaceIds && spaceIds.length === 0) return [];
  const query = db
    .select({
      id: bookings.id,
      spaceId: bookings.spaceId,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
    })
    .from(bookings)
    .where(
      and(
        eq(bookings.venueId, venueId),
        inArray(bookings.status, [...HOLDING_STATUSES]),
        gt(bookings.endsAt, new Date(now.getTime() - bufferMinutes * MINUTE)),
        spaceIds ? inArray(bookings.spaceId, spaceIds) : undefined,
      ),
    )
    .orderBy(bookings.id);
  // Locked so that a concurrent cancel or decision cannot drop the claims this rewrites.
  return lock ? query.for('update') : query;
}
