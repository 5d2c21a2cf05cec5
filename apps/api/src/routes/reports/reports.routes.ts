import { createRoute, z } from '@hono/zod-openapi';
import { REPORT_TABLES, SUMMARY_FIGURES } from '@motesplats/domain';
import { Lang, json, problem, problems } from '../shared/schemas';

const Tags = ['reports'];

const Named = z.object({ text: z.string(), lang: z.string(), fallback: z.boolean() });
const Figure = z
  .object({ value: z.number(), previous: z.number() })
  .openapi('Figure', { description: 'A figure and the same figure of the previous period' });
const MaybeFigure = z.object({ value: z.number().nullable(), previous: z.number().nullable() });
const Month = z.object({
  month: z.string().openapi({ example: '2026-03' }),
  bookings: z.number().int(),
  bookedHours: z.number(),
  openHours: z.number(),
  utilisation: z.number().nullable(),
  occurrences: z.number().int(),
  participants: z.number().int(),
});

export const Indicators = z
  .object({
    scope: z.object({
      kind: z.enum(['municipality', 'region', 'installation']),
      municipality: z.string().optional(),
      region: z.string().optional(),
      name: Named,
      municipalities: z.array(z.object({ slug: z.string(), name: Named, timeZone: z.string() })),
    }),
    period: z.object({
      from: z.string(),
      to: z.string(),
      previous: z.object({ from: z.string(), to: z.string() }),
    }),
    summary: z.object(
      Object.fromEntries(SUMMARY_FIGURES.map((f) => [f, MaybeFigure])) as Record<
        (typeof SUMMARY_FIGURES)[number],
        typeof MaybeFigure
      >,
    ),
    months: z.array(Month.extend({ previous: Month.nullable() })),
    venues: z.array(
      z.object({
        id: z.uuid(),
        name: Named,
        municipality: z.string(),
        bookable: z.boolean(),
        bookings: Figure,
        bookedHours: Figure,
        openHours: Figure,
        utilisation: MaybeFigure,
        cityBookings: Figure,
        cityHours: Figure,
        months: z.array(
          z.object({
            month: z.string(),
            bookedHours: z.number(),
            openHours: z.number(),
            utilisation: z.number().nullable(),
            previousUtilisation: z.number().nullable(),
          }),
        ),
      }),
    ),
    categories: z.array(
      z.object({
        slug: z.string(),
        name: Named,
        events: Figure,
        occurrences: Figure,
        participants: Figure,
      }),
    ),
    languages: z.array(
      z.object({ code: z.string(), events: Figure, occurrences: Figure, participants: Figure }),
    ),
  })
  .openapi('Indicators');

export const IndicatorsQuery = z.object({
  municipality: z.string().max(100).optional().openapi({
    description:
      'Municipality slug; staff of it or administrators. Omit (administrators) for the whole installation',
  }),
  region: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Administrators: every municipality of this region' }),
  year: z
    .string()
    .max(10)
    .optional()
    .openapi({ example: '2026', description: 'A calendar year (yyyy), or give from and to' }),
  from: z.string().max(10).optional().openapi({ format: 'date', description: 'First local date' }),
  to: z
    .string()
    .max(10)
    .optional()
    .openapi({ format: 'date', description: 'Last local date (inclusive)' }),
  lang: Lang,
  table: z.enum(REPORT_TABLES).default('summary').openapi({ description: 'CSV only: which table' }),
  excel: z
    .enum(['0', '1'])
    .default('0')
    .openapi({ description: 'CSV only: 1 = semicolons, decimal commas and a BOM, for Excel' }),
});

const answers = {
  400: problems[400],
  401: problem('Not signed in'),
  403: problem(
    'Not staff of that municipality; a region or the installation needs an administrator',
  ),
  404: problem('No such municipality or region'),
};

const csv = { 'text/csv': { schema: z.string() } };

export const indicatorsRoute = createRoute({
  method: 'get',
  path: '/reports/indicators',
  tags: Tags,
  summary: 'The integration programme’s indicators for a period, each beside the previous period’s',
  description:
    'JSON by default; `Accept: text/csv` answers the table named by `table` as CSV. Counts are SQL aggregates; see docs/decisions/018-reports.md for what each figure counts.',
  request: { query: IndicatorsQuery },
  responses: {
    200: { description: 'The indicators', content: { ...json(Indicators, '').content, ...csv } },
    ...answers,
  },
});

export const indicatorsCsvRoute = createRoute({
  method: 'get',
  path: '/reports/indicators.csv',
  tags: Tags,
  summary: 'One table of the indicators as CSV (a link a spreadsheet opens)',
  request: { query: IndicatorsQuery },
  responses: { 200: { description: 'CSV', content: csv }, ...answers },
});
