import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import nodeIcal from 'node-ical';
import type { CalendarComponent, VEvent } from 'node-ical';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DomainFailure } from '../errors';
import { HEL, hel } from '../testing/helsinki';
import { bookingCalendar } from './booking-ics';
import type { BookingCalendarEntry, BookingCalendarInput } from './booking-ics';
import { parseWithPython, type PyCalendar } from './python-icalendar.test-helper';

/** Two Tuesdays at 17:30 in Helsinki, on both sides of the DST end (2026-10-25). */
const entry = (uid: string, localStart: string, extra: Partial<BookingCalendarEntry> = {}) => ({
  uid,
  start: hel(localStart),
  end: DateTime.fromJSDate(hel(localStart)).plus({ hours: 2 }).toJSDate(),
  sequence: 0,
  status: 'CONFIRMED' as const,
  ...extra,
});

const approval: BookingCalendarInput = {
  method: 'PUBLISH',
  zone: HEL,
  stamp: new Date('2026-10-01T09:15:00Z'),
  summary: 'Kulturhuset, sal A: Borgå Kulturförening',
  location: 'Kulturhuset, Runebergsgatan 1, Borgå',
  description: 'Dörrkod 4711; fråga vaktmästaren.\nOvikoodi 4711.',
  bookings: [
    entry('b1@motesplats', '2026-10-20T17:30'),
    entry('b2@motesplats', '2026-10-27T17:30'),
  ],
};

/** The second date cancelled a week later: same UID, SEQUENCE raised. */
const cancellation: BookingCalendarInput = {
  ...approval,
  method: 'CANCEL',
  stamp: new Date('2026-10-08T12:00:00Z'),
  bookings: [entry('b2@motesplats', '2026-10-27T17:30', { sequence: 1, status: 'CANCELLED' })],
};

const parseWithIcalJs = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (!vtimezone) throw new Error('no VTIMEZONE');
  ICAL.TimezoneService.register(vtimezone);
  return {
    method: calendar.getFirstPropertyValue('method'),
    events: calendar.getAllSubcomponents('vevent').map((v) => ({
      event: new ICAL.Event(v),
      status: v.getFirstPropertyValue('status'),
      stamp: (v.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
    })),
  };
};

const nodeIcalEvents = (text: string) =>
  Object.values(nodeIcal.sync.parseICS(text)).filter(
    (c): c is VEvent => (c as CalendarComponent | undefined)?.type === 'VEVENT',
  );

const longSummary = 'Интеркультурный базар — Monikulttuuriset myyjäiset '.repeat(4).trim();

