import type { categories, events } from '@motesplats/db';
import type { Localizer } from './localize';

/** The public parts of an event shared by the occurrence list and the event page. */
export const categoryRef = (t: Localizer, c: typeof categories.$inferSelect) => ({
  slug: c.slug,
  name: t.must(c.name),
  pictogram: c.pictogram,
});

export const priceOf = (
  t: Localizer,
  e: Pick<typeof events.$inferSelect, 'priceCents' | 'priceText'>,
) => ({
  free: e.priceCents === null,
  text: t(e.priceText),
});
