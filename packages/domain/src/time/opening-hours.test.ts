import { describe, expect, it } from 'vitest';
import { DomainFailure } from '../errors';
import { openingIntervals, weeklyHoursSchema } from './opening-hours';
import type { WeeklyHours } from './opening-hours';
import { HEL, helRange, localPairs } from '../testing/helsinki';

const everyDay = (opens: string, closes: string): WeeklyHours =>
  ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, opens, closes }));

describe('openingIntervals', () => {
  it('keeps 09:00–21:00 local on both sides of the spring-forward change (2026-03-29)', () => {
    const open = openingIntervals(
      everyDay('09:00', '21:00'),
      HEL,
      helRange('2026-03-28T00:00', '2026-03-31T00:00'),
    );
    expect(localPairs(open)).toEqual([
      '2026-03-28T09:00+02:00 2026-03-28T21:00+02:00',
      '2026-03-29T09:00+03:00 2026-03-29T21:00+03:00',
      '2026-03-30T09:00+03:00 2026-03-30T21:00+03:00',
    ]);
    expect(open[0]?.start.toISOString()).toBe('2026-03-28T07:00:00.000Z');
    expect(open[1]?.start.toISOString()).toBe('2026-03-29T06:00:00.000Z');
  });

  it('keeps 09:00–21:00 local across the fall-back change (2026-10-25)', () => {
    const open = openingIntervals(
      everyDay('09:00', '21:00'),
      HEL,
      helRange('2026-10-24T00:00', '2026-10-26T00:00'),
    );
    expect(localPairs(open)).toEqual([
      '2026-10-24T09:00+03:00 2026-10-24T21:00+03:00',
      '2026-10-25T09:00+02:00 2026-10-25T21:00+02:00',
    ]);
  });

  it('a span over the spring-forward night is an hour shorter in absolute time', () => {
    const hours: WeeklyHours = [{ weekday: 6, opens: '22:00', closes: '05:00' }];
    const [night] = openingIntervals(hours, HEL, helRange('2026-03-28T00:00', '2026-03-30T00:00'));
    expect(localPairs(night ? [night] : [])).toEqual([
      '2026-03-28T22:00+02:00 2026-03-29T05:00+03:00',
    ]);
    expect(night && (night.end.getTime() - night.start.getTime()) / 3_600_000).toBe(6);
  });

  it('closes before opens runs past midnight, also from the day before the range', () => {
    const hours: WeeklyHours = [{ weekday: 5, opens: '20:00', closes: '02:00' }];
    expect(
      localPairs(openingIntervals(hours, HEL, helRange('2026-03-27T00:00', '2026-03-29T00:00'))),
    ).toEqual(['2026-03-27T20:00+02:00 2026-03-28T02:00+02:00']);
    expect(
      localPairs(openingIntervals(hours, HEL, helRange('2026-03-28T00:00', '2026-03-29T00:00'))),
    ).toEqual(['2026-03-28T00:00+02:00 2026-03-28T02:00+02:00']);
  });

  it("'24:00' closes at midnight and joins a span opening at 00:00 the next day", () => {
    const hours: WeeklyHours = [
      { weekday: 1, opens: '18:00', closes: '24:00' },
      { weekday: 2, opens: '00:00', closes: '01:30' },
    ];
    expect(
      localPairs(openingIntervals(hours, HEL, helRange('2026-03-23T00:00', '2026-03-25T00:00'))),
    ).toEqual(['2026-03-23T18:00+02:00 2026-03-24T01:30+02:00']);
  });

  it('supports split hours and clips to the range', () => {
    const hours: WeeklyHours = [
      { weekday: 2, opens: '13:00', closes: '16:00' },
      { weekday: 2, opens: '09:00', closes: '12:00' },
    ];
    expect(
      localPairs(openingIntervals(hours, HEL, helRange('2026-03-24T10:00', '2026-03-24T14:00'))),
    ).toEqual([
      '2026-03-24T10:00+02:00 2026-03-24T12:00+02:00',
      '2026-03-24T13:00+02:00 2026-03-24T14:00+02:00',
    ]);
  });

  it('a blackout date closes the whole local day, cutting a span that runs into it', () => {
    const hours: WeeklyHours = [
      { weekday: 4, opens: '18:00', closes: '01:00' },
      { weekday: 5, opens: '09:00', closes: '17:00' },
    ];
    const open = openingIntervals(hours, HEL, helRange('2026-12-24T00:00', '2026-12-26T00:00'), [
      '2026-12-25',
    ]);
    expect(localPairs(open)).toEqual(['2026-12-24T18:00+02:00 2026-12-25T00:00+02:00']);
  });

  it('refuses malformed hours, blackout dates and zones', () => {
    const range = helRange('2026-03-24T00:00', '2026-03-25T00:00');
    expect(() =>
      openingIntervals([{ weekday: 2, opens: '9:00', closes: '17:00' }], HEL, range),
    ).toThrow(DomainFailure);
    expect(() => openingIntervals([], HEL, range, ['2026-02-30'])).toThrow(DomainFailure);
    expect(() => openingIntervals([], 'Mars/Olympus', range)).toThrow(DomainFailure);
    expect(
      weeklyHoursSchema.safeParse([{ weekday: 8, opens: '09:00', closes: '24:00' }]).success,
    ).toBe(false);
    expect(
      weeklyHoursSchema.safeParse([{ weekday: 7, opens: '09:00', closes: '24:00' }]).success,
    ).toBe(true);
  });
});
