import { DateTime, Settings } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { zonedInstant } from './local';

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const HEL = 'Europe/Helsinki';

describe('zonedInstant: a wall-clock time on a date in a zone', () => {
  const realNow = Settings.now;
  afterEach(() => {
    Settings.now = realNow;
  });

  it.each(['2026-07-01T12:00:00Z', '2026-12-01T12:00:00Z'])(
    'gives the same instants whatever the season it runs in (now = %s)',
    (now) => {
      Settings.now = () => Date.parse(now);
      const at = (date: string, hour: number, minute = 0, zone = HEL) =>
        zonedInstant(day(date), { hour, minute }, zone).toISO();
      // Fall-back night: 03:30 happens twice; the later, standard-time instant.
      expect(at('2026-10-25', 3, 30)).toBe('2026-10-25T03:30:00.000+02:00');
      // Just before and after the change.
      expect(at('2026-10-25', 2, 30)).toBe('2026-10-25T02:30:00.000+03:00');
      expect(at('2026-10-25', 4, 0)).toBe('2026-10-25T04:00:00.000+02:00');
      // Spring-forward gap: 03:30 does not exist; shifted forward by the hour.
      expect(at('2026-03-29', 3, 30)).toBe('2026-03-29T04:30:00.000+03:00');
      expect(at('2026-03-29', 2, 59)).toBe('2026-03-29T02:59:00.000+02:00');
      expect(at('2026-03-29', 4, 0)).toBe('2026-03-29T04:00:00.000+03:00');
      // Hour 24 is the next midnight.
      expect(at('2026-12-31', 24)).toBe('2027-01-01T00:00:00.000+02:00');
      // A half-hour change (Lord Howe, 5 April 2026: 02:00 back to 01:30).
      expect(at('2026-04-05', 1, 45, 'Australia/Lord_Howe')).toBe('2026-04-05T01:45:00.000+10:30');
      // New York's fall-back (1 November 2026, 01:30 twice).
      expect(at('2026-11-01', 1, 30, 'America/New_York')).toBe('2026-11-01T01:30:00.000-05:00');
    },
  );
});
