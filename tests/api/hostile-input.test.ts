// Reproducers of issue 12 (hostile input found by fuzzing): each answered 5xx, or an answer
// built from a value that is no real date or number, before the fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../setup/env';
import { json, type Json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

describe(`hostile input answers 400 problem+json naming the parameter (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  let venueId: string;
  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
    venueId = (await json(await app.request('/api/venues?limit=1'))).items[0].id;
  });
  afterAll(() => t.close());

  const expectRefused = async (url: string, parameter: string) => {
    const res = await app.request(url);
    const body: Json = await res.json();
    expect({ url, status: res.status }).toEqual({ url, status: 400 });
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(body.errors.map((e: Json) => e.path)).toContain(parameter);
    return body;
  };

  it.each([
    ['from=0001-01-01', 'from'],
    ['from=0000-12-31T23:59Z', 'from'],
    ['to=9999-12-31T23:59:59.999-23:59', 'to'],
    ['from=1899-12-31', 'from'],
    ['to=2100-01-01', 'to'],
    ['from=2026-02-30', 'from'],
    ['from=2026-02-29', 'from'],
    ['from=2026-13-01', 'from'],
    ['from=2026-11-24T24:00Z', 'from'],
    ['to=2026-02-30T10:00%2B02:00', 'to'],
  ])('/api/occurrences?%s → 400 naming %s', async (query, parameter) => {
    await expectRefused(`/api/occurrences?${query}`, parameter);
  });

  it.each([
    ['from=0001-01-01&to=0001-01-07', 'from'],
    ['from=9999-12-01&to=9999-12-31', 'from'],
    ['from=2026-12-01&to=9999-12-31', 'to'],
    ['from=2026-02-30&to=2026-03-05', 'from'],
    ['from=2026-02-01&to=2026-02-31', 'to'],
  ])('/api/venues/{id}/busy?%s → 400 naming %s', async (query, parameter) => {
    await expectRefused(`/api/venues/${venueId}/busy?${query}`, parameter);
  });

  it('reads a local date in the municipality zone: 2026-02-28 starts at Helsinki midnight', async () => {
    const res = await app.request(`/api/venues/${venueId}/busy?from=2026-02-28&to=2026-03-01`);
    expect(res.status).toBe(200);
    const body: Json = await res.json();
    expect(body.timeZone).toBe('Europe/Helsinki');
    expect(body.from).toBe('2026-02-27T22:00:00.000Z');
    expect(body.to).toBe('2026-03-01T22:00:00.000Z');
  });

  it('still accepts instants with offsets and real dates at the edges of the range', async () => {
    for (const query of [
      'from=2026-11-24T18:00%2B02:00',
      'from=2026-11-24T18:00:30.5Z',
      'from=2000-01-01&to=2099-12-31',
    ]) {
      expect((await app.request(`/api/occurrences?${query}`)).status, query).toBe(200);
    }
  });

  it.each([
    ['/api/occurrences?limit=0x10', 'limit'],
    ['/api/occurrences?limit=1e2', 'limit'],
    ['/api/occurrences?limit=%2016', 'limit'],
    ['/api/occurrences?limit=', 'limit'],
    ['/api/occurrences?limit=16.0', 'limit'],
    ['/api/occurrences?offset=0x10', 'offset'],
    ['/api/occurrences?offset=-0', 'offset'],
    ['/api/venues?limit=1e1', 'limit'],
    ['/api/venues?minCapacity=1e2', 'minCapacity'],
    ['/api/venues?minCapacity=0x10', 'minCapacity'],
  ])('%s → 400 naming %s (numbers are decimal digits only)', async (url, parameter) => {
    await expectRefused(url, parameter);
  });

  it('a decimal limit still works', async () => {
    const body: Json = await json(await app.request('/api/occurrences?limit=16&offset=007'));
    expect(body.page).toMatchObject({ limit: 16, offset: 7 });
  });
});

// A 5xx's one log line: tests/api/logging.test.ts.
