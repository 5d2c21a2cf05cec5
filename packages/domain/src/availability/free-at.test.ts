import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interval } from '../errors';
import { containsInterval } from '../time/intervals';
import { HEL, hel, helRange, local, localPairs } from '../testing/helsinki';
import {
  freeSpacesAt,
  freeSpacesFor,
  parseFreeAt,
  slotDates,
  slotIntervals,
  spaceBusyIntervals,
  spaceFreeIntervals,
  type FreeAtParams,
  type FreeAtSlot,
  type VenueCalendar,
} from './free-at';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;
/** A divisible hall: the whole (H) and its halves (N, S); open 08:00–22:00, 30 min buffer. */
const hall = (over: Partial<VenueCalendar> = {}): VenueCalendar => ({
  zone: HEL,
  bookable: true,
  openingHours: EVERY_DAY.map((weekday) => ({ weekday, opens: '08:00', closes: '22:00' })),
  blackoutDates: ['2026-12-24'],
  bufferMinutes: 30,
  spaces: [
    { id: 'H', parentId: null },
    { id: 'N', parentId: 'H' },
    { id: 'S', parentId: 'H' },
  ],
  holds: [],
  ...over,
});
const hold = (spaceId: string, from: string, to: string) => ({ spaceId, ...helRange(from, to) });
const once = (date: string, start: string, end: string): FreeAtSlot => ({
  kind: 'once',
  date,
  start,
  end,
});
const tuesdays: FreeAtSlot = {
  kind: 'weekly',
  weekday: 2,
  from: '2026-12-01',
  until: '2027-03-31',
  start: '17:30',
  end: '19:30',
};

const issues = (params: FreeAtParams) => {
  const r = parseFreeAt(params);
  if (r.ok || r.error.kind !== 'invalid')
    throw new Error(`expected invalid: ${JSON.stringify(params)}`);
  return r.error.issues.map((i) => ({
    path: i.path,
    code: i.code,
    ...(i.params ? { params: i.params } : {}),
  }));
};

