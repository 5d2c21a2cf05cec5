import { eventOccurrences, events } from '@motesplats/db';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventFixture } from '../fixtures/events';
import { ENGINE } from '../setup/env';
import { openTestDb, type TestDb } from '../setup/test-db';

/**
 * DESIGN.md invariant 5 by construction: whoever writes a change a subscriber would see, the
 * database raises SEQUENCE (migration 0006), so no writer can forget it.
 */
describe(`SEQUENCE follows what subscribers see (${ENGINE})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('demo');
  });
  afterAll(() => t.close());

  const at = (iso: string) => new Date(iso);
  const fixture = () =>
    createEventFixture(t.db, [
      { start: at('2026-12-08T16:00Z'), end: at('2026-12-08T18:00Z') },
      { start: at('2026-12-15T16:00Z'), end: at('2026-12-15T18:00Z') },
    ]);
  const occurrencesOf = (eventId: string) =>
    t.db
      .select()
      .from(eventOccurrences)
      .where(eq(eventOccurrences.eventId, eventId))
      .orderBy(asc(eventOccurrences.originalStartsAt));

  it('moving or cancelling one occurrence raises its SEQUENCE, and only its own', async () => {
    const f = await fixture();
    const [first, second] = await occurrencesOf(f.eventId);
    await t.db
      .update(eventOccurrences)
      .set({ startsAt: at('2026-12-08T17:00Z'), endsAt: at('2026-12-08T19:00Z') })
      .where(eq(eventOccurrences.id, first!.id));
    const [a, b] = await occurrencesOf(f.eventId);
    expect([a!.sequence, b!.sequence]).toEqual([first!.sequence + 1, second!.sequence]);
    expect(a!.updatedAt.getTime()).toBeGreaterThan(first!.updatedAt.getTime());
    expect(a!.uid).toBe(first!.uid);
    expect(a!.originalStartsAt).toEqual(first!.originalStartsAt);

    const stamp = at('2026-11-24T10:00Z');
    await t.db
      .update(eventOccurrences)
      .set({ status: 'cancelled', cancelReason: 'Sjuk ledare', updatedAt: stamp })
      .where(eq(eventOccurrences.id, second!.id));
    const [, cancelled] = await occurrencesOf(f.eventId);
    expect(cancelled!.sequence).toBe(second!.sequence + 1);
    expect(b!.sequence).toBe(second!.sequence);
    // The writer's own clock is kept when it set one.
    expect(cancelled!.updatedAt).toEqual(stamp);
  });

  it('a writer that raises SEQUENCE itself does not get it raised twice', async () => {
    const f = await fixture();
    const [first] = await occurrencesOf(f.eventId);
    await t.db
      .update(eventOccurrences)
      .set({ endsAt: at('2026-12-08T18:30Z'), sequence: first!.sequence + 1 })
      .where(eq(eventOccurrences.id, first!.id));
    const [a] = await occurrencesOf(f.eventId);
    expect(a!.sequence).toBe(first!.sequence + 1);
  });

  it('what no subscriber sees (the booking link) raises nothing', async () => {
    const f = await fixture();
    const [first] = await occurrencesOf(f.eventId);
    await t.db
      .update(eventOccurrences)
      .set({ bookingId: null })
      .where(eq(eventOccurrences.id, first!.id));
    const [a] = await occurrencesOf(f.eventId);
    expect(a!.sequence).toBe(first!.sequence);
    expect(a!.updatedAt).toEqual(first!.updatedAt);
  });

  it("renaming the event raises the event's and every occurrence's SEQUENCE", async () => {
    const f = await fixture();
    const before = await occurrencesOf(f.eventId);
    const [event] = await t.db.select().from(events).where(eq(events.id, f.eventId));
    await t.db
      .update(events)
      .set({ title: { sv: 'Språkcafé på tisdagar' } })
      .where(eq(events.id, f.eventId));
    const [renamed] = await t.db.select().from(events).where(eq(events.id, f.eventId));
    expect(renamed!.sequence).toBe(event!.sequence + 1);
    const after = await occurrencesOf(f.eventId);
    expect(after.map((o) => o.sequence)).toEqual(before.map((o) => o.sequence + 1));
    // Only the search column changing is nothing a subscriber sees.
    await t.db.update(events).set({ searchText: 'x' }).where(eq(events.id, f.eventId));
    const [same] = await t.db.select().from(events).where(eq(events.id, f.eventId));
    expect(same!.sequence).toBe(renamed!.sequence);
  });
});
