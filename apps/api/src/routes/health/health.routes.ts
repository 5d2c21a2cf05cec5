import { createRoute, z } from '@hono/zod-openapi';
import { json } from '../shared/schemas';

export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    time: z.string(),
    database: z.object({
      engine: z.enum(['pglite', 'postgres']),
      reachable: z.boolean(),
      migrations: z.object({
        applied: z.number().int(),
        available: z.number().int(),
        latest: z.string().nullable(),
        upToDate: z.boolean(),
      }),
    }),
  })
  .openapi('Health');

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Operations'],
  summary: 'Database engine, reachability and migration state',
  responses: { 200: json(Health, 'Healthy'), 503: json(Health, 'Degraded') },
});