describe('parseFreeAt', () => {
  it('asks for nothing when no parameter is given (empty form fields count as none)', () => {
    expect(parseFreeAt({})).toEqual({ ok: true, value: null });
    expect(parseFreeAt({ date: '', start: '', end: '', weekday: '' })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('reads one date with a time range, and a weekly slot over a period', () => {
    expect(parseFreeAt({ date: '2026-12-15', start: '17:30', end: '19:30' })).toEqual({
      ok: true,
      value: once('2026-12-15', '17:30', '19:30'),
    });
    expect(
      parseFreeAt({
        weekday: '2',
        from: '2026-12-01',
        until: '2027-03-31',
        start: '17:30',
        end: '19:30',
      }),
    ).toEqual({ ok: true, value: tuesdays });
  });

  it('refuses impossible dates and malformed times, each by its parameter and code', () => {
    expect(issues({ date: '2026-02-30', start: '17:30', end: '19:30' })).toEqual([
      { path: 'date', code: 'invalid_date' },
    ]);
    expect(issues({ date: '15.12.2026', start: '7:30', end: '25:00' })).toEqual([
      { path: 'start', code: 'time_format' },
      { path: 'end', code: 'time_format' },
      { path: 'date', code: 'invalid_date' },
    ]);
    expect(issues({ date: '2100-01-05', start: '24:00', end: '24:00' })).toEqual([
      { path: 'start', code: 'time_format' },
      {
        path: 'date',
        code: 'date_out_of_range',
        params: { minimum: '2000-01-01', maximum: '2099-12-31' },
      },
    ]);
    expect(
      issues({
        weekday: '8',
        from: '2027-02-29',
        until: '2027-03-01',
        start: '10:00',
        end: '11:00',
      }),
    ).toEqual([
      { path: 'weekday', code: 'invalid_weekday' },
      { path: 'from', code: 'invalid_date' },
    ]);
  });

  it('names what is missing, an empty slot, and a date given together with a weekday', () => {
    expect(issues({ date: '2026-12-15' })).toEqual([
      { path: 'start', code: 'required' },
      { path: 'end', code: 'required' },
    ]);
    expect(issues({ start: '17:30', end: '19:30' })).toEqual([{ path: 'date', code: 'required' }]);
    expect(issues({ weekday: '2', start: '17:30', end: '19:30' })).toEqual([
      { path: 'from', code: 'required' },
      { path: 'until', code: 'required' },
    ]);
    expect(issues({ date: '2026-12-15', start: '17:30', end: '17:30' })).toEqual([
      { path: 'end', code: 'empty_slot' },
    ]);
    expect(
      issues({
        date: '2026-12-15',
        weekday: '2',
        from: '2026-12-01',
        until: '2026-12-31',
        start: '17:30',
        end: '19:30',
      }),
    ).toEqual([{ path: 'weekday', code: 'date_or_weekday' }]);
  });

  it('bounds a weekly period: in order, at most 26 weeks, with at least one such weekday', () => {
    const weekly = (from: string, until: string, weekday = '2') =>
      parseFreeAt({ weekday, from, until, start: '17:30', end: '19:30' });
    expect(weekly('2026-12-01', '2027-06-01').ok).toBe(true); // 182 days: 26 weeks
    expect(
      issues({
        weekday: '2',
        from: '2026-12-01',
        until: '2027-06-02',
        start: '17:30',
        end: '19:30',
      }),
    ).toEqual([{ path: 'until', code: 'range_too_long', params: { maximum: 26 } }]);
    expect(
      issues({
        weekday: '2',
        from: '2026-12-08',
        until: '2026-12-01',
        start: '17:30',
        end: '19:30',
      }),
    ).toEqual([{ path: 'until', code: 'until_before_from' }]);
    // Wednesday 2 to Monday 7 December has no Tuesday; one day, a Tuesday, is fine.
    expect(
      issues({
        weekday: '2',
        from: '2026-12-02',
        until: '2026-12-07',
        start: '17:30',
        end: '19:30',
      }),
    ).toEqual([{ path: 'weekday', code: 'no_matching_date' }]);
    expect(weekly('2026-12-08', '2026-12-08').ok).toBe(true);
  });

  it('refuses an ambiguous mix even without a weekday', () => {
    expect(
      issues({ date: '2026-12-15', until: '2026-12-31', start: '17:30', end: '19:30' }),
    ).toEqual([{ path: 'until', code: 'date_or_weekday' }]);
  });
});

describe('slotDates and slotIntervals', () => {
  it('every Tuesday from 1 December to 31 March: 18 dates, the first on a Tuesday start date', () => {
    const dates = slotDates(tuesdays);
    expect(dates).toHaveLength(18);
    expect(dates.slice(0, 3)).toEqual(['2026-12-01', '2026-12-08', '2026-12-15']);
    expect(dates.at(-1)).toBe('2027-03-30');
    // A period starting on a Wednesday begins with the next Tuesday.
    expect(slotDates({ ...tuesdays, from: '2026-12-02' })[0]).toBe('2026-12-08');
  });

  it('keeps 17:30–19:30 local on every Tuesday across the end of DST (2026-10-25)', () => {
    const list = slotIntervals({ ...tuesdays, from: '2026-10-13', until: '2026-11-03' }, HEL);
    expect(localPairs(list)).toEqual([
      '2026-10-13T17:30+03:00 2026-10-13T19:30+03:00',
      '2026-10-20T17:30+03:00 2026-10-20T19:30+03:00',
      '2026-10-27T17:30+02:00 2026-10-27T19:30+02:00',
      '2026-11-03T17:30+02:00 2026-11-03T19:30+02:00',
    ]);
    // In UTC the slot moves an hour later once winter time starts.
    expect(list.map((i) => i.start.toISOString())).toEqual([
      '2026-10-13T14:30:00.000Z',
      '2026-10-20T14:30:00.000Z',
      '2026-10-27T15:30:00.000Z',
      '2026-11-03T15:30:00.000Z',
    ]);
  });

  it('runs past midnight when the end is not after the start; both ends are wall-clock times', () => {
    const [night] = slotIntervals(once('2026-10-24', '22:00', '04:30'), HEL);
    // Saturday 22:00 summer time to Sunday 04:30 winter time: 7.5 hours, not 6.5.
    expect(localPairs([night!])).toEqual(['2026-10-24T22:00+03:00 2026-10-25T04:30+02:00']);
    expect((night!.end.getTime() - night!.start.getTime()) / 3_600_000).toBe(7.5);
    const [untilMidnight] = slotIntervals(once('2026-12-15', '20:00', '24:00'), HEL);
    expect(localPairs([untilMidnight!])).toEqual(['2026-12-15T20:00+02:00 2026-12-16T00:00+02:00']);
    const [toZero] = slotIntervals(once('2026-12-15', '20:00', '00:00'), HEL);
    expect(toZero).toEqual(untilMidnight);
  });

  it('reads the same local slot in another zone as other instants', () => {
    const [helsinki] = slotIntervals(once('2026-12-15', '17:30', '19:30'), HEL);
    const [stockholm] = slotIntervals(once('2026-12-15', '17:30', '19:30'), 'Europe/Stockholm');
    expect(stockholm!.start.getTime() - helsinki!.start.getTime()).toBe(3_600_000);
  });
});

describe('freeSpacesFor', () => {
  const slot = helRange('2026-12-15T17:30', '2026-12-15T19:30');

  it('an empty hall is free as a whole and as each half', () => {
    expect(freeSpacesFor(hall(), [slot])).toEqual(['H', 'N', 'S']);
  });

  it('a booked half leaves the other half free; the whole is then taken', () => {
    const holds = [hold('N', '2026-12-15T18:00', '2026-12-15T20:00')];
    expect(freeSpacesFor(hall({ holds }), [slot])).toEqual(['S']);
  });

  it('a booking of the whole hall takes both halves', () => {
    const holds = [hold('H', '2026-12-15T12:00', '2026-12-15T18:00')];
    expect(freeSpacesFor(hall({ holds }), [slot])).toEqual([]);
  });

  it("an earlier booking's buffer counts: ending 17:00 touches, 17:01 takes the space", () => {
    const touching = [hold('S', '2026-12-15T15:00', '2026-12-15T17:00')]; // claims to 17:30
    expect(freeSpacesFor(hall({ holds: touching }), [slot])).toEqual(['H', 'N', 'S']);
    const oneMinuteMore = [hold('S', '2026-12-15T15:00', '2026-12-15T17:01')];
    expect(freeSpacesFor(hall({ holds: oneMinuteMore }), [slot])).toEqual(['N']);
  });

  it("the new booking's own buffer counts: the next booking at 20:00 touches, 19:59 clashes", () => {
    const at20 = [hold('N', '2026-12-15T20:00', '2026-12-15T21:00')];
    expect(freeSpacesFor(hall({ holds: at20 }), [slot])).toEqual(['H', 'N', 'S']);
    const at1959 = [hold('N', '2026-12-15T19:59', '2026-12-15T21:00')];
    expect(freeSpacesFor(hall({ holds: at1959 }), [slot])).toEqual(['S']);
    // Without a buffer, 19:30 is enough.
    const at1930 = [hold('N', '2026-12-15T19:30', '2026-12-15T21:00')];
    expect(freeSpacesFor(hall({ holds: at1930, bufferMinutes: 0 }), [slot])).toEqual([
      'H',
      'N',
      'S',
    ]);
  });

  it('must be open for the whole slot; the buffer may run past closing time', () => {
    expect(freeSpacesFor(hall(), [helRange('2026-12-15T21:00', '2026-12-15T22:30')])).toEqual([]);
    expect(freeSpacesFor(hall(), [helRange('2026-12-15T07:30', '2026-12-15T09:00')])).toEqual([]);
    expect(freeSpacesFor(hall(), [helRange('2026-12-15T20:00', '2026-12-15T22:00')])).toHaveLength(
      3,
    );
    // 12:00–14:00 with a lunch break 12:30–13:00 in the hours is not one open stretch.
    const split = hall({
      openingHours: [
        { weekday: 2, opens: '08:00', closes: '12:30' },
        { weekday: 2, opens: '13:00', closes: '22:00' },
      ],
    });
    expect(freeSpacesFor(split, [helRange('2026-12-15T12:00', '2026-12-15T14:00')])).toEqual([]);
  });

  it('a venue without opening hours is open by arrangement: any time but its blackout dates', () => {
    const byArrangement = hall({ openingHours: null });
    expect(
      freeSpacesFor(byArrangement, [helRange('2026-12-15T23:00', '2026-12-16T03:00')]),
    ).toEqual(['H', 'N', 'S']);
    expect(
      freeSpacesFor(byArrangement, [helRange('2026-12-23T22:00', '2026-12-24T01:00')]),
    ).toEqual([]);
    const day = helRange('2026-12-15T00:00', '2026-12-16T00:00');
    expect(localPairs(spaceFreeIntervals(byArrangement, 'S', day))).toEqual([
      '2026-12-15T00:00+02:00 2026-12-16T00:00+02:00',
    ]);
    // An empty week of hours is not "none": it is closed every day.
    expect(freeSpacesFor(hall({ openingHours: [] }), [slot])).toEqual([]);
  });

  it('is never free on a blackout date, nor when the venue is not bookable', () => {
    expect(freeSpacesFor(hall(), [helRange('2026-12-24T17:30', '2026-12-24T19:30')])).toEqual([]);
    expect(freeSpacesFor(hall({ bookable: false }), [slot])).toEqual([]);
    expect(freeSpacesFor(hall(), [])).toEqual([]);
  });
});

describe('freeSpacesAt a weekly slot', () => {
  const tuesday = (date: string, from: string, to: string) =>
    [`${date}T${from}`, `${date}T${to}`] as const;

  it('every Tuesday 17:30–19:30 this winter: free unless a date is taken', () => {
    expect(freeSpacesAt(hall(), tuesdays)).toEqual(['H', 'N', 'S']);
    // One Tuesday in February the north half is taken: the south half is still free every week.
    const holds = [hold('N', ...tuesday('2027-02-16', '18:00', '20:00'))];
    expect(freeSpacesAt(hall({ holds }), tuesdays)).toEqual(['S']);
  });

  it('the same space must be free on every date: alternating halves leave none', () => {
    const holds = [
      hold('N', ...tuesday('2026-12-08', '17:00', '18:00')),
      hold('S', ...tuesday('2026-12-15', '19:00', '20:00')),
    ];
    expect(freeSpacesAt(hall({ holds }), tuesdays)).toEqual([]);
  });

  it('a blackout date inside the period makes the weekly slot not free', () => {
    const thursdays: FreeAtSlot = { ...tuesdays, weekday: 4 }; // 2026-12-24 is a Thursday
    expect(freeSpacesAt(hall(), thursdays)).toEqual([]);
    expect(freeSpacesAt(hall({ blackoutDates: [] }), thursdays)).toEqual(['H', 'N', 'S']);
  });

  it('across the end of DST the slot keeps its local time, so bookings are judged in local time', () => {
    const autumn: FreeAtSlot = { ...tuesdays, from: '2026-10-13', until: '2026-11-03' };
    // 27 October is winter time (+02:00). Had the slot kept its summer UTC instants it would
    // lie at 16:30–18:30 local: these two bookings tell the difference.
    const before = [hold('H', '2026-10-27T15:00', '2026-10-27T17:00')]; // claims to 17:30
    expect(freeSpacesAt(hall({ holds: before }), autumn)).toEqual(['H', 'N', 'S']);
    const after = [hold('H', '2026-10-27T19:30', '2026-10-27T21:00')]; // inside the slot's buffer
    expect(freeSpacesAt(hall({ holds: after }), autumn)).toEqual([]);
    const afterBuffer = [hold('N', '2026-10-27T20:00', '2026-10-27T21:00')];
    expect(freeSpacesAt(hall({ holds: afterBuffer }), autumn)).toEqual(['H', 'N', 'S']);
  });
});

describe('spaceBusyIntervals and spaceFreeIntervals', () => {
  const day = helRange('2026-12-15T00:00', '2026-12-16T00:00');
  const holds = [
    hold('N', '2026-12-15T10:00', '2026-12-15T12:00'),
    hold('S', '2026-12-15T11:00', '2026-12-15T13:00'),
    hold('H', '2026-12-15T18:00', '2026-12-15T20:00'),
  ];

  it('the whole is taken while either half is; a half by itself and by the whole', () => {
    const c = hall({ holds });
    expect(localPairs(spaceBusyIntervals(c, 'H', day))).toEqual([
      '2026-12-15T10:00+02:00 2026-12-15T13:30+02:00',
      '2026-12-15T18:00+02:00 2026-12-15T20:30+02:00',
    ]);
    expect(localPairs(spaceBusyIntervals(c, 'N', day))).toEqual([
      '2026-12-15T10:00+02:00 2026-12-15T12:30+02:00',
      '2026-12-15T18:00+02:00 2026-12-15T20:30+02:00',
    ]);
    expect(localPairs(spaceBusyIntervals(c, 'S', day))).toEqual([
      '2026-12-15T11:00+02:00 2026-12-15T13:30+02:00',
      '2026-12-15T18:00+02:00 2026-12-15T20:30+02:00',
    ]);
    expect(spaceBusyIntervals(c, 'nope', day)).toEqual([]);
  });

  it("free time leaves room for a new booking's buffer before the next claim", () => {
    const c = hall({ holds });
    expect(localPairs(spaceFreeIntervals(c, 'N', day))).toEqual([
      '2026-12-15T08:00+02:00 2026-12-15T09:30+02:00',
      '2026-12-15T12:30+02:00 2026-12-15T17:30+02:00',
      '2026-12-15T20:30+02:00 2026-12-15T22:00+02:00',
    ]);
    expect(spaceFreeIntervals(hall({ holds, bookable: false }), 'N', day)).toEqual([]);
  });

  it('a claim starting just after the range still cuts the end of its free time', () => {
    const c = hall({ holds: [hold('S', '2026-12-16T00:10', '2026-12-16T01:00')] });
    const open24 = hall({
      ...c,
      openingHours: EVERY_DAY.map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })),
    });
    const free = spaceFreeIntervals(open24, 'S', day);
    expect(local(free.at(-1)!.end)).toBe('2026-12-15T23:40+02:00');
  });
});

describe('property: a slot is free for a space exactly when it lies inside its free time', () => {
  const minutes = (m: number) => new Date(hel('2026-12-15T00:00').getTime() + m * 60_000);
  const interval = fc
    .tuple(fc.integer({ min: 6 * 60, max: 23 * 60 }), fc.integer({ min: 15, max: 240 }))
    .map(([s, len]): Interval => ({ start: minutes(s), end: minutes(s + len) }));

  it('freeSpacesFor agrees with spaceFreeIntervals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('H', 'N', 'S'), interval), { maxLength: 6 }),
        interval,
        fc.constantFrom(0, 15, 30),
        (held, slot, bufferMinutes) => {
          const c = hall({ bufferMinutes, holds: held.map(([spaceId, i]) => ({ spaceId, ...i })) });
          const range = { start: minutes(0), end: minutes(28 * 60) };
          const free = freeSpacesFor(c, [slot]);
          for (const id of ['H', 'N', 'S']) {
            const inside = spaceFreeIntervals(c, id, range).some((f) => containsInterval(f, slot));
            expect(free.includes(id), `${id} ${local(slot.start)}`).toBe(inside);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
