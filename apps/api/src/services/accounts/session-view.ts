import { associations, municipalities } from '@motesplats/db';
import type { SignedInActor } from '@motesplats/domain';
import { inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { localizer } from '../shared/localize';

/**
 * The signed-in user and their roles, named in their own language: what GET /api/session
 * and a successful sign-in answer. Only the user's own data.
 */
export async function sessionView(ctx: Pick<ServiceCtx, 'db'>, actor: SignedInActor) {
  const municipalityIds = [
    ...new Set([
      ...actor.staff.map((s) => s.municipalityId),
      ...actor.memberships.map((m) => m.municipalityId),
    ]),
  ];
  const associationIds = actor.memberships.map((m) => m.associationId);
  const [mRows, aRows] = await Promise.all([
    municipalityIds.length
      ? ctx.db.select().from(municipalities).where(inArray(municipalities.id, municipalityIds))
      : Promise.resolve([]),
    associationIds.length
      ? ctx.db.select().from(associations).where(inArray(associations.id, associationIds))
      : Promise.resolve([]),
  ]);
  const municipality = new Map(mRows.map((m) => [m.id, m]));
  const association = new Map(aRows.map((a) => [a.id, a]));
  const municipalityRef = (id: string) => {
    const m = municipality.get(id)!;
    return { id: m.id, slug: m.slug, name: localizer(actor.locale, m.languages).must(m.name) };
  };
  return {
    user: {
      id: actor.userId,
      email: actor.email,
      name: actor.name,
      locale: actor.locale,
      emailVerified: actor.emailVerified,
    },
    roles: {
      administrator: actor.administrator,
      staff: actor.staff.map((s) => ({
        municipality: municipalityRef(s.municipalityId),
        role: s.role,
      })),
      associations: actor.memberships.map((m) => {
        const a = association.get(m.associationId)!;
        const t = localizer(actor.locale, municipality.get(m.municipalityId)?.languages ?? []);
        return {
          association: { id: a.id, name: t.must(a.name), verification: a.verification },
          municipality: municipalityRef(m.municipalityId),
          role: m.role,
        };
      }),
    },
  };
}
