// The event calendar's periods and grids: an ISO week (?week=2026-W49) and a calendar month
// (?month=2026-12) in the municipality's zone, and occurrences laid out on their local days.
// Pure: `now` is passed in. Months and weeks are those of lib/availability.ts. Loads use it;
// components import its types only (the domain's main entry is for the server).
import { QUERY_RANGE } from '@motesplats/domain';
import { DateTime } from 'luxon';
import { resolveMonth, resolveWeek, type Month, type Week } from '#lib/availability.ts';
import type { Occurrence } from '#lib/types.ts';

export type { Month };
export const CALENDAR_VIEWS = ['list', 'month', 'week'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** A week with its ISO id ('2026-W49') and its neighbours'. */
export interface IsoWeek extends Week {
  id: string;
  previousId: string;
  nextId: string;
  currentId: string;
}

const WEEK_ID = /^(\d{4})-W(\d{2})$/;
const MONTH_ID = /^\d{4}-\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 'yyyy-MM-dd' within the dates the API takes (QUERY_RANGE), else null. */
export const inRange = (date: string | null | undefined): string | null =>
  date && DATE.test(date) && date >= QUERY_RANGE.first && date <= QUERY_RANGE.last ? date : null;

/** The ISO week id ('2026-W49') of a local date (yyyy-MM-dd). */
export const weekIdOf = (date: string): string =>
  DateTime.fromISO(date, { zone: 'UTC' }).toFormat("kkkk-'W'WW");

/** The Monday (yyyy-MM-dd) of an ISO week id, or null when it names no week of the range. */
export function mondayOf(id: string | null): string | null {
  const match = id ? WEEK_ID.exec(id) : null;
  if (!match) return null;
  const monday = DateTime.fromObject(
    { weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 },
    { zone: 'UTC' },
  );
  // Luxon rolls W54 into the next year; a week that does not exist is not asked for.
  if (!monday.isValid || monday.toFormat("kkkk-'W'WW") !== id) return null;
  return inRange(monday.toISODate());
}

/**
 * The week `id` names, else the week of `fallback` (a yyyy-MM-dd, e.g. the first day asked
 * for), else this week in `timeZone`.
 */
export function resolveIsoWeek(
  id: string | null,
  timeZone: string,
  now: Date,
  fallback?: string | null,
): IsoWeek {
  const week = resolveWeek(mondayOf(id) ?? inRange(fallback), timeZone, now);
  return {
    ...week,
    id: weekIdOf(week.monday),
    previousId: weekIdOf(week.previous),
    nextId: weekIdOf(week.next),
    currentId: weekIdOf(week.current),
  };
}

/** The month `id` names (yyyy-MM, within the range), else that of `fallback`, else this month. */
export function resolveCalendarMonth(
  id: string | null,
  timeZone: string,
  now: Date,
  fallback?: string | null,
): Month {
  const asked = id && MONTH_ID.test(id) && inRange(`${id}-01`) ? id : null;
  return resolveMonth(asked, timeZone, now, inRange(fallback) ?? undefined);
}

/** Local dates (yyyy-MM-dd) from `first` to `last`, both included (calendar arithmetic in UTC). */
export function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let d = Date.parse(`${first}T00:00:00Z`); d <= end; d += 86_400_000) {
    dates.push(new Date(d).toISOString().slice(0, 10));
  }
  return dates;
}

/**
 * The local date (yyyy-MM-dd) of an instant in a zone, by one Intl formatter per zone: a
 * month's hundreds of occurrences are placed in well under a millisecond.
 */
