import { problemResponse } from '../../http/problem';
import { respond } from '../../http/respond';
import { getHealth, getReadiness } from '../../services/health/get-health';
import { createRouter } from '../shared/router';
import { Health, healthRoute, Ready, readyRoute } from './health.routes';

const DETAIL = {
  database_unreachable: 'The database does not answer.',
  migrations_pending: 'The database lacks migrations of this version.',
  shutting_down: 'This process is shutting down.',
} as const;

export const healthRouter = createRouter()
  .openapi(healthRoute, (c) => {
    c.header('cache-control', 'no-store');
    return respond(c, Health, getHealth({ ctx: c.var.ctx, engine: c.var.deps.engine }));
  })
  .openapi(readyRoute, async (c) => {
    const { engine, migrationState, shuttingDown } = c.var.deps;
    const readiness = await getReadiness({ ctx: c.var.ctx, engine, migrationState, shuttingDown });
    c.header('cache-control', 'no-store');
    if (!readiness.ready) {
      return problemResponse(c, {
        type: 'https://motesplats.fi/problems/not-ready',
        title: 'Not ready',
        status: 503,
        detail: DETAIL[readiness.reason],
        code: readiness.reason,
        ...(readiness.migrations ? { migrations: readiness.migrations } : {}),
      }) as never;
    }
    return respond(c, Ready, {
      status: 'ready',
      time: c.var.ctx.now.toISOString(),
      database: { engine, reachable: true, migrations: readiness.migrations },
    });
  });
