import { bookings, eventOccurrences, events } from '@motesplats/db';
import { eventSearchText, type LocalizedText } from '@motesplats/domain';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBookingWorld } from '../fixtures/booking';
import { createEventFixture } from '../fixtures/events';
import { TestClient } from '../setup/client';
import { ENGINE } from '../setup/env';
import { json, type Json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const ZONE = 'Europe/Helsinki';
const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();

describe(`the calendar's filters of GET /api/occurrences (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  const get = async (query: string) => {
    const res = await app.request(`/api/occurrences?${query}`);
    return { res, body: await json(res) };
  };
  /** Titles (in Swedish where there is one) of what a query lists in one municipality. */
  const titles = async (municipality: string, query: string) => {
    const { res, body } = await get(`lang=sv&limit=100&municipality=${municipality}&${query}`);
    expect(res.status).toBe(200);
    return body.items.map((o: Json) => o.event.title.text as string).sort();
  };

  /** A published event in a municipality of its own, with its texts, audience and price. */
  async function event(
    texts: { title: LocalizedText; summary?: LocalizedText; description?: LocalizedText },
    fields: { audience?: string; priceCents?: number | null } = {},
  ) {
    const f = await createEventFixture(t.db, [
      { start: local('2026-12-03T17:00'), end: local('2026-12-03T19:00') },
    ]);
    const summary = texts.summary ?? {};
    const description = texts.description ?? {};
    await t.db
      .update(events)
      .set({
        title: texts.title,
        summary,
        description,
        searchText: eventSearchText([texts.title, summary, description]),
        audience: fields.audience ?? 'everyone',
        priceCents: fields.priceCents ?? null,
      })
      .where(eq(events.id, f.eventId));
    const [m] = await t.db.query.municipalities.findMany({
      where: (m, { eq }) => eq(m.id, f.municipalityId),
    });
    return { ...f, slug: m!.slug };
  }

  let town: string;
  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
    // Three events in one municipality (the fixture's), with texts in several scripts.
    const a = await event(
      {
        title: { sv: 'Kvinnocafé', ar: 'مقهى النساء' },
        summary: { ru: 'Встреча для женщин, КОФЕ и разговоры' },
      },
      { audience: 'women' },
    );
    town = a.slug;
    // The other two in the same municipality: move them there.
    for (const texts of [
      {
        title: { sv: 'Familjekväll', fi: 'Perheilta' },
        description: { fi: 'Leikkejä ja iltapäivän välipala, 50% alennus kahvista' },
      },
      { title: { sv: 'Schackklubb', fi: 'Shakkikerho' }, summary: { en: 'Chess for a_b fans' } },
    ]) {
      const other = await event(texts, {
        audience: texts.title.sv === 'Familjekväll' ? 'families' : 'everyone',
        priceCents: texts.title.sv === 'Schackklubb' ? 500 : null,
      });
      await t.db
        .update(events)
        .set({ municipalityId: a.municipalityId, venueId: a.venueId })
        .where(eq(events.id, other.eventId));
      await t.db
        .update(eventOccurrences)
        .set({ municipalityId: a.municipalityId, bookingId: null })
        .where(eq(eventOccurrences.eventId, other.eventId));
    }
  });
  afterAll(() => t.close());

  it('finds an event by a word of its Arabic title', async () => {
    expect(await titles(town, `q=${encodeURIComponent('النساء')}`)).toEqual(['Kvinnocafé']);
  });

  it('finds an event by a Cyrillic word typed in another case', async () => {
    // Stored "КОФЕ" and "Встреча"; typed "кофе" and "ВСТРЕЧА".
    expect(await titles(town, `q=${encodeURIComponent('кофе')}`)).toEqual(['Kvinnocafé']);
    expect(await titles(town, `q=${encodeURIComponent('ВСТРЕЧА')}`)).toEqual(['Kvinnocafé']);
  });

  it('finds an event by a Finnish word with ä, composed or decomposed, in any case', async () => {
    expect(await titles(town, `q=${encodeURIComponent('LEIKKEJÄ')}`)).toEqual(['Familjekväll']);
    // "iltapäivän" with ä as a + combining diaeresis (NFD), as some keyboards send it.
    const decomposed = 'iltapäivän'.normalize('NFD');
    expect(decomposed).not.toBe('iltapäivän');
    expect(await titles(town, `q=${encodeURIComponent(decomposed)}`)).toEqual(['Familjekväll']);
    // And across every municipality the whole of it is found (titles in the reader's language).
    const all = (await get(`lang=fi&limit=100&q=${encodeURIComponent('perheilta')}`)).body;
    expect(all.items.map((o: Json) => o.event.title.text)).toEqual(['Perheilta']);
  });

  it('takes % and _ literally', async () => {
    expect(await titles(town, `q=${encodeURIComponent('50%')}`)).toEqual(['Familjekväll']);
    // "5%" would match "50% …" as a wildcard; literally nothing has it.
    expect(await titles(town, `q=${encodeURIComponent('5%')}`)).toEqual([]);
    expect(await titles(town, `q=${encodeURIComponent('a_b')}`)).toEqual(['Schackklubb']);
    expect(await titles(town, `q=${encodeURIComponent('a_')}`)).toEqual(['Schackklubb']);
    // "%" alone would match everything as a wildcard.
    expect(await titles(town, `q=${encodeURIComponent('%%')}`)).toEqual([]);
    expect(await titles(town, `q=${encodeURIComponent('\\%')}`)).toEqual([]);
  });

  it('filters by audience and by free of charge', async () => {
    expect(await titles(town, '')).toEqual(['Familjekväll', 'Kvinnocafé', 'Schackklubb']);
    expect(await titles(town, 'audience=women')).toEqual(['Kvinnocafé']);
    expect(await titles(town, 'audience=families')).toEqual(['Familjekväll']);
    expect(await titles(town, 'audience=seniors')).toEqual([]);
    expect(await titles(town, 'free=true')).toEqual(['Familjekväll', 'Kvinnocafé']);
    expect(await titles(town, 'free=false')).toEqual(['Schackklubb']);
    expect(await titles(town, 'free=true&audience=women&q=kvinno')).toEqual(['Kvinnocafé']);

    // Across the demo data: every free one says so, and every one has the audience asked.
    const free = (await get('free=true&limit=100')).body;
    expect(free.items.length).toBeGreaterThan(0);
    for (const o of free.items) expect(o.event.price.free).toBe(true);
    const paid = (await get('free=false&limit=100')).body;
    for (const o of paid.items) expect(o.event.price.free).toBe(false);
    const all = (await get('limit=1')).body.page.total;
    expect(free.page.total + paid.page.total).toBe(all);
    const families = (await get('audience=families&limit=100')).body;
    expect(families.items.length).toBeGreaterThan(0);
    for (const o of families.items) expect(o.event.audience).toBe('families');
  });

  it('hides an occurrence whose booking is pending until staff approve it', async () => {
    const world = await createBookingWorld(t.db);
    const member = new TestClient(app);
    await member.signIn('mll@demo.example', 'motesplats-demo');
    const staff = new TestClient(app);
    await staff.signIn('staff.pargas@demo.example', 'motesplats-demo');
    const start = DateTime.fromISO('2026-12-10T17:00', { zone: ZONE });
    const asked = await member.post('/api/bookings', {
      venueId: world.otherVenueId,
      associationId: world.associationId,
      purpose: 'Språkcafé',
      expectedAttendance: 12,
      acceptTerms: true,
      publicEvent: true,
      start: start.toISO(),
      end: start.plus({ hours: 2 }).toISO(),
    });
    expect(asked.status).toBe(201);
    const request = await json(asked);
    const [booking] = await t.db.select().from(bookings).where(eq(bookings.requestId, request.id));
    expect(booking!.status).toBe('pending');

    const [ev] = await t.db
      .insert(events)
      .values({
        municipalityId: world.municipalityId,
        associationId: world.associationId,
        categorySlug: 'language-cafe',
        venueId: world.otherVenueId,
        title: { sv: 'Väntande språkcafé' },
        searchText: eventSearchText([{ sv: 'Väntande språkcafé' }]),
        languages: ['sv'],
        status: 'published',
        uid: `event-${randomUUID()}@motesplats`,
        startsAt: booking!.startsAt,
        endsAt: booking!.endsAt,
      })
      .returning();
    await t.db.insert(eventOccurrences).values({
      municipalityId: world.municipalityId,
      eventId: ev!.id,
      bookingId: booking!.id,
      startsAt: booking!.startsAt,
      endsAt: booking!.endsAt,
      originalStartsAt: booking!.startsAt,
      uid: `occurrence-${randomUUID()}@motesplats`,
    });
    const [m] = await t.db.query.municipalities.findMany({
      where: (m, { eq }) => eq(m.id, world.municipalityId),
    });
    const listed = async () => titles(m!.slug, '');
    const searched = async () =>
      (await get(`limit=100&q=${encodeURIComponent('väntande')}`)).body.page.total;

    expect(await listed()).toEqual([]);
    expect(await searched()).toBe(0);
    expect((await get(`venue=${world.otherVenueId}`)).body.page.total).toBe(0);

    const decided = await staff.post(`/api/bookings/${request.id}/decision`, {
      decision: 'approve',
    });
    expect(decided.status).toBe(200);
    expect(await listed()).toEqual(['Väntande språkcafé']);
    expect(await searched()).toBe(1);

    // Rejected or withdrawn: hidden again; cancelled together with its booking: shown as cancelled.
    await t.db.update(bookings).set({ status: 'rejected' }).where(eq(bookings.id, booking!.id));
    expect(await listed()).toEqual([]);
    await t.db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, booking!.id));
    expect(await listed()).toEqual([]);
    await t.db
      .update(eventOccurrences)
      .set({ status: 'cancelled', cancelledAt: booking!.startsAt })
      .where(eq(eventOccurrences.bookingId, booking!.id));
    const { body } = await get(`municipality=${m!.slug}`);
    expect(body.items.map((o: Json) => o.status)).toEqual(['cancelled']);
  });

  it.each([
    ['q=a', 'q'],
    ['q=%20%20', 'q'],
    [`q=${'x'.repeat(101)}`, 'q'],
    ['q=%20b%20', 'q'],
    ['audience=everybody', 'audience'],
    ['audience=WOMEN', 'audience'],
    ['free=yes', 'free'],
  ])('answers 400 problem+json naming the parameter for %s', async (query, parameter) => {
    const res = await app.request(`/api/occurrences?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await json(res);
    expect(body.status).toBe(400);
    expect(body.errors.map((e: Json) => e.path)).toEqual([parameter]);
  });

  it('takes q of exactly 2 and 100 characters, trimmed', async () => {
    expect((await get('q=%20ka%20')).res.status).toBe(200);
    expect((await get(`q=${'x'.repeat(100)}`)).res.status).toBe(200);
  });
});
