import { z } from '@hono/zod-openapi';
import { etag } from 'hono/etag';
import { venueFeed } from '../../services/feeds/venue-feed';
import { invalidRequest, problemResponse } from '../../http/problem';
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
feedsRouter.get('/venues/:file{[^/]+\\.ics}', async (c) => {
  const parsed = FeedParams.safeParse({
    id: c.req.param('file').replace(/\.ics$/, ''),
    lang: c.req.query('lang'),
  });
  if (!parsed.success) return problemResponse(c, invalidRequest(parsed.error.issues));
  const { config } = c.var.deps;
  const origin = config.publicOrigin ?? new URL(c.req.url).origin;
  const body = await venueFeed({ ctx: c.var.ctx, input: { ...parsed.data, origin } });
  return c.body(body, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `inline; filename="venue-${parsed.data.id}.ics"`,
    'cache-control': 'public, max-age=900',
  });
});

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
