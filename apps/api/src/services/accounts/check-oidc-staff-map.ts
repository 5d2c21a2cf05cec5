import { municipalities } from '@motesplats/db';
import { inArray } from 'drizzle-orm';
import type { OidcConfig } from '../../config';
import type { ServiceCtx } from '../context';

/** The municipality slugs OIDC_STAFF_MAP names that this installation does not have (they give nothing). */
export async function unknownStaffMapMunicipalities({
  ctx,
  input,
}: {
  ctx: Pick<ServiceCtx, 'db'>;
  input: Pick<OidcConfig, 'staffMap'>;
}): Promise<string[]> {
  const slugs = [
    ...new Set([...input.staffMap.values()].flatMap((grants) => grants.map((g) => g.municipality))),
  ];
  if (slugs.length === 0) return [];
  const known = await ctx.db
    .select({ slug: municipalities.slug })
    .from(municipalities)
    .where(inArray(municipalities.slug, slugs));
  const have = new Set(known.map((m) => m.slug));
  return slugs.filter((s) => !have.has(s)).sort();
}
