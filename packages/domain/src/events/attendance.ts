import { DateTime } from 'luxon';
import { assertZone } from '../time/local';

/** The hour of the morning (local) the participant reminder goes out. */
export const REMINDER_HOUR = 8;
/** A date older than this gets no reminder any more (an installation coming back online). */
export const REMINDER_DAYS = 7;

/**
 * When the organizer of a date that ended at `endsAt` is asked how many took part: at
 * 08:00 local on the next day in `zone` (a date running past midnight: the morning after
 * the day it ended), and no later than REMINDER_DAYS after that morning.
 */
export function attendanceReminderWindow(endsAt: Date, zone: string): { from: Date; until: Date } {
  assertZone(zone);
  const morning = DateTime.fromJSDate(endsAt, { zone })
    .startOf('day')
    .plus({ days: 1 })
    .set({ hour: REMINDER_HOUR });
  return {
    from: morning.toJSDate(),
    until: morning.plus({ days: REMINDER_DAYS }).toJSDate(),
  };
}

export const attendanceReminderDue = (endsAt: Date, zone: string, now: Date): boolean => {
  const { from, until } = attendanceReminderWindow(endsAt, zone);
  return from.getTime() <= now.getTime() && now.getTime() < until.getTime();
};
