import ICAL from 'ical.js';
import nodeIcal, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventFixture } from '../fixtures/events';
import { ENGINE } from '../setup/env';
import { json, type Json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

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
