import { associations, municipalities } from '@motesplats/db';
import { and, arrayContains, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { localizer } from '../shared/localize';
import { pageOf, type PageQuery } from '../shared/paging';
import { containsPattern } from '../shared/search';
import { publicAssociation } from './association-views';

export interface ListAssociationsInput extends PageQuery {
  lang: string;
  municipality?: string | undefined;
  language?: string | undefined;
  q?: string | undefined;
}

/**
 * The public directory: verified associations only, searchable by name or description in
 * any language, filtered by municipality and by a language they work in, by name.
 */
export async function listAssociations({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: ListAssociationsInput;
}) {
  const where: SQL[] = [eq(associations.verification, 'verified')];
  if (input.municipality) where.push(eq(municipalities.slug, input.municipality));
  if (input.language) where.push(arrayContains(associations.languages, [input.language]));
  if (input.q) {
    const pattern = containsPattern(input.q);
    where.push(
      or(
        ilike(sql`${associations.name}::text`, pattern),
        ilike(sql`${associations.description}::text`, pattern),
      )!,
    );
  }
  const condition = and(...where);
  const [rows, totals] = await Promise.all([
    ctx.db
      .select({ association: associations, municipality: municipalities })
      .from(associations)
      .innerJoin(municipalities, eq(municipalities.id, associations.municipalityId))
      .where(condition)
      .orderBy(
        asc(
          sql`coalesce(${associations.name}->>${input.lang}, ${associations.name}->>'sv', ${associations.name}->>'fi', ${associations.name}::text)`,
        ),
        asc(associations.id),
      )
      .limit(input.limit)
      .offset(input.offset),
    ctx.db
      .select({ total: count() })
      .from(associations)
      .innerJoin(municipalities, eq(municipalities.id, associations.municipalityId))
      .where(condition),
  ]);
  const items = rows.map(({ association, municipality }) =>
    publicAssociation(localizer(input.lang, municipality.languages), association, municipality),
  );
  return pageOf(items, input, Number(totals[0]?.total ?? 0));
}
