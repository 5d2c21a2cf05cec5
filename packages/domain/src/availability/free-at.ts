import { DateTime } from 'luxon';
import type { Interval, Issue, Result } from '../errors';
import { err, ok } from '../errors';
import { claimedSpaceIds, type SpaceNode } from '../spaces/claims';
import { overlaps } from '../time/intervals';
import { calendarDay, parseLocalDate, parseWallTime, zonedInstant } from '../time/local';
import { openingIntervals, type IsoWeekday, type WeeklyHours } from '../time/opening-hours';
import { QUERY_RANGE } from '../time/query-bound';
import { busyIntervals, freeIntervals } from './busy';

/**
 * "Free at": is a venue free for a slot said in local terms, either one date and a time
 * range ("2026-12-15 17:30–19:30") or one weekday of every week in a period ("every Tuesday
 * 17:30–19:30 from 2026-12-01 to 2027-03-31")? Free means what a booking request of one of
 * its spaces would need: the venue is bookable, open for the whole slot on each date
 * (opening hours in the municipality's zone, blackout dates), and no holding booking claims
 * a space it covers over [start, end + buffer), the rule of the database's exclusion
 * constraint (migrations/0001_booking_claims_guard.sql). Booking rules that depend on the
 * booker or on the clock (lead time, horizon, open requests) are for the request to check.
 */

/** A slot asked for in local (wall-clock) terms, read in each venue's zone. */
export type FreeAtSlot =
  | { kind: 'once'; date: string; start: string; end: string }
  | {
      kind: 'weekly';
      weekday: IsoWeekday;
      /** First and last local date of the period, both included. */
      from: string;
      until: string;
      start: string;
      end: string;
    };

/** The longest period a weekly slot may span (from..until), in weeks. */
export const MAX_WEEKLY_SPAN_WEEKS = 26;

/** A holding booking (pending or approved): the space it books and its own time, no buffer. */
export interface SpaceHold {
  spaceId: string;
  start: Date;
  end: Date;
}

/** What deciding free/taken time of a venue needs, all of it plain data. */
export interface VenueCalendar {
  /** The municipality's IANA zone. */
  zone: string;
  bookable: boolean;
  /**
   * Weekly hours in the zone; null when the venue has none (open by arrangement, at any
   * time), as the booking rules read it.
   */
  openingHours: WeeklyHours | null;
  /** Local dates 'yyyy-MM-dd' when the venue is closed. */
  blackoutDates: readonly string[];
  bufferMinutes: number;
  /** The venue's spaces: one root, or a divisible hall's root and its parts. */
  spaces: readonly SpaceNode[];
  /** Its holding bookings near the time asked about (more do no harm). */
  holds: readonly SpaceHold[];
}

// ---- Reading the query -------------------------------------------------------------------

/** The raw query parameters of a "free at" filter, as strings from a URL. */
export interface FreeAtParams {
  date?: string | undefined;
  weekday?: string | undefined;
  from?: string | undefined;
  until?: string | undefined;
  start?: string | undefined;
  end?: string | undefined;
}

type Problem = Omit<Issue, 'path'>;

/** Why a local date parameter is refused, or null when it is a real date in range. */
export function slotDateProblem(text: string): Problem | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text))
    return { code: 'invalid_date', message: 'must be a date (yyyy-MM-dd)' };
  if (!parseLocalDate(text))
    return { code: 'invalid_date', message: 'is not a date of the calendar' };
  if (text < QUERY_RANGE.first || text > QUERY_RANGE.last) {
    return {
      code: 'date_out_of_range',
      params: { minimum: QUERY_RANGE.first, maximum: QUERY_RANGE.last },
      message: `must lie between ${QUERY_RANGE.first} and ${QUERY_RANGE.last}`,
    };
  }
  return null;
}

/** Why a wall-clock time parameter is refused ('HH:mm'; an end may be '24:00'), or null. */
export function slotTimeProblem(text: string, isEnd: boolean): Problem | null {
  return parseWallTime(text, isEnd)
    ? null
    : { code: 'time_format', message: isEnd ? 'must be HH:mm or 24:00' : 'must be HH:mm' };
}

/** Why an ISO weekday parameter (1 = Monday … 7 = Sunday) is refused, or null. */
export function weekdayProblem(text: string): Problem | null {
  return /^[1-7]$/.test(text)
    ? null
    : { code: 'invalid_weekday', message: 'must be an ISO weekday, 1 (Monday) to 7 (Sunday)' };
}

const given = (v: string | undefined): v is string => v !== undefined && v !== '';

/**
 * The slot a query asks for, null when it asks for none, or every reason it is refused, each
 * a code with parameters naming the query parameter: `required`, `invalid_date`,
 * `date_out_of_range`, `time_format`, `invalid_weekday`, `date_or_weekday` (both a date and a
 * weekday), `empty_slot` (start = end), `until_before_from`, `range_too_long`
 * (`maximum` weeks) and `no_matching_date` (no such weekday in the period).
 */
