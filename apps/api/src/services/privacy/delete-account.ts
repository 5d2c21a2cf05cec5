import { associationMembers, users } from '@motesplats/db';
import { DomainFailure, PASSWORD_MAX_LENGTH } from '@motesplats/domain';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { viaAuth } from '../../auth/errors';
import { authHeaders } from '../accounts/auth-headers';
import { audit, inTransaction, requireUser, type ServiceCtx } from '../context';

export const DeleteAccountInput = z.object({
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

/**
 * Deletes the signed-in person's account (GDPR art. 17) once they confirm with their
 * password. Sessions, sign-in methods, roles and memberships go with it; bookings, events
 * and attendance they made stay as the association's, without the person (their
 * references become null). Refused while they are the only administrator of an
 * association that has other members (they hand it over first).
 */
export async function deleteAccount({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { cookie: string | null; body: unknown };
}) {
  const actor = requireUser(ctx);
  const { password } = DeleteAccountInput.parse(input.body);
  const auth = await ctx.auth.$context;
  const found = await auth.internalAdapter.findUserByEmail(actor.email, { includeAccounts: true });
  const credential = found?.accounts.find((a) => a.providerId === 'credential');
  const ok = credential?.password
    ? await auth.password.verify({ hash: credential.password, password })
    : false;
  if (!ok) {
    throw new DomainFailure({
      kind: 'invalid',
      issues: [{ path: 'password', code: 'wrong_password', message: 'the password is wrong' }],
    });
  }
  await inTransaction(ctx, async (tx) => {
    const adminOf = actor.memberships.filter((m) => m.role === 'admin').map((m) => m.associationId);
    if (adminOf.length) {
      const others = await tx.db
        .select({
          associationId: associationMembers.associationId,
          admins: sql<number>`count(*) filter (where ${associationMembers.role} = 'admin')::int`,
        })
        .from(associationMembers)
        .where(
          and(
            inArray(associationMembers.associationId, adminOf),
            ne(associationMembers.userId, actor.userId),
          ),
        )
        .groupBy(associationMembers.associationId);
      if (others.some((o) => Number(o.admins) === 0)) {
        throw new DomainFailure({
          kind: 'conflict',
          code: 'last_admin',
          message: 'appoint another administrator of your association first',
        });
      }
    }
    await audit(tx, {
      municipalityId: null,
      action: 'user.delete',
      entity: 'user',
      entityId: actor.userId,
    });
    await tx.db.delete(users).where(eq(users.id, actor.userId));
  });
  // The cookie of a deleted session: cleared.
  const signedOut = await viaAuth(
    ctx.auth.api.signOut({ headers: authHeaders(ctx, input.cookie), returnHeaders: true }),
  ).catch(() => ({ headers: new Headers() }));
  return { setCookies: signedOut.headers.getSetCookie() };
}
