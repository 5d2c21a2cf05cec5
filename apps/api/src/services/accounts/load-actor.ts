import { associationMembers, associations, staffRoles, users } from '@motesplats/db';
import type { SignedInActor } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import type { ServiceCtx } from '../context';

/** What an actor needs of its user row. */
export type ActorUser = Pick<
  typeof users.$inferSelect,
  'id' | 'email' | 'name' | 'locale' | 'emailVerified' | 'isAdmin'
>;

/** A user's roles, read fresh for each request: a revoked role ends at the next request. */
export async function loadActor(
  ctx: Pick<ServiceCtx, 'db'>,
  userId: string,
  /** The user row when the caller has just read it (the session lookup did): one query less. */
  known?: ActorUser,
): Promise<SignedInActor | null> {
  const user = known ?? (await ctx.db.select().from(users).where(eq(users.id, userId)).limit(1))[0];
  if (!user) return null;
  const [staff, memberships] = await Promise.all([
    ctx.db
      .select({ municipalityId: staffRoles.municipalityId, role: staffRoles.role })
      .from(staffRoles)
      .where(eq(staffRoles.userId, userId)),
    ctx.db
      .select({
        associationId: associationMembers.associationId,
        municipalityId: associationMembers.municipalityId,
        role: associationMembers.role,
        verification: associations.verification,
      })
      .from(associationMembers)
      .innerJoin(associations, eq(associations.id, associationMembers.associationId))
      .where(eq(associationMembers.userId, userId)),
  ]);
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    emailVerified: user.emailVerified,
    administrator: user.isAdmin,
    staff,
    memberships: memberships.map(({ verification, ...m }) => ({
      ...m,
      verified: verification === 'verified',
    })),
  };
}