export function parseFreeAt(params: FreeAtParams): Result<FreeAtSlot | null> {
  const { date, weekday, from, until, start, end } = params;
  if (![date, weekday, from, until, start, end].some(given)) return ok(null);
  const issues: Issue[] = [];
  const need = (path: string, value: string | undefined, check: (t: string) => Problem | null) => {
    if (!given(value)) {
      issues.push({ path, code: 'required', message: 'is required' });
      return false;
    }
    const problem = check(value);
    if (problem) issues.push({ path, ...problem });
    return problem === null;
  };

  const timesOk = [
    need('start', start, (t) => slotTimeProblem(t, false)),
    need('end', end, (t) => slotTimeProblem(t, true)),
  ].every(Boolean);
  if (timesOk && start === end) {
    issues.push({ path: 'end', code: 'empty_slot', message: 'must differ from start' });
  }

  const weekly = given(weekday) || given(from) || given(until);
  if (given(date) && weekly) {
    issues.push({
      path: given(weekday) ? 'weekday' : given(from) ? 'from' : 'until',
      code: 'date_or_weekday',
      message: 'give either a date, or a weekday with from and until, not both',
    });
    return err({ kind: 'invalid', issues });
  }
  if (!weekly) {
    need('date', date, slotDateProblem);
    if (issues.length > 0) return err({ kind: 'invalid', issues });
    return ok({ kind: 'once', date: date as string, start: start as string, end: end as string });
  }

  const dayOk = need('weekday', weekday, weekdayProblem);
  const fromOk = need('from', from, slotDateProblem);
  const untilOk = need('until', until, slotDateProblem);
  if (fromOk && untilOk) {
    const first = calendarDay(parseLocalDate(from as string)!);
    const last = calendarDay(parseLocalDate(until as string)!);
    const days = last.diff(first, 'days').days;
    if (days < 0) {
      issues.push({ path: 'until', code: 'until_before_from', message: 'must not be before from' });
    } else if (days > MAX_WEEKLY_SPAN_WEEKS * 7) {
      issues.push({
        path: 'until',
        code: 'range_too_long',
        params: { maximum: MAX_WEEKLY_SPAN_WEEKS },
        message: `the period may span at most ${MAX_WEEKLY_SPAN_WEEKS} weeks`,
      });
    } else if (dayOk && days < 6 && firstWeekday(first, Number(weekday)) > last) {
      issues.push({
        path: 'weekday',
        code: 'no_matching_date',
        message: 'the period has no such weekday',
      });
    }
  }
  if (issues.length > 0) return err({ kind: 'invalid', issues });
  return ok({
    kind: 'weekly',
    weekday: Number(weekday) as IsoWeekday,
    from: from as string,
    until: until as string,
    start: start as string,
    end: end as string,
  });
}

const firstWeekday = (day: DateTime, weekday: number) =>
  day.plus({ days: (weekday - day.weekday + 7) % 7 });

// ---- The slot's dates and instants -------------------------------------------------------

/** The local dates ('yyyy-MM-dd') a slot falls on, oldest first. */
export function slotDates(slot: FreeAtSlot): string[] {
  const first = parseLocalDate(slot.kind === 'once' ? slot.date : slot.from);
  if (!first) return [];
  if (slot.kind === 'once') return [slot.date];
  const last = parseLocalDate(slot.until);
  if (!last) return [];
  const end = calendarDay(last);
  const out: string[] = [];
  for (let d = firstWeekday(calendarDay(first), slot.weekday); d <= end; d = d.plus({ weeks: 1 }))
    out.push(d.toISODate() as string);
  return out;
}

/**
 * The slot's instants on each of its dates in `zone`, oldest first. Both ends are wall-clock
 * times of that date, so "every Tuesday 17:30–19:30" stays 17:30–19:30 local across a DST
 * change; an end at or before the start (e.g. 22:00–02:00, or 24:00) runs past midnight into
 * the next day. Times in a spring-forward gap or the repeated fall-back hour follow
 * zonedInstant (luxon's rule), as booking series do.
 */
export function slotIntervals(slot: FreeAtSlot, zone: string): Interval[] {
  const start = parseWallTime(slot.start);
  const end = parseWallTime(slot.end, true);
  if (!start || !end) return [];
  const overnight = end.hour * 60 + end.minute <= start.hour * 60 + start.minute;
  return slotDates(slot).map((text) => {
    const day = calendarDay(parseLocalDate(text)!);
    return {
      start: zonedInstant(day, start, zone).toJSDate(),
      end: zonedInstant(overnight ? day.plus({ days: 1 }) : day, end, zone).toJSDate(),
    };
  });
}

// ---- Free and taken time of a venue's spaces --------------------------------------------

const MINUTE = 60_000;

