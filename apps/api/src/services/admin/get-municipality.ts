import { staffRoles, users } from '@motesplats/db';
import { asc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { localizer } from '../shared/localize';
import { findMunicipality, requireAdministrator } from './access';

/** A municipality as its administrator edits it: every language of its name, and its staff. */
export async function getMunicipalityForAdmin({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string };
}) {
  requireAdministrator(ctx);
  return adminMunicipalityView(ctx, input.id, input.lang);
}

/** The administrator's view of a municipality, read in the caller's transaction (after a change, too). */
export async function adminMunicipalityView(ctx: ServiceCtx, id: string, lang: string) {
  const m = await findMunicipality(ctx, id);
  const staff = await ctx.db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: staffRoles.role,
      source: staffRoles.source,
      grantedAt: staffRoles.grantedAt,
    })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(eq(staffRoles.municipalityId, m.id))
    .orderBy(asc(users.name), asc(users.id), asc(staffRoles.role));
  return {
    id: m.id,
    slug: m.slug,
    name: localizer(lang, m.languages).must(m.name),
    texts: { name: m.name },
    timeZone: m.timeZone,
    languages: m.languages,
    region: m.region,
    staff: staff.map((s) => ({
      ...s,
      source: s.source === 'oidc' ? ('oidc' as const) : ('manual' as const),
      grantedAt: s.grantedAt.toISOString(),
    })),
  };
}
