import ICAL from 'ical.js';
import nodeIcal, { type VEvent } from 'node-ical';
import { gunzipSync } from 'node:zlib';
import { categories, createDb, eventOccurrences, events } from '@motesplats/db';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedCacheFor } from '../../apps/api/src/services/feeds/feed-cache';
import { createEventFixture } from '../fixtures/events';
import { ENGINE, TEST_NOW } from '../setup/env';
import { json, type Json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';
import { parseWithPython } from '../../packages/domain/src/ical/python-icalendar.test-helper';

const parseWithIcalJs = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (!vtimezone) throw new Error('no VTIMEZONE');
  ICAL.TimezoneService.register(vtimezone);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
};

/** node-ical gives a property with parameters as { val, params }. */
const value = (v: unknown): string =>
  typeof v === 'object' && v !== null && 'val' in v
    ? String((v as { val: unknown }).val)
    : String(v);

describe(`venue feed (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  let venues: Json[];
  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
    venues = (await json(await app.request('/api/venues?limit=100'))).items;
  });
  afterAll(() => t.close());

  it('serves the published occurrences of a venue as iCalendar that node-ical accepts', async () => {
    const gammelbacka = venues.find((v) => v.building.name.text.startsWith('Gammelbacka'));
    const res = await app.request(`/feeds/venues/${gammelbacka.id}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    const parsed = Object.values(await nodeIcal.async.parseICS(text));
    const vevents = parsed.filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(vevents.length).toBeGreaterThan(3);
    for (const e of vevents) {
      expect(e.uid).toMatch(/@motesplats$/);
      expect(value(e.url)).toMatch(/^http:\/\/localhost\/sv\/events\/[0-9a-f-]{36}$/);
      expect(value(e.location)).toContain('Gammelbacka');
      expect(e.dtstamp).toBeInstanceOf(Date);
    }
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('TZID:Europe/Helsinki');
    expect(text).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
    expect(text).toMatch(/^SEQUENCE:\d+\r$/m);
    // No personal data: no organizer, attendees, e-mail addresses or phone numbers.
    expect(text).not.toMatch(/ORGANIZER|ATTENDEE|@example\.org|mailto:|\+358/);
  });

  it('writes local times right on both sides of a daylight-saving change', async () => {
    const f = await createEventFixture(t.db, [
      { start: new Date('2026-10-20T15:00:00Z'), end: new Date('2026-10-20T17:00:00Z') },
      { start: new Date('2026-10-27T16:00:00Z'), end: new Date('2026-10-27T18:00:00Z') },
      { start: new Date('2027-03-23T16:00:00Z'), end: new Date('2027-03-23T18:00:00Z') },
      {
        start: new Date('2027-03-30T15:00:00Z'),
        end: new Date('2027-03-30T17:00:00Z'),
        status: 'cancelled',
      },
    ]);
    const early = createTestApp(t, { now: new Date('2026-10-15T10:00:00Z') });
    const text = await (await early.request(`/feeds/venues/${f.venueId}.ics?lang=fi`)).text();

    const { calendar, events } = parseWithIcalJs(text);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
      'Lilla rummet – tapahtumat (Mötesplats)',
    );
    expect(events.map((e) => [e.startDate.toString(), e.startDate.zone?.tzid])).toEqual([
      ['2026-10-20T18:00:00', 'Europe/Helsinki'],
      ['2026-10-27T18:00:00', 'Europe/Helsinki'],
      ['2027-03-23T18:00:00', 'Europe/Helsinki'],
      ['2027-03-30T18:00:00', 'Europe/Helsinki'],
    ]);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2026-10-20T15:00:00.000Z',
      '2026-10-27T16:00:00.000Z',
      '2027-03-23T16:00:00.000Z',
      '2027-03-30T15:00:00.000Z',
    ]);
    expect(events.map((e) => e.summary)).toEqual(Array(4).fill('Kielikahvila kesäajan yli'));
    expect(text).toMatch(/STATUS:CANCELLED/);

    // node-ical agrees on the instants.
    const vevents = Object.values(await nodeIcal.async.parseICS(text)).filter(
      (c): c is VEvent => c?.type === 'VEVENT',
    );
    expect(vevents.map((e) => e.start.toISOString()).sort()).toEqual([
      '2026-10-20T15:00:00.000Z',
      '2026-10-27T16:00:00.000Z',
      '2027-03-23T16:00:00.000Z',
      '2027-03-30T15:00:00.000Z',
    ]);
  });

  it('is byte-stable and answers 304 to If-None-Match', async () => {
    const id = venues[0].id;
    const first = await app.request(`/feeds/venues/${id}.ics`);
    const second = await app.request(`/feeds/venues/${id}.ics`);
    expect(await first.text()).toBe(await second.text());
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(second.headers.get('etag')).toBe(etag);
    const revalidated = await app.request(`/feeds/venues/${id}.ics`, {
      headers: { 'if-none-match': etag! },
    });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    const otherLanguage = await app.request(`/feeds/venues/${id}.ics?lang=fi`, {
      headers: { 'if-none-match': etag! },
    });
    expect(otherLanguage.status).toBe(200);
  });

  it('answers 404 for an unknown venue and 400 for a bad id or language', async () => {
    expect(
      (await app.request('/feeds/venues/00000000-0000-4000-8000-000000000000.ics')).status,
    ).toBe(404);
    const bad = await app.request('/feeds/venues/42.ics');
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors[0].path).toBe('id');
    const lang = await app.request(`/feeds/venues/${venues[0].id}.ics?lang=klingon`);
    expect(lang.status).toBe(400);
    expect((await json(lang)).errors[0].path).toBe('lang');
  });
});

