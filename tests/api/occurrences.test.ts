import { eventOccurrences, events } from '@motesplats/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventFixture } from '../fixtures/events';
import { createHallFixture } from '../fixtures/premises';
import { ENGINE, TEST_NOW } from '../setup/env';
import { json, type Json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

describe(`GET /api/occurrences (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
  });
  afterAll(() => t.close());
  const get = async (query: string) => {
    const res = await app.request(`/api/occurrences${query}`);
    return { res, body: await json(res) };
  };
  /** A published event elsewhere with `count` half-hour dates an hour apart from `first`. */
  const hourlyEvent = async (o: { title: string; key: string; first: string; count: number }) => {
    const f = await createHallFixture(t.db);
    const first = new Date(o.first);
    const hour = 3_600_000;
    const [event] = await t.db
      .insert(events)
      .values({
        municipalityId: f.municipalityId,
        associationId: f.associationId,
        categorySlug: 'culture',
        locationText: 'Torget',
        title: { sv: o.title },
        languages: ['sv'],
        status: 'published',
        uid: `event-${o.key}-test@motesplats`,
        startsAt: first,
        endsAt: new Date(first.getTime() + hour / 2),
      })
      .returning();
    await t.db.insert(eventOccurrences).values(
      Array.from({ length: o.count }, (_, i) => {
        const start = new Date(first.getTime() + i * hour);
        return {
          municipalityId: f.municipalityId,
          eventId: event!.id,
          startsAt: start,
          endsAt: new Date(start.getTime() + hour / 2),
          originalStartsAt: start,
          uid: `occurrence-${o.key}-${i}@motesplats`,
        };
      }),
    );
    return f;
  };

  it('lists upcoming occurrences of published events, soonest first, in the requested language', async () => {
    const { res, body } = await get('?lang=sv&limit=50');
    expect(res.status).toBe(200);
    expect(body.items.length).toBe(50);
    expect(body.page).toMatchObject({ limit: 50, offset: 0 });
    expect(body.page.total).toBeGreaterThan(50);
    const starts = body.items.map((o: Json) => Date.parse(o.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const o of body.items) expect(Date.parse(o.endsAt)).toBeGreaterThan(TEST_NOW.getTime());
    const cafe = body.items.find((o: Json) => o.event.category.slug === 'language-cafe');
    expect(cafe.event.title.lang).toBe('sv');
    expect(cafe.event.title.fallback).toBe(false);
    expect(cafe.event.category.name.text).toMatch(/språkcafé/i);
    expect(cafe.timeZone).toBe('Europe/Helsinki');
  });

  it('pages without overlap', async () => {
    const first = (await get('?limit=5&offset=0')).body;
    const second = (await get('?limit=5&offset=5')).body;
    const ids = [...first.items, ...second.items].map((o: Json) => o.id);
    expect(new Set(ids).size).toBe(10);
    expect(second.page.total).toBe(first.page.total);
  });

  it('filters by municipality, category, language spoken and venue', async () => {
    const pargas = (await get('?municipality=pargas&limit=100')).body;
    expect(pargas.items.length).toBeGreaterThan(0);
    for (const o of pargas.items) expect(o.municipality.slug).toBe('pargas');

    const cafes = (await get('?category=language-cafe&limit=100')).body;
    expect(cafes.items.length).toBeGreaterThan(0);
    for (const o of cafes.items) expect(o.event.category.slug).toBe('language-cafe');

    const arabic = (await get('?language=ar&limit=100')).body;
    expect(arabic.items.length).toBeGreaterThan(0);
    for (const o of arabic.items) expect(o.event.languages).toContain('ar');

    const venueId = cafes.items[0].venue.id;
    const atVenue = (await get(`?venue=${venueId}&limit=100`)).body;
    expect(atVenue.items.length).toBeGreaterThan(0);
    for (const o of atVenue.items) expect(o.venue.id).toBe(venueId);

    const none = (await get('?municipality=nowhere')).body;
    expect(none).toEqual({ items: [], page: { limit: 20, offset: 0, total: 0 } });
  });

  it('filters by the organizing association', async () => {
    const all = (await get('?limit=100')).body;
    const first = await json(await app.request(`/api/events/${all.items[0].event.id}`));
    const organizer = first.organizer.id;
    const theirs = (await get(`?association=${organizer}&limit=100`)).body;
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.page.total).toBeLessThan(all.page.total);
    for (const o of theirs.items) {
      const event = await json(await app.request(`/api/events/${o.event.id}`));
      expect(event.organizer.id).toBe(organizer);
    }
    const others = all.items.filter((o: Json) => !theirs.items.some((t: Json) => t.id === o.id));
    expect(others.length).toBeGreaterThan(0);
    const nobody = (await get('?association=00000000-0000-4000-8000-000000000000')).body;
    expect(nobody.items).toEqual([]);
  });

  it('filters by a date range in local days', async () => {
    const { body } = await get('?from=2026-12-01&to=2026-12-07&limit=100');
    expect(body.items.length).toBeGreaterThan(0);
    for (const o of body.items) {
      // 2026-12-01 00:00 Helsinki = 2026-11-30T22:00Z; the 7th ends at 2026-12-07T22:00Z.
      expect(Date.parse(o.endsAt)).toBeGreaterThan(Date.parse('2026-11-30T22:00:00Z'));
      expect(Date.parse(o.startsAt)).toBeLessThan(Date.parse('2026-12-07T22:00:00Z'));
    }
  });

  it('falls back to the municipality languages and says so', async () => {
    const { body } = await get('?lang=ar&limit=100');
    const fallbacks = body.items.filter((o: Json) => o.event.title.fallback);
    expect(fallbacks.length).toBeGreaterThan(0);
    for (const o of fallbacks) expect(o.event.title.lang).not.toBe('ar');
    const arabic = body.items.filter((o: Json) => o.event.title.lang === 'ar');
    expect(arabic.length).toBeGreaterThan(0);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=abc', 'limit'],
    ['offset=-1', 'offset'],
    ['from=yesterday', 'from'],
    ['to=2026-13-45', 'to'],
    ['venue=123', 'venue'],
    ['association=map', 'association'],
    ['lang=xx', 'lang'],
    ['language=arabic', 'language'],
    ['municipality=Borg%C3%A5!', 'municipality'],
  ])('answers 400 problem+json naming the parameter for %s', async (query, parameter) => {
    const res = await app.request(`/api/occurrences?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await json(res);
    expect(body.status).toBe(400);
    expect(body.errors.map((e: Json) => e.path)).toContain(parameter);
    expect(body.detail).toContain(parameter);
  });

  it('answers 400 when the range ends before it starts', async () => {
    const res = await app.request('/api/occurrences?from=2026-12-10&to=2026-12-01');
    expect(res.status).toBe(400);
    expect((await json(res)).errors[0].path).toBe('to');
  });

  it('lists an exhibition that began 13 days ago and still runs; the database refuses a date over 14 days', async () => {
    const day = 86_400_000;
    const start = new Date(TEST_NOW.getTime() - 13 * day);
    const fixture = await createEventFixture(t.db, [
      { start, end: new Date(start.getTime() + 14 * day) },
    ]);
    const { body } = await get(`?venue=${fixture.venueId}&lang=sv`);
    expect(body.items.map((o: Json) => o.startsAt)).toEqual([start.toISOString()]);
    const ranged = await get(`?venue=${fixture.venueId}&from=2026-11-24&to=2026-11-24`);
    expect(ranged.body.items.length).toBe(1);
    await expect(
      t.db
        .update(eventOccurrences)
        .set({ endsAt: new Date(start.getTime() + 14 * day + 60_000) })
        .where(eq(eventOccurrences.eventId, fixture.eventId)),
    ).rejects.toThrow();
  });

  describe('a period of the calendar in one answer (/api/occurrences/period)', () => {
    it('answers what the paged list answers for the same days, with the count', async () => {
      const range = 'from=2026-12-01&to=2026-12-14&lang=fi';
      const period = await get(`/period?${range}`);
      expect(period.res.status).toBe(200);
      const pages: Json[] = [];
      let total: number;
      for (let offset = 0; ; offset += 100) {
        const { body } = await get(`?${range}&limit=100&offset=${offset}`);
        pages.push(...body.items);
        total = body.page.total;
        if (pages.length >= total) break;
      }
      expect(total).toBeGreaterThan(5);
      expect(period.body.total).toBe(total);
      expect(period.body.items.map((o: Json) => o.id)).toEqual(pages.map((o) => o.id));
      expect(period.body.items[0]).toEqual(pages[0]);
    });

    it('shows the first 300 of a crowded period and counts them all', async () => {
      const f = await hourlyEvent({
        title: 'Timvis konsert',
        key: 'period',
        first: '2027-02-01T06:00:00Z',
        count: 305,
      });
      const { body } = await get(
        `/period?association=${f.associationId}&from=2027-02-01&to=2027-02-28&lang=sv`,
      );
      expect(body.total).toBe(305);
      expect(body.items.length).toBe(300);
      expect(body.items.at(-1).uid).toBe('occurrence-period-299@motesplats');
    });

    it('with perDay gives the first few of each local day and counts every day, across the spring DST change', async () => {
      // Hourly from 20:00 on Saturday 27 March (EET) for 30 hours: 4 that evening, 23 on
      // Sunday (the clocks go forward at 03:00, so the day has 23 hours), 3 after midnight.
      const f = await hourlyEvent({
        title: 'Nattlig stafett',
        key: 'per-day',
        first: '2027-03-27T18:00:00Z',
        count: 30,
      });
      const range = `association=${f.associationId}&from=2027-03-27&to=2027-03-29&lang=sv`;
      const { res, body } = await get(`/period?${range}&perDay=4`);
      expect(res.status).toBe(200);
      expect(body.days).toEqual([
        { date: '2027-03-27', count: 4 },
        { date: '2027-03-28', count: 23 },
        { date: '2027-03-29', count: 3 },
      ]);
      expect(body.total).toBe(30);
      expect(body.items.map((o: Json) => o.uid)).toEqual(
        [0, 1, 2, 3, 4, 5, 6, 7, 27, 28, 29].map((i) => `occurrence-per-day-${i}@motesplats`),
      );
      // The same occurrences as the whole period's answer, described the same.
      const whole = await get(`/period?${range}`);
      expect(whole.body.total).toBe(30);
      expect(whole.body.days).toBeUndefined();
      const byId = new Map(whole.body.items.map((o: Json) => [o.id, o]));
      for (const o of body.items) expect(o).toEqual(byId.get(o.id));

      for (const bad of ['0', '21', '1.5', 'x']) {
        const refused = await get(`/period?${range}&perDay=${bad}`);
        expect(refused.res.status, bad).toBe(400);
        expect(refused.body.errors[0].path).toBe('perDay');
      }
    });

    it('refuses a period longer than six weeks, and one without its end', async () => {
      const long = await get('/period?from=2026-12-01&to=2027-01-15');
      expect(long.res.status).toBe(400);
      expect(long.body.errors[0].path).toBe('to');
      const open = await get('/period?from=2026-12-01');
      expect(open.res.status).toBe(400);
      expect(open.body.errors[0].path).toBe('to');
    });
  });
});
