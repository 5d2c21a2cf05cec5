import { staffRoles, users } from '@motesplats/db';
import { DomainFailure, invalid, normalizeEmail, staffRoleGrantInput } from '@motesplats/domain';
import { and, eq, sql } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { conflict, findMunicipality, requireAdministrator } from './access';
import { adminMunicipalityView } from './get-municipality';

export const GrantStaffRoleInput = staffRoleGrantInput;

/**
 * An administrator makes someone staff (or the staff administrator) of a municipality, by
 * the e-mail address of their account. The grant and its audit row are one transaction
 * (DESIGN.md invariant 3). A role the identity provider gave (source `oidc`) becomes a
 * manual one, which later sign-ins no longer take away; a manual role held already is a 409.
 */
export async function grantStaffRole({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string; body: unknown };
}) {
  requireAdministrator(ctx);
  const { email, role } = GrantStaffRoleInput.parse(input.body);
  return inTransaction(ctx, async (tx) => {
    const municipality = await findMunicipality(tx, input.id, true);
    // The user's row is the lock every change of their roles takes (the OIDC sync too).
    const [user] = await tx.db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${normalizeEmail(email)}`)
      .for('update');
    if (!user)
      throw new DomainFailure(
        invalid('email', 'no account has this address; ask them to sign up first', 'unknown_user'),
      );
    const where = and(
      eq(staffRoles.userId, user.id),
      eq(staffRoles.municipalityId, municipality.id),
      eq(staffRoles.role, role),
    );
    const [held] = await tx.db.select().from(staffRoles).where(where);
    if (held?.source === 'manual') throw conflict('already_granted', 'the role is held already');
    if (held) {
      await tx.db.update(staffRoles).set({ source: 'manual', grantedAt: tx.now }).where(where);
    } else {
      await tx.db.insert(staffRoles).values({
        userId: user.id,
        municipalityId: municipality.id,
        role,
        source: 'manual',
        grantedAt: tx.now,
      });
    }
    await audit(tx, {
      municipalityId: municipality.id,
      action: 'staff_role.grant',
      entity: 'user',
      entityId: user.id,
      data: { role, source: 'manual', ...(held ? { previousSource: held.source } : {}) },
    });
    return adminMunicipalityView(tx, municipality.id, input.lang);
  });
}
