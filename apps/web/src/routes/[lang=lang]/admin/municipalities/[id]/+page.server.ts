import { fail } from '@sveltejs/kit';
import {
  getAdminMunicipality,
  grantStaffRole,
  revokeStaffRole,
  updateMunicipality,
  type StaffRoleKind,
} from '#lib/server/api.ts';
import {
  MUNICIPALITY_NAME_LANGUAGES,
  adminErrorsOf,
  dataOr,
  municipalityValues,
  nameLanguages,
  readMunicipality,
  requireAdministrator,
} from '#lib/server/admin-form.ts';
import { attempt, fieldsOf } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

/** A municipality's details and its staff, as the administrator edits them. */
export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  requireAdministrator(locals, params.lang, url);
  const answer = await getAdminMunicipality(fetch, url.origin, params.id, params.lang).catch(
    () => ({ ok: false as const, status: 404 }),
  );
  const municipality = dataOr(answer, params.lang, url);
  return {
    municipality,
    stored: municipalityValues(municipality),
    nameLanguages: nameLanguages(MUNICIPALITY_NAME_LANGUAGES, municipality.texts.name),
  };
};

const role = (value: string | undefined): StaffRoleKind => (value === 'admin' ? 'admin' : 'staff');

export const actions: Actions = {
  save: async ({ request, fetch, url, params }) => {
    const { values, input } = readMunicipality(await request.formData());
    const { slug: _slug, ...patch } = input;
    const answer = await attempt(
      updateMunicipality(fetch, url.origin, params.id, params.lang, patch),
    );
    if (!answer.ok)
      return fail(answer.status, {
        action: 'save',
        values,
        errors: adminErrorsOf(answer.problem),
      });
    return { action: 'save', saved: true };
  },
  grant: async ({ request, fetch, url, params }) => {
    const values = fieldsOf(await request.formData(), ['email', 'role'] as const);
    const answer = await attempt(
      grantStaffRole(fetch, url.origin, params.id, params.lang, {
        email: values.email.trim(),
        role: role(values.role),
      }),
    );
    if (!answer.ok)
      return fail(answer.status, {
        action: 'grant',
        values,
        errors: adminErrorsOf(answer.problem),
      });
    return { action: 'grant', granted: { email: values.email.trim(), role: role(values.role) } };
  },
  revoke: async ({ request, fetch, url, params }) => {
    const values = fieldsOf(await request.formData(), ['userId', 'role', 'name'] as const);
    const answer = await attempt(
      revokeStaffRole(fetch, url.origin, params.id, params.lang, values.userId, role(values.role)),
    );
    if (!answer.ok)
      return fail(answer.status, {
        action: 'revoke',
        values,
        errors: adminErrorsOf(answer.problem),
      });
    return { action: 'revoke', revoked: { name: values.name, role: role(values.role) } };
  },
};
