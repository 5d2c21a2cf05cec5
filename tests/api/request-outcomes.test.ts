import { bookingRequests, bookings } from '@motesplats/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBookingWorld } from '../fixtures/booking';
import { insertBooking } from '../fixtures/premises';
import { TestClient } from '../setup/client';
import { ENGINE, TEST_NOW } from '../setup/env';
import { json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const DEMO = 'motesplats-demo';
const at = (local: string) =>
  DateTime.fromISO(local, { zone: 'Europe/Helsinki' }).toISO({ suppressMilliseconds: true })!;
const local = (text: string) => DateTime.fromISO(text, { zone: 'Europe/Helsinki' }).toJSDate();

/**
 * A request's outcome and first decision, which the yearly report counts, are kept by the
 * database from the request's dates (migration 0011, decision 018), whoever writes them.
 */
describe(`a request's outcome follows its dates (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  let member: TestClient;
  let staff: TestClient;
  let world: Awaited<ReturnType<typeof createBookingWorld>>;

  beforeAll(async () => {
    t = await openTestDb('demo', { maxConnections: 4 });
    app = createTestApp(t);
    world = await createBookingWorld(t.db);
    member = new TestClient(app);
    await member.signIn('mll@demo.example', DEMO);
    staff = new TestClient(app);
    await staff.signIn('staff.pargas@demo.example', DEMO);
  });
  afterAll(() => t.close());

  const outcomeOf = async (requestId: string) => {
    const [r] = await t.db
      .select({ outcome: bookingRequests.outcome, firstDecidedAt: bookingRequests.firstDecidedAt })
      .from(bookingRequests)
      .where(eq(bookingRequests.id, requestId));
    return r!;
  };

  it('through the use cases: pending, then rejected, then approved, and approved after a cancellation', async () => {
    const res = await member.post('/api/bookings', {
      venueId: world.hallVenueId,
      associationId: world.associationId,
      purpose: 'Körövning',
      expectedAttendance: 20,
      acceptTerms: true,
      start: at('2027-01-05T17:30'),
      end: at('2027-01-05T19:30'),
      repeat: { weekly: { until: '2027-01-19' } },
    });
    expect(res.status).toBe(201);
    const { id } = await json(res);
    expect(await outcomeOf(id)).toEqual({ outcome: 'pending', firstDecidedAt: null });

    const rejected = await staff.post(`/api/bookings/${id}/decision`, {
      decision: 'reject',
      reason: 'Salen renoveras den veckan.',
      dates: ['2027-01-12'],
    });
    expect(rejected.status).toBe(200);
    // One date rejected, two pending: rejected ranks before pending (decision 018).
    expect(await outcomeOf(id)).toEqual({ outcome: 'rejected', firstDecidedAt: TEST_NOW });

    expect(
      (
        await staff.post(`/api/bookings/${id}/decision`, {
          decision: 'approve',
          dates: ['2027-01-05'],
        })
      ).status,
    ).toBe(200);
    expect(await outcomeOf(id)).toEqual({ outcome: 'approved', firstDecidedAt: TEST_NOW });

    expect(
      (await member.post(`/api/bookings/${id}/cancel`, { dates: ['2027-01-05'] })).status,
    ).toBe(200);
    expect((await outcomeOf(id)).outcome).toBe('approved');
  });

  it('for any writer: several requests in one statement, a removed date, and undecided ends', async () => {
    const slot = async (start: string, status: 'pending' | 'withdrawn' | 'cancelled') => {
      const [b] = await insertBooking(t.db, {
        municipalityId: world.municipalityId,
        venueId: world.otherVenueId,
        spaceId: world.spaces.other,
        associationId: world.associationId,
        startsAt: local(start),
        endsAt: local(start.replace('T10', 'T12')),
        status,
        purpose: 'Möte',
      });
      return b!;
    };
    const a = await slot('2027-02-01T10:00', 'pending');
    const b = await slot('2027-02-02T10:00', 'pending');
    const withdrawn = await slot('2027-02-03T10:00', 'withdrawn');
    const cancelled = await slot('2027-02-04T10:00', 'cancelled');
    expect((await outcomeOf(withdrawn.requestId)).outcome).toBe('withdrawn');
    // Cancelled before any decision (no decided_at): neither approved nor rejected.
    expect((await outcomeOf(cancelled.requestId)).outcome).toBe('cancelled');

    // A second date of request a, then both requests decided by one statement.
    const [a2] = await t.db
      .insert(bookings)
      .values({
        municipalityId: world.municipalityId,
        venueId: world.otherVenueId,
        spaceId: world.spaces.other,
        associationId: world.associationId,
        requestId: a.requestId,
        startsAt: local('2027-02-08T10:00'),
        endsAt: local('2027-02-08T12:00'),
        status: 'pending',
        purpose: 'Möte',
      })
      .returning();
    const decidedAt = new Date('2026-11-25T08:00:00Z');
    await t.db
      .update(bookings)
      .set({ status: 'rejected', decidedAt })
      .where(inArray(bookings.id, [a.id, b.id]));
    expect(await outcomeOf(a.requestId)).toEqual({
      outcome: 'rejected',
      firstDecidedAt: decidedAt,
    });
    expect(await outcomeOf(b.requestId)).toEqual({
      outcome: 'rejected',
      firstDecidedAt: decidedAt,
    });

    await t.db
      .update(bookings)
      .set({ status: 'approved', decidedAt: new Date('2026-11-26T08:00:00Z') })
      .where(eq(bookings.id, a2!.id));
    expect(await outcomeOf(a.requestId)).toEqual({
      outcome: 'approved',
      firstDecidedAt: decidedAt,
    });
    // The approved date removed: the request is what its remaining date says.
    await t.db.delete(bookings).where(eq(bookings.id, a2!.id));
    expect(await outcomeOf(a.requestId)).toEqual({
      outcome: 'rejected',
      firstDecidedAt: decidedAt,
    });
  });

  it.runIf(ENGINE === 'postgres')(
    'stays right when two dates of one request are decided at once in two transactions',
    async () => {
      const [first] = await insertBooking(t.db, {
        municipalityId: world.municipalityId,
        venueId: world.otherVenueId,
        spaceId: world.spaces.other,
        associationId: world.associationId,
        startsAt: local('2027-03-01T10:00'),
        endsAt: local('2027-03-01T12:00'),
        status: 'pending',
        purpose: 'Möte',
      });
      const requestId = first!.requestId;
      const [second] = await t.db
        .insert(bookings)
        .values({
          municipalityId: world.municipalityId,
          venueId: world.otherVenueId,
          spaceId: world.spaces.other,
          associationId: world.associationId,
          requestId,
          startsAt: local('2027-03-08T10:00'),
          endsAt: local('2027-03-08T12:00'),
          status: 'pending',
          purpose: 'Möte',
        })
        .returning();

      // The approval commits while the rejection of the other date is under way: the rejecting
      // transaction's summary must still see the approval, so the request is approved.
      let approve!: () => void;
      const approvalWritten = new Promise<void>((resolve) => (approve = resolve));
      let release!: () => void;
      const commitApproval = new Promise<void>((resolve) => (release = resolve));
      const approving = t.db.transaction(async (tx) => {
        await tx
          .update(bookings)
          .set({ status: 'approved', decidedAt: new Date('2026-11-24T09:00:00Z') })
          .where(eq(bookings.id, first!.id));
        approve();
        await commitApproval;
      });
      await approvalWritten;
      const rejecting = t.db.transaction(async (tx) => {
        await tx
          .update(bookings)
          .set({ status: 'rejected', decidedAt: new Date('2026-11-24T09:30:00Z') })
          .where(and(eq(bookings.id, second!.id), eq(bookings.status, 'pending')));
      });
      // Let the rejection reach its lock on the request, then commit the approval.
      for (let i = 0; i < 50; i++) {
        const waiting = (await t.db.execute(
          sql`select count(*)::int as n from pg_stat_activity
               where datname = current_database() and wait_event_type = 'Lock'`,
        )) as unknown as { n: number }[];
        if (waiting[0]!.n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      release();
      await Promise.all([approving, rejecting]);
      expect(await outcomeOf(requestId)).toEqual({
        outcome: 'approved',
        firstDecidedAt: new Date('2026-11-24T09:00:00Z'),
      });
    },
  );
});
