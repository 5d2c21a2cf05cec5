import { categories, events } from '@motesplats/db';
import { asc, count, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { localizer } from '../shared/localize';
import { requireAdministrator } from './access';

type Category = typeof categories.$inferSelect;

/** A category as its administrator edits it: every language of its name, and how many events use it. */
export const adminCategory = (lang: string, c: Category, usedBy: number) => ({
  slug: c.slug,
  name: localizer(lang, ['sv', 'fi']).must(c.name),
  texts: { name: c.name },
  pictogram: c.pictogram,
  position: c.position,
  events: usedBy,
});

/** The installation's event categories in their order, each with its number of events. */
export async function listCategoriesForAdmin({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { lang: string };
}) {
  requireAdministrator(ctx);
  const [rows, usage] = await Promise.all([
    ctx.db.select().from(categories).orderBy(asc(categories.position), asc(categories.slug)),
    ctx.db
      .select({ slug: events.categorySlug, n: count() })
      .from(events)
      .groupBy(events.categorySlug),
  ]);
  const used = new Map(usage.map((u) => [u.slug, Number(u.n)]));
  return { items: rows.map((c) => adminCategory(input.lang, c, used.get(c.slug) ?? 0)) };
}

/** How many events (of every municipality) are in a category. */
export async function eventsInCategory(ctx: ServiceCtx, slug: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(events)
    .where(eq(events.categorySlug, slug));
  return Number(row?.n ?? 0);
}
