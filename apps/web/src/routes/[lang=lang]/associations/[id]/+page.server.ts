import { DateTime } from 'luxon';
import { getAssociation, listOccurrences, orPageError } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/** The installation's zone for "today" (all seed municipalities are in Finland). */
const HOME_ZONE = 'Europe/Helsinki';

export const load: PageServerLoad = async ({ fetch, url, params, locals }) => {
  const lang = params.lang;
  const association = await orPageError(getAssociation(fetch, url.origin, params.id, lang));
  const today = DateTime.now().setZone(HOME_ZONE).toISODate() ?? undefined;
  // The page is still useful without its events: show none rather than fail.
  const upcoming = await listOccurrences(fetch, url.origin, {
    lang,
    association: association.id,
    from: today,
    limit: 10,
  }).catch(() => null);
  const admin = !!locals.session?.roles.associations.some(
    (a) => a.association.id === association.id && a.role === 'admin',
  );
  return {
    association,
    upcoming: upcoming?.items ?? [],
    admin,
    feed: { path: `/feeds/associations/${association.id}.ics`, origin: url.origin },
  };
};
