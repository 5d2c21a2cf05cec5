import { staffRoles, users } from '@motesplats/db';
import { DomainFailure, notFound, type StaffRole } from '@motesplats/domain';
import { and, count, eq, ne } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { conflict, findMunicipality, requireAdministrator } from './access';
import { adminMunicipalityView } from './get-municipality';

/**
 * An administrator takes a staff role away; it ends at the person's next request (roles are
 * read fresh each time). Revoking one's own last staff administrator role is refused
 * (`last_own_admin_role`): another administrator must do it. The revocation and its audit
 * row are one transaction.
 */
export async function revokeStaffRole({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; userId: string; role: StaffRole; lang: string };
}) {
  const actor = requireAdministrator(ctx);
  return inTransaction(ctx, async (tx) => {
    const municipality = await findMunicipality(tx, input.id, true);
    await tx.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.id, input.userId))
      .for('update');
    const where = and(
      eq(staffRoles.userId, input.userId),
      eq(staffRoles.municipalityId, municipality.id),
      eq(staffRoles.role, input.role),
    );
    const [held] = await tx.db.select().from(staffRoles).where(where);
    if (!held) throw new DomainFailure(notFound('staff_role', `${input.userId}/${input.role}`));
    if (input.userId === actor.userId && input.role === 'admin') {
      const [{ others } = { others: 0 }] = await tx.db
        .select({ others: count() })
        .from(staffRoles)
        .where(
          and(
            eq(staffRoles.userId, actor.userId),
            eq(staffRoles.role, 'admin'),
            ne(staffRoles.municipalityId, municipality.id),
          ),
        );
      if (Number(others) === 0)
        throw conflict('last_own_admin_role', 'you cannot revoke your own last administrator role');
    }
    await tx.db.delete(staffRoles).where(where);
    await audit(tx, {
      municipalityId: municipality.id,
      action: 'staff_role.revoke',
      entity: 'user',
      entityId: input.userId,
      data: { role: input.role, source: held.source },
    });
    return adminMunicipalityView(tx, municipality.id, input.lang);
  });
}
