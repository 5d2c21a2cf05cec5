// The staff reports' charts (issue 11) as SVG drawn on the server with Observable Plot over
// linkedom's DOM: no script in the browser, the same picture in print. The chart is for
// sighted readers; the table beside it is the source of truth (each chart is role="img" with
// a name, and its marks are hidden from assistive technology).
//
// The page's Content-Security-Policy allows no inline styles: Plot's <style> element is
// removed, and app.css styles `svg.chart`.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { CHART_COLOURS } from '#lib/chart-colours.ts';

export { CHART_COLOURS };

/** One group of bars: this period's value and the previous period's (null: no such period). */
export interface BarGroup {
  label: string;
  current: number;
  previous: number | null;
}

export interface ChartOptions {
  groups: readonly BarGroup[];
  /** The accessible name of the chart (role="img"). */
  name: string;
  /** The two periods' labels ("2026", "2025"). */
  series: { current: string; previous: string };
  /** Tick labels in the reader's language. */
  format: (value: number) => string;
  dir: 'ltr' | 'rtl';
}

interface Row {
  group: string;
  period: 'current' | 'previous';
  value: number;
}

const rowsOf = (groups: readonly BarGroup[]): Row[] =>
  groups.flatMap((g) => [
    ...(g.previous === null
      ? []
      : [{ group: g.label, period: 'previous' as const, value: g.previous }]),
    { group: g.label, period: 'current' as const, value: g.current },
  ]);

const hasPrevious = (groups: readonly BarGroup[]) => groups.some((g) => g.previous !== null);

/** The plot as a self-contained <svg> string: role="img", a name, no inline styles. */
function finish(svg: Element, name: string): string {
  for (const style of svg.querySelectorAll('style')) style.remove();
  for (const styled of svg.querySelectorAll('[style]')) styled.removeAttribute('style');
  svg.removeAttribute('style');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', name);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('font-size', '13');
  // With role="img" the inner marks are decoration: the table beside the chart tells it all.
  for (const g of svg.querySelectorAll('[aria-label]')) g.removeAttribute('aria-label');
  for (const g of svg.querySelectorAll('[aria-hidden]')) g.removeAttribute('aria-hidden');
  return svg.outerHTML;
}

const documentOf = () =>
  parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

// What both charts share: the value axis, the two periods' colours and each bar's title.
const valueAxis = (format: (value: number) => string) =>
  ({ grid: true, label: null, nice: true, zero: true, tickFormat: format, ticks: 5 }) as const;
const periodColours = {
  domain: ['current', 'previous'],
  range: [CHART_COLOURS.current, CHART_COLOURS.previous],
};
const barTitle =
  ({ series, format }: Pick<ChartOptions, 'series' | 'format'>) =>
  (r: Row) =>
    `${r.group}, ${r.period === 'current' ? series.current : series.previous}: ${format(r.value)}`;

/**
 * Vertical bars per group (a month), this period beside the previous one. In a right-to-left
 * page the groups run from the right and the value axis stands on the right.
 */
export function columnChart(options: ChartOptions): string {
  const { groups, format, dir } = options;
  const periods = hasPrevious(groups) ? ['previous', 'current'] : ['current'];
  const rtl = dir === 'rtl';
  const svg = Plot.plot({
    document: documentOf(),
    width: 560,
    height: 260,
    marginLeft: rtl ? 10 : 52,
    marginRight: rtl ? 52 : 10,
    marginBottom: 30,
    fx: {
      domain: groups.map((g) => g.label),
      label: null,
      reverse: rtl,
      padding: 0.15,
      tickSize: 0,
    },
    x: { axis: null, domain: periods, reverse: rtl, padding: 0.05 },
    y: { ...valueAxis(format), axis: rtl ? 'right' : 'left' },
    color: periodColours,
    marks: [
      Plot.barY(rowsOf(groups), {
        fx: 'group',
        x: 'period',
        y: 'value',
        fill: 'period',
        title: barTitle(options),
      }),
      Plot.ruleY([0]),
    ],
  }) as unknown as Element;
  return finish(svg, options.name);
}

/**
 * Horizontal bars per group (a venue: names can be long), this period above the previous
 * one. Right-to-left: names on the right, bars growing leftwards.
 */
export function barChart(options: ChartOptions): string {
  const { groups, format, dir } = options;
  const periods = hasPrevious(groups) ? ['current', 'previous'] : ['current'];
  const rtl = dir === 'rtl';
  const longest = Math.max(4, ...groups.map((g) => g.label.length));
  const nameMargin = Math.min(260, 20 + longest * 8);
  const svg = Plot.plot({
    document: documentOf(),
    width: 720,
    height: 44 + groups.length * (periods.length * 16 + 14),
    marginLeft: rtl ? 16 : nameMargin,
    marginRight: rtl ? nameMargin : 16,
    marginTop: 24,
    marginBottom: 10,
    fy: {
      domain: groups.map((g) => g.label),
      label: null,
      axis: rtl ? 'right' : 'left',
      padding: 0.2,
      tickSize: 0,
    },
    y: { axis: null, domain: periods, padding: 0.05 },
    x: { ...valueAxis(format), axis: 'top', reverse: rtl },
    color: periodColours,
    marks: [
      Plot.barX(rowsOf(groups), {
        fy: 'group',
        y: 'period',
        x: 'value',
        fill: 'period',
        title: barTitle(options),
      }),
      Plot.ruleX([0]),
    ],
  }) as unknown as Element;
  return finish(svg, options.name);
}
