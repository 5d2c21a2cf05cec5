import type { Interval } from '../errors';

/**
 * Range algebra on half-open intervals [start, end). Inputs may be unsorted and overlapping;
 * outputs are sorted, merged (touching intervals join) and never empty or negative.
 * Modelled on cal.com packages/features/schedules/lib/date-ranges.ts.
 */

type Span = [number, number];

const toSpans = (list: readonly Interval[]): Span[] =>
  list
    .map((i): Span => [i.start.getTime(), i.end.getTime()])
    .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e) && s < e)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);

const mergeSpans = (list: readonly Interval[]): Span[] => {
  const out: Span[] = [];
  for (const [s, e] of toSpans(list)) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
};

const toIntervals = (spans: readonly Span[]): Interval[] =>
  spans.filter(([s, e]) => s < e).map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));

export function mergeIntervals(list: readonly Interval[]): Interval[] {
  return toIntervals(mergeSpans(list));
}

export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const x = mergeSpans(a);
  const y = mergeSpans(b);
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const [as, ae] = x[i] as Span;
    const [bs, be] = y[j] as Span;
    const s = Math.max(as, bs);
    const e = Math.min(ae, be);
    if (s < e) out.push([s, e]);
    if (ae < be) i++;
    else j++;
  }
  return toIntervals(out);
}

export function subtractIntervals(
  from: readonly Interval[],
  minus: readonly Interval[],
): Interval[] {
  const cut = mergeSpans(minus);
  const out: Span[] = [];
  for (const [fs, fe] of mergeSpans(from)) {
    let cursor = fs;
    for (const [ms, me] of cut) {
      if (me <= cursor) continue;
      if (ms >= fe) break;
      if (ms > cursor) out.push([cursor, ms]);
      cursor = Math.max(cursor, me);
      if (cursor >= fe) break;
    }
    if (cursor < fe) out.push([cursor, fe]);
  }
  return toIntervals(out);
}

export function clipIntervals(list: readonly Interval[], window: Interval): Interval[] {
  return intersectIntervals(list, [window]);
}

/** True when the two intervals share at least one instant (touching ones do not). */
export function overlaps(a: Interval, b: Interval): boolean {
  const as = a.start.getTime();
  const ae = a.end.getTime();
  const bs = b.start.getTime();
  const be = b.end.getTime();
  return as < ae && bs < be && as < be && bs < ae;
}

/** True when `inner` (non-empty) lies entirely inside `outer`. */
export function containsInterval(outer: Interval, inner: Interval): boolean {
  return (
    inner.start.getTime() < inner.end.getTime() &&
    outer.start.getTime() <= inner.start.getTime() &&
    inner.end.getTime() <= outer.end.getTime()
  );
}

export const durationMinutes = (i: Interval): number =>
  (i.end.getTime() - i.start.getTime()) / 60_000;
