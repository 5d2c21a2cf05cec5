import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { etag } from 'hono/etag';
import { eventFeed } from '../../services/feeds/event-feed';
import { venueFeed } from '../../services/feeds/venue-feed';
import { invalidRequest, problemResponse } from '../../http/problem';
import type { AppEnv } from '../../http/env';
import { createRouter } from '../shared/router';
import { Lang, problems } from '../shared/schemas';

const FeedParams = z.object({
  id: z.uuid({ message: 'id must be a UUID' }),
  lang: Lang,
});

/**
 * iCalendar subscriptions. A plain route (its path ends in `.ics`), described in the
 * OpenAPI document by hand. ETag + 304 let subscribers and proxies poll cheaply.
 */
export const feedsRouter = createRouter();
feedsRouter.use('/venues/*', etag());
feedsRouter.use('/events/*', etag());

const calendarRoute =
  (kind: 'venue' | 'event', build: typeof venueFeed) => async (c: Context<AppEnv>) => {
    const parsed = FeedParams.safeParse({
      id: c.req.param('file')!.replace(/\.ics$/, ''),
      lang: c.req.query('lang'),
    });
    if (!parsed.success) return problemResponse(c, invalidRequest(parsed.error.issues));
    const { config } = c.var.deps;
    const origin = config.publicOrigin ?? new URL(c.req.url).origin;
    const body = await build({ ctx: c.var.ctx, input: { ...parsed.data, origin } });
    return c.body(body, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `inline; filename="${kind}-${parsed.data.id}.ics"`,
      'cache-control': 'public, max-age=900',
    });
  };
feedsRouter.get('/venues/:file{[^/]+\\.ics}', calendarRoute('venue', venueFeed));
feedsRouter.get('/events/:file{[^/]+\\.ics}', calendarRoute('event', eventFeed));

feedsRouter.openAPIRegistry.registerPath({
  method: 'get',
  path: '/venues/{id}.ics',
  tags: ['Feeds'],
  summary: "A venue's published events as an iCalendar subscription (webcal)",
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
    query: z.object({ lang: Lang }),
  },
  responses: {
    200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
    304: { description: 'Not modified (If-None-Match matched the ETag)' },
    400: problems[400],
    404: problems[404],
  },
});

feedsRouter.openAPIRegistry.registerPath({
  method: 'get',
  path: '/events/{id}.ics',
  tags: ['Feeds'],
  summary: "One event's dates as iCalendar (add to calendar); the same UIDs as the venue feed",
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
    query: z.object({ lang: Lang }),
  },
  responses: {
    200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
    304: { description: 'Not modified (If-None-Match matched the ETag)' },
    400: problems[400],
    404: problems[404],
  },
});
