import { createRoute, z } from '@hono/zod-openapi';
import { IdParams, Instant, Lang, json, jsonBody, problem, problems } from '../shared/schemas';

const ScopeKind = z.enum(['venue', 'municipality', 'association']).openapi({
  description:
    "`venue` and `municipality`: the bookings staff of that municipality see; `association`: the association's own bookings, for its members",
});
const Scope = z.object({ kind: ScopeKind, id: z.uuid({ message: 'id must be a UUID' }) });

export const CreateFeedTokenInput = z.object({ scope: Scope }).openapi('CreateFeedTokenInput');

export const CreatedFeedToken = z
  .object({
    id: z.uuid(),
    scope: Scope,
    createdAt: Instant,
    path: z.string().openapi({ description: 'The feed path with its token; shown this once' }),
    url: z.string().openapi({ description: 'The feed address with its token; shown this once' }),
    renewed: z.boolean().openapi({ description: 'An earlier link of this scope was revoked' }),
  })
  .openapi('CreatedFeedToken');

export const FeedTokenList = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        scope: Scope,
        createdAt: Instant,
        lastUsedAt: Instant.nullable().openapi({ description: 'Updated at most once an hour' }),
      }),
    ),
  })
  .openapi('FeedTokenList');

export const createFeedTokenRoute = createRoute({
  method: 'post',
  path: '/feed-tokens',
  tags: ['Feeds'],
  summary:
    'Create my private calendar link for a scope, or renew it (the old link stops); the link is in this answer only',
  request: { query: z.object({ lang: Lang }), ...jsonBody(CreateFeedTokenInput) },
  responses: {
    201: json(CreatedFeedToken, 'The new link'),
    400: problems[400],
    401: problem('Not signed in'),
    403: problem('Not staff of the scope’s municipality, or not a member of the association'),
    404: problems[404],
  },
});

export const listFeedTokensRoute = createRoute({
  method: 'get',
  path: '/feed-tokens',
  tags: ['Feeds'],
  summary: 'My live private calendar links (never the token itself)',
  responses: { 200: json(FeedTokenList, 'My links'), 401: problem('Not signed in') },
});

export const revokeFeedTokenRoute = createRoute({
  method: 'delete',
  path: '/feed-tokens/{id}',
  tags: ['Feeds'],
  summary: 'Revoke one of my private calendar links: its feed answers 404 from now on',
  request: { params: IdParams },
  responses: {
    204: { description: 'Revoked' },
    400: problems[400],
    401: problem('Not signed in'),
    404: problem('No such live link of mine'),
  },
});
