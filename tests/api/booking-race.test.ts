import { bookingClaims, bookings, spaces } from '@motesplats/db';
import { claimedSpaceIds, DomainFailure } from '@motesplats/domain';
import { eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBookingRequest } from '../../apps/api/src/services/bookings/create-booking-request';
import { addSpace } from '../../apps/api/src/services/venues-admin/spaces';
import { createBookingWorld, serviceCtxFor } from '../fixtures/booking';
import { ENGINE } from '../setup/env';
import { openTestDb, type TestDb } from '../setup/test-db';

const N = 50;
const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Helsinki' }).toISO()!;

/** Resolves once `n` callers have arrived. */
function barrier(n: number) {
  let arrived = 0;
  let open!: () => void;
  const all = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    arrived += 1;
    if (arrived === n) open();
    await all;
  };
}

/**
 * DESIGN.md invariant 1 under load, through the use case the route calls: every request in
 * its own transaction, held open so rivals must wait on an uncommitted claim. The database
 * decides; the losers get the same clear clash answer as a sequential request would.
 */
describe.runIf(ENGINE === 'postgres')('fifty members at once (postgres)', () => {
  let t: TestDb;
  let world: Awaited<ReturnType<typeof createBookingWorld>>;
  beforeAll(async () => {
    t = await openTestDb('demo', { maxConnections: N + 10 });
    world = await createBookingWorld(t.db, { extraAssociations: N });
  });
  afterAll(() => t.close());

  /** What the sessions waiting on a lock wait for ('advisory', 'transactionid', …). */
  const waitEvents = new Set<string>();
  const lockWaiters = async () => {
    const rows = (await t.db.execute(
      sql`select wait_event from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    )) as unknown as { wait_event: string }[];
    for (const r of rows) waitEvents.add(r.wait_event);
    return rows.length;
  };

  const attempt = async (
    i: number,
    start: string,
    end: string,
    hold: () => Promise<void>,
    enter: () => Promise<void>,
  ) => {
    const base = await serviceCtxFor(t.db, world.memberUserId);
    return t.db
      .transaction(async (tx) => {
        await enter();
        const view = await createBookingRequest({
          ctx: { ...base, db: tx as never },
          input: {
            body: {
              venueId: world.hallVenueId,
              spaceId:
                i % 3 === 0
                  ? world.spaces.hall
                  : i % 3 === 1
                    ? world.spaces.north
                    : world.spaces.hall,
              associationId: world.moreAssociations[i],
              purpose: `Försök ${i}`,
              expectedAttendance: 10,
              acceptTerms: true,
              start: at(start),
              end: at(end),
            },
            origin: 'http://localhost',
          },
        });
        await hold();
        return view;
      })
      .then(
        (view) => ({ ok: true as const, view }),
        (error: unknown) => ({ ok: false as const, error }),
      );
  };

  it('keeps exactly one of 50 overlapping requests; the other 49 get a 409 clash naming it', async () => {
    let maxWaiters = 0;
    const enter = barrier(N);
    // The first to insert holds its transaction open until its rivals wait on it.
    const hold = async () => {
      const until = Date.now() + 20_000;
      while (Date.now() < until) {
        const n = await lockWaiters();
        maxWaiters = Math.max(maxWaiters, n);
        if (n >= N - 1) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        attempt(
          i,
          `2026-12-10T17:${String(i % 30).padStart(2, '0')}`,
          `2026-12-10T19:${String(i % 30).padStart(2, '0')}`,
          hold,
          enter,
        ),
      ),
    );
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(N - 1);
    expect(maxWaiters).toBeGreaterThan(0);
    // Rivals queue on the room's day before inserting a claim: none waits on another's
    // uncommitted claim (a 'transactionid' wait), where two at once could deadlock.
    expect([...waitEvents]).toEqual(['advisory']);
    const winner = won[0]!.view!;
    for (const r of lost) {
      const error = (r as { error: unknown }).error;
      expect(error).toBeInstanceOf(DomainFailure);
      const failure = (error as DomainFailure).error;
      expect(failure.kind).toBe('clash');
      if (failure.kind !== 'clash') continue;
      expect(failure.clashes).toHaveLength(1);
      expect(failure.clashes[0]!.taken.start.toISOString()).toBe(winner.bookings[0]!.start);
    }
    const stored = await t.db
      .select()
      .from(bookings)
      .where(eq(bookings.venueId, world.hallVenueId));
    expect(stored.map((b) => b.purpose)).toEqual([winner.purpose]);
  });

  it('keeps all of 50 requests for other days, each held open until all have inserted', async () => {
    const enter = barrier(N);
    const inserted = barrier(N);
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => {
        const day = DateTime.fromISO('2026-12-14', { zone: 'Europe/Helsinki' }).plus({
          days: i,
        });
        const hour = 8 + 2 * (i % 7);
        const start = day.set({ hour }).toFormat("yyyy-MM-dd'T'HH:mm");
        const end = day.set({ hour: hour + 2 }).toFormat("yyyy-MM-dd'T'HH:mm");
        return attempt(i, start, end, inserted, enter);
      }),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const overlapping = await t.db.execute(sql`
      select count(*)::int as n from booking_claims a join booking_claims b
        on a.space_id = b.space_id and a.booking_id < b.booking_id and a.during && b.during`);
    expect((overlapping as unknown as { n: number }[])[0]!.n).toBe(0);
    const stored = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(bookings)
      .where(
        sql`${bookings.venueId} = ${world.hallVenueId} and ${bookings.startsAt} >= '2026-12-13T22:00Z'`,
      );
    expect(stored[0]!.n).toBe(N);
  });

  it('keeps all of 50 requests for disjoint slots of the same days: they queue, none is lost', async () => {
    const enter = barrier(N);
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => {
        const day = DateTime.fromISO('2027-03-01', { zone: 'Europe/Helsinki' }).plus({
          days: Math.floor(i / 7),
        });
        const hour = 8 + 2 * (i % 7);
        const start = day.set({ hour }).toFormat("yyyy-MM-dd'T'HH:mm");
        const end = day.set({ hour: hour + 2 }).toFormat("yyyy-MM-dd'T'HH:mm");
        return attempt(i, start, end, async () => {}, enter);
      }),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const stored = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(bookings)
      .where(
        sql`${bookings.venueId} = ${world.hallVenueId} and ${bookings.startsAt} >= '2027-02-28T22:00Z'`,
      );
    expect(stored[0]!.n).toBe(N);
  });

  it('a part added while a request for the whole hall is in flight, either way round: the whole claims it', async () => {
    const staffCtx = await serviceCtxFor(t.db, world.staffUserId);
    const waitFor = async (n: number) => {
      for (const until = Date.now() + 20_000; Date.now() < until;)
        if ((await lockWaiters()) >= n) return;
        else await new Promise((r) => setTimeout(r, 20));
      throw new Error('no one waited');
    };
    const signal = () => {
      let fire!: () => void;
      return { done: new Promise<void>((r) => (fire = r)), fire: () => fire() };
    };
    const request = (day: string, inserted = () => {}, hold = async () => {}) =>
      t.db.transaction(async (tx) => {
        const view = await createBookingRequest({
          ctx: { ...staffCtx, db: tx as never },
          input: {
            body: {
              venueId: world.hallVenueId,
              cityUse: true,
              purpose: 'Stadens möte',
              expectedAttendance: 10,
              start: at(`${day}T10:00`),
              end: at(`${day}T12:00`),
            },
            origin: 'http://localhost',
          },
        });
        inserted();
        await hold();
        return view.bookings[0]!.id;
      });
    const add = (sv: string, added = () => {}, hold = async () => {}) =>
      t.db.transaction(async (tx) => {
        const view = await addSpace({
          ctx: { ...staffCtx, db: tx as never },
          input: { id: world.hallVenueId, lang: 'sv', body: { name: { sv } } },
        });
        added();
        await hold();
        return view;
      });
    const expectClaimsFollow = async (bookingId: string) => {
      const tree = await t.db.select().from(spaces).where(eq(spaces.venueId, world.hallVenueId));
      const claims = await t.db
        .select()
        .from(bookingClaims)
        .where(eq(bookingClaims.bookingId, bookingId));
      expect(claims.map((c) => c.spaceId).sort()).toEqual(claimedSpaceIds(world.spaces.hall, tree));
      expect(claims).toHaveLength(tree.length - 1);
    };

    // The request inserts first and stays open: the edit waits for it, then moves its claims.
    const first = signal();
    const [booked] = await Promise.all([
      request('2027-04-06', first.fire, () => waitFor(1)),
      first.done.then(() => add('Scenen')),
    ]);
    await expectClaimsFollow(booked);
    // The edit goes first and stays open: a request for a day nobody holds waits on the venue
    // row (its foreign key) and its claims then cover the new part too.
    const second = signal();
    const [, later] = await Promise.all([
      add('Läktaren', second.fire, () => waitFor(1)),
      second.done.then(() => request('2027-04-07')),
    ]);
    await expectClaimsFollow(later);
    await expectClaimsFollow(booked);
  });
});
