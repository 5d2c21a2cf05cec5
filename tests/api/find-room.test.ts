import { venues } from '@motesplats/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHallFixture } from '../fixtures/premises';
import { ENGINE } from '../setup/env';
import { json, type Json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

/**
 * Issue 7, "Finding a room": the catalogue filtered by free time (a date and a time range,
 * or a weekday over a period) and the venue's free and taken time per space. Bookings are
 * written straight into the test database, so the answers can be checked value by value.
 */
describe(`finding a room (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
  });
  afterAll(() => t.close());

  const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;
  /** A municipality with a divisible hall ("Salen") and a small room, open 08–22 daily. */
  async function place(options: { bufferMinutes?: number; blackoutDates?: string[] } = {}) {
    const f = await createHallFixture(t.db, { bufferMinutes: options.bufferMinutes ?? 30 });
    for (const id of [f.hallVenueId, f.otherVenueId]) {
      await t.db
        .update(venues)
        .set({
          openingHours: EVERY_DAY.map((weekday) => ({ weekday, opens: '08:00', closes: '22:00' })),
          blackoutDates: options.blackoutDates ?? [],
        })
        .where(eq(venues.id, id));
    }
    const slug = (await json(await app.request(`/api/venues/${f.hallVenueId}?lang=sv`)))
      .municipality.slug;
    /** The venues free at the query, by Swedish name, with their free spaces' names. */
    const free = async (query: string) => {
      const res = await app.request(`/api/venues?lang=sv&municipality=${slug}&${query}`);
      expect(res.status, query).toBe(200);
      const body = await json(res);
      return Object.fromEntries(
        body.items.map((v: Json) => [v.name.text, v.freeSpaces.map((s: Json) => s.name.text)]),
      );
    };
    return { ...f, slug, free };
  }

  const TUESDAY = 'date=2026-12-15&start=17:30&end=19:30';

  describe('free at one date and a time range', () => {
    it('an empty hall is free as a whole and as each half; the answer echoes the slot', async () => {
      const p = await place();
      expect(await p.free(TUESDAY)).toEqual({
        'Lilla rummet': ['Lilla rummet'],
        Salen: ['Hela salen', 'Norra halvan', 'Södra halvan'],
      });
      const body = await json(await app.request(`/api/venues?municipality=${p.slug}&${TUESDAY}`));
      const salen = body.items.find((v: Json) => v.id === p.hallVenueId);
      expect(salen.freeSpaces.map((s: Json) => s.parentId)).toEqual([
        null,
        p.spaces.hall,
        p.spaces.hall,
      ]);
      expect(body.freeAt).toEqual({
        kind: 'once',
        date: '2026-12-15',
        start: '17:30',
        end: '19:30',
        dates: ['2026-12-15'],
      });
      // Without the filter nothing about free spaces is said.
      const plain = await json(await app.request(`/api/venues?municipality=${p.slug}`));
      expect(plain.items[0]).not.toHaveProperty('freeSpaces');
      expect(plain).not.toHaveProperty('freeAt');
    });

    it('one booked half leaves the other; both booked, the hall is not free', async () => {
      const p = await place();
      // 18:00–20:00 local (+02:00) on 15 December.
      await p.book(p.spaces.north, '2026-12-15T16:00Z', '2026-12-15T18:00Z', 'pending');
      expect(await p.free(TUESDAY)).toEqual({
        'Lilla rummet': ['Lilla rummet'],
        Salen: ['Södra halvan'],
      });
      await p.book(p.spaces.south, '2026-12-15T13:00Z', '2026-12-15T16:00Z', 'approved');
      expect(await p.free(TUESDAY)).toEqual({ 'Lilla rummet': ['Lilla rummet'] });
      // Another evening is untouched.
      expect(await p.free('date=2026-12-16&start=17:30&end=19:30')).toHaveProperty('Salen', [
        'Hela salen',
        'Norra halvan',
        'Södra halvan',
      ]);
    });

    it('rejected, withdrawn and cancelled bookings do not hold the room', async () => {
      const p = await place();
      for (const status of ['rejected', 'withdrawn', 'cancelled'] as const)
        await p.book(p.spaces.hall, '2026-12-15T15:00Z', '2026-12-15T18:00Z', status);
      expect((await p.free(TUESDAY)).Salen).toEqual(['Hela salen', 'Norra halvan', 'Södra halvan']);
      await p.book(p.spaces.hall, '2026-12-15T15:00Z', '2026-12-15T18:00Z', 'pending');
      expect((await p.free(TUESDAY)).Salen).toBeUndefined();
    });

    it('the buffer follows each booking: one ending 17:00 local touches, 17:15 clashes', async () => {
      const p = await place({ bufferMinutes: 30 });
      await p.book(p.spaces.other, '2026-12-15T13:00Z', '2026-12-15T15:00Z'); // 15–17 local
      expect(await p.free(TUESDAY)).toHaveProperty('Lilla rummet');
      const q = await place({ bufferMinutes: 30 });
      await q.book(q.spaces.other, '2026-12-15T13:00Z', '2026-12-15T15:15Z'); // to 17:15
      expect(await q.free(TUESDAY)).not.toHaveProperty('Lilla rummet');
      // and the slot's own buffer: a booking from 19:45 local clashes, from 20:00 it does not.
      const r = await place({ bufferMinutes: 30 });
      await r.book(r.spaces.north, '2026-12-15T17:45Z', '2026-12-15T19:00Z');
      await r.book(r.spaces.south, '2026-12-15T18:00Z', '2026-12-15T19:00Z');
      expect((await r.free(TUESDAY)).Salen).toEqual(['Södra halvan']);
    });

    it('the venue must be open for the whole slot, and bookable', async () => {
      const p = await place();
      expect(await p.free('date=2026-12-15&start=21:00&end=22:30')).toEqual({});
      expect(Object.keys(await p.free('date=2026-12-15&start=20:00&end=22:00'))).toEqual([
        'Lilla rummet',
        'Salen',
      ]);
      await t.db.update(venues).set({ bookable: false }).where(eq(venues.id, p.otherVenueId));
      expect(Object.keys(await p.free(TUESDAY))).toEqual(['Salen']);
    });
  });

  it('a venue without opening hours is open by arrangement, as booking requests read it', async () => {
    const f = await createHallFixture(t.db, { bufferMinutes: 0 }); // no hours set
    const slug = (await json(await app.request(`/api/venues/${f.otherVenueId}`))).municipality.slug;
    const names = async (query: string) =>
      (
        await json(await app.request(`/api/venues?lang=sv&municipality=${slug}&${query}`))
      ).items.map((v: Json) => v.name.text);
    expect(await names('date=2026-12-15&start=23:00&end=02:00')).toEqual(['Lilla rummet', 'Salen']);
    await f.book(f.spaces.other, '2026-12-16T00:00Z', '2026-12-16T01:00Z'); // 02–03 local
    expect(await names('date=2026-12-15&start=23:00&end=02:00')).toEqual(['Lilla rummet', 'Salen']);
    expect(await names('date=2026-12-15&start=23:00&end=02:30')).toEqual(['Salen']);
  });

  describe('free at a weekday over a period', () => {
    const WEEKLY = 'weekday=2&from=2026-12-01&until=2027-03-31&start=17:30&end=19:30';

    it('every Tuesday 17:30–19:30 from December to March: free unless one date is taken', async () => {
      const p = await place();
      const body = await json(await app.request(`/api/venues?municipality=${p.slug}&${WEEKLY}`));
      expect(body.freeAt.dates).toHaveLength(18);
      expect(body.freeAt.dates[0]).toBe('2026-12-01');
      expect(body.freeAt.dates.at(-1)).toBe('2027-03-30');
      expect(body.page.total).toBe(2);

      // One Tuesday in February, the small room and the north half are taken.
      await p.book(p.spaces.other, '2027-02-16T16:00Z', '2027-02-16T17:00Z');
      await p.book(p.spaces.north, '2027-02-16T16:00Z', '2027-02-16T17:00Z');
      expect(await p.free(WEEKLY)).toEqual({ Salen: ['Södra halvan'] });
      // A Wednesday series is not concerned.
      expect(await p.free(WEEKLY.replace('weekday=2', 'weekday=3'))).toHaveProperty('Lilla rummet');
    });

    it('a blackout date on one of the weekdays makes the series not free', async () => {
      const p = await place({ blackoutDates: ['2026-12-24'] }); // a Thursday
      expect(await p.free(WEEKLY.replace('weekday=2', 'weekday=4'))).toEqual({});
      expect(Object.keys(await p.free(WEEKLY))).toEqual(['Lilla rummet', 'Salen']);
    });

    it('across the end of daylight-saving time the slot keeps its local time', async () => {
      const p = await place({ bufferMinutes: 30 });
      const AUTUMN = 'weekday=2&from=2026-10-13&until=2026-11-03&start=17:30&end=19:30';
      // 27 October is winter time (+02:00): 15:00–17:00 local ends with its buffer at 17:30.
      await p.book(p.spaces.other, '2026-10-27T13:00Z', '2026-10-27T15:00Z');
      // Summer-time instants kept in UTC would put the slot at 16:30–18:30 local: a clash.
      expect(await p.free(AUTUMN)).toHaveProperty('Lilla rummet');
      // 19:45 local lies inside the slot's own buffer.
      await p.book(p.spaces.hall, '2026-10-27T17:45Z', '2026-10-27T19:00Z');
      expect(await p.free(AUTUMN)).toEqual({ 'Lilla rummet': ['Lilla rummet'] });
    });

    it('the seeded Fabrikssalen is taken on Tuesday evenings (both halves) but free on Wednesdays', async () => {
      const names = async (query: string) =>
        (
          await json(await app.request(`/api/venues?lang=sv&municipality=borga&limit=100&${query}`))
        ).items.map((v: Json) => v.name.text);
      const tuesdays = await names(
        'weekday=2&from=2026-12-01&until=2027-01-31&start=18:00&end=19:00',
      );
      expect(tuesdays).not.toContain('Fabrikssalen');
      expect(tuesdays).toContain('Avantisalen');
      const wednesdays = await names(
        'weekday=3&from=2026-12-01&until=2026-12-31&start=18:00&end=19:00',
      );
      expect(wednesdays).toContain('Fabrikssalen');
      expect(wednesdays).not.toContain('Avantisalen'); // the choir rehearses Wednesdays 18–21
      // Into January: 6 January (Epiphany, a Wednesday) closes every venue.
      expect(
        await names('weekday=3&from=2026-12-01&until=2027-01-31&start=18:00&end=19:00'),
      ).toEqual([]);
      // The studio is closed for renovation (not bookable): never free.
      expect([...tuesdays, ...wednesdays]).not.toContain('Verkstaden Studio');
    });
  });

  describe('with the other filters and paging', () => {
    it('equipment is required in full, like accessibility, and combines with free time', async () => {
      const p = await place();
      await t.db
        .update(venues)
        .set({ equipment: ['projector', 'wifi'] })
        .where(eq(venues.id, p.hallVenueId));
      const res = await app.request(`/api/venues?municipality=${p.slug}&equipment=projector,wifi`);
      expect((await json(res)).items.map((v: Json) => v.name.text)).toEqual(['Salen']);
      expect(await p.free(`equipment=projector&${TUESDAY}`)).toEqual({
        Salen: ['Hela salen', 'Norra halvan', 'Södra halvan'],
      });
      expect(await p.free(`equipment=projector,piano&${TUESDAY}`)).toEqual({});
    });

    it('counts and pages the free venues only', async () => {
      const p = await place();
      await p.book(p.spaces.hall, '2026-12-15T16:00Z', '2026-12-15T17:00Z');
      const page = async (q: string) =>
        json(await app.request(`/api/venues?lang=sv&municipality=${p.slug}&${TUESDAY}&${q}`));
      const all = await page('limit=10');
      expect(all.page.total).toBe(1);
      const q = await place();
      const first = await json(
        await app.request(`/api/venues?lang=sv&municipality=${q.slug}&${TUESDAY}&limit=1`),
      );
      const second = await json(
        await app.request(`/api/venues?lang=sv&municipality=${q.slug}&${TUESDAY}&limit=1&offset=1`),
      );
      expect(first.page).toEqual({ limit: 1, offset: 0, total: 2 });
      expect([first.items[0].name.text, second.items[0].name.text]).toEqual([
        'Lilla rummet',
        'Salen',
      ]);
    });
  });

  describe('refusals: 400 problem+json naming the parameter with a code', () => {
    const refused = async (query: string) => {
      const res = await app.request(`/api/venues?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      return (await json(res)).errors.map((e: Json) => ({
        path: e.path,
        code: e.code,
        ...(e.params ? { params: e.params } : {}),
      }));
    };

    it('impossible dates and times', async () => {
      expect(await refused('date=2026-02-30&start=17:30&end=19:30')).toEqual([
        { path: 'date', code: 'invalid_date' },
      ]);
      expect(await refused('date=2026-12-15&start=25:00&end=19:30')).toEqual([
        { path: 'start', code: 'time_format' },
      ]);
      expect(
        await refused('weekday=9&from=2026-12-01&until=2027-02-31&start=17:30&end=19:30'),
      ).toEqual([
        { path: 'weekday', code: 'invalid_weekday' },
        { path: 'until', code: 'invalid_date' },
      ]);
      expect(await refused('date=2100-01-01&start=17:30&end=19:30')).toEqual([
        {
          path: 'date',
          code: 'date_out_of_range',
          params: { minimum: '2000-01-01', maximum: '2099-12-31' },
        },
      ]);
    });

    it('incomplete, mixed, empty and overlong slots', async () => {
      expect(await refused('start=17:30&end=19:30')).toEqual([{ path: 'date', code: 'required' }]);
      expect(await refused('date=2026-12-15')).toEqual([
        { path: 'start', code: 'required' },
        { path: 'end', code: 'required' },
      ]);
      expect(
        await refused(
          'date=2026-12-15&weekday=2&from=2026-12-01&until=2026-12-31&start=17:30&end=19:30',
        ),
      ).toEqual([{ path: 'weekday', code: 'date_or_weekday' }]);
      expect(await refused('date=2026-12-15&start=17:30&end=17:30')).toEqual([
        { path: 'end', code: 'empty_slot' },
      ]);
      expect(
        await refused('weekday=2&from=2026-12-01&until=2027-06-02&start=17:30&end=19:30'),
      ).toEqual([{ path: 'until', code: 'range_too_long', params: { maximum: 26 } }]);
      expect(
        await refused('weekday=2&from=2026-12-10&until=2026-12-01&start=17:30&end=19:30'),
      ).toEqual([{ path: 'until', code: 'until_before_from' }]);
      expect(
        await refused('weekday=2&from=2026-12-02&until=2026-12-07&start=17:30&end=19:30'),
      ).toEqual([{ path: 'weekday', code: 'no_matching_date' }]);
      expect(await refused('equipment=wings')).toEqual([
        { path: 'equipment', code: 'invalid_value' },
      ]);
    });

    it('26 weeks exactly is accepted', async () => {
      const res = await app.request(
        '/api/venues?weekday=2&from=2026-12-01&until=2027-06-01&start=17:30&end=19:30',
      );
      expect(res.status).toBe(200);
    });
  });

  describe('free and taken time per space (GET /api/venues/{id}/busy)', () => {
    const busy = async (id: string, query = 'from=2026-12-15&to=2026-12-15&lang=sv') => {
      const res = await app.request(`/api/venues/${id}/busy?${query}`);
      expect(res.status).toBe(200);
      return json(res);
    };
    const pairs = (list: Json[]) =>
      list.map((i) => `${i.start.slice(11, 16)}–${i.end.slice(11, 16)}`);

    it('a divisible hall answers the whole and each half: the whole is taken when a half is', async () => {
      const p = await place({ bufferMinutes: 30 });
      await p.book(p.spaces.north, '2026-12-15T16:00Z', '2026-12-15T18:00Z', 'approved'); // 18–20 local
      const body = await busy(p.hallVenueId);
      // Kept for compatibility: the venue's open and merged busy time.
      expect(pairs(body.open)).toEqual(['06:00–20:00']);
      expect(pairs(body.busy)).toEqual(['16:00–18:30']);
      expect(body.bookable).toBe(true);
      expect(body.bufferMinutes).toBe(30);
      const bySpace = Object.fromEntries(body.spaces.map((s: Json) => [s.name.text, s]));
      expect(body.spaces.map((s: Json) => s.name.text)).toEqual([
        'Hela salen',
        'Norra halvan',
        'Södra halvan',
      ]);
      expect(bySpace['Hela salen'].parentId).toBeNull();
      expect(bySpace['Norra halvan'].parentId).toBe(p.spaces.hall);
      expect(pairs(bySpace['Hela salen'].busy)).toEqual(['16:00–18:30']);
      expect(pairs(bySpace['Norra halvan'].busy)).toEqual(['16:00–18:30']);
      expect(pairs(bySpace['Södra halvan'].busy)).toEqual([]);
      // Free: where a new booking may lie, leaving room for its own 30-minute buffer.
      expect(pairs(bySpace['Hela salen'].free)).toEqual(['06:00–15:30', '18:30–20:00']);
      expect(pairs(bySpace['Norra halvan'].free)).toEqual(['06:00–15:30', '18:30–20:00']);
      expect(pairs(bySpace['Södra halvan'].free)).toEqual(['06:00–20:00']);

      const text = JSON.stringify(body);
      expect(text).not.toMatch(/association|purpose|booker|email|@|Möte|Föreningen/i);
      expect(text).not.toContain(p.associationId);
    });

    it('a booking of the whole hall takes both halves; cancelled ones free them', async () => {
      const p = await place({ bufferMinutes: 0 });
      await p.book(p.spaces.hall, '2026-12-15T08:00Z', '2026-12-15T10:00Z', 'pending');
      await p.book(p.spaces.south, '2026-12-15T12:00Z', '2026-12-15T13:00Z', 'cancelled');
      const body = await busy(p.hallVenueId);
      for (const s of body.spaces) expect(pairs(s.busy), s.name.text).toEqual(['08:00–10:00']);
    });

    it('a venue that is not bookable has no free time, while its taken time still shows', async () => {
      const p = await place();
      await p.book(p.spaces.other, '2026-12-15T08:00Z', '2026-12-15T10:00Z');
      await t.db.update(venues).set({ bookable: false }).where(eq(venues.id, p.otherVenueId));
      const body = await busy(p.otherVenueId);
      expect(body.bookable).toBe(false);
      expect(body.spaces).toHaveLength(1);
      expect(pairs(body.spaces[0].busy)).toEqual(['08:00–10:30']);
      expect(body.spaces[0].free).toEqual([]);
    });

    it('free time starts no earlier than now: a booking cannot lie in the past', async () => {
      const p = await place({ bufferMinutes: 0 });
      // TEST_NOW is 2026-11-24T10:00Z, 12:00 local.
      const today = await busy(p.otherVenueId, 'from=2026-11-24&to=2026-11-25');
      expect(pairs(today.spaces[0].free)).toEqual(['10:00–20:00', '06:00–20:00']);
      expect(today.spaces[0].free[0].start).toBe('2026-11-24T10:00:00.000Z');
      const past = await busy(p.otherVenueId, 'from=2026-11-16&to=2026-11-22');
      expect(past.spaces[0].free).toEqual([]);
      expect(past.open).toHaveLength(7);
    });

    it('names the spaces in the language asked for, with a fallback', async () => {
      const fabrik = (await json(await app.request('/api/venues?lang=sv&limit=100'))).items.find(
        (v: Json) => v.name.text === 'Fabrikssalen',
      );
      const body = await busy(fabrik.id, 'from=2026-12-01&to=2026-12-07&lang=fi');
      expect(body.spaces.map((s: Json) => s.name.text)).toEqual([
        'Koko sali',
        'Pohjoinen puolisko',
        'Eteläinen puolisko',
      ]);
      // The seeded Tuesday rehearsals take both halves 18–20 local (+ 30 min buffer).
      const tuesday = (s: Json) =>
        pairs(s.busy.filter((i: Json) => i.start.startsWith('2026-12-01')));
      for (const s of body.spaces) expect(tuesday(s), s.name.text).toEqual(['16:00–18:30']);
    });
  });

  describe('the venue page facts', () => {
    it('answers the booking rules and the closed days still ahead', async () => {
      const p = await place({ blackoutDates: ['2026-11-01', '2026-12-24', '2026-12-06'] });
      const venue = await json(await app.request(`/api/venues/${p.hallVenueId}?lang=sv`));
      expect(venue.rules).toEqual({
        minDurationMinutes: 60,
        maxDurationMinutes: 480,
        horizonDays: 180,
        leadTimeHours: 48,
        bufferMinutes: 30,
        cancellationDeadlineHours: 24,
        maxOpenRequests: 5,
      });
      // TEST_NOW is 2026-11-24: 1 November has passed.
      expect(venue.blackoutDates).toEqual(['2026-12-06', '2026-12-24']);
    });
  });
});
