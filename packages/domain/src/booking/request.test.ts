import { describe, expect, it } from 'vitest';
import { HEL, hel, helRange, local } from '../testing/helsinki';
import type { WeeklyHours } from '../time/opening-hours';
import {
  MAX_REQUEST_DATES,
  checkRequestRules,
  requestRule,
  requestedDates,
  weeklyUntilOf,
} from './request';
import type { RequestRulesCheck } from './request';

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const issuesOf = (r: { ok: boolean; error?: unknown }) =>
  r.ok ? [] : (r.error as { issues: { path: string; code: string; params?: unknown }[] }).issues;

describe('requestedDates', () => {
  it('is the one slot without a repeat', () => {
    const first = helRange('2026-12-15T17:30', '2026-12-15T19:30');
    expect(unwrap(requestedDates(first, HEL, null))).toEqual([{ date: '2026-12-15', ...first }]);
  });

  it('keeps 17:30 local every Tuesday across the end of daylight-saving time, minus exceptions', () => {
    const first = helRange('2026-10-06T17:30', '2026-10-06T19:30');
    const dates = unwrap(
      requestedDates(first, HEL, { until: '2026-11-03', except: ['2026-10-27'] }),
    );
    expect(dates.map((d) => d.date)).toEqual([
      '2026-10-06',
      '2026-10-13',
      '2026-10-20',
      '2026-11-03',
    ]);
    expect(dates.map((d) => `${local(d.start)} ${local(d.end)}`)).toEqual([
      '2026-10-06T17:30+03:00 2026-10-06T19:30+03:00',
      '2026-10-13T17:30+03:00 2026-10-13T19:30+03:00',
      '2026-10-20T17:30+03:00 2026-10-20T19:30+03:00',
      '2026-11-03T17:30+02:00 2026-11-03T19:30+02:00',
    ]);
    expect(dates.map((d) => d.start.toISOString().slice(11, 16))).toEqual([
      '14:30',
      '14:30',
      '14:30',
      '15:30',
    ]);
  });

  it('repeats a slot that runs past midnight, dated by its start', () => {
    const first = helRange('2026-12-04T22:00', '2026-12-05T01:00');
    const dates = unwrap(requestedDates(first, HEL, { until: '2026-12-18', except: [] }));
    expect(dates.map((d) => `${d.date} ${local(d.end)}`)).toEqual([
      '2026-12-04 2026-12-05T01:00+02:00',
      '2026-12-11 2026-12-12T01:00+02:00',
      '2026-12-18 2026-12-19T01:00+02:00',
    ]);
  });

  it('names each broken part of the repeat', () => {
    const first = helRange('2026-12-15T17:30', '2026-12-15T19:30');
    expect(issuesOf(requestedDates(first, HEL, { until: '2026-12-01', except: [] }))).toEqual([
      expect.objectContaining({
        path: 'repeat.until',
        code: 'until_before_start',
        params: { start: '2026-12-15' },
      }),
    ]);
    expect(
      issuesOf(requestedDates(first, HEL, { until: '2026-02-30', except: ['2026-12-16'] })),
    ).toEqual([expect.objectContaining({ path: 'repeat.until', code: 'invalid_date' })]);
    expect(
      issuesOf(requestedDates(first, HEL, { until: '2026-12-29', except: ['2026-12-16'] })),
    ).toEqual([
      expect.objectContaining({
        path: 'repeat.except.0',
        code: 'except_not_in_series',
        params: { date: '2026-12-16' },
      }),
    ]);
    expect(
      issuesOf(requestedDates(first, HEL, { until: '2026-12-15', except: ['2026-12-15'] })),
    ).toEqual([expect.objectContaining({ code: 'no_dates_left' })]);
    const weeks = MAX_REQUEST_DATES + 1;
    const far = hel('2026-12-15T00:00');
    const until = new Date(far.getTime() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
    expect(issuesOf(requestedDates(first, HEL, { until, except: [] }))).toEqual([
      expect.objectContaining({ code: 'too_many_dates', params: { maximum: MAX_REQUEST_DATES } }),
    ]);
  });

  it('stores the rule of a series as RRULE text', () => {
    const first = helRange('2026-12-15T17:30', '2026-12-15T19:30');
    expect(requestRule(first, HEL, { until: '2027-03-30', except: [] })).toBe(
      'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270330',
    );
    expect(requestRule(first, HEL, null)).toBeNull();
  });
});

describe('checkRequestRules', () => {
  const hours: WeeklyHours = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({
    weekday,
    opens: '08:00',
    closes: '22:00',
  }));
  const base = (extra: Partial<RequestRulesCheck> = {}): RequestRulesCheck => ({
    rules: {
      minDurationMinutes: 60,
      maxDurationMinutes: 240,
      horizonDays: 180,
      leadTimeHours: 48,
      bufferMinutes: 0,
      cancellationDeadlineHours: 24,
      maxOpenRequests: 2,
    },
    now: hel('2026-11-24T12:00'),
    zone: HEL,
    openingHours: hours,
    blackoutDates: ['2026-12-22'],
    openRequests: 0,
    bookable: true,
    capacity: 20,
    expectedAttendance: 15,
    dates: unwrap(
      requestedDates(helRange('2026-12-08T17:30', '2026-12-08T19:30'), HEL, {
        until: '2026-12-29',
        except: [],
      }),
    ),
    ...extra,
  });

  it('names the blackout date among the series, with the date as a parameter', () => {
    expect(checkRequestRules(base())).toEqual([
      expect.objectContaining({
        code: 'blackout_date',
        params: { dates: '2026-12-22', date: '2026-12-22' },
      }),
    ]);
  });

  it('reports capacity, a venue out of booking and the open-request quota once each', () => {
    const issues = checkRequestRules(
      base({ bookable: false, expectedAttendance: 21, openRequests: 2, blackoutDates: [] }),
    );
    expect(issues.map((i) => [i.code, i.params])).toEqual([
      ['not_bookable', undefined],
      ['over_capacity', { maximum: 20, actual: 21 }],
      ['too_many_open_requests', { maximum: 2, current: 2 }],
    ]);
  });

  it('has no open-request quota for the city’s own use', () => {
    expect(checkRequestRules(base({ openRequests: null, blackoutDates: [] }))).toEqual([]);
  });

  it('dates each time rule: too soon on the first date only', () => {
    const issues = checkRequestRules(base({ now: hel('2026-12-07T12:00'), blackoutDates: [] }));
    expect(issues.map((i) => [i.code, i.params?.date])).toEqual([['too_soon', '2026-12-08']]);
  });
});

describe('weeklyUntilOf', () => {
  it('reads only the form’s own rule as "every week until"', () => {
    expect(weeklyUntilOf('FREQ=WEEKLY;BYDAY=TU;UNTIL=20261216')).toBe('2026-12-16');
    expect(weeklyUntilOf('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20261216')).toBeNull();
    expect(weeklyUntilOf('FREQ=MONTHLY;BYDAY=1TU;UNTIL=20261216')).toBeNull();
    expect(weeklyUntilOf('FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261216')).toBeNull();
    expect(weeklyUntilOf('FREQ=WEEKLY;BYDAY=TU')).toBeNull();
    expect(weeklyUntilOf(null)).toBeNull();
  });
});
