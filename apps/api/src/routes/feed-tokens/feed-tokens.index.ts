import { respond, respondWith } from '../../http/respond';
import { createFeedToken } from '../../services/feeds/create-feed-token';
import { listFeedTokens } from '../../services/feeds/list-feed-tokens';
import { revokeFeedToken } from '../../services/feeds/revoke-feed-token';
import { createRouter } from '../shared/router';
import {
  CreatedFeedToken,
  FeedTokenList,
  createFeedTokenRoute,
  listFeedTokensRoute,
  revokeFeedTokenRoute,
} from './feed-tokens.routes';

/** A person's private calendar links: never cached by anyone, the token in the create answer only. */
export const feedTokensRouter = createRouter()
  .openapi(createFeedTokenRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    const created = await createFeedToken({
      ctx: c.var.ctx,
      input: {
        scope: c.req.valid('json').scope,
        lang: c.req.valid('query').lang,
        // As the public feeds: the configured origin, else the one the request came to.
        origin: c.var.deps.config.publicOrigin ?? new URL(c.req.url).origin,
      },
    });
    const path = new URL(created.url).pathname;
    return respondWith(
      c,
      CreatedFeedToken,
      { ...created, createdAt: created.createdAt.toISOString(), path },
      201,
    );
  })
  .openapi(listFeedTokensRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    const items = await listFeedTokens({ ctx: c.var.ctx });
    return respond(c, FeedTokenList, {
      items: items.map((i) => ({
        ...i,
        createdAt: i.createdAt.toISOString(),
        lastUsedAt: i.lastUsedAt?.toISOString() ?? null,
      })),
    });
  })
  .openapi(revokeFeedTokenRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    await revokeFeedToken({ ctx: c.var.ctx, input: c.req.valid('param') });
    return c.body(null, 204);
  });