/** For each space of the venue, the leaf spaces a booking of it claims. */
function leavesBySpace(spaces: readonly SpaceNode[]): Map<string, Set<string>> {
  return new Map(spaces.map((s) => [s.id, new Set(claimedSpaceIds(s.id, spaces))]));
}

/** The holds whose claims share a leaf with a booking of `spaceId` (the hall and a half do). */
function holdsAgainst(
  calendar: VenueCalendar,
  spaceId: string,
  leaves: Map<string, Set<string>> = leavesBySpace(calendar.spaces),
): SpaceHold[] {
  const mine = leaves.get(spaceId);
  if (!mine || mine.size === 0) return [];
  return calendar.holds.filter((h) => {
    const theirs = leaves.get(h.spaceId);
    return theirs !== undefined && [...theirs].some((leaf) => mine.has(leaf));
  });
}

/**
 * When `spaceId` is taken inside `range`: claims of holding bookings of it, of a space it is
 * part of, or of a part of it (the whole hall is taken while either half is), each over
 * [start, end + buffer); merged, clipped. Times only: never whose.
 */
export function spaceBusyIntervals(
  calendar: VenueCalendar,
  spaceId: string,
  range: Interval,
): Interval[] {
  return busyIntervals(holdsAgainst(calendar, spaceId), range, calendar.bufferMinutes);
}

/**
 * Where a new booking of `spaceId` may lie inside `range`: open time minus its taken time,
 * leaving room for the new booking's own buffer before the next claim (freeIntervals);
 * nothing when the venue is not bookable.
 */
export function spaceFreeIntervals(
  calendar: VenueCalendar,
  spaceId: string,
  range: Interval,
): Interval[] {
  if (!calendar.bookable || !calendar.spaces.some((s) => s.id === spaceId)) return [];
  const open = openTime(calendar, range);
  // A claim starting just after the range still cuts a free stretch's last buffer-length.
  const reach = { start: range.start, end: new Date(range.end.getTime() + bufferMs(calendar)) };
  return freeIntervals(open, spaceBusyIntervals(calendar, spaceId, reach), calendar.bufferMinutes);
}

const bufferMs = (calendar: VenueCalendar) => Math.max(0, calendar.bufferMinutes) * MINUTE;

const AROUND_THE_CLOCK: WeeklyHours = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({
  weekday,
  opens: '00:00',
  closes: '24:00',
}));

/** When the venue is open inside `range`: its hours (any time if it has none) minus blackouts. */
export function openTime(calendar: VenueCalendar, range: Interval): Interval[] {
  const hours = calendar.openingHours ?? AROUND_THE_CLOCK;
  return openingIntervals(hours, calendar.zone, range, calendar.blackoutDates);
}

/** True when the venue is open for the whole of `slot` (no closing, no blackout inside it). */
export function isOpenFor(calendar: VenueCalendar, slot: Interval): boolean {
  const open = openTime(calendar, slot);
  return (
    open.length === 1 &&
    open[0]!.start.getTime() === slot.start.getTime() &&
    open[0]!.end.getTime() === slot.end.getTime()
  );
}

/**
 * The spaces (ids, in the calendar's order) that a booking could take on every one of
 * `slots`: the venue is bookable, open for each whole slot, and no holding booking claims a
 * leaf of the space over [slot start, slot end + buffer). The same space must be free on
 * every date, as a weekly request books one space. Empty when there are no slots.
 */
export function freeSpacesFor(calendar: VenueCalendar, slots: readonly Interval[]): string[] {
  if (!calendar.bookable || slots.length === 0) return [];
  if (!slots.every((slot) => isOpenFor(calendar, slot))) return [];
  const leaves = leavesBySpace(calendar.spaces);
  const buffer = bufferMs(calendar);
  const claimOf = (i: Interval) => ({ start: i.start, end: new Date(i.end.getTime() + buffer) });
  return calendar.spaces
    .map((s) => s.id)
    .filter((spaceId) => {
      const against = holdsAgainst(calendar, spaceId, leaves).map(claimOf);
      return slots.every((slot) => !against.some((claim) => overlaps(claim, claimOf(slot))));
    });
}

/** freeSpacesFor a slot said in local terms, read in the venue's zone. */
export function freeSpacesAt(calendar: VenueCalendar, slot: FreeAtSlot): string[] {
  return freeSpacesFor(calendar, slotIntervals(slot, calendar.zone));
}

/** The instants the holds must be looked up for: each slot widened by `bufferMinutes` both ways. */
export function holdWindows(slots: readonly Interval[], bufferMinutes: number): Interval[] {
  const b = Math.max(0, bufferMinutes) * MINUTE;
  return slots.map((s) => ({
    start: new Date(s.start.getTime() - b),
    end: new Date(s.end.getTime() + b),
  }));
}

/** A local date's weekday, 1 = Monday (for pages and tests). */
export const weekdayOf = (date: string): IsoWeekday | null => {
  const d = parseLocalDate(date);
  return d ? (calendarDay(d).weekday as IsoWeekday) : null;
};
