import { DomainFailure, localDayInterval, parseLocalDate, calendarDay } from '@motesplats/domain';

/**
 * A query bound given as a local date ('2026-11-24': the start of that day in `zone`; for
 * an upper bound, the end of it) or as an ISO instant.
 */
export function boundToInstant(value: string, zone: string, side: 'from' | 'to'): Date {
  const date = parseLocalDate(value);
  if (date) {
    const day = localDayInterval(calendarDay(date), zone);
    return side === 'from' ? day.start : day.end;
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) {
    throw new DomainFailure({
      kind: 'invalid',
      issues: [{ path: side, message: 'must be a date (yyyy-MM-dd) or an ISO 8601 instant' }],
    });
  }
  return instant;
}

export function assertOrdered(from: Date, to: Date, maxDays?: number): void {
  if (to <= from) {
    throw new DomainFailure({
      kind: 'invalid',
      issues: [{ path: 'to', message: 'must be after from' }],
    });
  }
  if (maxDays !== undefined && to.getTime() - from.getTime() > maxDays * 86_400_000) {
    throw new DomainFailure({
      kind: 'invalid',
      issues: [{ path: 'to', message: `the range may span at most ${maxDays} days` }],
    });
  }
}
