import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { barChart, CHART_COLOURS, columnChart, type BarGroup } from './charts.ts';

const format = (n: number) => new Intl.NumberFormat('sv-FI').format(n);
const months: BarGroup[] = [
  { label: 'jan', current: 12, previous: 3 },
  { label: 'feb', current: 1500, previous: 0 },
  { label: 'mar', current: 0, previous: 7 },
];
const series = { current: '2026', previous: '2025' };

/** The SVG as a DOM, to count what a sighted reader sees. */
const parsed = (svg: string) => parseHTML(`<html><body>${svg}</body></html>`).document;
const bars = (doc: Document, colour: string) =>
  [...doc.querySelectorAll('rect')].filter((r) => r.getAttribute('fill') === colour);
const texts = (doc: Document) => [...doc.querySelectorAll('text')].map((t) => t.textContent);

describe('report charts', () => {
  it('draws a bar per month and period, named as an image, with no inline styles', () => {
    const svg = columnChart({
      groups: months,
      name: 'Bokningar per månad',
      series,
      format,
      dir: 'ltr',
    });
    const doc = parsed(svg);
    const root = doc.querySelector('svg')!;
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-label')).toBe('Bokningar per månad');
    expect(bars(doc, CHART_COLOURS.current)).toHaveLength(3);
    expect(bars(doc, CHART_COLOURS.previous)).toHaveLength(3);
    expect(texts(doc)).toEqual(expect.arrayContaining(['jan', 'feb', 'mar']));
    // Tick labels in the reader's format: a Swedish thousands separator is a (narrow) space.
    expect(texts(doc).some((t) => /^1\s000$/u.test(t ?? ''))).toBe(true);
    expect(svg).not.toContain('<style');
    expect(svg).not.toContain('style=');
    // Each bar's tooltip names its month, period and value; February's 1 500 is the tallest.
    const current = bars(doc, CHART_COLOURS.current);
    const titles = current.map((r) => r.querySelector('title')?.textContent ?? '');
    expect(titles[1]).toMatch(/^feb, 2026: 1\s500$/u);
    const heights = current.map((r) => Number(r.getAttribute('height')));
    expect(Math.max(...heights)).toBe(heights[1]);
    expect(heights[2]).toBe(0);
  });

  it('draws only this period when there is no previous one to align', () => {
    const doc = parsed(
      columnChart({
        groups: months.map((m) => ({ ...m, previous: null })),
        name: 'x',
        series,
        format,
        dir: 'ltr',
      }),
    );
    expect(bars(doc, CHART_COLOURS.current)).toHaveLength(3);
    expect(bars(doc, CHART_COLOURS.previous)).toHaveLength(0);
  });

  it('lays horizontal venue bars out right to left for Arabic', () => {
    const venues: BarGroup[] = [
      { label: 'Allrummet', current: 55, previous: 40 },
      { label: 'Kulturhuset Grand, stora salen', current: 8, previous: 12 },
    ];
    const ltr = parsed(
      barChart({ groups: venues, name: 'Beläggning', series, format, dir: 'ltr' }),
    );
    const rtl = parsed(barChart({ groups: venues, name: 'الإشغال', series, format, dir: 'rtl' }));
    expect(bars(ltr, CHART_COLOURS.current)).toHaveLength(2);
    expect(bars(rtl, CHART_COLOURS.previous)).toHaveLength(2);
    expect(texts(rtl)).toContain('Kulturhuset Grand, stora salen');
    expect(rtl.querySelector('svg')!.getAttribute('aria-label')).toBe('الإشغال');
    // Right to left: the venue names stand at the right edge (text anchored at its start).
    const nameX = (doc: Document) => {
      const label = [...doc.querySelectorAll('text')].find((t) => t.textContent === 'Allrummet')!;
      const transforms = [label, ...ancestors(label)].map((e) => e.getAttribute('transform') ?? '');
      return transforms
        .map((t) => Number(/translate\(([-\d.]+)/.exec(t)?.[1] ?? 0))
        .reduce((a, b) => a + b, 0);
    };
    expect(nameX(ltr)).toBeLessThan(360);
    expect(nameX(rtl)).toBeGreaterThan(360);
  });
});

describe('report charts and untrusted names', () => {
  it('escapes a venue name that looks like markup', () => {
    const svg = barChart({
      groups: [{ label: '<script>alert(1)</script> & "Sal"', current: 0.5, previous: null }],
      name: 'Beläggning "per lokal" <b>',
      series,
      format,
      dir: 'ltr',
    });
    expect(svg).not.toContain('<script');
    // Inside a quoted attribute `<b>` is text (quotes and ampersands are escaped).
    expect(parsed(svg).querySelectorAll('script, b')).toHaveLength(0);
    expect(texts(parsed(svg))).toContain('<script>alert(1)</script> & "Sal"');
    expect(parsed(svg).querySelector('svg')!.getAttribute('aria-label')).toBe(
      'Beläggning "per lokal" <b>',
    );
  });
});

function ancestors(e: Element): Element[] {
  const out: Element[] = [];
  for (let p = e.parentElement; p && p.tagName.toLowerCase() !== 'svg'; p = p.parentElement)
    out.push(p);
  return out;
}
