import type { DateTime } from 'luxon';
import { DomainFailure, invalid } from '../errors';
import type { Interval, Result } from '../errors';
import {
  assertZone,
  calendarDay,
  parseLocalDate,
  parseWallTime,
  zonedInstant,
} from '../time/local';
import { WEEKDAYS, parseRule } from './rule';
import type { OrdinalWeekday, RecurrenceRule } from './rule';

export interface ExpandOptions {
  /** The first occurrence's local date and wall-clock time in `zone`. */
  start: { date: string; time: string };
  durationMinutes: number;
  zone: string;
  /** Occurrences whose start lies in [window.start, window.end) are returned. */
  window: Interval;
  /** At most this many occurrences are returned (default 1000). */
  max?: number;
}

const DEFAULT_MAX = 1000;

/** Days of one month matching the rule, ascending (nonexistent ones, e.g. a 5th Friday, skipped). */
function monthDays(month: DateTime, rule: RecurrenceRule): DateTime[] {
  const length = month.daysInMonth as number;
  const days = new Set<number>();
  if ('byMonthDay' in rule) {
    for (const n of rule.byMonthDay) {
      const day = n > 0 ? n : length + n + 1;
      if (day >= 1 && day <= length) days.add(day);
    }
  } else {
    for (const d of rule.byDay as OrdinalWeekday[]) {
      const isoWeekday = WEEKDAYS.indexOf(d.weekday) + 1;
      const firstMatch = 1 + ((isoWeekday - month.weekday + 7) % 7);
      const lastMatch = firstMatch + 7 * Math.floor((length - firstMatch) / 7);
      const day =
        d.ordinal > 0 ? firstMatch + 7 * (d.ordinal - 1) : lastMatch + 7 * (d.ordinal + 1);
      if (day >= 1 && day <= length) days.add(day);
    }
  }
  return [...days].sort((a, b) => a - b).map((day) => month.set({ day }));
}

/** The matching local dates of period k (a week or a month), ascending. */
function periodDays(
  rule: RecurrenceRule,
  first: DateTime,
  k: number,
): { from: DateTime; days: DateTime[] } {
  if (rule.freq === 'WEEKLY') {
    const week = first.startOf('week').plus({ weeks: k * rule.interval });
    return { from: week, days: rule.byDay.map((d) => week.plus({ days: WEEKDAYS.indexOf(d) })) };
  }
  const month = first.startOf('month').plus({ months: k * rule.interval });
  return { from: month, days: monthDays(month, rule) };
}

/**
 * Occurrences of a rule whose start lies in the window, oldest first. Each occurrence is the
 * same wall-clock time in `zone` ("every Tuesday 18:00" stays 18:00 local across DST);
 * durations are absolute minutes. A start time in a spring-forward gap is shifted forward by
 * the gap, as luxon does (03:30 on 2026-03-29 in Helsinki → 04:30 EEST); an ambiguous
 * fall-back time takes the later (standard-time) instant, also as luxon does.
 *
 * Unlike RFC 5545, the start date counts as an occurrence only if it matches the rule, so
 * give a start that does. COUNT counts occurrences from the start, not from the window.
 */
export function expandRule(rule: RecurrenceRule, options: ExpandOptions): Interval[] {
  const { zone, window } = options;
  assertZone(zone);
  const startDate = parseLocalDate(options.start.date);
  if (!startDate)
    throw new DomainFailure(
      invalid('start.date', `'${options.start.date}' is not a yyyy-MM-dd date.`),
    );
  const time = parseWallTime(options.start.time);
  if (!time)
    throw new DomainFailure(invalid('start.time', `'${options.start.time}' is not an HH:mm time.`));
  if (!(options.durationMinutes > 0)) {
    throw new DomainFailure(
      invalid('durationMinutes', 'The duration must be more than 0 minutes.'),
    );
  }
  const max = options.max ?? DEFAULT_MAX;
  // An empty or invalid (NaN) window has no occurrences; checking here also bounds the loop.
  if (!(window.start.getTime() < window.end.getTime())) return [];
  const first = calendarDay(startDate);
  const windowStart = window.start.getTime();
  const windowEnd = window.end.getTime();
  const untilDate = rule.until?.type === 'date' ? rule.until.date : null;
  const untilAt = rule.until?.type === 'instant' ? rule.until.at.getTime() : Infinity;
  const out: Interval[] = [];
  let counted = 0;

  for (let k = 0; out.length < max; k++) {
    const { from, days } = periodDays(rule, first, k);
    if (zonedInstant(from, { hour: 0, minute: 0 }, zone).toMillis() >= windowEnd) break;
    if (untilDate !== null && (from.toISODate() as string) > untilDate) break;
    for (const day of days) {
      if (day < first) continue;
      if (untilDate !== null && (day.toISODate() as string) > untilDate) return out;
      const start = zonedInstant(day, time, zone);
      const at = start.toMillis();
      if (at > untilAt || at >= windowEnd) return out;
      counted++;
      if (rule.count !== null && counted > rule.count) return out;
      if (at >= windowStart) {
        out.push({
          start: start.toJSDate(),
          end: start.plus({ minutes: options.durationMinutes }).toJSDate(),
        });
        if (out.length >= max) return out;
      }
    }
  }
  return out;
}

/** parseRule + expandRule in one step, for callers holding RRULE text. */
export function occurrencesBetween(text: string, options: ExpandOptions): Result<Interval[]> {
  const parsed = parseRule(text);
  return parsed.ok ? { ok: true, value: expandRule(parsed.value, options) } : parsed;
}