function localDateIn(timeZone: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (ms) => {
    const parts: Record<string, string> = {};
    for (const p of format.formatToParts(ms)) parts[p.type] = p.value;
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
}

/** A month as weeks (Monday first) of seven dates, null outside the month. */
export function monthWeeks(
  month: Month,
): { id: string; number: number; days: (string | null)[] }[] {
  const inMonth = new Set(datesBetween(month.first, month.last));
  const first = DateTime.fromISO(month.first, { zone: 'UTC' }).startOf('week');
  const weeks: { id: string; number: number; days: (string | null)[] }[] = [];
  for (let monday = first; monday.toISODate()! <= month.last; monday = monday.plus({ weeks: 1 })) {
    const days = Array.from({ length: 7 }, (_, i) => monday.plus({ days: i }).toISODate()!);
    weeks.push({
      id: weekIdOf(days[0]!),
      number: monday.weekNumber,
      days: days.map((d) => (inMonth.has(d) ? d : null)),
    });
  }
  return weeks;
}

/**
 * Occurrences by the local days (in `timeZone`) they take place on, from `first` to `last`:
 * one that runs past midnight shows on each of its days, one that began earlier on the first.
 * Each day keeps the API's order (soonest first).
 */
export function byDay<T extends { startsAt: string; endsAt: string }>(
  items: readonly T[],
  first: string,
  last: string,
  timeZone: string,
): Map<string, T[]> {
  const days = new Map<string, T[]>(datesBetween(first, last).map((d) => [d, []]));
  const localDate = localDateIn(timeZone);
  for (const item of items) {
    const start = localDate(Date.parse(item.startsAt));
    // The end instant itself belongs to the day before when it is midnight.
    const end = localDate(Date.parse(item.endsAt) - 1);
    if (start === end) {
      days.get(start)?.push(item);
      continue;
    }
    for (const day of datesBetween(start < first ? first : start, end > last ? last : end)) {
      days.get(day)?.push(item);
    }
  }
  return days;
}

/**
 * This page's query with some parameters set (a string) or removed (null), and never a page
 * number: what a view, a previous/next or a "whole day" link leads to. '' when empty.
 */
export function withQuery(search: URLSearchParams, changes: Record<string, string | null>): string {
  const entries = [...search].filter(([key]) => key !== 'page' && !(key in changes));
  for (const [key, value] of Object.entries(changes))
    if (value !== null) entries.push([key, value]);
  const text = new URLSearchParams(entries).toString();
  return text ? `?${text}` : '';
}

/** The queries of the three views, each showing the period around `anchor` (yyyy-MM-dd). */
export function viewQueries(search: URLSearchParams, anchor: string, today: string) {
  const none = { month: null, week: null, from: null, to: null };
  return {
    list: withQuery(search, { ...none, view: null, from: anchor === today ? null : anchor }),
    month: withQuery(search, { ...none, view: 'month', month: anchor.slice(0, 7) }),
    week: withQuery(search, { ...none, view: 'week', week: weekIdOf(anchor) }),
  } satisfies Record<CalendarView, string>;
}

/** What a day of the month or the week shows of an occurrence (the page carries no more). */
export const entryOf = (o: Occurrence) => ({
  id: o.id,
  startsAt: o.startsAt,
  endsAt: o.endsAt,
  status: o.status,
  timeZone: o.timeZone,
  event: { id: o.event.id, title: o.event.title, category: o.event.category },
});
export type CalendarEntry = ReturnType<typeof entryOf>;

/** A day of the month or the week as the page shows it. */
export interface CalendarDay {
  /** yyyy-MM-dd, local. */
  date: string;
  entries: CalendarEntry[];
  /** The day in the list view, when it has more than is shown (count: how many, when known). */
  more: { query: string; count: number | null } | null;
}

/** The month or the week shown, with the queries of its neighbours. */
export interface CalendarPeriod {
  kind: 'month' | 'week';
  /** '2026-12' or '2026-W49'. */
  id: string;
  first: string;
  last: string;
  today: string;
  weekNumber: number | null;
  /** The month's rows (empty for a week). */
  weeks: { id: string; number: number; days: (string | null)[] }[];
  days: CalendarDay[];
  /** Occurrences fetched, and how many the period has (more when it was cut off). */
  shown: number;
  total: number;
  nav: { previous: string; next: string; current: string | null };
}

/** A day of the list view: its local date, "today"/"tomorrow" when it is, and its occurrences. */
export interface ListDay<T> {
  /** yyyy-MM-dd, local. */
  date: string;
  relative: 'today' | 'tomorrow' | null;
  items: T[];
}

/**
 * The list's occurrences under the local day each starts on, in the list's order (the API's:
 * by start), so the page can head each day ("Today", "Tomorrow", "Saturday 5 December").
 */
export function groupByStartDay<T extends { startsAt: string }>(
  items: readonly T[],
  timeZone: string,
  today: string,
): ListDay<T>[] {
  const localDate = localDateIn(timeZone);
  const tomorrow = datesBetween(today, nextDay(today))[1]!;
  const days: ListDay<T>[] = [];
  for (const item of items) {
    const date = localDate(Date.parse(item.startsAt));
    let day = days.at(-1);
    if (day?.date !== date) {
      day = {
        date,
        relative: date === today ? 'today' : date === tomorrow ? 'tomorrow' : null,
        items: [],
      };
      days.push(day);
    }
    day.items.push(item);
  }
  return days;
}

const nextDay = (date: string, days = 1) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const QUICK_RANGES = ['thisWeek', 'weekend', 'nextWeek'] as const;
export type QuickRange = (typeof QUICK_RANGES)[number];

/**
 * The list's quick ranges from a local date (Monday-first weeks, as in Finland): the rest of
 * this week, this weekend (Saturday and Sunday; from today when it is one of them) and next
 * week, each as the from/to the date filters take.
 */
export function quickRanges(today: string): Record<QuickRange, { from: string; to: string }> {
  // 1 = Monday … 7 = Sunday; the date is a calendar date, so UTC arithmetic is exact.
  const weekday = ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const sunday = nextDay(today, 7 - weekday);
  const saturday = weekday >= 6 ? today : nextDay(today, 6 - weekday);
  return {
    thisWeek: { from: today, to: sunday },
    weekend: { from: saturday, to: sunday },
    nextWeek: { from: nextDay(sunday), to: nextDay(sunday, 7) },
  };
}
