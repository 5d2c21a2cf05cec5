import { DateTime } from 'luxon';
import { err, ok } from '../errors';
import type { Issue, Result } from '../errors';

/**
 * A small, strict subset of RFC 5545 RRULE, enough for "every Tuesday", "every other
 * Monday and Thursday", "first, second and third Tuesday of the month", "last Friday",
 * "the 15th of every month":
 *
 *   FREQ=WEEKLY;BYDAY=MO,TH[;INTERVAL=n][;COUNT=n | ;UNTIL=…]
 *   FREQ=MONTHLY;BYDAY=1TU,3TH,-1FR[;INTERVAL=n][;COUNT=n | ;UNTIL=…]
 *   FREQ=MONTHLY;BYMONTHDAY=1,15,-1[;INTERVAL=n][;COUNT=n | ;UNTIL=…]
 *
 * UNTIL is a UTC date-time (yyyyMMddTHHmmssZ) or a date (yyyyMMdd, inclusive, read in the
 * series' zone). WKST=MO is accepted (it is the only week start). Everything else is refused
 * with a message naming the part. An optional leading "RRULE:" is accepted; keys and values
 * are case-insensitive. Without COUNT or UNTIL the series is open-ended.
 */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface OrdinalWeekday {
  /** 1–5 counts from the start of the month, -1…-5 from its end. */
  ordinal: number;
  weekday: Weekday;
}

export type RuleUntil =
  | { type: 'instant'; at: Date }
  /** A local calendar date 'yyyy-MM-dd'; occurrences on that day are included. */
  | { type: 'date'; date: string };

interface RuleBase {
  interval: number;
  count: number | null;
  until: RuleUntil | null;
}

export type RecurrenceRule =
  | (RuleBase & { freq: 'WEEKLY'; byDay: Weekday[] })
  | (RuleBase & { freq: 'MONTHLY'; byDay: OrdinalWeekday[] })
  | (RuleBase & { freq: 'MONTHLY'; byMonthDay: number[] });

const SUPPORTED = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'COUNT', 'UNTIL', 'WKST']);
const issue = (message: string): Issue => ({ path: 'rrule', message, code: 'invalid_rrule' });
const weekdayIndex = (d: Weekday): number => WEEKDAYS.indexOf(d);

function positiveInt(key: string, value: string, max: number, issues: Issue[]): number | null {
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    issues.push(issue(`${key} must be a whole number from 1 to ${max}, got '${value}'.`));
    return null;
  }
  return Number(value);
}

function parseUntil(value: string, issues: Issue[]): RuleUntil | null {
  const instant = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (instant) {
    const [, y, mo, d, h, mi, s] = instant.map(Number);
    const at = DateTime.fromObject(
      { year: y, month: mo, day: d, hour: h, minute: mi, second: s },
      { zone: 'utc' },
    );
    if (at.isValid) return { type: 'instant', at: at.toJSDate() };
  }
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (date) {
    const [, y, mo, d] = date.map(Number);
    const day = DateTime.fromObject({ year: y, month: mo, day: d }, { zone: 'utc' });
    if (day.isValid) return { type: 'date', date: day.toISODate() as string };
  }
  issues.push(
    issue(
      `UNTIL must be a UTC date-time like 20261231T220000Z or a date like 20261231, got '${value}'.`,
    ),
  );
  return null;
}

function parseByDay(value: string, monthly: boolean, issues: Issue[]) {
  const out: OrdinalWeekday[] = [];
  for (const item of value.split(',')) {
    const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
    if (!m) {
      issues.push(issue(`BYDAY item '${item}' is not a weekday like TU or 3TH.`));
      continue;
    }
    const weekday = m[2] as Weekday;
    if (!monthly) {
      if (m[1] !== undefined)
        issues.push(issue(`BYDAY '${item}': ordinals are only supported with FREQ=MONTHLY.`));
      out.push({ ordinal: 0, weekday });
      continue;
    }
    const ordinal = Number(m[1] ?? 'NaN');
    if (!(Math.abs(ordinal) >= 1 && Math.abs(ordinal) <= 5)) {
      issues.push(
        issue(
          `BYDAY '${item}' needs an ordinal from 1 to 5 or -1 to -5 with FREQ=MONTHLY (e.g. 1TU, -1FR).`,
        ),
      );
      continue;
    }
    out.push({ ordinal, weekday });
  }
  const keys = out.map((d) => `${d.ordinal}${d.weekday}`);
  if (new Set(keys).size !== keys.length) issues.push(issue('BYDAY lists the same day twice.'));
  return out.sort(
    (a, b) => a.ordinal - b.ordinal || weekdayIndex(a.weekday) - weekdayIndex(b.weekday),
  );
}

