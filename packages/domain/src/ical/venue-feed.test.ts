import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import nodeIcal from 'node-ical';
import type { CalendarComponent, VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { HEL, hel } from '../testing/helsinki';
import { buildVenueFeed } from './venue-feed';
import type { FeedEvent, VenueFeedInput } from './venue-feed';

const event = (uid: string, localStart: string, extra: Partial<FeedEvent> = {}): FeedEvent => ({
  uid,
  sequence: 0,
  start: hel(localStart),
  end: DateTime.fromJSDate(hel(localStart)).plus({ hours: 2 }).toJSDate(),
  stamp: new Date('2026-03-01T10:00:00Z'),
  summary: 'Språkcafé / Kielikahvila',
  location: 'Kulturhuset, Runebergsgatan 1, Borgå',
  url: `https://motesplats.example/sv/events/${uid}`,
  status: 'confirmed',
  ...extra,
});

const input: VenueFeedInput = {
  calendarName: 'Kulturhuset; sal A, Borgå',
  url: 'https://motesplats.example/feeds/venues/42.ics',
  zone: HEL,
  events: [
    event('e1@motesplats', '2026-03-24T18:00', {
      categories: ['language-cafe'],
      geo: { lat: 60.3932, lon: 25.6651 },
    }),
    event('e2@motesplats', '2026-03-31T18:00', { status: 'cancelled', sequence: 3 }),
    event('e3@motesplats', '2026-10-20T18:00', { description: 'Välkommen!\nTervetuloa!' }),
    event('e4@motesplats', '2026-10-27T18:00'),
  ],
};

const parseWithIcalJs = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (!vtimezone) throw new Error('no VTIMEZONE');
  ICAL.TimezoneService.register(vtimezone);
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
};

