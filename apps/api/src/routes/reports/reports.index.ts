import type { Context } from 'hono';
import { reportTable, toCsv, type IndicatorReport } from '@motesplats/domain';
import { respond } from '../../http/respond';
import { reportIndicators } from '../../services/reports/indicators';
import { createRouter } from '../shared/router';
import {
  Indicators,
  indicatorsCsvRoute,
  indicatorsRoute,
  type IndicatorsQuery,
} from './reports.routes';
import type { z } from '@hono/zod-openapi';

type Query = z.output<typeof IndicatorsQuery>;

const csvAnswer = (c: Context, report: IndicatorReport, query: Query) => {
  const { columns, rows } = reportTable(report, query.table);
  const name = `indicators-${report.scope.municipality ?? report.scope.region ?? 'all'}-${report.period.from}-${report.period.to}-${query.table}.csv`;
  return c.body(toCsv(columns, rows, { excel: query.excel === '1' }), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
  });
};

/** Staff reports: the yearly indicators as JSON or CSV. */
export const reportsRouter = createRouter()
  .openapi(indicatorsRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    c.header('vary', 'Accept, Cookie');
    const query = c.req.valid('query');
    const report = await reportIndicators({ ctx: c.var.ctx, input: query });
    if ((c.req.header('accept') ?? '').includes('text/csv')) return csvAnswer(c, report, query);
    return respond(c, Indicators, report);
  })
  .openapi(indicatorsCsvRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    const query = c.req.valid('query');
    return csvAnswer(c, await reportIndicators({ ctx: c.var.ctx, input: query }), query);
  });
