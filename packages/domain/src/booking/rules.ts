import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Interval, Issue } from '../errors';
import { calendarDay, localDayInterval, parseLocalDate } from '../time/local';
import { overlaps } from '../time/intervals';
import { openingIntervals } from '../time/opening-hours';
import type { WeeklyHours } from '../time/opening-hours';

/** A venue's booking rules. */
export interface BookingRules {
  minDurationMinutes: number;
  maxDurationMinutes: number;
  /** How far ahead a booking may start, in calendar days in the venue's zone. */
  horizonDays: number;
  /** How long before its start a booking must be requested at the latest. */
  leadTimeHours: number;
  /** Turnover time after each booking; a booking claims [start, end + buffer). */
  bufferMinutes: number;
  cancellationDeadlineHours: number;
  /** How many pending requests one association may have at this venue at a time. */
  maxOpenRequests: number;
}

const count = z.number().int().min(0);
export const bookingRulesSchema = z
  .object({
    minDurationMinutes: count.min(1),
    maxDurationMinutes: count.min(1),
    horizonDays: count,
    leadTimeHours: count,
    bufferMinutes: count,
    cancellationDeadlineHours: count,
    maxOpenRequests: count,
  })
  .refine((r) => r.minDurationMinutes <= r.maxDurationMinutes, {
    path: ['maxDurationMinutes'],
    message: 'The longest booking cannot be shorter than the shortest.',
  });

export interface BookingRulesCheck {
  rules: BookingRules;
  interval: Interval;
  now: Date;
  /** The venue's (municipality's) IANA zone. */
  zone: string;
  /** The venue's weekly hours; null when the venue has no opening hours (open by arrangement). */
  openingHours: WeeklyHours | null;
  /** Local dates 'yyyy-MM-dd' when the venue is closed. */
  blackoutDates: readonly string[];
  /** The association's pending requests at this venue, not counting this one. */
  openRequests: number;
}

const HOUR = 3_600_000;
const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
const fmtLocal = (d: Date, zone: string) =>
  DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm');

/**
 * Every rule the requested interval breaks, empty when it is fine. Paths name the offending
 * field of a booking request (`startsAt`, `endsAt`); codes are stable for clients.
 */
export function checkBookingRules(input: BookingRulesCheck): Issue[] {
  const { rules, interval, now, zone } = input;
  const start = interval.start.getTime();
  const end = interval.end.getTime();
  if (!(start < end)) {
    return [
      {
        path: 'endsAt',
        code: 'end_before_start',
        message: 'The booking must end after it starts.',
      },
    ];
  }
  const issues: Issue[] = [];
  const minutes = Math.round((end - start) / 60_000);

  if (minutes < rules.minDurationMinutes) {
    issues.push({
      path: 'endsAt',
      code: 'too_short',
      params: { minimum: rules.minDurationMinutes, actual: minutes },
      message: `A booking must last at least ${plural(rules.minDurationMinutes, 'minute')}; this one lasts ${plural(minutes, 'minute')}.`,
    });
  }
  if (minutes > rules.maxDurationMinutes) {
    issues.push({
      path: 'endsAt',
      code: 'too_long',
      params: { maximum: rules.maxDurationMinutes, actual: minutes },
      message: `A booking may last at most ${plural(rules.maxDurationMinutes, 'minute')}; this one lasts ${plural(minutes, 'minute')}.`,
    });
  }

  if (start < now.getTime()) {
    issues.push({
      path: 'startsAt',
      code: 'in_past',
      params: { start: fmtLocal(interval.start, zone) },
      message: 'The booking starts in the past.',
    });
  } else if (start < now.getTime() + rules.leadTimeHours * HOUR) {
    const hoursAhead = Math.floor((start - now.getTime()) / HOUR);
    issues.push({
      path: 'startsAt',
      code: 'too_soon',
      params: { minimum: rules.leadTimeHours, actual: hoursAhead },
      message: `Bookings must be requested at least ${plural(rules.leadTimeHours, 'hour')} before they start; this one starts in ${plural(hoursAhead, 'hour')}.`,
    });
  }

  const horizon = DateTime.fromJSDate(now, { zone }).plus({ days: rules.horizonDays });
  if (start > horizon.toMillis()) {
    issues.push({
      path: 'startsAt',
      code: 'too_far_ahead',
      params: { maximum: rules.horizonDays, until: horizon.toFormat('yyyy-MM-dd') },
      message: `Bookings can be made at most ${plural(rules.horizonDays, 'day')} ahead, that is until ${horizon.toFormat('yyyy-MM-dd HH:mm')} (${zone}).`,
    });
  }

  const closedDays = input.blackoutDates.filter((text) => {
    const date = parseLocalDate(text);
    return date !== null && overlaps(localDayInterval(calendarDay(date), zone), interval);
  });
  if (closedDays.length > 0) {
    issues.push({
      path: 'startsAt',
      code: 'blackout_date',
      params: { dates: [...closedDays].sort().join(', ') },
      message: `The venue is closed on ${[...closedDays].sort().join(', ')}.`,
    });
  }

  if (input.openingHours !== null) {
    const open = openingIntervals(input.openingHours, zone, interval);
    const inside =
      open.length === 1 && open[0]?.start.getTime() === start && open[0]?.end.getTime() === end;
    if (!inside) {
      issues.push({
        path: 'startsAt',
        code: 'outside_opening_hours',
        params: { start: fmtLocal(interval.start, zone), end: fmtLocal(interval.end, zone) },
        message: `The venue is not open for the whole of ${fmtLocal(interval.start, zone)}–${fmtLocal(interval.end, zone)} (${zone}).`,
      });
    }
  }

  const quota = openRequestsIssue(rules, input.openRequests);
  if (quota) issues.push(quota);
  return issues;
}

/** The open-request quota: an issue when the association already has the most it may. */
export function openRequestsIssue(
  rules: Pick<BookingRules, 'maxOpenRequests'>,
  openRequests: number,
): Issue | null {
  if (openRequests < rules.maxOpenRequests) return null;
  return {
    path: 'openRequests',
    code: 'too_many_open_requests',
    params: { maximum: rules.maxOpenRequests, current: openRequests },
    message: `An association may have at most ${plural(rules.maxOpenRequests, 'open request')} at this venue; it already has ${openRequests}.`,
  };
}

/** True while a booking may still be cancelled by its association (before the deadline). */
export function canCancel(rules: BookingRules, startsAt: Date, now: Date): boolean {
  return now.getTime() <= startsAt.getTime() - rules.cancellationDeadlineHours * HOUR;
}
