import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../setup/env';
import { json, type Json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

describe(`venues (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  let venues: Json[];
  const byName = (sv: string) => venues.find((v) => v.name.text === sv);
  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
    venues = (await json(await app.request('/api/venues?lang=sv&limit=100'))).items;
  });
  afterAll(() => t.close());

  it('lists the venues of every municipality', async () => {
    expect(venues.length).toBeGreaterThanOrEqual(10);
    expect(new Set(venues.map((v) => v.municipality.slug))).toEqual(
      new Set(['borga', 'lovisa', 'vasa', 'pargas']),
    );
    expect(byName('Fabrikssalen')).toBeDefined();
  });

  it('filters by municipality, capacity and accessibility (all required)', async () => {
    const borga = (await json(await app.request('/api/venues?municipality=borga&limit=100'))).items;
    expect(borga.length).toBeGreaterThan(0);
    for (const v of borga) expect(v.municipality.slug).toBe('borga');

    const big = (await json(await app.request('/api/venues?minCapacity=100&limit=100'))).items;
    expect(big.length).toBeGreaterThan(0);
    expect(big.length).toBeLessThan(venues.length);
    for (const v of big) expect(v.capacity).toBeGreaterThanOrEqual(100);

    const res = await app.request('/api/venues?accessibility=step_free,hearing_loop&limit=100');
    const accessible = (await json(res)).items;
    expect(accessible.length).toBeGreaterThan(0);
    for (const v of accessible)
      expect(v.accessibility).toEqual(expect.arrayContaining(['step_free', 'hearing_loop']));
  });

  it('answers 400 naming a bad filter', async () => {
    for (const [query, parameter] of [
      ['accessibility=wings', 'accessibility'],
      ['minCapacity=-3', 'minCapacity'],
      ['limit=1000', 'limit'],
    ]) {
      const res = await app.request(`/api/venues?${query}`);
      expect(res.status).toBe(400);
      expect((await json(res)).errors[0].path).toBe(parameter);
    }
  });

  it('answers one venue with its facts, spaces and feed, without access instructions', async () => {
    const hall = byName('Fabrikssalen');
    const res = await app.request(`/api/venues/${hall.id}?lang=fi`);
    expect(res.status).toBe(200);
    const venue = await json(res);
    expect(venue.name).toEqual({ text: 'Tehdassali', lang: 'fi', fallback: false });
    expect(venue.timeZone).toBe('Europe/Helsinki');
    expect(venue.spaces).toHaveLength(3);
    expect(venue.spaces.filter((s: Json) => s.parentId === null)).toHaveLength(1);
    expect(venue.feed.path).toBe(`/feeds/venues/${hall.id}.ics`);
    expect(venue.openingHours.length).toBeGreaterThan(0);
    expect(JSON.stringify(venue)).not.toMatch(/accessInstructions|[Dd]örrkod|@example\.org/);
  });

  it('lists each venue’s spaces, the whole first and then its parts, as the venue page does', async () => {
    const hall = byName('Fabrikssalen');
    const one = await json(await app.request(`/api/venues/${hall.id}?lang=sv`));
    expect(hall.spaces).toEqual(one.spaces);
    expect(hall.spaces[0].parentId).toBeNull();
    const parts = hall.spaces.slice(1);
    expect(parts.length).toBe(2);
    for (const p of parts) expect(p.parentId).toBe(hall.spaces[0].id);
    expect(parts.map((p: Json) => p.name.text)).toEqual(
      parts.map((p: Json) => p.name.text).sort((a: string, b: string) => a.localeCompare(b)),
    );
    // An undivided venue has its one space.
    const single = venues.find((v) => v.spaces.length === 1);
    expect(single.spaces[0].parentId).toBeNull();
  });

  it('names the town in the reader’s official language: Borgå in Swedish, Porvoo in Finnish', async () => {
    // Fabrikssalen's building is entered with the Finnish name, Porvoo.
    const hall = byName('Fabrikssalen');
    const city = async (lang: string) =>
      (await json(await app.request(`/api/venues/${hall.id}?lang=${lang}`))).address.city;
    expect(await city('sv')).toBe('Borgå');
    expect(await city('fi')).toBe('Porvoo');
    expect(await city('en')).toBe('Porvoo');
    expect(hall.address.city).toBe('Borgå');
    // The one-line address of the event dates there too.
    const dates = await json(
      await app.request(`/api/occurrences?lang=sv&venue=${hall.id}&limit=5`),
    );
    for (const o of dates.items) expect(o.venue.address).toMatch(/ Borgå$/);
  });

  it('answers 404 for an unknown venue', async () => {
    const res = await app.request('/api/venues/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  describe('free/busy', () => {
    it('answers open and busy instants for a week, and nothing about who booked', async () => {
      const hall = byName('Fabrikssalen');
      const res = await app.request(`/api/venues/${hall.id}/busy?from=2026-11-30&to=2026-12-06`);
      expect(res.status).toBe(200);
      const body = await json(res);
      expect(body.from).toBe('2026-11-29T22:00:00.000Z');
      expect(body.to).toBe('2026-12-06T22:00:00.000Z');
      expect(body.busy.length).toBeGreaterThan(0);
      expect(body.open.length).toBeGreaterThan(0);
      for (const i of body.busy) {
        expect(Object.keys(i).sort()).toEqual(['end', 'start']);
        expect(Date.parse(i.end)).toBeGreaterThan(Date.parse(i.start));
      }
      // The fields of the first version stay; per-space time and the rules' facts are added.
      expect(Object.keys(body).sort()).toEqual([
        'bookable',
        'bufferMinutes',
        'busy',
        'from',
        'open',
        'spaces',
        'timeZone',
        'to',
        'venueId',
      ]);
      for (const space of body.spaces)
        expect(Object.keys(space).sort()).toEqual(['busy', 'free', 'id', 'name', 'parentId']);
      // Names are the spaces' own ("Norra halvan"); nothing says who booked or why.
      const withoutNames = body.spaces.map(({ name: _name, ...rest }: Json) => rest);
      const text = JSON.stringify({ ...body, spaces: withoutNames });
      expect(text).not.toMatch(/association|purpose|booker|name|email|@/i);
    });

    it('refuses reversed or overlong ranges and malformed dates', async () => {
      const id = byName('Fabrikssalen').id;
      for (const [query, parameter] of [
        ['from=2026-12-06&to=2026-12-01', 'to'],
        ['from=2026-01-01&to=2026-12-31', 'to'],
        ['from=2026-12-01', 'to'],
        ['from=1.12.2026&to=2026-12-06', 'from'],
      ]) {
        const res = await app.request(`/api/venues/${id}/busy?${query}`);
        expect(res.status, query).toBe(400);
        expect((await json(res)).errors[0].path).toBe(parameter);
      }
    });
  });
});
