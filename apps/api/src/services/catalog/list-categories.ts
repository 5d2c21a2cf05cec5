import { categories } from '@motesplats/db';
import { asc } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { categoryRef } from '../shared/event-view';
import { localizer } from '../shared/localize';

/** Categories are shared by the installation; their names fall back to Swedish and Finnish. */
export async function listCategories({ ctx, input }: { ctx: ServiceCtx; input: { lang: string } }) {
  const rows = await ctx.db
    .select()
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.slug));
  const t = localizer(input.lang, ['sv', 'fi']);
  return {
    items: rows.map((c) => categoryRef(t, c)),
  };
}
