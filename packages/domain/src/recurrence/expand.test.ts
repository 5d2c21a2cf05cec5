import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { DomainFailure } from '../errors';
import type { Interval } from '../errors';
import { HEL, helRange, local } from '../testing/helsinki';
import { expandRule, occurrencesBetween } from './expand';
import { parseRule } from './rule';
import type { RecurrenceRule } from './rule';

const rule = (text: string): RecurrenceRule => {
  const r = parseRule(text);
  if (!r.ok) throw new Error(text);
  return r.value;
};
const starts = (list: Interval[]) => list.map((i) => local(i.start));
const wide = helRange('2026-01-01T00:00', '2028-01-01T00:00');

describe('expandRule', () => {
  it('every Tuesday 18:00 stays 18:00 local across spring forward (2026-03-29)', () => {
    const list = expandRule(rule('FREQ=WEEKLY;BYDAY=TU'), {
      start: { date: '2026-03-17', time: '18:00' },
      durationMinutes: 120,
      zone: HEL,
      window: helRange('2026-03-01T00:00', '2026-04-08T00:00'),
    });
    expect(starts(list)).toEqual([
      '2026-03-17T18:00+02:00',
      '2026-03-24T18:00+02:00',
      '2026-03-31T18:00+03:00',
      '2026-04-07T18:00+03:00',
    ]);
    expect(list.map((i) => i.start.toISOString().slice(11, 16))).toEqual([
      '16:00',
      '16:00',
      '15:00',
      '15:00',
    ]);
    expect(list.every((i) => i.end.getTime() - i.start.getTime() === 2 * 3_600_000)).toBe(true);
  });

  it('and across fall back (2026-10-25)', () => {
    const list = expandRule(rule('FREQ=WEEKLY;BYDAY=TU;COUNT=3'), {
      start: { date: '2026-10-20', time: '18:00' },
      durationMinutes: 90,
      zone: HEL,
      window: wide,
    });
    expect(starts(list)).toEqual([
      '2026-10-20T18:00+03:00',
      '2026-10-27T18:00+02:00',
      '2026-11-03T18:00+02:00',
    ]);
  });

  it('a Sunday 03:30 in the spring-forward gap moves to 04:30 EEST, as luxon does', () => {
    const list = expandRule(rule('FREQ=WEEKLY;BYDAY=SU;COUNT=3'), {
      start: { date: '2026-03-22', time: '03:30' },
      durationMinutes: 60,
      zone: HEL,
      window: wide,
    });
    expect(starts(list)).toEqual([
      '2026-03-22T03:30+02:00',
      '2026-03-29T04:30+03:00',
      '2026-04-05T03:30+03:00',
    ]);
  });

  it('a Sunday 03:30 in the repeated fall-back hour takes the later, standard-time instant', () => {
    const list = expandRule(rule('FREQ=WEEKLY;BYDAY=SU;COUNT=2'), {
      start: { date: '2026-10-18', time: '03:30' },
      durationMinutes: 60,
      zone: HEL,
      window: wide,
    });
    expect(starts(list)).toEqual(['2026-10-18T03:30+03:00', '2026-10-25T03:30+02:00']);
  });

  it('every other Monday and Thursday, counting from the start week', () => {
    const list = expandRule(rule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5'), {
      start: { date: '2026-03-05', time: '10:00' }, // a Thursday
      durationMinutes: 60,
      zone: HEL,
      window: wide,
    });
    expect(list.map((i) => DateTime.fromJSDate(i.start, { zone: HEL }).toISODate())).toEqual([
      '2026-03-05',
      '2026-03-16',
      '2026-03-19',
      '2026-03-30',
      '2026-04-02',
    ]);
  });

  it('three times a month: the first three Tuesdays (BYDAY=1TU,2TU,3TU)', () => {
    const list = expandRule(rule('FREQ=MONTHLY;BYDAY=1TU,2TU,3TU;COUNT=6'), {
      start: { date: '2026-03-03', time: '17:30' },
      durationMinutes: 120,
      zone: HEL,
      window: wide,
    });
    expect(starts(list)).toEqual([
      '2026-03-03T17:30+02:00',
      '2026-03-10T17:30+02:00',
      '2026-03-17T17:30+02:00',
      '2026-04-07T17:30+03:00',
      '2026-04-14T17:30+03:00',
      '2026-04-21T17:30+03:00',
    ]);
  });

  it('last Friday of the month, and the 31st only in months that have one', () => {
    const fridays = expandRule(rule('FREQ=MONTHLY;BYDAY=-1FR;COUNT=3'), {
      start: { date: '2026-01-30', time: '12:00' },
      durationMinutes: 60,
      zone: HEL,
      window: wide,
    });
    expect(fridays.map((i) => local(i.start).slice(0, 10))).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
    ]);
    const the31st = expandRule(rule('FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3'), {
      start: { date: '2026-01-31', time: '12:00' },
      durationMinutes: 60,
      zone: HEL,
      window: wide,
    });
    expect(the31st.map((i) => local(i.start).slice(0, 10))).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
    ]);
  });

  it('COUNT counts from the start, not from the window; the window filters', () => {
    const list = expandRule(rule('FREQ=WEEKLY;BYDAY=TU;COUNT=4'), {
      start: { date: '2026-03-03', time: '18:00' },
      durationMinutes: 60,
      zone: HEL,
      window: helRange('2026-03-17T00:00', '2026-12-31T00:00'),
    });
    expect(starts(list)).toEqual(['2026-03-17T18:00+02:00', '2026-03-24T18:00+02:00']);
  });

  it('UNTIL as a UTC instant is inclusive; as a date it includes that local day', () => {
    const opts = {
      start: { date: '2026-03-03', time: '18:00' },
      durationMinutes: 60,
      zone: HEL,
      window: wide,
    };
    expect(expandRule(rule('FREQ=WEEKLY;BYDAY=TU;UNTIL=20260317T160000Z'), opts)).toHaveLength(3);
    expect(expandRule(rule('FREQ=WEEKLY;BYDAY=TU;UNTIL=20260317T155959Z'), opts)).toHaveLength(2);
    expect(expandRule(rule('FREQ=WEEKLY;BYDAY=TU;UNTIL=20260317'), opts)).toHaveLength(3);
  });

  it('an open-ended rule stops at the window end and at max', () => {
    const opts = { start: { date: '2026-03-03', time: '18:00' }, durationMinutes: 60, zone: HEL };
    expect(
      expandRule(rule('FREQ=WEEKLY;BYDAY=TU'), {
        ...opts,
        window: helRange('2026-03-01T00:00', '2026-03-31T18:00'),
      }),
    ).toHaveLength(4);
    expect(
      expandRule(rule('FREQ=WEEKLY;BYDAY=TU'), { ...opts, window: wide, max: 5 }),
    ).toHaveLength(5);
  });

  it('an empty or invalid window gives no occurrences (and does not loop)', () => {
    const opts = { start: { date: '2026-03-03', time: '18:00' }, durationMinutes: 60, zone: HEL };
    const r = rule('FREQ=WEEKLY;BYDAY=TU');
    expect(
      expandRule(r, { ...opts, window: { start: new Date(NaN), end: new Date(NaN) } }),
    ).toEqual([]);
    expect(
      expandRule(r, { ...opts, window: helRange('2026-04-01T00:00', '2026-03-01T00:00') }),
    ).toEqual([]);
  });

  it('a start date that does not match the rule is not itself an occurrence', () => {
    const list = expandRule(rule('FREQ=WEEKLY;BYDAY=TU;COUNT=1'), {
      start: { date: '2026-03-05', time: '18:00' },
      durationMinutes: 60,
      zone: HEL,
      window: wide,
    });
    expect(starts(list)).toEqual(['2026-03-10T18:00+02:00']);
  });

  it('refuses a bad start, duration or zone', () => {
    const r = rule('FREQ=WEEKLY;BYDAY=TU');
    const ok = {
      start: { date: '2026-03-03', time: '18:00' },
      durationMinutes: 60,
      zone: HEL,
      window: wide,
    };
    expect(() => expandRule(r, { ...ok, start: { date: '2026-3-3', time: '18:00' } })).toThrow(
      DomainFailure,
    );
    expect(() => expandRule(r, { ...ok, start: { date: '2026-03-03', time: '25:00' } })).toThrow(
      DomainFailure,
    );
    expect(() => expandRule(r, { ...ok, durationMinutes: 0 })).toThrow(DomainFailure);
    expect(() => expandRule(r, { ...ok, zone: 'Europe/Nowhere' })).toThrow(DomainFailure);
  });
});

describe('occurrencesBetween', () => {
  it('parses and expands, or returns the parse error', () => {
    const opts = {
      start: { date: '2026-03-03', time: '18:00' },
      durationMinutes: 60,
      zone: HEL,
      window: wide,
    };
    const good = occurrencesBetween('FREQ=WEEKLY;BYDAY=TU;COUNT=2', opts);
    expect(good.ok && good.value).toHaveLength(2);
    const bad = occurrencesBetween('FREQ=HOURLY', opts);
    expect(bad.ok).toBe(false);
  });
});