describe('bookingCalendar', () => {
  const approved = bookingCalendar(approval);
  const cancelled = bookingCalendar(cancellation);
  const long = bookingCalendar({
    ...approval,
    summary: longSummary,
    location: 'Kulturhuset\r\nBcc: x@example.org\u0007',
  });
  const withOrganizer = bookingCalendar({
    ...cancellation,
    organizer: { name: 'Borgå stad, "lokalbokningen"', email: 'lokaler@borga.fi' },
  });
  const update = bookingCalendar({
    ...approval,
    stamp: new Date('2026-10-08T12:00:00Z'),
    bookings: [
      approval.bookings[0]!,
      entry('b2@motesplats', '2026-10-27T17:30', { sequence: 1, status: 'CANCELLED' }),
    ],
  });
  /** python-icalendar's reading of each calendar above, in one Python process. */
  let py: Record<'approved' | 'cancelled' | 'long' | 'withOrganizer' | 'update', PyCalendar>;
  beforeAll(() => {
    const [a, c, l, o, u] = parseWithPython([approved, cancelled, long, withOrganizer, update]);
    py = { approved: a!, cancelled: c!, long: l!, withOrganizer: o!, update: u! };
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('ical.js reads 17:30 Helsinki on both sides of the DST end, with UID, STATUS and DTSTAMP', () => {
    const { method, events } = parseWithIcalJs(approved);
    expect(method).toBe('PUBLISH');
    expect(
      events.map(({ event, status, stamp }) => [
        event.uid,
        event.startDate.toString(),
        event.endDate.toString(),
        event.startDate.zone?.tzid,
        event.startDate.toJSDate().toISOString(),
        event.sequence,
        status,
        stamp,
      ]),
    ).toEqual([
      [
        'b1@motesplats',
        '2026-10-20T17:30:00',
        '2026-10-20T19:30:00',
        HEL,
        '2026-10-20T14:30:00.000Z',
        0,
        'CONFIRMED',
        '2026-10-01T09:15:00.000Z',
      ],
      [
        'b2@motesplats',
        '2026-10-27T17:30:00',
        '2026-10-27T19:30:00',
        HEL,
        '2026-10-27T15:30:00.000Z',
        0,
        'CONFIRMED',
        '2026-10-01T09:15:00.000Z',
      ],
    ]);
    expect(events[0]?.event.summary).toBe('Kulturhuset, sal A: Borgå Kulturförening');
    expect(events[0]?.event.location).toBe('Kulturhuset, Runebergsgatan 1, Borgå');
    expect(events[0]?.event.description).toBe(approval.description);
  });

  it('python-icalendar reads the approval and the cancellation the same way', () => {
    const a = py.approved;
    expect([a.version, a.prodid, a.method, a.timezones]).toEqual([
      '2.0',
      '-//Motesplats//Booking//EN',
      'PUBLISH',
      [HEL],
    ]);
    expect(
      a.events.map((e) => [e.uid, e.sequence, e.status, e.dtstamp, e.dtstart, e.dtend]),
    ).toEqual([
      [
        'b1@motesplats',
        0,
        'CONFIRMED',
        '2026-10-01T09:15:00Z',
        { local: '2026-10-20T17:30:00', tzid: HEL, utc: '2026-10-20T14:30:00Z' },
        { local: '2026-10-20T19:30:00', tzid: HEL, utc: '2026-10-20T16:30:00Z' },
      ],
      [
        'b2@motesplats',
        0,
        'CONFIRMED',
        '2026-10-01T09:15:00Z',
        { local: '2026-10-27T17:30:00', tzid: HEL, utc: '2026-10-27T15:30:00Z' },
        { local: '2026-10-27T19:30:00', tzid: HEL, utc: '2026-10-27T17:30:00Z' },
      ],
    ]);
    expect(a.events[0]).toMatchObject({
      summary: 'Kulturhuset, sal A: Borgå Kulturförening',
      location: 'Kulturhuset, Runebergsgatan 1, Borgå',
      description: 'Dörrkod 4711; fråga vaktmästaren.\nOvikoodi 4711.',
      organizer: null,
    });

    const c = py.cancelled;
    expect(c.method).toBe('CANCEL');
    expect(c.timezones).toEqual([HEL]);
    expect(c.events).toHaveLength(1);
    const [before, after] = [a.events[1]!, c.events[0]!];
    // The calendar that imported the approval finds the same entry and takes the change.
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence!);
    expect([after.sequence, after.status, after.dtstamp]).toEqual([
      1,
      'CANCELLED',
      '2026-10-08T12:00:00Z',
    ]);
    expect(after.dtstart).toEqual(before.dtstart);
    expect(after.dtend).toEqual(before.dtend);
  });

  it('node-ical agrees on the cancellation: same UID, raised SEQUENCE, STATUS:CANCELLED', () => {
    const toRow = (e: VEvent) => [
      e.uid,
      DateTime.fromJSDate(e.start, { zone: HEL }).toFormat('yyyy-MM-dd HH:mm ZZ'),
      e.start.tz,
      Number(e.sequence),
      e.status,
    ];
    expect(nodeIcalEvents(approved).map(toRow)).toEqual([
      ['b1@motesplats', '2026-10-20 17:30 +03:00', HEL, 0, 'CONFIRMED'],
      ['b2@motesplats', '2026-10-27 17:30 +02:00', HEL, 0, 'CONFIRMED'],
    ]);
    expect(nodeIcalEvents(cancelled).map(toRow)).toEqual([
      ['b2@motesplats', '2026-10-27 17:30 +02:00', HEL, 1, 'CANCELLED'],
    ]);
  });

  it('writes METHOD, one VTIMEZONE for the zone, TZID local times and DTSTAMP in UTC', () => {
    expect(approved.slice(0, approved.indexOf('BEGIN:VTIMEZONE')).split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Motesplats//Booking//EN',
      'METHOD:PUBLISH',
      '',
    ]);
    expect(cancelled).toContain('\r\nMETHOD:CANCEL\r\n');
    for (const text of [approved, cancelled]) {
      expect(text.match(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Helsinki\r\n/g)).toHaveLength(1);
      expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    }
    const b2 = cancelled.slice(cancelled.indexOf('BEGIN:VEVENT'));
    expect(b2.split('\r\n').slice(0, 11)).toEqual([
      'BEGIN:VEVENT',
      'UID:b2@motesplats',
      'SEQUENCE:1',
      'DTSTAMP:20261008T120000Z',
      'DTSTART;TZID=Europe/Helsinki:20261027T173000',
      'DTEND;TZID=Europe/Helsinki:20261027T193000',
      'SUMMARY:Kulturhuset\\, sal A: Borgå Kulturförening',
      'LOCATION:Kulturhuset\\, Runebergsgatan 1\\, Borgå',
      'DESCRIPTION:Dörrkod 4711\\; fråga vaktmästaren.\\nOvikoodi 4711.',
      'STATUS:CANCELLED',
      'END:VEVENT',
    ]);
  });

  it('is byte-stable: same input, same bytes, whatever the order and whatever the clock says', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-01-01T00:00:00Z'));
    const later = bookingCalendar(approval);
    vi.setSystemTime(new Date('2027-06-15T12:34:56Z'));
    const reversed = bookingCalendar({ ...approval, bookings: [...approval.bookings].reverse() });
    expect(later).toBe(approved);
    expect(reversed).toBe(approved);
    expect(approved).toContain('DTSTAMP:20261001T091500Z\r\n');
    expect(approved).not.toMatch(/2031|20270615/);
  });

  it('uses CRLF throughout, folds long lines to 75 octets and keeps one-line values on one line', () => {
    for (const text of [approved, cancelled]) {
      expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    }
    expect(long.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    const [first] = parseWithIcalJs(long).events;
    expect(first?.event.summary).toBe(longSummary);
    expect(first?.event.location).toBe('Kulturhuset Bcc: x@example.org');
    expect(py.long.events[0]).toMatchObject({
      summary: longSummary,
      location: 'Kulturhuset Bcc: x@example.org',
    });
  });

  it('writes an ORGANIZER only when given one, and never attendees', () => {
    expect(approved).not.toMatch(/ORGANIZER|ATTENDEE|mailto:/i);
    const [e] = py.withOrganizer.events;
    expect(e?.organizer).toBe('mailto:lokaler@borga.fi');
    // Double quotes would need RFC 6868's ^' in a parameter, which many readers (this one
    // too) show as it stands: they become single quotes.
    expect(e?.organizerCn).toBe("Borgå stad, 'lokalbokningen'");
    expect(withOrganizer).toContain(
      'ORGANIZER;CN="Borgå stad, \'lokalbokningen\'":mailto:lokaler@borga.fi\r\n',
    );
    expect(withOrganizer).not.toMatch(/ATTENDEE/);
  });

  it('may cancel one date of a series inside a PUBLISH update', () => {
    expect(py.update.events.map((e) => [e.uid, e.sequence, e.status])).toEqual([
      ['b1@motesplats', 0, 'CONFIRMED'],
      ['b2@motesplats', 1, 'CANCELLED'],
    ]);
  });

  it('refuses input no calendar could follow', () => {
    const confirmedInCancel = {
      ...cancellation,
      bookings: [entry('b1@motesplats', '2026-10-20T17:30')],
    };
    expect(() => bookingCalendar(confirmedInCancel)).toThrow(/only cancelled/);
    expect(() => bookingCalendar({ ...approval, bookings: [] })).toThrow(/at least one/);
    expect(() =>
      bookingCalendar({
        ...approval,
        bookings: [entry('b1', '2026-10-20T17:30'), entry('b1', '2026-10-27T17:30')],
      }),
    ).toThrow(/twice/);
    const backwards = entry('b1', '2026-10-20T17:30');
    expect(() =>
      bookingCalendar({ ...approval, bookings: [{ ...backwards, end: backwards.start }] }),
    ).toThrow(/ends before/);
    expect(() =>
      bookingCalendar({
        ...approval,
        bookings: [entry('b1', '2026-10-20T17:30', { sequence: -1 })],
      }),
    ).toThrow(/SEQUENCE/);
    expect(() =>
      bookingCalendar({ ...approval, bookings: [entry('b1\r\nX-EVIL:1', '2026-10-20T17:30')] }),
    ).toThrow(/UID/);
    expect(() => bookingCalendar({ ...approval, zone: 'Europe/Borgå' })).toThrow(DomainFailure);
  });
});
