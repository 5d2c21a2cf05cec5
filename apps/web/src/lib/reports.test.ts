import { describe, expect, it } from 'vitest';
import {
  changeOf,
  chartMonthLabels,
  councilHref,
  councilLanguages,
  csvHref,
  formatFigure,
  periodLabel,
  reportsHref,
  scopeNameOf,
} from './reports.ts';

describe('report figures for readers', () => {
  it('formats counts, hours and shares in the reader’s conventions', () => {
    expect(formatFigure(9595.6, 'hours', 'sv')).toMatch(/^9\s595,6$/u);
    expect(formatFigure(9595.6, 'hours', 'en')).toBe('9,595.6');
    expect(formatFigure(0.034, 'share', 'fi')).toMatch(/^3,4\s%$/u);
    expect(formatFigure(null, 'count', 'ar')).toBeNull();
  });

  it('says the change as a difference, a relative change, or percentage points', () => {
    expect(changeOf(150, 100, 'count', 'en')).toEqual({
      difference: '+50',
      relative: '+50%',
      direction: 'up',
    });
    expect(changeOf(0, 0, 'count', 'en')).toMatchObject({ difference: '0', relative: null });
    expect(changeOf(0.055, 0.034, 'share', 'en')).toMatchObject({
      difference: '+2.1',
      relative: null,
    });
    expect(changeOf(0.5, null, 'share', 'en')).toBeNull();
    expect(changeOf(2, 4, 'hours', 'sv')?.direction).toBe('down');
  });

  it('names a year by itself and a range by its dates', () => {
    expect(periodLabel({ from: '2026-01-01', to: '2026-12-31' }, 'sv')).toBe('2026');
    expect(periodLabel({ from: '2026-01-01', to: '2026-03-31' }, 'en')).toMatch(
      /1 Jan.*31 Mar.*2026/,
    );
  });

  it('gives short month names, or numbers where the names are long', () => {
    expect(chartMonthLabels(['2026-01', '2026-02'], 'sv')).toEqual(['jan.', 'feb.']);
    expect(chartMonthLabels(['2026-01', '2026-02'], 'ar')).toEqual(['1', '2']);
    expect(chartMonthLabels(['2025-12', '2026-01'], 'en')).toEqual(['Dec 25', 'Jan 26']);
  });

  it('links each table’s CSV at the API with the page’s own query', () => {
    expect(csvHref({ municipality: 'borga', year: '2026' }, 'months', true, 'fi')).toBe(
      '/api/reports/indicators.csv?municipality=borga&year=2026&lang=fi&table=months&excel=1',
    );
  });

  it('links the council report and back with the same scope and period, leaving out what is blank', () => {
    expect(councilHref('fi', { municipality: 'borga', year: '2026', region: undefined })).toBe(
      'fi/staff/reports/council?municipality=borga&year=2026',
    );
    expect(
      reportsHref('sv', { region: 'Östra Nyland', from: '2026-03-01', to: '2026-05-31' }),
    ).toBe('sv/staff/reports?region=%C3%96stra+Nyland&from=2026-03-01&to=2026-05-31');
  });

  it('offers the council report in Swedish and Finnish, and in the reader’s own language', () => {
    expect(councilLanguages('fi')).toEqual(['sv', 'fi']);
    expect(councilLanguages('ar')).toEqual(['sv', 'fi', 'ar']);
  });

  it('names what a report covers', () => {
    const name = { text: 'Borgå' };
    expect(scopeNameOf({ kind: 'municipality', name }, 'Alla')).toBe('Borgå');
    expect(scopeNameOf({ kind: 'region', region: 'Östra Nyland', name }, 'Alla')).toBe(
      'Östra Nyland',
    );
    expect(scopeNameOf({ kind: 'installation', name }, 'Alla')).toBe('Alla');
  });
});
