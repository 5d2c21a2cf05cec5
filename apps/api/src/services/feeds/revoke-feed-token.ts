import { feedTokens } from '@motesplats/db';
import { DomainFailure, notFound } from '@motesplats/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { audit, inTransaction, requireUser, type ServiceCtx } from '../context';

/**
 * Revokes one of the actor's private links: its feed answers 404 from the next request on
 * (the token is checked before any cached feed is served). Someone else's link, or one
 * already revoked, is 404: nothing tells whether it exists.
 */
export async function revokeFeedToken({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string };
}): Promise<void> {
  const actor = requireUser(ctx);
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(feedTokens)
      .set({ revokedAt: tx.now })
      .where(
        and(
          eq(feedTokens.id, input.id),
          eq(feedTokens.userId, actor.userId),
          isNull(feedTokens.revokedAt),
        ),
      )
      .returning();
    if (!row) throw new DomainFailure(notFound('feed_token', input.id));
    await audit(tx, {
      municipalityId: row.municipalityId,
      action: 'feed_token.revoke',
      entity: 'feed_token',
      entityId: row.id,
      data: { scope: row.scope, scopeId: row.scopeId },
    });
  });
}
