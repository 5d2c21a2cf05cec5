import { secureHeaders } from 'hono/secure-headers';
import { requestId } from 'hono/request-id';
import { createAuth } from './auth/auth';
import { argon2Hasher } from './auth/password';
import type { Deps } from './deps';
import { problemFromDomain, problemResponse, toProblem } from './http/problem';
import { catalogRouter } from './routes/catalog/catalog.index';
import { docsRouter } from './routes/docs/docs.index';
import { eventsRouter } from './routes/events/events.index';
import { feedsRouter } from './routes/feeds/feeds.index';
import { healthRouter } from './routes/health/health.index';
import { occurrencesRouter } from './routes/occurrences/occurrences.index';
import { createRouter } from './routes/shared/router';
import { venuesRouter } from './routes/venues/venues.index';
import { sessionRouter } from './routes/session/session.index';
import { staffVenuesRoutes } from './routes/staff-venues/staff-venues.index';
import { mediaRouter } from './routes/media/media.index';
import { sameOrigin } from './middleware/origin';
import { sessionContext } from './middleware/session';

export type { Deps, Clock } from './deps';
export { fixedClock, systemClock } from './deps';
export { loadConfig, testConfig, ConfigError, type Config } from './config';

/** The public API under /api, chained so that hono/client sees every route's types. */
const apiRoutes = () =>
  createRouter()
    .route('/', healthRouter)
    .route('/', catalogRouter)
    .route('/', occurrencesRouter)
    .route('/', eventsRouter)
    .route('/', venuesRouter)
    .route('/', sessionRouter)
    .route('/', staffVenuesRoutes);

/**
 * Builds the HTTP application from its dependencies. No side effects: the composition root
 * (index.ts) and the tests call it with a database, a clock, a mailer and a config.
 */
export function createApp(deps: Deps) {
  const auth = deps.auth ?? authOf(deps);
  const app = createRouter();
  app.use('*', requestId());
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/*', sameOrigin(deps.config));
  app.use('*', sessionContext(deps, auth));

  const routes = app
    .route('/api', apiRoutes())
    .route('/feeds', feedsRouter)
    .route('/media', mediaRouter);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Mötesplats API',
      version: '0.1.0',
      description:
        'Public, read-only API of Mötesplats: event occurrences, venues with free/busy time, and iCalendar feeds. Errors are RFC 9457 problem+json.',
    },
  });
  app.route('/api/docs', docsRouter);

  app.notFound((c) =>
    problemResponse(
      c,
      problemFromDomain({ kind: 'not_found', entity: 'resource', id: c.req.path }),
    ),
  );
  app.onError((err, c) => {
    const problem = toProblem(err);
    if (problem.status >= 500 && deps.config.logLevel !== 'silent') {
      console.error(`[${c.get('requestId')}] ${c.req.method} ${c.req.path}`, err);
    }
    return problemResponse(c, problem);
  });
  return routes;
}

/** The identity service over the app's database, mailer and secret. */
export function authOf(deps: Deps) {
  if (!deps.config.authSecret) throw new Error('The app needs config.authSecret.');
  return createAuth({
    db: deps.db,
    config: deps.config,
    mailer: deps.mailer,
    hasher: deps.hasher ?? argon2Hasher,
    secret: deps.config.authSecret,
  });
}

export type AppType = ReturnType<typeof createApp>;
