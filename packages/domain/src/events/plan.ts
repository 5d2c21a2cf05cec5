import { DateTime } from 'luxon';
import { err, ok } from '../errors';
import type { Interval, Issue, Result } from '../errors';
import { expandRule } from '../recurrence/expand';
import { WEEKDAYS, formatRule, parseRule } from '../recurrence/rule';
import type { RecurrenceRule } from '../recurrence/rule';
import { assertZone, parseLocalDate } from '../time/local';
import { MAX_EVENT_OCCURRENCES } from './vocabulary';

/** One date of an event as its rule places it. */
export interface PlannedOccurrence extends Interval {
  /** Its local date in the municipality's zone: the identity a rule edit keeps. */
  date: string;
}

/** How long one occurrence may last: a weekend bazaar, a two-week exhibition; no longer. */
export const MAX_OCCURRENCE_DAYS = 14;
/**
 * The longest an occurrence lasts, in absolute time (every date of a series is as long as
 * its first). The database holds it (a CHECK, migration 0008) and the calendar's queries
 * rely on it: an occurrence that ends after `from` starts after `from` minus this, so the
 * start index bounds the scan from both sides.
 */
export const OCCURRENCE_SPAN_BOUND_MS = MAX_OCCURRENCE_DAYS * 86_400_000;

/** The issue of a slot that ends before it starts or lasts longer than MAX_OCCURRENCE_DAYS. */
export function occurrenceSlotIssue(slot: Interval): Issue | null {
  if (!(slot.start.getTime() < slot.end.getTime()))
    return { path: 'end', code: 'end_before_start', message: 'The end must be after the start.' };
  if (slot.end.getTime() - slot.start.getTime() > OCCURRENCE_SPAN_BOUND_MS)
    return {
      path: 'end',
      code: 'too_long',
      params: { maximumDays: MAX_OCCURRENCE_DAYS },
      message: `One date of an event lasts at most ${MAX_OCCURRENCE_DAYS} days.`,
    };
  return null;
}

/** The repeat choices an organizer makes on the form; each is one RRULE. */
export const REPEAT_KINDS = ['none', 'weekly', 'biweekly', 'monthly_weekday'] as const;
export type RepeatKind = (typeof REPEAT_KINDS)[number];

const localDate = (d: Date, zone: string): string =>
  DateTime.fromJSDate(d, { zone }).toISODate() as string;

/**
 * The rule of a repeat choice for a series whose first date is `first`, ending on the local
 * date `until` (inclusive): weekly and every other week on the first date's weekday, monthly
 * on its ordinal weekday ("first Saturday"; the 5th becomes "last").
 */
export function repeatRule(
  kind: Exclude<RepeatKind, 'none'>,
  first: Date,
  zone: string,
  until: string,
): RecurrenceRule {
  const local = DateTime.fromJSDate(first, { zone });
  const weekday = WEEKDAYS[local.weekday - 1]!;
  const end = { type: 'date' as const, date: until };
  if (kind === 'monthly_weekday') {
    const ordinal = Math.ceil(local.day / 7);
    return {
      freq: 'MONTHLY',
      interval: 1,
      count: null,
      until: end,
      byDay: [{ ordinal: ordinal === 5 ? -1 : ordinal, weekday }],
    };
  }
  return {
    freq: 'WEEKLY',
    interval: kind === 'biweekly' ? 2 : 1,
    count: null,
    until: end,
    byDay: [weekday],
  };
}

/** The repeat choice a stored rule reads as on the form, or null when it is none of them. */
export function repeatKindOf(rrule: string | null, first: Date, zone: string): RepeatKind | null {
  if (rrule === null) return 'none';
  const parsed = parseRule(rrule);
  if (!parsed.ok || parsed.value.until?.type !== 'date' || parsed.value.count !== null) return null;
  for (const kind of ['weekly', 'biweekly', 'monthly_weekday'] as const) {
    if (
      formatRule(repeatRule(kind, first, zone, parsed.value.until.date)) ===
      formatRule(parsed.value)
    )
      return kind;
  }
  return null;
}

