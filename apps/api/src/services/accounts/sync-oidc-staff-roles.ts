import { accounts, municipalities, staffRoles, users } from '@motesplats/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { OidcConfig, StaffGrant } from '../../config';
import { OIDC_PROVIDER_ID } from '../../auth/oidc';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { loadActor } from './load-actor';

export interface OidcRoleSyncInput {
  /** The claims the IdP gave at this sign-in (`sub` names the account). */
  claims: Record<string, unknown>;
  mapping: Pick<OidcConfig, 'roleClaim' | 'staffMap'>;
}

export interface OidcRoleSync {
  userId: string;
  added: { municipality: string; role: StaffGrant['role'] }[];
  removed: { municipality: string; role: StaffGrant['role'] }[];
}

/**
 * The values of the role claim: a claim named exactly so (`groups`,
 * `https://example.org/roles`), else a dotted path into nested claims
 * (`realm_access.roles`). A list of strings, or one string.
 */
export function claimValues(claims: Record<string, unknown>, name: string): string[] {
  let value: unknown = claims[name];
  if (value === undefined && name.includes('.')) {
    value = name
      .split('.')
      .reduce<unknown>(
        (node, key) =>
          node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
        claims,
      );
  }
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

const key = (municipalityId: string, role: string) => `${municipalityId}/${role}`;

/**
 * At each OIDC sign-in, the user's staff roles that came from the IdP (source `oidc`) are
 * made to match the claims, in one transaction: a mapped claim value the user does not yet
 * hold adds that grant, an `oidc` grant the IdP no longer gives is removed, and grants made
 * by an administrator (`manual`) are never touched (one the IdP also gives stays manual).
 * Each change is audited in the same transaction, with the signing-in user as the actor.
 * Municipality slugs of the mapping that do not exist give nothing.
 */
export async function syncOidcStaffRoles({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: OidcRoleSyncInput;
}): Promise<OidcRoleSync> {
  const subject = input.claims.sub;
  if (typeof subject !== 'string' || subject === '') throw new Error('The IdP gave no subject.');
  const wantedBy = new Map<string, { grant: StaffGrant; claim: string }>();
  for (const value of claimValues(input.claims, input.mapping.roleClaim)) {
    for (const grant of input.mapping.staffMap.get(value) ?? []) {
      wantedBy.set(`${grant.municipality}/${grant.role}`, { grant, claim: value });
    }
  }

  return inTransaction(ctx, async (tx) => {
    const [account] = await tx.db
      .select({ userId: accounts.userId })
      .from(accounts)
      .where(and(eq(accounts.providerId, OIDC_PROVIDER_ID), eq(accounts.accountId, subject)))
      .limit(1);
    if (!account) throw new Error('No account for the IdP subject that just signed in.');
    const { userId } = account;
    // One sign-in of this user at a time changes their roles.
    await tx.db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    const actor = await loadActor(tx, userId);
    const as: ServiceCtx = actor ? { ...tx, actor } : tx;

    const slugs = [...new Set([...wantedBy.values()].map((w) => w.grant.municipality))];
    const known = slugs.length
      ? await tx.db
          .select({ id: municipalities.id, slug: municipalities.slug })
          .from(municipalities)
          .where(inArray(municipalities.slug, slugs))
      : [];
    const idOf = new Map(known.map((m) => [m.slug, m.id]));
    const slugOf = new Map(known.map((m) => [m.id, m.slug]));

    const held = await tx.db
      .select({
        municipalityId: staffRoles.municipalityId,
        role: staffRoles.role,
        source: staffRoles.source,
        slug: municipalities.slug,
      })
      .from(staffRoles)
      .innerJoin(municipalities, eq(municipalities.id, staffRoles.municipalityId))
      .where(eq(staffRoles.userId, userId));
    const heldKeys = new Set(held.map((h) => key(h.municipalityId, h.role)));

    const wanted = new Map<string, { municipalityId: string; grant: StaffGrant; claim: string }>();
    for (const w of wantedBy.values()) {
      const municipalityId = idOf.get(w.grant.municipality);
      if (municipalityId) wanted.set(key(municipalityId, w.grant.role), { municipalityId, ...w });
    }

    const result: OidcRoleSync = { userId, added: [], removed: [] };
    for (const h of held) {
      if (h.source !== 'oidc' || wanted.has(key(h.municipalityId, h.role))) continue;
      await tx.db
        .delete(staffRoles)
        .where(
          and(
            eq(staffRoles.userId, userId),
            eq(staffRoles.municipalityId, h.municipalityId),
            eq(staffRoles.role, h.role),
            eq(staffRoles.source, 'oidc'),
          ),
        );
      await audit(as, {
        municipalityId: h.municipalityId,
        action: 'staff_role.revoke',
        entity: 'user',
        entityId: userId,
        data: { role: h.role, source: 'oidc' },
      });
      result.removed.push({ municipality: h.slug, role: h.role });
    }
    for (const [k, w] of wanted) {
      if (heldKeys.has(k)) continue;
      await tx.db
        .insert(staffRoles)
        .values({
          userId,
          municipalityId: w.municipalityId,
          role: w.grant.role,
          source: 'oidc',
          grantedAt: tx.now,
        })
        .onConflictDoNothing();
      await audit(as, {
        municipalityId: w.municipalityId,
        action: 'staff_role.grant',
        entity: 'user',
        entityId: userId,
        data: { role: w.grant.role, source: 'oidc', claim: w.claim },
      });
      result.added.push({ municipality: slugOf.get(w.municipalityId)!, role: w.grant.role });
    }
    return result;
  });
}
