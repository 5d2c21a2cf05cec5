import { describe, expect, it } from 'vitest';
import { helRange, localPairs } from '../testing/helsinki';
import { busyIntervals, freeIntervals, nearbyFreeSlots } from './busy';

const day = helRange('2026-03-24T00:00', '2026-03-25T00:00');

describe('busyIntervals', () => {
  it('extends each booking at its end by the buffer, merges and clips to the range', () => {
    const busy = busyIntervals(
      [
        helRange('2026-03-24T12:00', '2026-03-24T13:00'),
        helRange('2026-03-24T10:00', '2026-03-24T11:45'), // + 15 min buffer touches 12:00
        helRange('2026-03-23T22:00', '2026-03-23T23:50'), // buffer reaches into the range
        helRange('2026-03-24T23:30', '2026-03-25T01:00'),
      ],
      day,
      15,
    );
    expect(localPairs(busy)).toEqual([
      '2026-03-24T00:00+02:00 2026-03-24T00:05+02:00',
      '2026-03-24T10:00+02:00 2026-03-24T13:15+02:00',
      '2026-03-24T23:30+02:00 2026-03-25T00:00+02:00',
    ]);
  });

  it('without buffer, back-to-back bookings touch but do not leave gaps', () => {
    const busy = busyIntervals(
      [
        helRange('2026-03-24T10:00', '2026-03-24T11:00'),
        helRange('2026-03-24T11:00', '2026-03-24T12:00'),
      ],
      day,
      0,
    );
    expect(localPairs(busy)).toEqual(['2026-03-24T10:00+02:00 2026-03-24T12:00+02:00']);
  });
});

describe('freeIntervals', () => {
  const open = [helRange('2026-03-24T09:00', '2026-03-24T21:00')];

  it('is open time minus busy time', () => {
    const busy = busyIntervals([helRange('2026-03-24T12:00', '2026-03-24T14:00')], day, 30);
    expect(localPairs(freeIntervals(open, busy))).toEqual([
      '2026-03-24T09:00+02:00 2026-03-24T12:00+02:00',
      '2026-03-24T14:30+02:00 2026-03-24T21:00+02:00',
    ]);
  });

  it("with a buffer, leaves room for the new booking's own buffer before the next claim", () => {
    const busy = busyIntervals([helRange('2026-03-24T12:00', '2026-03-24T14:00')], day, 30);
    expect(localPairs(freeIntervals(open, busy, 30))).toEqual([
      '2026-03-24T09:00+02:00 2026-03-24T11:30+02:00',
      '2026-03-24T14:30+02:00 2026-03-24T21:00+02:00',
    ]);
  });

  it('nothing is free when bookings fill the day', () => {
    expect(freeIntervals(open, [helRange('2026-03-24T08:00', '2026-03-24T22:00')])).toEqual([]);
  });
});

describe('nearbyFreeSlots', () => {
  const free = [
    helRange('2026-03-24T09:00', '2026-03-24T10:00'),
    helRange('2026-03-24T11:00', '2026-03-24T11:30'), // too short for 1 h
    helRange('2026-03-24T14:00', '2026-03-24T21:00'),
    helRange('2026-03-25T09:00', '2026-03-25T21:00'),
  ];

  it('offers the nearest slots of the wanted length, in time order', () => {
    const wanted = helRange('2026-03-24T12:00', '2026-03-24T13:00');
    expect(localPairs(nearbyFreeSlots(free, wanted, 2))).toEqual([
      '2026-03-24T09:00+02:00 2026-03-24T10:00+02:00',
      '2026-03-24T14:00+02:00 2026-03-24T15:00+02:00',
    ]);
    expect(nearbyFreeSlots(free, wanted)).toHaveLength(3);
  });

  it('keeps the wanted start when a free interval contains it, and clamps to its end otherwise', () => {
    const wanted = helRange('2026-03-24T20:30', '2026-03-24T21:30');
    expect(localPairs(nearbyFreeSlots(free, wanted, 1))).toEqual([
      '2026-03-24T20:00+02:00 2026-03-24T21:00+02:00',
    ]);
  });

  it('returns nothing for an empty wanted interval or a zero limit', () => {
    expect(nearbyFreeSlots(free, helRange('2026-03-24T12:00', '2026-03-24T12:00'))).toEqual([]);
    expect(nearbyFreeSlots(free, helRange('2026-03-24T12:00', '2026-03-24T13:00'), 0)).toEqual([]);
  });
});