describe(`every public feed, one service, cached by version (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
  });
  afterAll(() => t.close());

  const uids = async (path: string) => {
    const res = await app.request(path);
    expect(res.status, path).toBe(200);
    const text = await res.text();
    const [calendar] = parseWithPython([text]);
    const name = /^X-WR-CALNAME:(.*)\r$/m.exec(text)?.[1];
    return { calendar: calendar!, text, name, uids: new Set(calendar!.events.map((e) => e.uid!)) };
  };
  /** Every upcoming public occurrence the list API gives for these filters. */
  const listed = async (query: string) => {
    const items: Json[] = [];
    for (let offset = 0; ; offset += 100) {
      const body = await json(
        await app.request(`/api/occurrences?${query}&limit=100&offset=${offset}`),
      );
      items.push(...body.items);
      if (items.length >= body.page.total) return items;
    }
  };
  const feedOf = async (path: string, query: string) => {
    const [{ uids: inFeed, calendar, text, name }, expected] = await Promise.all([
      uids(path),
      listed(query),
    ]);
    expect(expected.length, query).toBeGreaterThan(0);
    for (const o of expected) expect(inFeed.has(o.uid), `${path} has ${o.uid}`).toBe(true);
    return { inFeed, calendar, text, name, expected };
  };

  it('serves an association, a category, a municipality and any calendar filter, each with exactly its events', async () => {
    const borga = await listed('municipality=borga');
    const association = borga.find((o) => o.event.category.slug === 'language-cafe')!;
    const [row] = await t.db
      .select({ associationId: events.associationId })
      .from(events)
      .where(eq(events.id, association.event.id));
    const byAssociation = await feedOf(
      `/feeds/associations/${row!.associationId}.ics?lang=fi`,
      `association=${row!.associationId}`,
    );
    const ofAssociation = await t.db
      .select({ uid: eventOccurrences.uid })
      .from(eventOccurrences)
      .innerJoin(events, eq(events.id, eventOccurrences.eventId))
      .where(eq(events.associationId, row!.associationId!));
    const own = new Set(ofAssociation.map((o) => o.uid));
    for (const uid of byAssociation.inFeed) expect(own.has(uid)).toBe(true);

    const cafes = await feedOf(
      '/feeds/categories/language-cafe.ics?municipality=borga&lang=sv',
      'category=language-cafe&municipality=borga',
    );
    // The category named in the feed's language, led by the page's pictogram as text.
    expect(cafes.text.match(/^CATEGORIES:💬 Språkcafé\r$/gm)?.length).toBe(
      cafes.calendar.events.length,
    );
    expect(cafes.text).not.toMatch(/^CATEGORIES:(?!💬 Språkcafé\r$)/m);
    expect(cafes.calendar.events.every((e) => e.categories.join() === '💬 Språkcafé')).toBe(true);
    expect(cafes.name).toMatch(/ – Borgå \(Mötesplats\)$/);

    const town = await feedOf('/feeds/municipalities/borga.ics?lang=en', 'municipality=borga');
    expect(town.name).toBe('Porvoo – events (Mötesplats)');
    expect(town.inFeed.size).toBeGreaterThanOrEqual(town.expected.length);

    // A category that has Arabic-speaking events in Borgå, from the demo data.
    const arabic = borga.find((o) => o.event.languages.includes('ar'))!;
    const category = arabic.event.category.slug;
    const filtered = await feedOf(
      `/feeds/calendar.ics?municipality=borga&category=${category}&language=ar&lang=ar`,
      `municipality=borga&category=${category}&language=ar`,
    );
    const notArabic = borga.filter(
      (o) => o.event.category.slug === category && !o.event.languages.includes('ar'),
    );
    const otherCategory = borga.filter((o) => o.event.category.slug !== category);
    expect(otherCategory.length).toBeGreaterThan(0);
    for (const o of otherCategory) expect(filtered.inFeed.has(o.uid)).toBe(false);
    for (const o of notArabic) expect(filtered.inFeed.has(o.uid)).toBe(false);
  });

  it('answers 304 to If-None-Match and to If-Modified-Since without building, HEAD without a body, gzip when asked', async () => {
    const path = '/feeds/municipalities/borga.ics?lang=sv';
    const first = await app.request(path);
    const body = await first.text();
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(first.headers.get('cache-control')).toBe('public, max-age=900');
    const cache = feedCacheFor(t.db);
    const builds = cache.builds;
    const byTag = await app.request(path, { headers: { 'if-none-match': `W/"x", ${etag}` } });
    expect(byTag.status).toBe(304);
    expect(byTag.headers.get('etag')).toBe(etag);
    const bySince = await app.request(path, { headers: { 'if-modified-since': lastModified } });
    expect(bySince.status).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await app.request(path, { headers: { 'if-modified-since': earlier } })).status).toBe(
      200,
    );
    const head = await app.request(path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);
    expect(await head.text()).toBe('');
    const zipped = await app.request(path, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(body);
    expect(cache.builds).toBe(builds);
    // The same data read on another day of the clock but the same day gives the same bytes.
    const later = createTestApp(t, { now: new Date(TEST_NOW.getTime() + 3_600_000) });
    expect(await (await later.request(path)).text()).toBe(body);
  });

  it('a change to what the feed shows gives a new version: rebuilt, a new ETag, the old one no longer 304', async () => {
    const path = '/feeds/municipalities/borga.ics?lang=sv';
    const before = await app.request(path);
    const etag = before.headers.get('etag')!;
    const { uids: inFeed } = await uids(path);
    const [occurrence] = await t.db
      .select({
        id: eventOccurrences.id,
        uid: eventOccurrences.uid,
        sequence: eventOccurrences.sequence,
      })
      .from(eventOccurrences)
      .where(inArray(eventOccurrences.uid, [...inFeed]))
      .limit(1);
    const builds = feedCacheFor(t.db).builds;
    await t.db
      .update(eventOccurrences)
      .set({ status: 'cancelled', cancelledAt: TEST_NOW, cancelReason: 'Sjukdom' })
      .where(eq(eventOccurrences.id, occurrence!.id));
    const after = await app.request(path, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(feedCacheFor(t.db).builds).toBe(builds + 1);
    const [calendar] = parseWithPython([await after.text()]);
    expect(calendar!.events.find((e) => e.uid === occurrence!.uid)).toMatchObject({
      status: 'CANCELLED',
      sequence: occurrence!.sequence + 1,
    });
  });

  it('a category renamed or given another pictogram reaches every feed of it (migration 0010 raises every version)', async () => {
    const path = '/feeds/categories/language-cafe.ics?municipality=borga&lang=fi';
    const first = await app.request(path);
    expect(await first.text()).toMatch(/^CATEGORIES:💬 Kielikahvila\r$/m);
    // The same category across every municipality, built and cached before the rename.
    const everywhere = '/feeds/categories/language-cafe.ics?lang=fi';
    expect(await (await app.request(everywhere)).text()).toMatch(/^CATEGORIES:💬 Kielikahvila\r$/m);
    const [cafe] = await t.db.select().from(categories).where(eq(categories.slug, 'language-cafe'));

    await t.db
      .update(categories)
      .set({ name: { ...cafe!.name, fi: 'Kielikahvila, Porvoo' }, pictogram: 'peace-cafe' })
      .where(eq(categories.slug, 'language-cafe'));
    const renamed = await app.request(path, {
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    expect(renamed.status).toBe(200);
    const text = await renamed.text();
    expect(text).toMatch(/^CATEGORIES:☮️ Kielikahvila\\, Porvoo\r$/m);
    const { events: read } = parseWithIcalJs(text);
    expect(read[0]!.component.getFirstProperty('categories')!.getValues()).toEqual([
      '☮️ Kielikahvila, Porvoo',
    ]);
    expect(await (await app.request(everywhere)).text()).toMatch(/^CATEGORIES:☮️ Kielikahvila/m);
    await t.db
      .update(categories)
      .set({ name: cafe!.name, pictogram: cafe!.pictogram })
      .where(eq(categories.slug, 'language-cafe'));
  });

  it('after a change, subscribers polling at once share one build', async () => {
    const path = '/feeds/municipalities/borga.ics?lang=fi';
    await app.request(path);
    const [row] = await t.db
      .select({ id: events.id, title: events.title })
      .from(events)
      .where(eq(events.status, 'published'))
      .limit(1);
    await t.db
      .update(events)
      .set({ title: { ...row!.title, fi: 'Kaikki kerralla' } })
      .where(eq(events.id, row!.id));
    const builds = feedCacheFor(t.db).builds;
    const answers = await Promise.all(Array.from({ length: 10 }, () => app.request(path)));
    expect(new Set(answers.map((a) => a.headers.get('etag'))).size).toBe(1);
    expect(await answers[0]!.text()).toContain('Kaikki kerralla');
    expect(feedCacheFor(t.db).builds - builds).toBeLessThan(3);
  });

  it('answers 404 problem+json for an unknown scope and 400 for a bad one', async () => {
    for (const path of [
      '/feeds/associations/00000000-0000-4000-8000-000000000000.ics',
      '/feeds/municipalities/atlantis.ics',
      '/feeds/categories/no-such-thing.ics',
      '/feeds/categories/language-cafe.ics?municipality=atlantis',
      '/feeds/calendar.ics?municipality=atlantis',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const bad = await app.request('/feeds/calendar.ics?audience=aliens');
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors[0].path).toBe('audience');
  });

  it.runIf(ENGINE === 'postgres')(
    'two processes on one database: a change through one is served fresh by the other',
    async () => {
      const second = await createDb({ url: (t as { url?: string }).url!, maxConnections: 2 });
      try {
        const other = createTestApp(second);
        const path = '/feeds/municipalities/borga.ics?lang=fi';
        const seen = await (await other.request(path)).text();
        const [row] = await t.db
          .select({ id: events.id, title: events.title })
          .from(events)
          .where(and(eq(events.status, 'published')))
          .limit(1);
        await t.db
          .update(events)
          .set({ title: { ...row!.title, fi: 'Uusi nimi kaikille tilaajille' } })
          .where(eq(events.id, row!.id));
        const fresh = await (await other.request(path)).text();
        expect(fresh).not.toBe(seen);
      } finally {
        await second.close();
      }
    },
  );
});
