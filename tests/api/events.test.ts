import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../setup/env';
import { json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

describe(`GET /api/events/{id} (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
  });
  afterAll(() => t.close());

  it('answers an event with occurrences, place and public organizer only', async () => {
    const list = await json(await app.request('/api/occurrences?category=bazaar&lang=en'));
    const id = list.items[0].event.id;
    const res = await app.request(`/api/events/${id}?lang=en`);
    expect(res.status).toBe(200);
    const event = await json(res);
    expect(event.id).toBe(id);
    expect(event.title.text).toMatch(/bazaar/i);
    expect(event.venue.address).toMatch(/Porvoo|Borgå/);
    expect(event.occurrences.length).toBeGreaterThan(0);
    expect(event.municipality).toMatchObject({ slug: 'borga', timeZone: 'Europe/Helsinki' });
    expect(event.organizer.name.text.length).toBeGreaterThan(0);
    const text = JSON.stringify(event);
    expect(text).not.toMatch(/@example\.org|contactEmail|contactPhone|\+358/);
    expect(Object.keys(event.organizer).sort()).toEqual(['description', 'id', 'name', 'website']);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await app.request('/api/events/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect((await json(missing)).detail).toContain('event');
    const bad = await app.request('/api/events/not-a-uuid');
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors[0].path).toBe('id');
  });
});
