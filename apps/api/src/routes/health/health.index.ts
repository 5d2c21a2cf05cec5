import { getHealth } from '../../services/health/get-health';
import { createRouter } from '../shared/router';
import { Health, healthRoute } from './health.routes';

export const healthRouter = createRouter().openapi(healthRoute, async (c) => {
  const { engine, migrationState } = c.var.deps;
  const health = Health.parse(await getHealth({ ctx: c.var.ctx, engine, migrationState }));
  c.header('cache-control', 'no-store');
  return health.status === 'ok' ? c.json(health, 200) : c.json(health, 503);
});
