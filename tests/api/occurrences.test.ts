import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
