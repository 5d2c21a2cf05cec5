import { describe, expect, it } from 'vitest';
import { HEL, hel } from '../testing/helsinki';
import { boundInstant, DEFAULT_ZONE, parseQueryBound } from './query-bound';

const bound = (text: string, instants = true) => {
  const parsed = parseQueryBound(text, instants);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.message}`);
  return parsed.bound;
};
const refusal = (text: string, instants = true) => {
  const parsed = parseQueryBound(text, instants);
  return parsed.ok ? null : parsed.message;
};

describe('query bounds', () => {
  it('the installation default zone is Helsinki', () => {
    expect(DEFAULT_ZONE).toBe(HEL);
  });

  it('reads a date as the whole local day in the zone, whatever the process zone', () => {
    const day = bound('2026-03-29');
    expect(boundInstant(day, HEL, 'from')).toEqual(hel('2026-03-29T00:00'));
    // The day of the spring change has 23 hours.
    expect(boundInstant(day, HEL, 'to')).toEqual(hel('2026-03-30T00:00'));
    expect(boundInstant(day, HEL, 'to').getTime() - boundInstant(day, HEL, 'from').getTime()).toBe(
      23 * 3_600_000,
    );
  });

  it('takes an instant with its offset as that instant', () => {
    expect(boundInstant(bound('2026-11-24T18:00+02:00'), HEL, 'from').toISOString()).toBe(
      '2026-11-24T16:00:00.000Z',
    );
  });

  it.each([
    ['2026-02-30', 'is not a date of the calendar'],
    ['2026-02-29', 'is not a date of the calendar'],
    ['0001-01-01', 'must lie between 2000-01-01 and 2099-12-31'],
    ['2100-01-01', 'must lie between 2000-01-01 and 2099-12-31'],
    ['0000-12-31T23:59Z', 'must lie between 2000-01-01 and 2099-12-31'],
    ['9999-12-31T23:59:59.999-23:59', 'must lie between 2000-01-01 and 2099-12-31'],
    ['2026-11-24T24:00Z', 'must be a date (yyyy-MM-dd) or an ISO 8601 instant with offset'],
    ['2026-02-30T10:00Z', 'is not a date and time of the calendar'],
    ['24.11.2026', 'must be a date (yyyy-MM-dd) or an ISO 8601 instant with offset'],
  ])('refuses %s: %s', (text, message) => {
    expect(refusal(text)).toBe(message);
  });

  it('refuses instants where only dates are allowed', () => {
    expect(refusal('2026-11-24T10:00Z', false)).toBe('must be a date (yyyy-MM-dd)');
    expect(refusal('2024-02-29', false)).toBeNull();
  });
});
