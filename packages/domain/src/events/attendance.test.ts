import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { attendanceReminderDue, attendanceReminderWindow } from './attendance';

const HEL = 'Europe/Helsinki';
const local = (iso: string, zone = HEL) => DateTime.fromISO(iso, { zone }).toJSDate();
const wall = (d: Date, zone = HEL) =>
  DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

describe('attendance reminder', () => {
  it('goes out at 08:00 local the next morning, in the municipality zone', () => {
    const window = attendanceReminderWindow(local('2026-12-08T20:00'), HEL);
    expect(wall(window.from)).toBe('2026-12-09T08:00');
    expect(wall(window.until)).toBe('2026-12-16T08:00');
    expect(attendanceReminderDue(local('2026-12-08T20:00'), HEL, local('2026-12-09T07:59'))).toBe(
      false,
    );
    expect(attendanceReminderDue(local('2026-12-08T20:00'), HEL, local('2026-12-09T08:00'))).toBe(
      true,
    );
    expect(attendanceReminderDue(local('2026-12-08T20:00'), HEL, local('2026-12-16T08:00'))).toBe(
      false,
    );
  });

  it('a date running past midnight is reminded the morning after the day it ended', () => {
    const window = attendanceReminderWindow(local('2027-01-01T01:00'), HEL);
    expect(wall(window.from)).toBe('2027-01-02T08:00');
  });

  it('keeps 08:00 local across the October DST change, and in another zone', () => {
    expect(wall(attendanceReminderWindow(local('2026-10-24T20:00'), HEL).from)).toBe(
      '2026-10-25T08:00',
    );
    expect(attendanceReminderWindow(local('2026-10-24T20:00'), HEL).from.toISOString()).toBe(
      '2026-10-25T06:00:00.000Z',
    );
    const stockholm = attendanceReminderWindow(
      local('2026-12-08T20:00', 'Europe/Stockholm'),
      'Europe/Stockholm',
    );
    expect(stockholm.from.toISOString()).toBe('2026-12-09T07:00:00.000Z');
  });
});
