import { describe, expect, it } from 'vitest';
import type { Interval } from '../errors';
import {
  clipIntervals,
  containsInterval,
  intersectIntervals,
  mergeIntervals,
  overlaps,
  subtractIntervals,
} from './intervals';

// Minutes after a fixed UTC instant: keeps the cases readable and zone-free.
const base = Date.UTC(2026, 2, 24, 8, 0);
const iv = (from: number, to: number): Interval => ({
  start: new Date(base + from * 60_000),
  end: new Date(base + to * 60_000),
});
const mins = (list: Interval[]) =>
  list.map((i) => [(i.start.getTime() - base) / 60_000, (i.end.getTime() - base) / 60_000]);

describe('mergeIntervals', () => {
  it('sorts, merges overlapping and touching intervals, drops empty and negative ones', () => {
    expect(
      mins(
        mergeIntervals([
          iv(60, 120),
          iv(0, 30),
          iv(30, 45),
          iv(100, 150),
          iv(200, 200),
          iv(300, 250),
        ]),
      ),
    ).toEqual([
      [0, 45],
      [60, 150],
    ]);
  });

  it('keeps contained intervals inside the outer one and does not alias inputs', () => {
    const input = [iv(0, 100), iv(10, 20)];
    const out = mergeIntervals(input);
    expect(mins(out)).toEqual([[0, 100]]);
    expect(out[0]?.start).not.toBe(input[0]?.start);
  });
});

describe('intersectIntervals', () => {
  it('keeps only the common parts', () => {
    expect(
      mins(intersectIntervals([iv(0, 60), iv(120, 240)], [iv(30, 150), iv(200, 300)])),
    ).toEqual([
      [30, 60],
      [120, 150],
      [200, 240],
    ]);
  });

  it('touching intervals have no intersection', () => {
    expect(intersectIntervals([iv(0, 60)], [iv(60, 120)])).toEqual([]);
  });
});

describe('subtractIntervals', () => {
  it('cuts holes, including at the edges and across several sources', () => {
    expect(
      mins(
        subtractIntervals(
          [iv(0, 100), iv(200, 300)],
          [iv(-10, 10), iv(40, 50), iv(90, 210), iv(290, 400)],
        ),
      ),
    ).toEqual([
      [10, 40],
      [50, 90],
      [210, 290],
    ]);
  });

  it('a touching subtrahend removes nothing; a covering one removes all', () => {
    expect(mins(subtractIntervals([iv(0, 60)], [iv(60, 90), iv(-30, 0)]))).toEqual([[0, 60]]);
    expect(subtractIntervals([iv(0, 60)], [iv(-1, 61)])).toEqual([]);
  });

  it('handles unsorted, overlapping subtrahends', () => {
    expect(mins(subtractIntervals([iv(0, 100)], [iv(50, 70), iv(20, 30), iv(25, 55)]))).toEqual([
      [0, 20],
      [70, 100],
    ]);
  });
});

describe('clipIntervals, overlaps and containsInterval', () => {
  it('clips to a window and merges', () => {
    expect(mins(clipIntervals([iv(-60, 30), iv(20, 40), iv(90, 200)], iv(0, 100)))).toEqual([
      [0, 40],
      [90, 100],
    ]);
  });

  it('half-open: touching intervals do not overlap, empty intervals overlap nothing', () => {
    expect(overlaps(iv(0, 60), iv(60, 120))).toBe(false);
    expect(overlaps(iv(0, 61), iv(60, 120))).toBe(true);
    expect(overlaps(iv(30, 30), iv(0, 60))).toBe(false);
    expect(containsInterval(iv(0, 60), iv(0, 60))).toBe(true);
    expect(containsInterval(iv(0, 60), iv(30, 61))).toBe(false);
  });
});
