import { listAdminMunicipalities } from '#lib/server/api.ts';
import { dataOr, requireAdministrator } from '#lib/server/admin-form.ts';
import type { PageServerLoad } from './$types';

/** The administration's start: every municipality of the installation. */
export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  requireAdministrator(locals, params.lang, url);
  const answer = await listAdminMunicipalities(fetch, url.origin, params.lang);
  return { municipalities: dataOr(answer, params.lang, url).items };
};
