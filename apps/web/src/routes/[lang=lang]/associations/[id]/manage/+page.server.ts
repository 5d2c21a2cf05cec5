import { error, fail, redirect } from '@sveltejs/kit';
import { isLocale } from '#lib/locale.ts';
import { m } from '#lib/paraglide/messages.js';
import {
  getAssociationDetails,
  inviteMember,
  listMembers,
  orPageError,
  removeAssociationLogo,
  removeMember,
  setAssociationLogo,
  updateAssociation,
} from '#lib/server/api.ts';
import { profileErrors, profileValues, readProfile } from '#lib/server/association-form.ts';
import { attempt, fieldsOf, refused, type FormErrors } from '#lib/server/forms.ts';
import { removeImage, uploadImage } from '#lib/server/image-form.ts';
import { privateLinkActions, privateLinkOf } from '#lib/server/private-feed.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, fetch }) => {
  if (!locals.session)
    redirect(303, `/${params.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
  // Only the association's administrators manage it; to anyone else it does not exist here.
  const admin = locals.session.roles.associations.some(
    (a) => a.association.id === params.id && a.role === 'admin',
  );
  if (!admin) error(404, m.error_text_404());
  const [association, members] = await orPageError(
    Promise.all([
      getAssociationDetails(fetch, url.origin, params.id, params.lang),
      listMembers(fetch, url.origin, params.id),
    ]),
  );
  const privateLink = await privateLinkOf(fetch, url.origin, {
    kind: 'association',
    id: params.id,
  });
  return {
    association,
    members,
    privateLink,
    origin: url.origin,
    profile: profileValues(association),
    userId: locals.session.user.id,
  };
};

export const actions: Actions = {
  ...privateLinkActions((params) => ({ kind: 'association', id: params.id! })),
  save: async ({ request, fetch, url, params }) => {
    const { input, values } = readProfile(await request.formData());
    const answer = await attempt(updateAssociation(fetch, url.origin, params.id, input));
    if (!answer.ok)
      return fail(answer.status, {
        action: 'save',
        values,
        errors: profileErrors(answer.problem),
      });
    return { action: 'save', saved: true, values };
  },
  addLanguage: async ({ request }) => {
    const { values } = readProfile(await request.formData(), true);
    return { action: 'save', values, errors: {} as FormErrors };
  },
  invite: async ({ request, fetch, url, params }) => {
    const values = fieldsOf(await request.formData(), ['email', 'role', 'locale'] as const);
    const role = values.role === 'admin' ? 'admin' : 'member';
    const locale = isLocale(values.locale) ? values.locale : params.lang;
    const answer = await attempt(
      inviteMember(fetch, url.origin, params.id, { email: values.email, role, locale }),
    );
    if (!answer.ok) {
      const refusal = refused(answer.status, answer.problem, { ...values, action: 'invite' });
      // "Already a member" belongs beside the address.
      if (refusal.data.errors.form?.code === 'already_member') {
        refusal.data.errors.email = refusal.data.errors.form;
        delete refusal.data.errors.form;
      }
      return refusal;
    }
    return { action: 'invite', invited: answer.data!.email };
  },
  remove: async ({ request, fetch, url, params }) => {
    const values = fieldsOf(await request.formData(), ['userId'] as const);
    const answer = await attempt(removeMember(fetch, url.origin, params.id, values.userId));
    if (!answer.ok) return refused(answer.status, answer.problem, { ...values, action: 'remove' });
    return { action: 'remove', removed: true };
  },
  logo: async ({ request, fetch, url, params }) =>
    uploadImage(await request.formData(), 'logo', (body) =>
      setAssociationLogo(fetch, url.origin, params.id, params.lang, body),
    ),
  removeLogo: async ({ fetch, url, params }) =>
    removeImage('removeLogo', () =>
      removeAssociationLogo(fetch, url.origin, params.id, params.lang),
    ),
};
