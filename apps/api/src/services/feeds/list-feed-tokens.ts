import { feedTokens } from '@motesplats/db';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { requireUser, type ServiceCtx } from '../context';
import type { PrivateScopeKind } from './feed-token';

export interface FeedTokenView {
  id: string;
  scope: { kind: PrivateScopeKind; id: string };
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The actor's live private links: scope, created, last used; never the token (only its hash is kept). */
export async function listFeedTokens({ ctx }: { ctx: ServiceCtx }): Promise<FeedTokenView[]> {
  const actor = requireUser(ctx);
  const rows = await ctx.db
    .select()
    .from(feedTokens)
    .where(and(eq(feedTokens.userId, actor.userId), isNull(feedTokens.revokedAt)))
    .orderBy(asc(feedTokens.createdAt), asc(feedTokens.id));
  return rows.map((r) => ({
    id: r.id,
    scope: { kind: r.scope, id: r.scopeId },
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
  }));
}
