// The organizer's lists say each time in the row's own zone (run under Asia/Kathmandu and
// America/St_Johns, vitest.config.ts, so the process zone is never the one asked for).
import { describe, expect, it } from 'vitest';
import { nextStartText, occurrenceText } from './event-lists.ts';

describe('times in the organizer’s lists', () => {
  // 22:30 UTC on 1 December: 00:30 on the 2nd in Helsinki, 23:30 on the 1st in Stockholm.
  const late = '2026-12-01T22:30:00.000Z';

  it('the next date in the municipality’s zone, across midnight', () => {
    expect(nextStartText({ nextStart: late, timeZone: 'Europe/Helsinki' }, 'fi')).toBe(
      '2.12.2026 klo 00.30',
    );
    expect(nextStartText({ nextStart: late, timeZone: 'Europe/Stockholm' }, 'fi')).toBe(
      '1.12.2026 klo 23.30',
    );
    expect(nextStartText({ nextStart: null, timeZone: 'Europe/Helsinki' }, 'sv')).toBe('–');
  });

  it('a date without a count, in its zone', () => {
    const item = { startsAt: late, endsAt: '2026-12-01T23:30:00.000Z' };
    expect(occurrenceText({ ...item, timeZone: 'Europe/Helsinki' }, 'sv')).toBe(
      'onsdag 2 december 2026 0.30–1.30',
    );
    expect(occurrenceText({ ...item, timeZone: 'Europe/Stockholm' }, 'sv')).toBe(
      'tisdag 1 december 2026 kl. 23.30–onsdag 2 december 2026 kl. 0.30',
    );
  });
});
