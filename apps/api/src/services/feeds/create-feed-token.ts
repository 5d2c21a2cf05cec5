import { feedTokens } from '@motesplats/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { audit, inTransaction, requireScope, type ServiceCtx } from '../context';
import {
  hashFeedToken,
  municipalityOfScope,
  newFeedToken,
  privateFeedPath,
  type PrivateScope,
} from './feed-token';

export interface CreatedFeedToken {
  id: string;
  scope: PrivateScope;
  createdAt: Date;
  /** The feed's address with the token: shown this once, never stored. */
  url: string;
  /** Whether an earlier link of the same scope was revoked by this one. */
  renewed: boolean;
}

/**
 * Makes the actor's private link for a scope (staff of its municipality for a venue or a
 * municipality, a member for an association), or renews it: the earlier one is revoked in
 * the same transaction, so there is at most one live link per person and scope.
 */
export async function createFeedToken({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { scope: PrivateScope; lang: string; origin: string };
}): Promise<CreatedFeedToken> {
  const { scope } = input;
  const municipalityId = await municipalityOfScope(ctx.db, scope);
  const actor = requireScope(
    ctx,
    scope.kind === 'association'
      ? { kind: 'member', associationId: scope.id }
      : { kind: 'staff', municipalityId },
  );
  const token = newFeedToken();
  return inTransaction(ctx, async (tx) => {
    // Two requests at once (a double click) would both find no live link and both insert,
    // and the live link's unique index would refuse the second with a 500. One at a time
    // per person and scope instead: the second then revokes the first, as a renewal does.
    await tx.db.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`feed-token:${actor.userId}:${scope.kind}:${scope.id}`}, 0))`,
    );
    const revoked = await tx.db
      .update(feedTokens)
      .set({ revokedAt: tx.now })
      .where(
        and(
          eq(feedTokens.userId, actor.userId),
          eq(feedTokens.scope, scope.kind),
          eq(feedTokens.scopeId, scope.id),
          isNull(feedTokens.revokedAt),
        ),
      )
      .returning({ id: feedTokens.id });
    const [row] = await tx.db
      .insert(feedTokens)
      .values({
        userId: actor.userId,
        municipalityId,
        scope: scope.kind,
        scopeId: scope.id,
        tokenHash: hashFeedToken(token),
        createdAt: tx.now,
      })
      .returning({ id: feedTokens.id, createdAt: feedTokens.createdAt });
    const renewed = revoked.length > 0;
    await audit(tx, {
      municipalityId,
      action: renewed ? 'feed_token.renew' : 'feed_token.create',
      entity: 'feed_token',
      entityId: row!.id,
      data: {
        scope: scope.kind,
        scopeId: scope.id,
        ...(renewed ? { replaces: revoked.map((r) => r.id) } : {}),
      },
    });
    return {
      id: row!.id,
      scope,
      createdAt: row!.createdAt,
      url: `${input.origin}${privateFeedPath(token)}?lang=${input.lang}`,
      renewed,
    };
  });
}
