import { users } from '@motesplats/db';
import {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  normalizeEmail,
} from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit, inTransaction, type ServiceCtx } from '../context';

export const AdministratorInput = z.object({
  email: z.email().max(EMAIL_MAX_LENGTH),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
  name: z.string().trim().min(1).max(NAME_MAX_LENGTH).default('Administrator'),
});

export type AdministratorOutcome = 'created' | 'promoted' | 'unchanged';

/**
 * Makes sure an administrator with this address exists (ADMIN_EMAIL/ADMIN_PASSWORD at
 * start, `npm run admin -- create`). A new one is created verified, with the password; an
 * existing account becomes administrator and keeps its own password. The grant is audited.
 */
export async function ensureAdministrator({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: unknown;
}): Promise<{ outcome: AdministratorOutcome; userId: string }> {
  const { email: given, password, name } = AdministratorInput.parse(input);
  const email = normalizeEmail(given);
  const auth = await ctx.auth.$context;
  let found = await auth.internalAdapter.findUserByEmail(email);
  let outcome: AdministratorOutcome = 'promoted';
  if (!found) {
    const user = await auth.internalAdapter.createUser(
      { email, name, emailVerified: true },
      { method: 'admin' },
    );
    await auth.internalAdapter.createAccount({
      userId: user.id,
      providerId: 'credential',
      accountId: user.id,
      password: await auth.password.hash(password),
    });
    found = { user, accounts: [] };
    outcome = 'created';
  }
  const userId = found.user.id;
  const changed = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(users).where(eq(users.id, userId)).for('update');
    if (row?.isAdmin) return false;
    await tx.db.update(users).set({ isAdmin: true, updatedAt: tx.now }).where(eq(users.id, userId));
    await audit(tx, {
      municipalityId: null,
      action: 'user.grant_administrator',
      entity: 'user',
      entityId: userId,
      data: { outcome },
    });
    return true;
  });
  return { outcome: changed ? outcome : 'unchanged', userId };
}
