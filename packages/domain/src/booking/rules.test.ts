import { describe, expect, it } from 'vitest';
import { HEL, hel, helRange } from '../testing/helsinki';
import type { WeeklyHours } from '../time/opening-hours';
import { bookingRulesSchema, canCancel, checkBookingRules } from './rules';
import type { BookingRules, BookingRulesCheck } from './rules';

const rules: BookingRules = {
  minDurationMinutes: 60,
  maxDurationMinutes: 240,
  horizonDays: 90,
  leadTimeHours: 48,
  bufferMinutes: 15,
  cancellationDeadlineHours: 24,
  maxOpenRequests: 3,
};
const hours: WeeklyHours = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({
  weekday,
  opens: '09:00',
  closes: '22:00',
}));
const now = hel('2026-03-20T10:00');
const check = (from: string, to: string, extra: Partial<BookingRulesCheck> = {}) =>
  checkBookingRules({
    rules,
    interval: helRange(from, to),
    now,
    zone: HEL,
    openingHours: hours,
    blackoutDates: ['2026-04-03'],
    openRequests: 0,
    ...extra,
  });
const codes = (issues: { code?: string }[]) => issues.map((i) => i.code);

describe('checkBookingRules', () => {
  it('accepts a booking that keeps every rule, also on the DST change day', () => {
    expect(check('2026-03-31T18:00', '2026-03-31T20:00')).toEqual([]);
    expect(check('2026-03-29T09:00', '2026-03-29T13:00')).toEqual([]);
  });

  it('an end before the start is the only issue reported', () => {
    expect(check('2026-03-31T20:00', '2026-03-31T18:00')).toEqual([
      {
        path: 'endsAt',
        code: 'end_before_start',
        message: 'The booking must end after it starts.',
      },
    ]);
  });

  it('too short and too long, with the numbers', () => {
    expect(check('2026-03-31T18:00', '2026-03-31T18:30')).toEqual([
      {
        path: 'endsAt',
        code: 'too_short',
        params: { minimum: 60, actual: 30 },
        message: 'A booking must last at least 60 minutes; this one lasts 30 minutes.',
      },
    ]);
    const long = check('2026-03-31T09:00', '2026-03-31T14:00');
    expect(long[0]?.params).toEqual({ maximum: 240, actual: 300 });
    expect(long[0]?.message).toBe(
      'A booking may last at most 240 minutes; this one lasts 300 minutes.',
    );
  });

  it('lead time and the past', () => {
    const soon = check('2026-03-21T12:00', '2026-03-21T14:00');
    expect(soon).toEqual([
      {
        path: 'startsAt',
        code: 'too_soon',
        params: { minimum: 48, actual: 26 },
        message:
          'Bookings must be requested at least 48 hours before they start; this one starts in 26 hours.',
      },
    ]);
    expect(codes(check('2026-03-19T12:00', '2026-03-19T14:00'))).toEqual(['in_past']);
  });

  it('the booking horizon, counted in local calendar days', () => {
    expect(codes(check('2026-06-18T09:00', '2026-06-18T10:00'))).toEqual([]);
    const far = check('2026-06-18T11:00', '2026-06-18T12:00');
    expect(far).toEqual([
      {
        path: 'startsAt',
        code: 'too_far_ahead',
        params: { maximum: 90, until: '2026-06-18' },
        message:
          'Bookings can be made at most 90 days ahead, that is until 2026-06-18 10:00 (Europe/Helsinki).',
      },
    ]);
  });

  it('outside opening hours, including a booking that runs past closing', () => {
    expect(check('2026-03-31T21:00', '2026-03-31T23:00')[0]?.params).toEqual({
      start: '2026-03-31 21:00',
      end: '2026-03-31 23:00',
    });
    expect(codes(check('2026-03-31T07:00', '2026-03-31T09:30'))).toEqual(['outside_opening_hours']);
    expect(check('2026-03-31T21:00', '2026-03-31T23:00', { openingHours: null })).toEqual([]);
  });

  it('a blackout date, and the open-request quota', () => {
    const closed = check('2026-04-03T12:00', '2026-04-03T14:00');
    expect(closed).toEqual([
      {
        path: 'startsAt',
        code: 'blackout_date',
        params: { dates: '2026-04-03' },
        message: 'The venue is closed on 2026-04-03.',
      },
    ]);
    expect(check('2026-03-31T18:00', '2026-03-31T20:00', { openRequests: 3 })).toEqual([
      {
        path: 'openRequests',
        code: 'too_many_open_requests',
        params: { maximum: 3, current: 3 },
        message: 'An association may have at most 3 open requests at this venue; it already has 3.',
      },
    ]);
  });

  it('reports several violations at once', () => {
    expect(codes(check('2026-03-20T22:30', '2026-03-20T22:45', { openRequests: 5 }))).toEqual([
      'too_short',
      'too_soon',
      'outside_opening_hours',
      'too_many_open_requests',
    ]);
  });
});

describe('canCancel and bookingRulesSchema', () => {
  it('allows cancelling until the deadline', () => {
    const start = hel('2026-03-31T18:00');
    expect(canCancel(rules, start, hel('2026-03-30T18:00'))).toBe(true);
    expect(canCancel(rules, start, hel('2026-03-30T18:01'))).toBe(false);
  });

  it('validates rules', () => {
    expect(bookingRulesSchema.safeParse(rules).success).toBe(true);
    expect(bookingRulesSchema.safeParse({ ...rules, minDurationMinutes: 300 }).success).toBe(false);
    expect(bookingRulesSchema.safeParse({ ...rules, horizonDays: -1 }).success).toBe(false);
  });
});
