import { describe, expect, it } from 'vitest';
import {
  groupByStartDay,
  quickRanges,
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

describe('the list by day, and its quick ranges', () => {
  const o = (id: string, startsAt: string) => ({ id, startsAt });

  it('heads each local day once, today and tomorrow by name, in the zone not the machine', () => {
    const items = [
      o('a', '2026-12-02T08:00:00Z'), // 10:00 on the 2nd in Helsinki
      o('b', '2026-12-02T21:30:00Z'), // 23:30 on the 2nd
      o('c', '2026-12-02T22:30:00Z'), // 00:30 on the 3rd: tomorrow, though UTC says the 2nd
      o('d', '2026-12-05T10:00:00Z'),
    ];
    const days = groupByStartDay(items, ZONE, '2026-12-02');
    expect(days.map((d) => [d.date, d.relative, d.items.map((i) => i.id).join('')])).toEqual([
      ['2026-12-02', 'today', 'ab'],
      ['2026-12-03', 'tomorrow', 'c'],
      ['2026-12-05', null, 'd'],
    ]);
    // In UTC the late one is still today's.
    expect(groupByStartDay(items, 'UTC', '2026-12-02')[0]!.items.map((i) => i.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('knows tomorrow across a month and a year end', () => {
    const days = groupByStartDay([o('x', '2027-01-01T10:00:00Z')], ZONE, '2026-12-31');
    expect(days[0]!.relative).toBe('tomorrow');
  });

  it('gives this week, this weekend and next week from Monday-first weeks', () => {
    // Wednesday 2 December 2026.
    expect(quickRanges('2026-12-02')).toEqual({
      thisWeek: { from: '2026-12-02', to: '2026-12-06' },
      weekend: { from: '2026-12-05', to: '2026-12-06' },
      nextWeek: { from: '2026-12-07', to: '2026-12-13' },
    });
    // On a Saturday the weekend starts today; on a Sunday it is today alone.
    expect(quickRanges('2026-12-05').weekend).toEqual({ from: '2026-12-05', to: '2026-12-06' });
    expect(quickRanges('2026-12-06')).toEqual({
      thisWeek: { from: '2026-12-06', to: '2026-12-06' },
      weekend: { from: '2026-12-06', to: '2026-12-06' },
      nextWeek: { from: '2026-12-07', to: '2026-12-13' },
    });
    // Across the year end.
    expect(quickRanges('2026-12-31').nextWeek).toEqual({ from: '2027-01-04', to: '2027-01-10' });
  });
});
