import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { listAudit, orPageError } from '#lib/server/api.ts';
import { PAGE_SIZE, pageParam, slugParam } from '#lib/server/query.ts';
import type { PageServerLoad } from './$types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ENTITIES = ['association', 'user', 'booking', 'venue', 'event'] as const;

/** The audit log of a municipality where the visitor is staff; filters live in the URL. */
export const load: PageServerLoad = async ({ fetch, url, params, locals }) => {
  const session = locals.session;
  if (!session)
    redirect(303, `/${params.lang}/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
  const search = url.searchParams;
  const municipality =
    slugParam(search, 'municipality') || session.roles.staff[0]?.municipality.slug;
  if (!municipality) error(403, m.error_forbidden());
  const date = (name: string) => {
    const v = search.get(name)?.trim() ?? '';
    return DATE.test(v) ? v : '';
  };
  const entity = search.get('entity') ?? '';
  const selected = {
    municipality,
    from: date('from'),
    to: date('to'),
    actor: (search.get('actor') ?? '').trim().slice(0, 254),
    entity: (ENTITIES as readonly string[]).includes(entity) ? entity : '',
  };
  const page = pageParam(search);
  const log = await orPageError(
    listAudit(fetch, url.origin, {
      ...selected,
      from: selected.from || undefined,
      to: selected.to || undefined,
      actor: selected.actor || undefined,
      entity: selected.entity || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
  );
  const name = session.roles.staff.find((s) => s.municipality.slug === municipality)?.municipality
    .name ?? { text: municipality, lang: params.lang, fallback: false };
  const municipalities = session.roles.staff.map((s) => s.municipality);
  return { selected, log, municipalityName: name, entities: ENTITIES, municipalities };
};
