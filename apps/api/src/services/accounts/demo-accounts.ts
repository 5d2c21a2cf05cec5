import { accounts, DEMO_DOMAIN, users } from '@motesplats/db';
import { and, eq, ilike, isNotNull } from 'drizzle-orm';
import type { ServiceCtx } from '../context';

/** How many demo accounts (@demo.example with the public demo password) can sign in. */
export async function countDemoAccounts(ctx: Pick<ServiceCtx, 'db'>): Promise<number> {
  const rows = await ctx.db
    .select({ id: users.id })
    .from(users)
    .innerJoin(accounts, and(eq(accounts.userId, users.id), isNotNull(accounts.password)))
    .where(ilike(users.email, `%@${DEMO_DOMAIN}`));
  return rows.length;
}
