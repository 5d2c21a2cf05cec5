import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatRule } from '../recurrence/rule';
import {
  MAX_OCCURRENCE_DAYS,
  assignBookings,
  planOccurrences,
  reconcileOccurrences,
  repeatKindOf,
  repeatRule,
  type StoredOccurrence,
} from './plan';
import { MAX_EVENT_OCCURRENCES } from './vocabulary';

const ZONE = 'Europe/Helsinki';
const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const wall = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toFormat('ccc yyyy-MM-dd HH:mm');
const slot = (start: string, end: string) => ({ start: local(start), end: local(end) });

describe('planOccurrences', () => {
  it(`refuses a date longer than ${MAX_OCCURRENCE_DAYS} days, and takes one exactly that long`, () => {
    const two = planOccurrences({
      first: slot('2027-03-01T10:00', '2027-03-15T10:00'),
      zone: ZONE,
      rrule: null,
      exceptDates: [],
    });
    expect(two.ok && two.value.length).toBe(1);
    const longer = planOccurrences({
      first: slot('2027-03-01T10:00', '2027-03-15T10:01'),
      zone: ZONE,
      rrule: null,
      exceptDates: [],
    });
    expect(!longer.ok && longer.error).toMatchObject({
      kind: 'invalid',
      issues: [{ path: 'end', code: 'too_long', params: { maximumDays: 14 } }],
    });
  });

  it('keeps "every Tuesday 18:00" at 18:00 local across the October DST change', () => {
    const first = slot('2026-10-13T18:00', '2026-10-13T20:00');
    const rule = formatRule(repeatRule('weekly', first.start, ZONE, '2026-11-03'));
    expect(rule).toBe('FREQ=WEEKLY;BYDAY=TU;UNTIL=20261103');
    const plan = planOccurrences({ first, zone: ZONE, rrule: rule, exceptDates: ['2026-10-27'] });
    expect(plan.ok && plan.value.map((o) => wall(o.start))).toEqual([
      'Tue 2026-10-13 18:00',
      'Tue 2026-10-20 18:00',
      'Tue 2026-11-03 18:00',
    ]);
    // Two hours each, in absolute time, on both sides of the change (UTC+3 → UTC+2).
    expect(plan.ok && plan.value.map((o) => o.start.toISOString())).toEqual([
      '2026-10-13T15:00:00.000Z',
      '2026-10-20T15:00:00.000Z',
      '2026-11-03T16:00:00.000Z',
    ]);
    expect(
      plan.ok && plan.value.every((o) => o.end.getTime() - o.start.getTime() === 7_200_000),
    ).toBe(true);
  });

  it('every other week, and the first Saturday of the month', () => {
    const first = slot('2026-12-05T11:00', '2026-12-05T14:00');
    const biweekly = planOccurrences({
      first,
      zone: ZONE,
      rrule: formatRule(repeatRule('biweekly', first.start, ZONE, '2027-01-02')),
      exceptDates: [],
    });
    expect(biweekly.ok && biweekly.value.map((o) => o.date)).toEqual([
      '2026-12-05',
      '2026-12-19',
      '2027-01-02',
    ]);
    const monthly = planOccurrences({
      first,
      zone: ZONE,
      rrule: formatRule(repeatRule('monthly_weekday', first.start, ZONE, '2027-03-31')),
      exceptDates: [],
    });
    expect(monthly.ok && monthly.value.map((o) => wall(o.start))).toEqual([
      'Sat 2026-12-05 11:00',
      'Sat 2027-01-02 11:00',
      'Sat 2027-02-06 11:00',
      'Sat 2027-03-06 11:00',
    ]);
  });

  it('reads a stored rule back as the choice that made it', () => {
    const first = local('2026-12-05T11:00');
    for (const kind of ['weekly', 'biweekly', 'monthly_weekday'] as const)
      expect(
        repeatKindOf(formatRule(repeatRule(kind, first, ZONE, '2027-06-30')), first, ZONE),
      ).toBe(kind);
    expect(repeatKindOf(null, first, ZONE)).toBe('none');
    expect(repeatKindOf('FREQ=MONTHLY;BYMONTHDAY=15;COUNT=3', first, ZONE)).toBeNull();
  });

  it('refuses an endless series, a first date the rule does not give, and too many dates', () => {
    const first = slot('2026-12-08T18:00', '2026-12-08T20:00');
    const codes = (rrule: string, exceptDates: string[] = []) => {
      const r = planOccurrences({ first, zone: ZONE, rrule, exceptDates });
      return r.ok
        ? []
        : r.error.kind === 'invalid'
          ? r.error.issues.map((i) => i.code)
          : [r.error.kind];
    };
    expect(codes('FREQ=WEEKLY;BYDAY=TU')).toEqual(['rule_needs_end']);
    expect(codes('FREQ=WEEKLY;BYDAY=WE;COUNT=3')).toEqual(['start_not_in_rule']);
    expect(codes(`FREQ=WEEKLY;BYDAY=TU;COUNT=${MAX_EVENT_OCCURRENCES + 1}`)).toEqual([
      'too_many_occurrences',
    ]);
    expect(codes(`FREQ=WEEKLY;BYDAY=TU;COUNT=${MAX_EVENT_OCCURRENCES}`)).toEqual([]);
    expect(codes('FREQ=WEEKLY;BYDAY=TU;COUNT=2', ['2026-12-09'])).toEqual(['except_not_in_series']);
    expect(codes('FREQ=WEEKLY;BYDAY=TU;COUNT=2', ['2026-12-08', '2026-12-15'])).toEqual([
      'no_dates_left',
    ]);
    expect(codes('FREQ=WEEKLY;BYDAY=TU;COUNT=2', ['8.12.2026'])).toEqual(['invalid_date']);
    expect(codes('FREQ=DAILY;COUNT=2')).toEqual(['invalid_rrule']);
    const single = planOccurrences({ first, zone: ZONE, rrule: null, exceptDates: ['2026-12-08'] });
    expect(single.ok).toBe(false);
  });

  it('a one-off event is its slot, even past midnight', () => {
    const first = slot('2026-12-31T21:00', '2027-01-01T01:00');
    const r = planOccurrences({ first, zone: ZONE, rrule: null, exceptDates: [] });
    expect(r.ok && r.value).toEqual([{ date: '2026-12-31', ...first }]);
  });
});

