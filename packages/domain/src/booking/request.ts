import { DateTime } from 'luxon';
import { err, ok } from '../errors';
import type { Interval, Issue, Result } from '../errors';
import { expandRule } from '../recurrence/expand';
import { WEEKDAYS, formatRule, parseRule } from '../recurrence/rule';
import type { RecurrenceRule } from '../recurrence/rule';
import { assertZone, parseLocalDate } from '../time/local';
import { checkBookingRules } from './rules';
import type { BookingRules } from './rules';
import type { WeeklyHours } from '../time/opening-hours';

/** "Every week until this local date (inclusive), except these local dates." */
export interface WeeklyRepeat {
  until: string;
  except: readonly string[];
}

/** One date of a request: its local date in the venue's zone and its instants. */
export interface RequestedDate extends Interval {
  date: string;
}

/** The most dates one request may hold (a weekly series over about a year and a half). */
export const MAX_REQUEST_DATES = 80;

const localDate = (d: Date, zone: string): string =>
  DateTime.fromJSDate(d, { zone }).toISODate() as string;

/**
 * The weekly rule of a series starting with `first` (RFC 5545, for storing and for feeds):
 * the weekday of its local start, ended at the local date `until`.
 */
export function weeklyRule(first: Interval, zone: string, until: string): RecurrenceRule {
  const weekday = WEEKDAYS[DateTime.fromJSDate(first.start, { zone }).weekday - 1]!;
  return {
    freq: 'WEEKLY',
    interval: 1,
    count: null,
    until: { type: 'date', date: until },
    byDay: [weekday],
  };
}

/**
 * The dates a request asks for: its first slot, and with a weekly repeat the same local
 * start time every 7 days up to and including `until`, each as long as the first (so a
 * series keeps 17:30 local across a DST change, and a slot may run past midnight), minus the
 * excepted dates. Issues name the field: `repeat.until`, `repeat.except.N`.
 */
export function requestedDates(
  first: Interval,
  zone: string,
  repeat: WeeklyRepeat | null,
): Result<RequestedDate[]> {
  assertZone(zone);
  const firstDate = localDate(first.start, zone);
  const single = [{ date: firstDate, start: first.start, end: first.end }];
  if (!(first.start.getTime() < first.end.getTime())) return ok(single);
  if (repeat === null) return ok(single);

  const issues: Issue[] = [];
  if (parseLocalDate(repeat.until) === null) {
    issues.push({
      path: 'repeat.until',
      code: 'invalid_date',
      params: { value: repeat.until },
      message: `'${repeat.until}' is not a yyyy-MM-dd date.`,
    });
  } else if (repeat.until < firstDate) {
    issues.push({
      path: 'repeat.until',
      code: 'until_before_start',
      params: { start: firstDate },
      message: `The series cannot end before its first date, ${firstDate}.`,
    });
  }
  repeat.except.forEach((text, i) => {
    if (parseLocalDate(text) === null)
      issues.push({
        path: `repeat.except.${i}`,
        code: 'invalid_date',
        params: { value: text },
        message: `'${text}' is not a yyyy-MM-dd date.`,
      });
  });
  if (issues.length > 0) return err({ kind: 'invalid', issues });

  const local = DateTime.fromJSDate(first.start, { zone });
  const rule = weeklyRule(first, zone, repeat.until);
  const durationMinutes = (first.end.getTime() - first.start.getTime()) / 60_000;
  const all = expandRule(rule, {
    start: { date: firstDate, time: local.toFormat('HH:mm') },
    durationMinutes,
    zone,
    window: {
      start: first.start,
      end: DateTime.fromISO(repeat.until, { zone }).plus({ days: 1 }).toJSDate(),
    },
    max: MAX_REQUEST_DATES + 1,
  }).map((i) => ({ date: localDate(i.start, zone), start: i.start, end: i.end }));
  // expandRule places whole minutes; keep the first slot exactly as asked (seconds included).
  if (all[0]) all[0] = single[0]!;

  const dates = new Set(all.map((d) => d.date));
  repeat.except.forEach((text, i) => {
    if (!dates.has(text))
      issues.push({
        path: `repeat.except.${i}`,
        code: 'except_not_in_series',
        params: { date: text },
        message: `${text} is not one of the series' dates.`,
      });
  });
  const except = new Set(repeat.except);
  const kept = all.filter((d) => !except.has(d.date));
  if (all.length > MAX_REQUEST_DATES)
    issues.push({
      path: 'repeat.until',
      code: 'too_many_dates',
      params: { maximum: MAX_REQUEST_DATES },
      message: `A series may hold at most ${MAX_REQUEST_DATES} dates.`,
    });
  else if (kept.length === 0)
    issues.push({
      path: 'repeat.except',
      code: 'no_dates_left',
      message: 'Every date of the series is excepted.',
    });
  if (issues.length > 0) return err({ kind: 'invalid', issues });
  return ok(kept);
}

