import { stringify } from 'csv-stringify/sync';
import { SUMMARY_FIGURES, type Figure, type ReportTable, type SummaryFigure } from './figures';

export * from './figures';

/**
 * The indicators' shape (issue 11), shared by the API that computes them, its CSV and the
 * staff pages that chart and export them. Each figure carries the previous period's beside it.
 */
export interface Named {
  text: string;
  lang: string;
  fallback: boolean;
}

export interface MonthFigures {
  month: string;
  bookings: number;
  bookedHours: number;
  openHours: number;
  utilisation: number | null;
  occurrences: number;
  participants: number;
}

export interface IndicatorReport {
  scope: {
    kind: 'municipality' | 'region' | 'installation';
    municipality?: string;
    region?: string;
    name: Named;
    municipalities: { slug: string; name: Named; timeZone: string }[];
  };
  period: { from: string; to: string; previous: { from: string; to: string } };
  summary: Record<SummaryFigure, Figure<number | null>>;
  months: (MonthFigures & { previous: MonthFigures | null })[];
  venues: {
    id: string;
    name: Named;
    municipality: string;
    bookable: boolean;
    bookings: Figure;
    bookedHours: Figure;
    openHours: Figure;
    utilisation: Figure<number | null>;
    cityBookings: Figure;
    cityHours: Figure;
    months: {
      month: string;
      bookedHours: number;
      openHours: number;
      utilisation: number | null;
      previousUtilisation: number | null;
    }[];
  }[];
  categories: {
    slug: string;
    name: Named;
    events: Figure;
    occurrences: Figure;
    participants: Figure;
  }[];
  languages: { code: string; events: Figure; occurrences: Figure; participants: Figure }[];
}

export type Cell = string | number | null;
/** A table as column keys (stable, for machines; pages name them in the reader's language) and rows. */
export interface KeyedTable {
  columns: string[];
  rows: Cell[][];
}

const pair = (key: string) => [key, `${key}_previous`];

/** One of the report's tables, as the CSV export and the accessible table beside each chart show it. */
export function reportTable(report: IndicatorReport, table: ReportTable): KeyedTable {
  switch (table) {
    case 'summary':
      return {
        columns: ['figure', 'value', 'previous'],
        rows: SUMMARY_FIGURES.map((f) => [f, report.summary[f].value, report.summary[f].previous]),
      };
    case 'months': {
      const keys = [
        'bookings',
        'bookedHours',
        'openHours',
        'utilisation',
        'occurrences',
        'participants',
      ] as const;
      return {
        columns: ['month', ...keys.flatMap(pair)],
        rows: report.months.map((m) => [
          m.month,
          ...keys.flatMap((k) => [m[k], m.previous?.[k] ?? null]),
        ]),
      };
    }
    case 'venues': {
      const keys = [
        'bookings',
        'bookedHours',
        'openHours',
        'utilisation',
        'cityBookings',
        'cityHours',
      ] as const;
      return {
        columns: ['venue', 'municipality', ...keys.flatMap(pair)],
        rows: report.venues.map((v) => [
          v.name.text,
          v.municipality,
          ...keys.flatMap((k) => [v[k].value, v[k].previous]),
        ]),
      };
    }
    case 'utilisation':
      return {
        columns: [
          'venue',
          'municipality',
          'month',
          'bookedHours',
          'openHours',
          'utilisation',
          'utilisation_previous',
        ],
        rows: report.venues.flatMap((v) =>
          v.months.map((m) => [
            v.name.text,
            v.municipality,
            m.month,
            m.bookedHours,
            m.openHours,
            m.utilisation,
            m.previousUtilisation,
          ]),
        ),
      };
    case 'categories': {
      const keys = ['events', 'occurrences', 'participants'] as const;
      return {
        columns: ['category', 'slug', ...keys.flatMap(pair)],
        rows: report.categories.map((c) => [
          c.name.text,
          c.slug,
          ...keys.flatMap((k) => [c[k].value, c[k].previous]),
        ]),
      };
    }
    case 'languages': {
      const keys = ['events', 'occurrences', 'participants'] as const;
      return {
        columns: ['language', ...keys.flatMap(pair)],
        rows: report.languages.map((l) => [
          l.code,
          ...keys.flatMap((k) => [l[k].value, l[k].previous]),
        ]),
      };
    }
  }
}

/** A value a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading '. */
const defused = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * CSV of a header and rows (RFC 4180, CRLF). `excel`: what Excel in a Finnish or Swedish
 * locale opens right by double-click: UTF-8 BOM, semicolons, decimal commas. Text that
 * would start a formula is defused in both (quoting does not stop formulas).
 */
export function toCsv(
  header: readonly string[],
  rows: readonly Cell[][],
  options: { excel?: boolean } = {},
): string {
  const excel = options.excel ?? false;
  return stringify([header.map(defused), ...rows.map((r) => r.map((c) => (c === null ? '' : c)))], {
    bom: excel,
    delimiter: excel ? ';' : ',',
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
    cast: {
      number: (n) => (excel ? String(n).replace('.', ',') : String(n)),
      string: (s) => defused(s),
    },
  });
}
