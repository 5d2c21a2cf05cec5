// Property-based tests of the booking write path (issues 7 and 12): random and hostile
// requests — overlapping series, DST changes, slots past midnight, reversed and huge
// ranges, junk in every field — are answered 201 or a 4xx problem+json, never 5xx, and
// afterwards no two holding bookings overlap on any space (DESIGN.md invariant 1).
import fc from 'fast-check';
import { rowsOf } from '@motesplats/db';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBookingWorld } from '../fixtures/booking';
import { TestClient } from '../setup/client';
import { ENGINE } from '../setup/env';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);
const ZONE = 'Europe/Helsinki';

describe(`random booking requests keep the no-overlap invariant (${ENGINE})`, () => {
  let t: TestDb;
  let member: TestClient;
  let staff: TestClient;
  let world: Awaited<ReturnType<typeof createBookingWorld>>;
  const created: string[] = [];

  beforeAll(async () => {
    t = await openTestDb('demo');
    const app = createTestApp(t);
    world = await createBookingWorld(t.db, { bufferMinutes: 15, extraAssociations: 3 });
    await t.db.execute(sql`update venues set max_open_requests = 1000
      where municipality_id = ${world.municipalityId}`);
    member = new TestClient(app);
    await member.signIn('mll@demo.example', 'motesplats-demo');
    staff = new TestClient(app);
    await staff.signIn('staff.pargas@demo.example', 'motesplats-demo');
  });
  afterAll(() => t.close());

  /** The answer's body after checking it is 2xx as expected or a 4xx problem, never 5xx. */
  const expectProblemOr = async (res: Response, ok: number[]) => {
    const text = await res.text();
    expect(res.status, text).toBeLessThan(500);
    const body = JSON.parse(text);
    if (ok.includes(res.status)) return body;
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(body.status).toBe(res.status);
    return body;
  };

  // Around the end of DST (25 Oct 2027 is outside the horizon; 2027-03-28 is its start),
  // midnights and the venue's 08:00 opening, in whole quarters of an hour.
  const localStart = fc
    .record({
      day: fc.integer({ min: 0, max: 60 }),
      // mostly inside the opening hours (08–22), sometimes anywhere in the day
      quarter: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 32, max: 80 }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 95 }) },
      ),
    })
    .map(({ day, quarter }) =>
      DateTime.fromISO('2026-11-27', { zone: ZONE }).plus({ days: day, minutes: quarter * 15 }),
    );
  const request = fc.record({
    start: localStart,
    minutes: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(60, 90, 120, 180) },
      { weight: 1, arbitrary: fc.integer({ min: -120, max: 24 * 60 }) },
      { weight: 1, arbitrary: fc.constantFrom(0, 15, 480, 481) },
    ),
    space: fc.constantFrom('hall', 'north', 'south', 'other', undefined),
    association: fc.integer({ min: 0, max: 3 }),
    until: fc.option(fc.integer({ min: -7, max: 120 }), { nil: undefined }),
    except: fc.oneof(
      { weight: 3, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(fc.integer({ min: -3, max: 20 }), { maxLength: 3 }) },
    ),
    onlyFree: fc.boolean(),
    junk: fc.oneof(
      { weight: 4, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          { expectedAttendance: 0 },
          { expectedAttendance: 1e9 },
          { purpose: '\u0000' },
          { purpose: 'x'.repeat(600) },
          { start: '2026-02-30T10:00:00+02:00' },
          { end: 'soon' },
          { repeat: { weekly: { until: '2026-13-01', except: [] } } },
          { repeat: { monthly: {} } },
          { spaceId: '00000000-0000-4000-8000-000000000000' },
          { venueId: 'not-a-uuid' },
          { acceptTerms: 'yes' },
        ),
      },
    ),
  });

  it('answers 201 or a 4xx problem, and never lets two holding bookings overlap', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const start = r.start;
        const end = start.plus({ minutes: r.minutes });
        const spaceId = r.space ? world.spaces[r.space] : undefined;
        const venueId = r.space === 'other' ? world.otherVenueId : world.hallVenueId;
        const associationId = [world.associationId, ...world.moreAssociations][r.association];
        const body: Record<string, unknown> = {
          venueId,
          ...(spaceId ? { spaceId } : {}),
          associationId,
          purpose: 'Slumpmässig förfrågan',
          expectedAttendance: 10,
          acceptTerms: true,
          start: start.toISO(),
          end: end.toISO(),
          onlyFree: r.onlyFree,
          ...(r.until !== undefined
            ? {
                repeat: {
                  weekly: {
                    until: start.plus({ days: r.until }).toISODate(),
                    except: (r.except as number[]).map((w) => start.plus({ weeks: w }).toISODate()),
                  },
                },
              }
            : {}),
          ...r.junk,
        };
        const res = await member.post('/api/bookings', body);
        const answer = await expectProblemOr(res, [201]);
        if (res.status === 201) created.push(answer.id);
      }),
      { numRuns: RUNS },
    );
    expect(created.length).toBeGreaterThan(0);
    await expectNoOverlap();
  });

  it('decides, withdraws and cancels random dates of those requests without a 5xx', async () => {
    const action = fc.record({
      which: fc.nat(),
      kind: fc.constantFrom('approve', 'reject', 'withdraw', 'cancel'),
      dates: fc.option(
        fc.array(
          fc.oneof(
            fc
              .integer({ min: 0, max: 60 })
              .map((d) =>
                DateTime.fromISO('2026-11-26', { zone: ZONE }).plus({ days: d }).toISODate()!,
              ),
            fc.constantFrom('2026-02-30', 'x', ''),
          ),
          { maxLength: 3 },
        ),
        { nil: undefined },
      ),
      reason: fc.option(fc.constantFrom('Salen är upptagen.', '', ' ', '\u202e'), {
        nil: undefined,
      }),
    });
    await fc.assert(
      fc.asyncProperty(action, async (a) => {
        const id = created[a.which % created.length]!;
        const body = {
          ...(a.dates ? { dates: a.dates } : {}),
          ...(a.reason !== undefined ? { reason: a.reason } : {}),
        };
        const res =
          a.kind === 'approve' || a.kind === 'reject'
            ? await staff.post(`/api/bookings/${id}/decision`, { decision: a.kind, ...body })
            : await (a.kind === 'cancel' && a.which % 2 ? staff : member).post(
                `/api/bookings/${id}/${a.kind}`,
                body,
              );
        await expectProblemOr(res, [200]);
      }),
      { numRuns: RUNS },
    );
    await expectNoOverlap();
  });

  /** No two claims on one space overlap, and every holding booking has its claims. */
  async function expectNoOverlap() {
    const overlapping = await t.db.execute(sql`
      select count(*)::int as n from booking_claims a join booking_claims b
        on a.space_id = b.space_id and a.booking_id < b.booking_id and a.during && b.during`);
    expect(rowsOf<{ n: number }>(overlapping)[0]!.n).toBe(0);
    const unclaimed = await t.db.execute(sql`
      select count(*)::int as n from bookings b
      where b.status in ('pending', 'approved') and b.municipality_id = ${world.municipalityId}
        and not exists (select 1 from booking_claims c where c.booking_id = b.id)`);
    expect(rowsOf<{ n: number }>(unclaimed)[0]!.n).toBe(0);
  }
});