/**
 * The "every week until" a stored request rule reads as on the booking form, or null when it
 * is some other rule (every other week, monthly, open-ended: it is shown as RRULE text only).
 */
export function weeklyUntilOf(rrule: string | null): string | null {
  if (rrule === null) return null;
  const parsed = parseRule(rrule);
  if (!parsed.ok) return null;
  const rule = parsed.value;
  return rule.freq === 'WEEKLY' &&
    rule.interval === 1 &&
    rule.byDay.length === 1 &&
    rule.count === null &&
    rule.until?.type === 'date'
    ? rule.until.date
    : null;
}

/** The RRULE text a request stores (null for a single slot). */
export const requestRule = (first: Interval, zone: string, repeat: WeeklyRepeat | null) =>
  repeat === null ? null : formatRule(weeklyRule(first, zone, repeat.until));

export interface RequestRulesCheck {
  rules: BookingRules;
  now: Date;
  zone: string;
  openingHours: WeeklyHours | null;
  blackoutDates: readonly string[];
  /** The association's open (pending) requests at this venue; null for the city's own use. */
  openRequests: number | null;
  bookable: boolean;
  /** The capacity of the space asked for (or of the venue when the space has none). */
  capacity: number;
  expectedAttendance: number;
  dates: readonly RequestedDate[];
}

/**
 * Every rule a request breaks, each with a code and the parameters a page needs to say it
 * in any language. Rules about the request as a whole (booking taken out, attendance over
 * capacity, too many open requests) appear once; rules about time appear per date, with
 * `params.date`. Empty when the request keeps every rule.
 */
export function checkRequestRules(input: RequestRulesCheck): Issue[] {
  const issues: Issue[] = [];
  if (!input.bookable)
    issues.push({
      path: 'venueId',
      code: 'not_bookable',
      message: 'The venue is taken out of booking for now.',
    });
  if (input.expectedAttendance > input.capacity)
    issues.push({
      path: 'expectedAttendance',
      code: 'over_capacity',
      params: { maximum: input.capacity, actual: input.expectedAttendance },
      message: `The room takes at most ${input.capacity} people; ${input.expectedAttendance} are expected.`,
    });
  const seen = new Set<string>();
  for (const d of input.dates) {
    const found = checkBookingRules({
      rules: input.rules,
      interval: d,
      now: input.now,
      zone: input.zone,
      openingHours: input.openingHours,
      blackoutDates: input.blackoutDates,
      openRequests: input.openRequests ?? 0,
    });
    for (const issue of found) {
      if (issue.code === 'too_many_open_requests') {
        if (input.openRequests === null || seen.has(issue.code)) continue;
        seen.add(issue.code);
        issues.push(issue);
        continue;
      }
      issues.push({ ...issue, params: { ...issue.params, date: d.date } });
    }
  }
  return issues;
}