/**
 * The occurrences of an event: its first slot and, with a rule, every date the rule gives
 * from there (the same wall-clock time in `zone`, each as long as the first), minus the
 * excepted local dates. A series must end (UNTIL or COUNT), start on a date of its rule and
 * keep at least one date; at most MAX_EVENT_OCCURRENCES. Issues name the field.
 */
export function planOccurrences(input: {
  first: Interval;
  zone: string;
  rrule: string | null;
  exceptDates: readonly string[];
}): Result<PlannedOccurrence[]> {
  const { first, zone, rrule, exceptDates } = input;
  assertZone(zone);
  const issues: Issue[] = [];
  const slotIssue = occurrenceSlotIssue(first);
  if (slotIssue) return err({ kind: 'invalid', issues: [slotIssue] });
  const firstDate = localDate(first.start, zone);
  exceptDates.forEach((text, i) => {
    if (parseLocalDate(text) === null)
      issues.push({
        path: `exceptDates.${i}`,
        code: 'invalid_date',
        params: { value: text },
        message: `'${text}' is not a yyyy-MM-dd date.`,
      });
  });
  if (issues.length > 0) return err({ kind: 'invalid', issues });
  if (rrule === null) {
    if (exceptDates.length > 0)
      return err({
        kind: 'invalid',
        issues: [
          {
            path: 'exceptDates',
            code: 'except_without_rule',
            message: 'Only a repeating event has dates to leave out.',
          },
        ],
      });
    return ok([{ date: firstDate, start: first.start, end: first.end }]);
  }

  const parsed = parseRule(rrule);
  if (!parsed.ok) return parsed;
  const rule = parsed.value;
  if (rule.count === null && rule.until === null)
    return err({
      kind: 'invalid',
      issues: [
        { path: 'rrule', code: 'rule_needs_end', message: 'A repeating event needs an end date.' },
      ],
    });
  const local = DateTime.fromJSDate(first.start, { zone });
  const durationMinutes = Math.round((first.end.getTime() - first.start.getTime()) / 60_000);
  const all = expandRule(rule, {
    start: { date: firstDate, time: local.toFormat('HH:mm') },
    durationMinutes,
    zone,
    window: { start: first.start, end: local.plus({ years: 5 }).toJSDate() },
    max: MAX_EVENT_OCCURRENCES + 1,
  }).map((i) => ({ date: localDate(i.start, zone), start: i.start, end: i.end }));
  if (all[0]?.date !== firstDate || all[0].start.getTime() !== first.start.getTime())
    return err({
      kind: 'invalid',
      issues: [
        {
          path: 'start',
          code: 'start_not_in_rule',
          params: { date: firstDate },
          message: `The first date, ${firstDate}, is not one the rule gives.`,
        },
      ],
    });
  // expandRule places whole minutes; keep the first slot exactly as given.
  all[0] = { date: firstDate, start: first.start, end: first.end };
  if (all.length > MAX_EVENT_OCCURRENCES)
    return err({
      kind: 'invalid',
      issues: [
        {
          path: 'rrule',
          code: 'too_many_occurrences',
          params: { maximum: MAX_EVENT_OCCURRENCES },
          message: `An event may have at most ${MAX_EVENT_OCCURRENCES} dates.`,
        },
      ],
    });
  const dates = new Set(all.map((d) => d.date));
  exceptDates.forEach((text, i) => {
    if (!dates.has(text))
      issues.push({
        path: `exceptDates.${i}`,
        code: 'except_not_in_series',
        params: { date: text },
        message: `${text} is not one of the series' dates.`,
      });
  });
  const except = new Set(exceptDates);
  const kept = all.filter((d) => !except.has(d.date));
  if (kept.length === 0)
    issues.push({
      path: 'exceptDates',
      code: 'no_dates_left',
      message: 'Every date of the series is left out.',
    });
  if (issues.length > 0) return err({ kind: 'invalid', issues });
  return ok(kept);
}

