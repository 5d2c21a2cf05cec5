import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { BuiltFeed } from '../../services/feeds/feed-cache';
import { privateFeed } from '../../services/feeds/private-feed';
import { publicFeed, type FeedScope } from '../../services/feeds/public-feed';
import type { AppEnv } from '../../http/env';
import { OccurrenceFilters } from '../occurrences/occurrences.routes';
import { createRouter } from '../shared/router';
import { Lang, problem, problems } from '../shared/schemas';

const Slug = z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be a slug');
const Id = z.uuid({ message: 'id must be a UUID' });
const CalendarQuery = OccurrenceFilters.omit({ from: true, to: true });

/** Whether the client's copy is current: If-None-Match first (RFC 9110 §13.2.2), else If-Modified-Since. */
function notModified(c: Context<AppEnv>, feed: BuiltFeed): boolean {
  const match = c.req.header('if-none-match');
  if (match !== undefined)
    return match
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === feed.etag || tag === '*');
  const since = Date.parse(c.req.header('if-modified-since') ?? '');
  return !Number.isNaN(since) && Math.floor(feed.lastModified.getTime() / 1000) * 1000 <= since;
}

/** Serves a built feed: 304 when the client's copy is current, gzip when the client takes it. */
function serve(
  c: Context<AppEnv>,
  feed: BuiltFeed,
  filename: string,
  visibility: 'public' | 'private' = 'public',
) {
  const validators = {
    etag: feed.etag,
    'last-modified': feed.lastModified.toUTCString(),
    // Public feeds: any shared cache may keep them for a quarter of an hour. Private ones:
    // only the subscriber's own client (a proxy or CDN must not keep a token's answer).
    'cache-control': `${visibility}, max-age=900`,
    vary: 'accept-encoding',
  };
  if (notModified(c, feed)) return c.body(null, 304, validators);
  const gzip = /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '');
  return c.body(gzip ? feed.gzip : feed.body, 200, {
    ...validators,
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `inline; filename="${filename}"`,
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
}

/** A path or query value checked by `schema` (400 problem+json naming `field` otherwise). */
const valid = <T>(field: string, schema: z.ZodType<T>, value: unknown): T =>
  z.object({ [field]: schema }).parse({ [field]: value })[field] as T;

/**
 * One handler for every public feed: the path names the scope (`:file` is `<id or slug>.ics`),
 * the query its language and, for categories and calendar filters, the rest.
 */
const feedRoute =
  (kind: FeedScope['kind'], scopeOf: (name: string, query: Record<string, string>) => FeedScope) =>
  async (c: Context<AppEnv>) => {
    const name = (c.req.param('file') ?? '').replace(/\.ics$/, '');
    const query = c.req.query();
    const { lang } = z.object({ lang: Lang }).parse({ lang: query.lang });
    const feed = await publicFeed({
      ctx: c.var.ctx,
      input: {
        scope: scopeOf(name, query),
        lang,
        // The origin the request came to, unless one is configured (behind a proxy).
        origin: c.var.deps.config.publicOrigin ?? new URL(c.req.url).origin,
      },
    });
    return serve(c, feed, `${kind}-${name || 'calendar'}.ics`);
  };

/**
 * iCalendar subscriptions. Plain routes (their paths end in `.ics`), described in the OpenAPI
 * document by hand.
 */
export const feedsRouter = createRouter();

feedsRouter.get(
  '/venues/:file{[^/]+\\.ics}',
  feedRoute('venue', (id) => ({ kind: 'venue', id: valid('id', Id, id) })),
);
feedsRouter.get(
  '/events/:file{[^/]+\\.ics}',
  feedRoute('event', (id) => ({ kind: 'event', id: valid('id', Id, id) })),
);
feedsRouter.get(
  '/associations/:file{[^/]+\\.ics}',
  feedRoute('association', (id) => ({ kind: 'association', id: valid('id', Id, id) })),
);
feedsRouter.get(
  '/municipalities/:file{[^/]+\\.ics}',
  feedRoute('municipality', (slug) => ({ kind: 'municipality', slug: valid('slug', Slug, slug) })),
);
feedsRouter.get(
  '/categories/:file{[^/]+\\.ics}',
  feedRoute('category', (slug, query) => ({
    kind: 'category',
    slug: valid('slug', Slug, slug),
    municipality:
      query.municipality === undefined
        ? undefined
        : valid('municipality', Slug, query.municipality),
  })),
);
feedsRouter.get(
  '/calendar.ics',
  feedRoute('calendar', (_, query) => {
    const { municipality, lang: _lang, ...filters } = CalendarQuery.parse(query);
    return { kind: 'calendar', municipality, filters };
  }),
);

/**
 * A private feed: the path's token is checked, with its owner's right, at every request; any
 * refusal is the same 404. The path is never logged (request-log.ts) nor echoed (problem.ts).
 */
feedsRouter.get('/private/:file', async (c) => {
  const token = (c.req.param('file') ?? '').replace(/\.ics$/, '');
  const { lang } = z.object({ lang: Lang }).parse({ lang: c.req.query('lang') });
  const feed = await privateFeed({
    ctx: c.var.ctx,
    input: { token, lang, origin: c.var.deps.config.publicOrigin ?? new URL(c.req.url).origin },
  });
  return serve(c, feed, 'bookings.ics', 'private');
});

const IcsResponses = {
  200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
  304: {
    description:
      'Not modified (If-None-Match matched the ETag, or nothing changed since If-Modified-Since)',
  },
  400: problems[400],
  404: problems[404],
};
const byId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const bySlug = z.object({ slug: Slug.openapi({ param: { name: 'slug', in: 'path' } }) });
const langOnly = z.object({ lang: Lang });
for (const [path, summary, params, query] of [
  ['/venues/{id}.ics', "A venue's published events (webcal subscription)", byId, langOnly],
  [
    '/events/{id}.ics',
    "One event's dates (add to calendar); the same UIDs as every other feed",
    byId,
    langOnly,
  ],
  ['/associations/{id}.ics', "An association's published events", byId, langOnly],
  ['/municipalities/{slug}.ics', "A municipality's published events", bySlug, langOnly],
  [
    '/categories/{slug}.ics',
    'The published events of a category, in one municipality or all',
    bySlug,
    langOnly.extend({ municipality: Slug.optional() }),
  ],
] as const)
  feedsRouter.openAPIRegistry.registerPath({
    method: 'get',
    path,
    tags: ['Feeds'],
    summary,
    request: { params, query },
    responses: IcsResponses,
  });
feedsRouter.openAPIRegistry.registerPath({
  method: 'get',
  path: '/calendar.ics',
  tags: ['Feeds'],
  summary: 'The published events of any calendar filter (the calendar page offers its URL)',
  request: { query: CalendarQuery },
  responses: IcsResponses,
});
feedsRouter.openAPIRegistry.registerPath({
  method: 'get',
  path: '/private/{token}.ics',
  tags: ['Feeds'],
  summary:
    "A private feed: a venue's or municipality's bookings (staff) or an association's own (members), behind a revocable token; Cache-Control private",
  request: {
    params: z.object({
      token: z.string().openapi({ param: { name: 'token', in: 'path' } }),
    }),
    query: langOnly,
  },
  responses: {
    ...IcsResponses,
    404: problem('Unknown or revoked token, or its owner no longer has the right: all alike'),
  },
});
