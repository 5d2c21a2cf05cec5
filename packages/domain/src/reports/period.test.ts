import { describe, expect, it } from 'vitest';
import { DomainFailure } from '../errors';
import { hoursOf, monthBuckets, reportPeriodInput, reportPeriods, utilisation } from './period';

const failure = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainFailure) return error.error;
    throw error;
  }
  throw new Error('did not fail');
};

describe('report periods', () => {
  it('compares a year with the year before', () => {
    expect(reportPeriods({ year: 2026 })).toEqual({
      current: { from: '2026-01-01', to: '2026-12-31' },
      previous: { from: '2025-01-01', to: '2025-12-31' },
    });
  });

  it('compares a range with as many days just before it', () => {
    expect(reportPeriods({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      current: { from: '2026-03-01', to: '2026-03-31' },
      previous: { from: '2026-01-29', to: '2026-02-28' },
    });
    expect(reportPeriods({ from: '2024-03-01', to: '2024-03-01' }).previous).toEqual({
      from: '2024-02-29',
      to: '2024-02-29',
    });
  });

  it('refuses impossible, reversed and overlong ranges', () => {
    expect(failure(() => reportPeriods({ from: '2026-02-30', to: '2026-03-01' }))).toMatchObject({
      issues: [{ path: 'from', code: 'invalid_date' }],
    });
    expect(failure(() => reportPeriods({ from: '2026-03-02', to: '2026-03-01' }))).toMatchObject({
      issues: [{ path: 'to', code: 'range_reversed' }],
    });
    expect(failure(() => reportPeriods({ from: '2020-01-01', to: '2026-01-01' }))).toMatchObject({
      issues: [{ path: 'to', code: 'range_too_long' }],
    });
    expect(failure(() => reportPeriods({ from: '1999-12-31', to: '2000-01-01' }))).toMatchObject({
      issues: [{ path: 'from', code: 'out_of_range' }],
    });
  });

  it('asks for a year or both ends of a range, not both', () => {
    expect(reportPeriodInput.safeParse({ year: '2026' }).data).toEqual({ year: 2026 });
    expect(reportPeriodInput.safeParse({}).success).toBe(false);
    expect(reportPeriodInput.safeParse({ from: '2026-01-01' }).error?.issues[0]?.path).toEqual([
      'to',
    ]);
    expect(reportPeriodInput.safeParse({ year: 2026, from: '2026-01-01' }).success).toBe(false);
    expect(reportPeriodInput.safeParse({ year: '0x7ea' }).success).toBe(false);
    expect(reportPeriodInput.safeParse({ year: 1999 }).success).toBe(false);
  });
});

describe('month buckets in local time', () => {
  it('cuts a year into its twelve Helsinki months, across both daylight-saving changes', () => {
    const months = monthBuckets(
      { from: '2026-01-01', to: '2026-12-31' },
      'Europe/Helsinki',
      'current',
    );
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({
      period: 'current',
      month: '2026-01',
      start: new Date('2025-12-31T22:00:00Z'),
      end: new Date('2026-01-31T22:00:00Z'),
    });
    // March ends in summer time (+03:00), October in winter time (+02:00).
    expect(months[2]).toMatchObject({
      month: '2026-03',
      start: new Date('2026-02-28T22:00:00Z'),
      end: new Date('2026-03-31T21:00:00Z'),
    });
    expect(months[9]).toMatchObject({
      month: '2026-10',
      start: new Date('2026-09-30T21:00:00Z'),
      end: new Date('2026-10-31T22:00:00Z'),
    });
    expect(months[11]!.end).toEqual(new Date('2026-12-31T22:00:00Z'));
    // The buckets tile the year without gaps.
    for (let i = 1; i < months.length; i++) expect(months[i]!.start).toEqual(months[i - 1]!.end);
  });

  it('clips the first and last month to a range', () => {
    const months = monthBuckets(
      { from: '2026-03-15', to: '2026-05-10' },
      'America/St_Johns',
      'previous',
    );
    expect(months.map((m) => m.month)).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(months[0]!.start).toEqual(new Date('2026-03-15T02:30:00Z'));
    expect(months[2]!.end).toEqual(new Date('2026-05-11T02:30:00Z'));
    expect(months.every((m) => m.period === 'previous')).toBe(true);
  });
});

describe('utilisation', () => {
  it('is booked hours over opening hours, none where never open', () => {
    expect(utilisation(30, 120)).toBe(0.25);
    expect(utilisation(1, 3)).toBe(0.333);
    expect(utilisation(5, 0)).toBeNull();
    expect(hoursOf(90 * 60_000)).toBe(1.5);
    expect(hoursOf(100 * 60_000)).toBe(1.7);
  });
});