/** A stored occurrence as reconciling sees it. */
export interface StoredOccurrence extends Interval {
  id: string;
  originalStart: Date;
  status: 'scheduled' | 'cancelled';
}

export interface OccurrenceChanges {
  /** Occurrences that stay (same id, so the same UID), with the time they now have. */
  keep: (Interval & { id: string; date: string; originalStart: Date })[];
  /** New dates of the plan. */
  add: PlannedOccurrence[];
  /** Dates no longer in the plan: cancelled if anyone may have seen them, else deleted. */
  drop: string[];
}

/**
 * How stored occurrences follow an edited plan. A date that remains keeps its occurrence
 * (and so its UID) even when the rule's time of day or the duration changed; an occurrence
 * moved by hand keeps its moved time; a cancelled one stays cancelled. Occurrences that have
 * begun by `now` are history: neither changed nor dropped, and no new date is added before
 * `now`. Identity is the local date the rule gave it in `zone`.
 */
export function reconcileOccurrences(input: {
  stored: readonly StoredOccurrence[];
  planned: readonly PlannedOccurrence[];
  zone: string;
  now: Date;
}): OccurrenceChanges {
  const { stored, planned, zone, now } = input;
  const byDate = new Map<string, StoredOccurrence>();
  for (const s of stored) byDate.set(localDate(s.originalStart, zone), s);
  const plannedDates = new Set(planned.map((p) => p.date));
  const changes: OccurrenceChanges = { keep: [], add: [], drop: [] };
  const begun = (i: Interval) => i.start.getTime() <= now.getTime();
  for (const p of planned) {
    const s = byDate.get(p.date);
    if (!s) {
      if (!begun(p)) changes.add.push(p);
      continue;
    }
    if (begun(s)) continue;
    const moved = s.start.getTime() !== s.originalStart.getTime();
    changes.keep.push({
      id: s.id,
      date: p.date,
      originalStart: p.start,
      start: moved ? s.start : p.start,
      end: moved ? s.end : p.end,
    });
  }
  for (const s of stored) {
    if (!plannedDates.has(localDate(s.originalStart, zone)) && !begun(s)) changes.drop.push(s.id);
  }
  return changes;
}

/** A booking an occurrence may lie in: the organizer's own, at the event's venue. */
export interface CoveringBooking extends Interval {
  id: string;
  status: 'pending' | 'approved';
}

/**
 * Which booking holds the room for each occurrence: one that contains it entirely, not
 * already used by another occurrence (approved ones first). An occurrence outside every
 * booking is an issue at `occurrences.N` with its local date and times, for the reader's
 * language to say "there is no booking for Tue 8 Dec 18:00–20:00".
 */
export function assignBookings(
  occurrences: readonly (Interval & { date: string })[],
  bookings: readonly CoveringBooking[],
  zone: string,
): Result<CoveringBooking[]> {
  const free = [...bookings].sort(
    (a, b) =>
      (a.status === 'approved' ? 0 : 1) - (b.status === 'approved' ? 0 : 1) ||
      a.start.getTime() - b.start.getTime(),
  );
  const used = new Set<string>();
  const out: CoveringBooking[] = [];
  const issues: Issue[] = [];
  occurrences.forEach((o, i) => {
    const found = free.find(
      (b) =>
        !used.has(b.id) &&
        b.start.getTime() <= o.start.getTime() &&
        o.end.getTime() <= b.end.getTime(),
    );
    if (found) {
      used.add(found.id);
      out.push(found);
      return;
    }
    const start = DateTime.fromJSDate(o.start, { zone });
    const end = DateTime.fromJSDate(o.end, { zone });
    issues.push({
      path: `occurrences.${i}`,
      code: 'outside_booking',
      params: {
        date: o.date,
        start: start.toFormat('HH:mm'),
        end: end.toFormat('HH:mm'),
      },
      message: `No booking of yours at this venue holds ${o.date} ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}.`,
    });
  });
  return issues.length > 0 ? err({ kind: 'rule_violation', violations: issues }) : ok(out);
}
