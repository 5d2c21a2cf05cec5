import {
  associationMembers,
  associations,
  municipalities,
  staffRoles,
  venues,
  type Db,
} from '@motesplats/db';
import { DomainFailure, notFound } from '@motesplats/domain';
import { and, eq } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';

/** What a private feed shows: a venue's or a municipality's bookings (its staff), an association's (its members). */
export type PrivateScopeKind = 'venue' | 'municipality' | 'association';
export interface PrivateScope {
  kind: PrivateScopeKind;
  id: string;
}

/** 32 random bytes, base64url: 43 characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newFeedToken = (): string => randomBytes(32).toString('base64url');

/** Only this is stored (like invitations): the link cannot be shown again, nor read from a backup. */
export const hashFeedToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** The feed's path; the token is in it, so it is shown to its owner only, once. */
export const privateFeedPath = (token: string) => `/feeds/private/${token}.ics`;

/** The municipality a scope belongs to, or a not_found failure. */
export async function municipalityOfScope(db: Db, scope: PrivateScope): Promise<string> {
  const [row] =
    scope.kind === 'venue'
      ? await db.select({ id: venues.municipalityId }).from(venues).where(eq(venues.id, scope.id))
      : scope.kind === 'association'
        ? await db
            .select({ id: associations.municipalityId })
            .from(associations)
            .where(eq(associations.id, scope.id))
        : await db
            .select({ id: municipalities.id })
            .from(municipalities)
            .where(eq(municipalities.id, scope.id));
  if (!row) throw new DomainFailure(notFound(scope.kind, scope.id));
  return row.id;
}

/**
 * Whether a user may read a scope's bookings now, from the current rows (not from a session):
 * staff of the scope's municipality for a venue or municipality, a member for an association.
 */
export async function mayRead(
  db: Db,
  userId: string,
  scope: PrivateScope,
  municipalityId: string,
): Promise<boolean> {
  const rows =
    scope.kind === 'association'
      ? await db
          .select({ one: associationMembers.userId })
          .from(associationMembers)
          .where(
            and(
              eq(associationMembers.userId, userId),
              eq(associationMembers.associationId, scope.id),
            ),
          )
          .limit(1)
      : await db
          .select({ one: staffRoles.userId })
          .from(staffRoles)
          .where(and(eq(staffRoles.userId, userId), eq(staffRoles.municipalityId, municipalityId)))
          .limit(1);
  return rows.length > 0;
}
