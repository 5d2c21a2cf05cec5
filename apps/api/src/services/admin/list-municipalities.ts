import { municipalities, staffRoles } from '@motesplats/db';
import { asc, count } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { localizer } from '../shared/localize';
import { requireAdministrator } from './access';

/** Every municipality of the installation, with how many staff roles each has (administrators). */
export async function listMunicipalitiesForAdmin({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { lang: string };
}) {
  requireAdministrator(ctx);
  const [rows, roles] = await Promise.all([
    ctx.db.select().from(municipalities).orderBy(asc(municipalities.slug)),
    ctx.db
      .select({ municipalityId: staffRoles.municipalityId, n: count() })
      .from(staffRoles)
      .groupBy(staffRoles.municipalityId),
  ]);
  return {
    items: rows.map((m) => ({
      id: m.id,
      slug: m.slug,
      name: localizer(input.lang, m.languages).must(m.name),
      texts: { name: m.name },
      timeZone: m.timeZone,
      languages: m.languages,
      region: m.region,
      staffRoles: Number(roles.find((r) => r.municipalityId === m.id)?.n ?? 0),
    })),
  };
}