describe('reconcileOccurrences', () => {
  const now = local('2026-12-02T12:00');
  const stored = (
    id: string,
    original: string,
    start = original,
    status: StoredOccurrence['status'] = 'scheduled',
  ): StoredOccurrence => ({
    id,
    originalStart: local(original),
    start: local(start),
    end: DateTime.fromJSDate(local(start)).plus({ hours: 2 }).toJSDate(),
    status,
  });

  it('keeps the ids of the dates that remain when the time of day changes', () => {
    const first = slot('2026-12-08T17:30', '2026-12-08T19:30');
    const plan = planOccurrences({
      first,
      zone: ZONE,
      rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20261229',
      exceptDates: ['2026-12-22'],
    });
    if (!plan.ok) throw new Error('plan');
    const changes = reconcileOccurrences({
      stored: [
        stored('past', '2026-12-01T18:00'),
        stored('a', '2026-12-08T18:00'),
        stored('moved', '2026-12-15T18:00', '2026-12-16T18:00'),
        stored('gone', '2026-12-22T18:00'),
      ],
      planned: plan.value,
      zone: ZONE,
      now,
    });
    expect(changes.keep.map((k) => [k.id, wall(k.start), wall(k.originalStart)])).toEqual([
      ['a', 'Tue 2026-12-08 17:30', 'Tue 2026-12-08 17:30'],
      ['moved', 'Wed 2026-12-16 18:00', 'Tue 2026-12-15 17:30'],
    ]);
    expect(changes.add.map((a) => a.date)).toEqual(['2026-12-29']);
    // The past occurrence is history; the excepted date is dropped.
    expect(changes.drop).toEqual(['gone']);
  });

  it('adds no date that has already begun', () => {
    const first = slot('2026-11-24T18:00', '2026-11-24T20:00');
    const plan = planOccurrences({
      first,
      zone: ZONE,
      rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3',
      exceptDates: [],
    });
    if (!plan.ok) throw new Error('plan');
    const changes = reconcileOccurrences({ stored: [], planned: plan.value, zone: ZONE, now });
    expect(changes.add.map((a) => a.date)).toEqual(['2026-12-08']);
  });
});

describe('assignBookings', () => {
  it('puts each occurrence in a booking that contains it, approved first, each used once', () => {
    const occurrences = [
      { date: '2026-12-08', ...slot('2026-12-08T18:00', '2026-12-08T20:00') },
      { date: '2026-12-15', ...slot('2026-12-15T18:00', '2026-12-15T20:00') },
    ];
    const r = assignBookings(
      occurrences,
      [
        { id: 'pending-8', status: 'pending', ...slot('2026-12-08T17:00', '2026-12-08T21:00') },
        { id: 'approved-8', status: 'approved', ...slot('2026-12-08T17:30', '2026-12-08T20:00') },
        { id: 'approved-15', status: 'approved', ...slot('2026-12-15T17:30', '2026-12-15T20:30') },
      ],
      ZONE,
    );
    expect(r.ok && r.value.map((b) => b.id)).toEqual(['approved-8', 'approved-15']);
  });

  it('names an occurrence outside every booking with its local date and times', () => {
    const r = assignBookings(
      [
        { date: '2026-12-08', ...slot('2026-12-08T18:00', '2026-12-08T20:00') },
        { date: '2026-12-15', ...slot('2026-12-15T18:00', '2026-12-15T20:30') },
      ],
      [
        { id: 'b8', status: 'approved', ...slot('2026-12-08T17:30', '2026-12-08T20:00') },
        { id: 'b15', status: 'approved', ...slot('2026-12-15T17:30', '2026-12-15T20:00') },
      ],
      ZONE,
    );
    expect(r.ok).toBe(false);
    if (r.ok || r.error.kind !== 'rule_violation') return;
    expect(r.error.violations).toEqual([
      expect.objectContaining({
        path: 'occurrences.1',
        code: 'outside_booking',
        params: { date: '2026-12-15', start: '18:00', end: '20:30' },
      }),
    ]);
  });
});