function parseByMonthDay(value: string, issues: Issue[]): number[] {
  const out: number[] = [];
  for (const item of value.split(',')) {
    const n = /^[+-]?\d{1,2}$/.test(item) ? Number(item) : NaN;
    if (!(Math.abs(n) >= 1 && Math.abs(n) <= 31)) {
      issues.push(issue(`BYMONTHDAY item '${item}' must be 1 to 31 or -1 to -31.`));
      continue;
    }
    out.push(n);
  }
  if (new Set(out).size !== out.length) issues.push(issue('BYMONTHDAY lists the same day twice.'));
  return out.sort((a, b) => a - b);
}

export function parseRule(text: string): Result<RecurrenceRule> {
  const issues: Issue[] = [];
  const body = text
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  const parts = new Map<string, string>();
  if (body === '') issues.push(issue('The rule is empty.'));
  else {
    for (const part of body.split(';')) {
      const eq = part.indexOf('=');
      const key = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      if (eq <= 0 || value === '') issues.push(issue(`Part '${part}' is not KEY=VALUE.`));
      else if (!SUPPORTED.has(key)) issues.push(issue(`${key} is not supported.`));
      else if (parts.has(key)) issues.push(issue(`${key} appears twice.`));
      else parts.set(key, value);
    }
  }
  if (issues.length > 0) return err({ kind: 'invalid', issues });

  const freq = parts.get('FREQ');
  if (freq === undefined) issues.push(issue('FREQ is required (WEEKLY or MONTHLY).'));
  else if (freq !== 'WEEKLY' && freq !== 'MONTHLY') {
    issues.push(issue(`FREQ=${freq} is not supported; use WEEKLY or MONTHLY.`));
  }
  const wkst = parts.get('WKST');
  if (wkst !== undefined && wkst !== 'MO')
    issues.push(issue(`WKST=${wkst} is not supported; weeks start on MO.`));

  const intervalText = parts.get('INTERVAL');
  const interval =
    intervalText === undefined ? 1 : positiveInt('INTERVAL', intervalText, 99, issues);
  const countText = parts.get('COUNT');
  const count = countText === undefined ? null : positiveInt('COUNT', countText, 1000, issues);
  const untilText = parts.get('UNTIL');
  const until = untilText === undefined ? null : parseUntil(untilText, issues);
  if (countText !== undefined && untilText !== undefined) {
    issues.push(issue('COUNT and UNTIL cannot both be given.'));
  }

  const byDayText = parts.get('BYDAY');
  const byMonthDayText = parts.get('BYMONTHDAY');
  const monthly = freq === 'MONTHLY';
  const byDay = byDayText === undefined ? [] : parseByDay(byDayText, monthly, issues);
  const byMonthDay = byMonthDayText === undefined ? [] : parseByMonthDay(byMonthDayText, issues);
  if (freq === 'WEEKLY') {
    if (byDayText === undefined)
      issues.push(issue('BYDAY is required with FREQ=WEEKLY (e.g. BYDAY=TU).'));
    if (byMonthDayText !== undefined)
      issues.push(issue('BYMONTHDAY is only supported with FREQ=MONTHLY.'));
  }
  if (monthly && (byDayText === undefined) === (byMonthDayText === undefined)) {
    issues.push(
      issue('FREQ=MONTHLY needs exactly one of BYDAY (e.g. 1TU,3TU) or BYMONTHDAY (e.g. 15).'),
    );
  }
  if (issues.length > 0 || interval === null) return err({ kind: 'invalid', issues });

  const base = { interval, count, until };
  if (freq === 'WEEKLY') return ok({ ...base, freq, byDay: byDay.map((d) => d.weekday) });
  if (byDayText !== undefined) return ok({ ...base, freq: 'MONTHLY', byDay });
  return ok({ ...base, freq: 'MONTHLY', byMonthDay });
}

const formatUntil = (u: RuleUntil): string =>
  u.type === 'date'
    ? u.date.replaceAll('-', '')
    : DateTime.fromJSDate(u.at, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'");

/** Canonical RRULE text (without the "RRULE:" prefix); parseRule(formatRule(r)) gives r back. */
export function formatRule(rule: RecurrenceRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.freq === 'WEEKLY') parts.push(`BYDAY=${rule.byDay.join(',')}`);
  else if ('byDay' in rule)
    parts.push(`BYDAY=${rule.byDay.map((d) => `${d.ordinal}${d.weekday}`).join(',')}`);
  else parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== null) parts.push(`UNTIL=${formatUntil(rule.until)}`);
  return parts.join(';');
}
