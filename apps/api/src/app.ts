import { PHOTO_MAX_BYTES } from '@motesplats/domain';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { createAuth } from './auth/auth';
import { argon2Hasher } from './auth/password';
import type { Deps } from './deps';
import { allowedMethods } from './http/allowed-methods';
import { redactPath } from './http/redact';
import {
  methodNotAllowed,
  payloadTooLarge,
  problemFromDomain,
  problemResponse,
  toProblem,
} from './http/problem';
import { catalogRouter } from './routes/catalog/catalog.index';
import { docsRouter } from './routes/docs/docs.index';
import { eventWritesRouter } from './routes/events/event-writes.index';
import { eventsRouter } from './routes/events/events.index';
import { feedsRouter } from './routes/feeds/feeds.index';
import { feedTokensRouter } from './routes/feed-tokens/feed-tokens.index';
import { healthRouter } from './routes/health/health.index';
import { occurrencesRouter } from './routes/occurrences/occurrences.index';
import { createRouter } from './routes/shared/router';
import { venuesRouter } from './routes/venues/venues.index';
import { sessionRouter } from './routes/session/session.index';
import { associationsRouter } from './routes/associations/associations.index';
import { privacyRouter } from './routes/privacy/privacy.index';
import { staffVenuesRoutes } from './routes/staff-venues/staff-venues.index';
import { bookingsRouter } from './routes/bookings/bookings.index';
import { mediaRouter } from './routes/media/media.index';
import { reportsRouter } from './routes/reports/reports.index';
import { siteRouter } from './routes/site/site.index';
import { adminRoutes } from './routes/admin/admin.index';
import { sameOrigin } from './middleware/origin';
import { deadline } from './middleware/deadline';
import { sessionContext } from './middleware/session';
import { requestLog } from './middleware/request-log';
import { createLogger } from './logger';

export type { Deps, Clock } from './deps';

/** Image uploads: a venue's photos, an association's logo. */
const PHOTO_UPLOAD = /^\/api\/(?:staff\/venues\/[^/]+\/photos|associations\/[^/]+\/logo)$/;
const PHOTO_UPLOAD_MAX_BYTES = PHOTO_MAX_BYTES + 2 * 1024 * 1024;
export { fixedClock, systemClock } from './deps';
export { loadConfig, testConfig, ConfigError, type Config } from './config';

/** The largest request body the API reads (JSON forms are far smaller); more is a 413. */
export const MAX_BODY_BYTES = 256 * 1024;

/** The public API under /api, chained so that hono/client sees every route's types. */
const apiRoutes = () =>
  createRouter()
    .route('/', healthRouter)
    .route('/', siteRouter)
    .route('/', catalogRouter)
    .route('/', eventWritesRouter)
    .route('/', occurrencesRouter)
    .route('/', eventsRouter)
    .route('/', venuesRouter)
    .route('/', sessionRouter)
    .route('/', associationsRouter)
    .route('/', privacyRouter)
    .route('/', staffVenuesRoutes)
    .route('/', bookingsRouter)
    .route('/', feedTokensRouter)
    .route('/', adminRoutes)
    .route('/', reportsRouter);

/**
 * Builds the HTTP application from its dependencies. No side effects: the composition root
 * (index.ts) and the tests call it with a database, a clock, a mailer and a config.
 */
export function createApp(given: Deps) {
  const logger = given.logger ?? createLogger(given.config.logLevel);
  const deps: Deps = { ...given, logger };
  const auth = deps.auth ?? authOf(deps);
  const app = createRouter();
  // First: every answer, refusals by the middleware below included, carries its request
  // id and is logged as one line.
  app.use('*', requestLog(logger));
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  app.use('*', deadline(deps.config.requestTimeoutMs));
  const defaultLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => problemResponse(c, payloadTooLarge(MAX_BODY_BYTES)),
  });
  // An image upload may be bigger: room for PHOTO_MAX_BYTES and the multipart framing; the
  // route itself refuses a file over PHOTO_MAX_BYTES with code file_too_large.
  const uploadLimit = bodyLimit({
    maxSize: PHOTO_UPLOAD_MAX_BYTES,
    onError: (c) =>
      problemResponse(c, { ...payloadTooLarge(PHOTO_UPLOAD_MAX_BYTES), code: 'file_too_large' }),
  });
  app.use('*', (c, next) => (PHOTO_UPLOAD.test(c.req.path) ? uploadLimit : defaultLimit)(c, next));
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

  const allowed = allowedMethods(app);
  app.notFound((c) => {
    const allow = allowed(c.req.path);
    if (allow.length) {
      c.header('allow', allow.join(', '));
      return problemResponse(c, methodNotAllowed(c.req.method, allow));
    }
    return problemResponse(
      c,
      problemFromDomain({ kind: 'not_found', entity: 'resource', id: redactPath(c.req.path) }),
    );
  });
  // What failed is logged by requestLog, in the request's one line (c.error).
  app.onError((err, c) => problemResponse(c, toProblem(err)));
  return routes;
}

/** The identity service over the app's database, mailer and secret. */
export function authOf(deps: Deps) {
  if (!deps.config.authSecret) throw new Error('The app needs config.authSecret.');
  return createAuth({
    db: deps.db,
    clock: deps.clock,
    config: deps.config,
    mailer: deps.mailer,
    hasher: deps.hasher ?? argon2Hasher,
    secret: deps.config.authSecret,
    logger: deps.logger,
  });
}

export type AppType = ReturnType<typeof createApp>;
