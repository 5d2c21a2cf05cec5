import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../setup/client';
import { ENGINE } from '../setup/env';
import type { Json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const DEMO = 'motesplats-demo';
type Figure = { value: number | null; previous: number | null };
type Summary = Record<string, Figure>;

/**
 * What a staff member of a demo installation sees in the yearly report: the demo's history
 * (about fifteen months back from TEST_NOW, 2026-11-24) gives this year and last year real
 * figures, last year's somewhat lower.
 */
describe(`the yearly report on the demo data (${ENGINE})`, () => {
  let t: TestDb;
  let staff: TestClient;

  const summary = async (year: number): Promise<Summary> => {
    const res = await staff.get(`/api/reports/indicators?municipality=borga&year=${year}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as Json).summary as Summary;
  };

  beforeAll(async () => {
    t = await openTestDb('demo');
    staff = new TestClient(createTestApp(t));
    await staff.signIn('staff.borga@demo.example', DEMO);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows this year beside a lower previous year', async () => {
    const s = await summary(2026);
    for (const f of ['bookings', 'bookedHours', 'events', 'occurrences', 'participants']) {
      expect(s[f]!.value, f).toBeGreaterThan(0);
      expect(s[f]!.previous, f).toBeGreaterThan(0);
    }
    expect(s.bookings!.previous!).toBeLessThan(s.bookings!.value!);
    expect(s.participants!.previous!).toBeLessThan(s.participants!.value!);
    expect(s.requestsApproved!.value).toBeGreaterThan(0);
    expect(s.requestsRejected!.value! + s.requestsWithdrawn!.value!).toBeGreaterThan(0);
    expect(s.medianHoursToDecision!.value).toBeGreaterThan(0);
    expect(s.utilisation!.value).toBeGreaterThan(0);
    expect(s.activeAssociations!.value).toBeGreaterThan(0);
    // Most dates over have a count; some do not (the report shows the share).
    expect(s.shareUncounted!.value).toBeGreaterThan(0);
    expect(s.shareUncounted!.value).toBeLessThan(0.5);
  });

  it('shows last year with figures of its own', async () => {
    const s = await summary(2025);
    for (const f of ['bookings', 'bookedHours', 'occurrences', 'participants'])
      expect(s[f]!.value, f).toBeGreaterThan(0);
    // The history starts in August 2025: the year before that has nothing to compare with.
    expect(s.bookings!.previous).toBe(0);
  });
});
