import { municipalities } from '@motesplats/db';
import { asc } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { localizer } from '../shared/localize';

export async function listMunicipalities({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { lang: string };
}) {
  const rows = await ctx.db.select().from(municipalities).orderBy(asc(municipalities.slug));
  return {
    items: rows.map((m) => ({
      id: m.id,
      slug: m.slug,
      name: localizer(input.lang, m.languages).must(m.name),
      timeZone: m.timeZone,
      languages: m.languages,
    })),
  };
}