describe('buildVenueFeed', () => {
  const text = buildVenueFeed(input);

  it('ical.js reads 18:00 Helsinki on both sides of both DST changes', () => {
    const events = parseWithIcalJs(text);
    expect(events.map((e) => [e.uid, e.startDate.toString(), e.startDate.zone?.tzid])).toEqual([
      ['e1@motesplats', '2026-03-24T18:00:00', HEL],
      ['e2@motesplats', '2026-03-31T18:00:00', HEL],
      ['e3@motesplats', '2026-10-20T18:00:00', HEL],
      ['e4@motesplats', '2026-10-27T18:00:00', HEL],
    ]);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2026-03-24T16:00:00.000Z',
      '2026-03-31T15:00:00.000Z',
      '2026-10-20T15:00:00.000Z',
      '2026-10-27T16:00:00.000Z',
    ]);
  });

  it('node-ical agrees on instants, zone, status and sequence', () => {
    const parsed = Object.values(nodeIcal.sync.parseICS(text)).filter(
      (c): c is VEvent => (c as CalendarComponent | undefined)?.type === 'VEVENT',
    );
    expect(
      parsed.map((e) => [
        e.uid,
        DateTime.fromJSDate(e.start, { zone: HEL }).toFormat('yyyy-MM-dd HH:mm'),
        e.start.tz,
        e.status,
        Number(e.sequence),
      ]),
    ).toEqual([
      ['e1@motesplats', '2026-03-24 18:00', HEL, 'CONFIRMED', 0],
      ['e2@motesplats', '2026-03-31 18:00', HEL, 'CANCELLED', 3],
      ['e3@motesplats', '2026-10-20 18:00', HEL, 'CONFIRMED', 0],
      ['e4@motesplats', '2026-10-27 18:00', HEL, 'CONFIRMED', 0],
    ]);
  });

  it('is byte-stable across builds and independent of the input order', () => {
    expect(buildVenueFeed(input)).toBe(text);
    expect(buildVenueFeed({ ...input, events: [...input.events].reverse() })).toBe(text);
  });

  it('an edit keeps the UID and carries the raised SEQUENCE and LAST-MODIFIED', () => {
    const edited = buildVenueFeed({
      ...input,
      events: [
        event('e1@motesplats', '2026-03-24T19:00', {
          sequence: 1,
          stamp: new Date('2026-03-05T08:30:00Z'),
        }),
      ],
    });
    const [e] = parseWithIcalJs(edited);
    expect(e?.uid).toBe('e1@motesplats');
    expect(e?.sequence).toBe(1);
    expect(edited).toContain('LAST-MODIFIED:20260305T083000Z\r\n');
    expect(edited).toContain('DTSTART;TZID=Europe/Helsinki:20260324T190000\r\n');
  });

  it('writes the calendar properties before the first component, with VTIMEZONE for the zone', () => {
    const head = text.slice(0, text.indexOf('BEGIN:VTIMEZONE'));
    expect(head.split('\r\n').filter(Boolean)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Motesplats//Venue feed//EN',
      'URL:https://motesplats.example/feeds/venues/42.ics',
      'METHOD:PUBLISH',
      'NAME:Kulturhuset\\; sal A\\, Borgå',
      'X-WR-CALNAME:Kulturhuset\\; sal A\\, Borgå',
      'X-WR-TIMEZONE:Europe/Helsinki',
      'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
      'X-PUBLISHED-TTL:PT6H',
    ]);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Helsinki\r\n');
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
  });

  it('writes DTSTAMP and LAST-MODIFIED in UTC with Z, and DTSTART/DTEND with TZID', () => {
    const lines = text.slice(text.indexOf('BEGIN:VEVENT')).split('\r\n');
    const stamps = lines.filter((l) => l.startsWith('DTSTAMP') || l.startsWith('LAST-MODIFIED'));
    expect(stamps).toHaveLength(8);
    expect(stamps.every((l) => /:\d{8}T\d{6}Z$/.test(l))).toBe(true);
    const times = lines.filter((l) => l.startsWith('DTSTART') || l.startsWith('DTEND'));
    expect(times).toHaveLength(8);
    expect(times.every((l) => /;TZID=Europe\/Helsinki:\d{8}T(18|20)0000$/.test(l))).toBe(true);
  });

  it('keeps a cancelled event with STATUS:CANCELLED and writes URL, LOCATION, GEO, CATEGORIES', () => {
    const e2 = text.slice(
      text.indexOf('UID:e2@motesplats'),
      text.indexOf('END:VEVENT', text.indexOf('UID:e2@motesplats')),
    );
    expect(e2).toContain('STATUS:CANCELLED\r\n');
    expect(e2).toContain('SEQUENCE:3\r\n');
    expect(text).toContain('LOCATION:Kulturhuset\\, Runebergsgatan 1\\, Borgå\r\n');
    expect(text).toContain('URL;VALUE=URI:https://motesplats.example/sv/events/e1@motesplats\r\n');
    expect(text).toContain('GEO:60.3932;25.6651\r\n');
    expect(text).toContain('CATEGORIES:language-cafe\r\n');
    expect(text).toContain('DESCRIPTION:Välkommen!\\nTervetuloa!\r\n');
  });

  it('carries no personal data, uses CRLF and folds lines to 75 octets', () => {
    expect(text).not.toMatch(/ORGANIZER|ATTENDEE|mailto:/i);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const long = buildVenueFeed({
      ...input,
      events: [event('x', '2026-03-24T18:00', { summary: 'Интеркультурный базар '.repeat(6) })],
    });
    expect(long.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(parseWithIcalJs(long)[0]?.summary).toBe('Интеркультурный базар '.repeat(6));
  });

  it('an empty feed still names its zone and carries its VTIMEZONE', () => {
    const empty = buildVenueFeed({ calendarName: 'Tom', zone: HEL, events: [] });
    expect(empty).toContain(
      'X-WR-TIMEZONE:Europe/Helsinki\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\nX-PUBLISHED-TTL:PT6H\r\nBEGIN:VTIMEZONE\r\n',
    );
    expect(empty.endsWith('END:VTIMEZONE\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(new ICAL.Component(ICAL.parse(empty)).getAllSubcomponents('vevent')).toEqual([]);
  });
});
