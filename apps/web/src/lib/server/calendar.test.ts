import { describe, expect, it } from 'vitest';
import {
  byDay,
  mondayOf,
  monthWeeks,
  resolveCalendarMonth,
  resolveIsoWeek,
  weekIdOf,
} from './calendar.ts';

const ZONE = 'Europe/Helsinki';
const NOW = new Date('2026-11-24T10:00:00Z');

describe('calendar periods', () => {
  it('names ISO weeks and finds their Mondays, refusing weeks that do not exist', () => {
    expect(weekIdOf('2026-12-01')).toBe('2026-W49');
    expect(weekIdOf('2027-01-01')).toBe('2026-W53');
    expect(mondayOf('2026-W49')).toBe('2026-11-30');
    expect(mondayOf('2026-W53')).toBe('2026-12-28');
    expect(mondayOf('2027-W53')).toBeNull();
    expect(mondayOf('2026-W00')).toBeNull();
    expect(mondayOf('1999-W10')).toBeNull();
    expect(mondayOf('2026-49')).toBeNull();
    expect(mondayOf(null)).toBeNull();
  });

  it('resolves the week asked for, else the week of a date, else this week in the zone', () => {
    expect(resolveIsoWeek('2026-W49', ZONE, NOW)).toMatchObject({
      id: '2026-W49',
      monday: '2026-11-30',
      sunday: '2026-12-06',
      previousId: '2026-W48',
      nextId: '2026-W50',
      currentId: '2026-W48',
      weekNumber: 49,
    });
    expect(resolveIsoWeek('2026-W99', ZONE, NOW, '2027-01-01').id).toBe('2026-W53');
    expect(resolveIsoWeek(null, ZONE, NOW).id).toBe('2026-W48');
    // Sunday 23:30 in Helsinki is already Monday of the next week.
    expect(resolveIsoWeek(null, ZONE, new Date('2026-11-29T22:30:00Z')).id).toBe('2026-W49');
  });

  it('resolves the month asked for within the API range, else the fallback, else now', () => {
    expect(resolveCalendarMonth('2026-12', ZONE, NOW)).toMatchObject({
      month: '2026-12',
      first: '2026-12-01',
      last: '2026-12-31',
      previous: '2026-11',
      next: '2027-01',
      current: '2026-11',
    });
    expect(resolveCalendarMonth('1999-12', ZONE, NOW).month).toBe('2026-11');
    expect(resolveCalendarMonth('2026-13', ZONE, NOW, '2027-02-10').month).toBe('2027-02');
  });

  it('lays a month out in Monday-first weeks with the days of other months left empty', () => {
    const weeks = monthWeeks(resolveCalendarMonth('2026-12', ZONE, NOW));
    expect(weeks.map((w) => w.id)).toEqual([
      '2026-W49',
      '2026-W50',
      '2026-W51',
      '2026-W52',
      '2026-W53',
    ]);
    expect(weeks[0]!.days).toEqual([
      null,
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(weeks[4]!.days.slice(3)).toEqual(['2026-12-31', null, null, null]);
    // February 2027 starts on a Monday and fills four weeks exactly.
    expect(monthWeeks(resolveCalendarMonth('2027-02', ZONE, NOW)).length).toBe(4);
  });
});

describe('occurrences by local day', () => {
  const o = (startsAt: string, endsAt: string) => ({ startsAt, endsAt });

  it('puts an occurrence on its local day in the zone, not the machine’s', () => {
    const late = o('2026-12-03T22:30:00Z', '2026-12-03T23:30:00Z'); // 00:30–01:30 on the 4th
    const days = byDay([late], '2026-12-01', '2026-12-07', ZONE);
    expect(days.get('2026-12-03')).toEqual([]);
    expect(days.get('2026-12-04')).toEqual([late]);
  });

  it('shows one that runs past midnight on both days, one ending at midnight on one', () => {
    // The night DST ends in Helsinki (25 October 2026): 23:00–02:00 local.
    const night = o('2026-10-24T20:00:00Z', '2026-10-24T23:00:00Z');
    const toMidnight = o('2026-10-26T19:00:00Z', '2026-10-26T22:00:00Z'); // 21:00–24:00
    const days = byDay([night, toMidnight], '2026-10-24', '2026-10-27', ZONE);
    expect(days.get('2026-10-24')).toEqual([night]);
    expect(days.get('2026-10-25')).toEqual([night]);
    expect(days.get('2026-10-26')).toEqual([toMidnight]);
    expect(days.get('2026-10-27')).toEqual([]);
  });

  it('shows one that began before the period on its first day', () => {
    const ongoing = o('2026-11-28T08:00:00Z', '2026-12-01T16:00:00Z');
    const days = byDay([ongoing], '2026-11-30', '2026-12-06', ZONE);
    expect(days.get('2026-11-30')).toEqual([ongoing]);
    expect(days.get('2026-12-01')).toEqual([ongoing]);
    expect(days.get('2026-12-02')).toEqual([]);
    expect([...days.keys()].length).toBe(7);
  });
});
