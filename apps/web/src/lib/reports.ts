// The staff reports page (issue 11): what each figure is, how it is said in the reader's
// language, its change from the previous period, and the CSV links. Pure: no I/O, no clock.
import { intlTag, type Locale } from '#lib/locale.ts';
import { formatLocalDate } from '#lib/format.ts';
import type { ReportTable, SummaryFigure } from '@motesplats/domain/client';

/** A count, hours (one decimal) or a share (booked ÷ open; a percentage). */
export type FigureKind = 'count' | 'hours' | 'share';

const KINDS: Partial<Record<SummaryFigure, FigureKind>> = {
  bookedHours: 'hours',
  openHours: 'hours',
  cityHours: 'hours',
  medianHoursToDecision: 'hours',
  utilisation: 'share',
  shareUncounted: 'share',
};
export const kindOf = (key: SummaryFigure): FigureKind => KINDS[key] ?? 'count';

const numberFormats: Record<string, Intl.NumberFormat> = {};
const numberFormat = (locale: Locale, options: Intl.NumberFormatOptions) => {
  const key = `${locale} ${JSON.stringify(options)}`;
  return (numberFormats[key] ??= new Intl.NumberFormat(intlTag(locale), options));
};

const OPTIONS: Record<FigureKind, Intl.NumberFormatOptions> = {
  count: { maximumFractionDigits: 0 },
  hours: { maximumFractionDigits: 1 },
  share: { style: 'percent', maximumFractionDigits: 1 },
};

/** "1 234", "12,5", "3,4 %" in the reader's conventions; null (no such figure) as null. */
export const formatFigure = (
  value: number | null,
  kind: FigureKind,
  locale: Locale,
): string | null => (value === null ? null : numberFormat(locale, OPTIONS[kind]).format(value));

/** The change from the previous period to this one, ready to be said. */
export interface Change {
  /** "+12", "−3,5", "±0"; for a share, percentage points ("+2,1"). */
  difference: string;
  /** "+25 %" of the previous value, when there was one above zero (counts and hours only). */
  relative: string | null;
  direction: 'up' | 'down' | 'same';
}

/** Null when either value is missing (a share of nothing, a median of no decisions). */
export function changeOf(
  value: number | null,
  previous: number | null,
  kind: FigureKind,
  locale: Locale,
): Change | null {
  if (value === null || previous === null) return null;
  const delta = kind === 'share' ? (value - previous) * 100 : value - previous;
  const rounded = Math.round(delta * 10) / 10;
  const direction = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'same';
  const signed = numberFormat(locale, {
    maximumFractionDigits: kind === 'count' ? 0 : 1,
    signDisplay: 'exceptZero',
  });
  return {
    difference: signed.format(rounded),
    relative:
      kind !== 'share' && previous > 0
        ? numberFormat(locale, {
            style: 'percent',
            maximumFractionDigits: 0,
            signDisplay: 'exceptZero',
          }).format((value - previous) / previous)
        : null,
    direction,
  };
}

/** A period as the reader says it: "2026" for a calendar year, else "1 jan. 2026 – 31 mars 2026". */
export function periodLabel(period: { from: string; to: string }, locale: Locale): string {
  const year = period.from.slice(0, 4);
  if (period.from === `${year}-01-01` && period.to === `${year}-12-31`) return year;
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
  return new Intl.DateTimeFormat(intlTag(locale), { ...options, timeZone: 'UTC' }).formatRange(
    new Date(`${period.from}T12:00:00Z`),
    new Date(`${period.to}T12:00:00Z`),
  );
}

/** A month ('2026-03') as "mars 2026", or short ("mars") for a chart's axis. */
export const monthLabel = (month: string, locale: Locale, short = false): string =>
  formatLocalDate(
    `${month}-15`,
    locale,
    short ? { month: 'short' } : { month: 'long', year: 'numeric' },
  );

/**
 * Month labels for a chart's axis: short names ("jan.", "tammi"), or month numbers where the
 * short names are long (Arabic's are whole words that would run together under the bars);
 * with a two-digit year when the months span several years.
 */
export function chartMonthLabels(months: readonly string[], locale: Locale): string[] {
  const several = new Set(months.map((m) => m.slice(0, 4))).size > 1;
  const short = months.map((m) => monthLabel(m, locale, true));
  const month = short.some((s) => s.length > 5) ? 'numeric' : 'short';
  return months.map((m) =>
    formatLocalDate(`${m}-15`, locale, several ? { month, year: '2-digit' } : { month }),
  );
}

/** The API query of a report, as the page asked for it (also the CSV links' query). */
export interface ReportParams {
  municipality?: string | undefined;
  region?: string | undefined;
  year?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** A report's query in an address (from and to without a year: the page reads a range). */
function reportSearch(params: ReportParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of ['municipality', 'region', 'year', 'from', 'to'] as const) {
    const value = params[key];
    if (value) query.set(key, value);
  }
  return query;
}

/**
 * The CSV of one table: the API's own route on this origin (the session cookie goes with
 * it, as with /api/account/export). `excel`: semicolons, decimal commas and a BOM.
 */
export function csvHref(
  params: ReportParams,
  table: ReportTable,
  excel: boolean,
  lang: Locale,
): string {
  const query = reportSearch(params);
  query.set('lang', lang);
  query.set('table', table);
  query.set('excel', excel ? '1' : '0');
  return `/api/reports/indicators.csv?${query}`;
}

/**
 * The languages of the council report: a bilingual municipality's documents are in Swedish
 * and Finnish (the Language Act, 423/2003), whatever language the staff member reads.
 */
export const COUNCIL_LANGUAGES = ['sv', 'fi'] as const satisfies readonly Locale[];

/** The council report's languages offered to a reader: Swedish and Finnish, then their own. */
export const councilLanguages = (reader: Locale): Locale[] =>
  (COUNCIL_LANGUAGES as readonly Locale[]).includes(reader)
    ? [...COUNCIL_LANGUAGES]
    : [...COUNCIL_LANGUAGES, reader];

/** The council report of the same period and scope, in `lang` (a path for resolve()). */
export const councilHref = (lang: Locale, params: ReportParams): string =>
  `${lang}/staff/reports/council?${reportSearch(params)}`;

/** The staff reports page of the same period and scope, in `lang` (a path for resolve()). */
export const reportsHref = (lang: Locale, params: ReportParams): string =>
  `${lang}/staff/reports?${reportSearch(params)}`;

/** What the report covers, as a heading says it: a municipality, a region or the whole installation. */
export function scopeNameOf(
  scope: {
    kind: 'municipality' | 'region' | 'installation';
    region?: string;
    name: { text: string };
  },
  installation: string,
): string {
  if (scope.kind === 'installation') return installation;
  if (scope.kind === 'region') return scope.region ?? '';
  return scope.name.text;
}
