import { createRoute, z } from '@hono/zod-openapi';
import { json, Problem } from '../shared/schemas';

export const Health = z
  .object({
    status: z.literal('ok'),
    time: z.string(),
    engine: z.enum(['pglite', 'postgres']),
  })
  .openapi('Health');

const Migrations = z.object({
  applied: z.number().int(),
  available: z.number().int(),
  latest: z.string().nullable(),
  upToDate: z.boolean(),
});

export const Ready = z
  .object({
    status: z.literal('ready'),
    time: z.string(),
    database: z.object({
      engine: z.enum(['pglite', 'postgres']),
      reachable: z.literal(true),
      migrations: Migrations,
    }),
  })
  .openapi('Ready');

export const NotReady = Problem.extend({
  code: z.enum(['database_unreachable', 'migrations_pending', 'shutting_down']),
  migrations: Migrations.optional(),
}).openapi('NotReady');

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Operations'],
  summary: 'Liveness: the process answers (the database is not asked)',
  responses: { 200: json(Health, 'Alive') },
});

export const readyRoute = createRoute({
  method: 'get',
  path: '/ready',
  tags: ['Operations'],
  summary: 'Readiness: the database answers and every migration is applied',
  responses: {
    200: json(Ready, 'Ready to serve'),
    503: {
      description:
        'Not ready: the database does not answer within a second, migrations are missing, or the process is shutting down',
      content: { 'application/problem+json': { schema: NotReady } },
    },
  },
});
