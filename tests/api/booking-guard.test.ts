import { bookings, isOverlapViolation, rowsOf, sqlState } from '@motesplats/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHallFixture } from '../fixtures/premises';
import { ENGINE } from '../setup/env';
import { openTestDb, type TestDb } from '../setup/test-db';

/** DESIGN.md invariant 1, enforced by PostgreSQL itself (exclusion constraint on claims). */
describe(`double-booking guard (${ENGINE})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('empty', { maxConnections: 60 });
  });
  afterAll(() => t.close());

  const expectClash = async (p: Promise<unknown>) => {
    const error = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, 'the insert should have been refused').not.toBeNull();
    expect(sqlState(error)).toBe('23P01');
    expect(isOverlapViolation(error)).toBe(true);
  };

  it('refuses two overlapping holding bookings of one venue', async () => {
    const f = await createHallFixture(t.db);
    await f.book(f.spaces.other, '2026-12-01T10:00Z', '2026-12-01T12:00Z', 'approved');
    await expectClash(f.book(f.spaces.other, '2026-12-01T11:00Z', '2026-12-01T13:00Z', 'pending'));
    await expectClash(f.book(f.spaces.other, '2026-12-01T09:00Z', '2026-12-01T10:30Z', 'approved'));
  });

  it('accepts touching bookings and the same time at different venues', async () => {
    const f = await createHallFixture(t.db);
    await f.book(f.spaces.other, '2026-12-01T10:00Z', '2026-12-01T12:00Z');
    await f.book(f.spaces.other, '2026-12-01T12:00Z', '2026-12-01T13:00Z');
    await f.book(f.spaces.north, '2026-12-01T10:00Z', '2026-12-01T12:00Z');
  });

  it('accepts an overlap when the other booking is rejected, withdrawn or cancelled', async () => {
    const f = await createHallFixture(t.db);
    await f.book(f.spaces.other, '2026-12-02T10:00Z', '2026-12-02T12:00Z', 'rejected');
    await f.book(f.spaces.other, '2026-12-02T10:00Z', '2026-12-02T12:00Z', 'withdrawn');
    await f.book(f.spaces.other, '2026-12-02T10:00Z', '2026-12-02T12:00Z', 'cancelled');
    await f.book(f.spaces.other, '2026-12-02T10:00Z', '2026-12-02T12:00Z', 'approved');
  });

  it('frees the time when a holding booking is cancelled, and holds it again if restored', async () => {
    const f = await createHallFixture(t.db);
    const [first] = await f.book(
      f.spaces.other,
      '2026-12-03T10:00Z',
      '2026-12-03T12:00Z',
      'approved',
    );
    await t.db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, first!.id));
    await f.book(f.spaces.other, '2026-12-03T11:00Z', '2026-12-03T12:00Z', 'pending');
    await expectClash(
      t.db.update(bookings).set({ status: 'approved' }).where(eq(bookings.id, first!.id)),
    );
  });

  it('leaves the claims untouched when a decision keeps the booking holding', async () => {
    const f = await createHallFixture(t.db);
    const [held] = await f.book(f.spaces.hall, '2026-12-04T10:00Z', '2026-12-04T12:00Z');
    const claims = async () =>
      rowsOf<{ space_id: string; version: string }>(
        await t.db.execute(
          sql`select space_id, xmin::text as version from booking_claims where booking_id = ${held!.id} order by space_id`,
        ),
      );
    const before = await claims();
    expect(before).toHaveLength(2); // the whole hall claims both halves
    await t.db.update(bookings).set({ status: 'approved' }).where(eq(bookings.id, held!.id));
    // Rewriting them would make approving an insert that can wait on a rival's claim.
    expect(await claims()).toEqual(before);
    await t.db
      .update(bookings)
      .set({ endsAt: new Date('2026-12-04T13:00Z') })
      .where(eq(bookings.id, held!.id));
    const moved = await claims();
    expect(moved).toHaveLength(2);
    expect(moved.map((c) => c.version)).not.toEqual(before.map((c) => c.version));
  });

  it('refuses moving a booking onto another', async () => {
    const f = await createHallFixture(t.db);
    await f.book(f.spaces.other, '2026-12-04T10:00Z', '2026-12-04T12:00Z');
    const [b] = await f.book(f.spaces.other, '2026-12-04T13:00Z', '2026-12-04T14:00Z');
    await expectClash(
      t.db
        .update(bookings)
        .set({ startsAt: new Date('2026-12-04T11:30Z') })
        .where(eq(bookings.id, b!.id)),
    );
  });

  it('lets the two halves coexist, and the whole hall clash with either half', async () => {
    const f = await createHallFixture(t.db);
    await f.book(f.spaces.north, '2026-12-05T10:00Z', '2026-12-05T12:00Z', 'approved');
    await f.book(f.spaces.south, '2026-12-05T10:00Z', '2026-12-05T12:00Z', 'pending');
    await expectClash(f.book(f.spaces.hall, '2026-12-05T11:00Z', '2026-12-05T13:00Z'));

    await f.book(f.spaces.hall, '2026-12-06T10:00Z', '2026-12-06T12:00Z', 'approved');
    await expectClash(f.book(f.spaces.north, '2026-12-06T11:00Z', '2026-12-06T11:30Z'));
    await expectClash(f.book(f.spaces.south, '2026-12-06T09:00Z', '2026-12-06T10:01Z'));
    await expectClash(f.book(f.spaces.hall, '2026-12-06T11:59Z', '2026-12-06T13:00Z'));
  });

  it("includes the venue's buffer in the claimed range", async () => {
    const f = await createHallFixture(t.db, { bufferMinutes: 30 });
    await f.book(f.spaces.north, '2026-12-07T10:00Z', '2026-12-07T12:00Z', 'approved');
    await expectClash(f.book(f.spaces.north, '2026-12-07T12:15Z', '2026-12-07T13:00Z'));
    await f.book(f.spaces.north, '2026-12-07T12:30Z', '2026-12-07T13:00Z');
    // The other half is not touched by the first booking's buffer.
    await f.book(f.spaces.south, '2026-12-07T12:00Z', '2026-12-07T13:00Z');
  });

  it.runIf(ENGINE === 'postgres')(
    'keeps exactly one of 50 concurrent overlapping bookings',
    async () => {
      const f = await createHallFixture(t.db);
      const attempts = Array.from({ length: 50 }, (_, i) =>
        f.book(
          i % 3 === 0 ? f.spaces.hall : i % 3 === 1 ? f.spaces.north : f.spaces.south,
          `2026-12-08T10:${String(i).padStart(2, '0')}Z`,
          `2026-12-08T12:${String(i).padStart(2, '0')}Z`,
          'pending',
        ),
      );
      const results = await Promise.allSettled(attempts);
      const refused = results.filter((r) => r.status === 'rejected');
      for (const r of refused) expect(sqlState((r as PromiseRejectedResult).reason)).toBe('23P01');
      const held = await t.db
        .select({ spaceId: bookings.spaceId })
        .from(bookings)
        .where(eq(bookings.venueId, f.hallVenueId));
      // Either one booking of the whole hall, or at most one per half: never an overlap.
      const hall = held.filter((h) => h.spaceId === f.spaces.hall).length;
      const north = held.filter((h) => h.spaceId === f.spaces.north).length;
      const south = held.filter((h) => h.spaceId === f.spaces.south).length;
      expect(hall === 1 ? north + south : hall).toBe(0);
      expect(north).toBeLessThanOrEqual(1);
      expect(south).toBeLessThanOrEqual(1);
      expect(held.length).toBeGreaterThanOrEqual(1);
    },
  );

  it.runIf(ENGINE === 'postgres')(
    'keeps exactly one of 50 concurrent bookings of the same room',
    async () => {
      const f = await createHallFixture(t.db);
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          f.book(
            f.spaces.other,
            `2026-12-09T10:${String(i).padStart(2, '0')}Z`,
            '2026-12-09T12:00Z',
          ),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const held = await t.db.select().from(bookings).where(eq(bookings.venueId, f.otherVenueId));
      expect(held).toHaveLength(1);
    },
  );
});
