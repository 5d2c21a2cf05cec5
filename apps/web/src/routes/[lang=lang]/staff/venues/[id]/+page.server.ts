import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import {
  addVenueSpace,
  addVenuePhoto,
  getStaffVenue,
  removeVenuePhoto,
  removeVenueSpace,
  setVenueBookable,
  updateStaffVenue,
  updateVenuePhoto,
  type StaffVenuePatch,
} from '#lib/server/api.ts';
import { attempt, fieldsOf, type FormErrors } from '#lib/server/forms.ts';
import { privateLinkActions, privateLinkOf } from '#lib/server/private-feed.ts';
import { patchOf, venueErrorsOf, valuesOf } from '#lib/venue-form.ts';
import { FORM_LANGUAGES } from '#lib/locale.ts';
import type { Locale } from '#lib/locale.ts';
import type { Actions, PageServerLoad } from './$types';

const signInFirst = (lang: string, path: string) =>
  redirect(303, `/${lang}/sign-in?next=${encodeURIComponent(path)}`);

/** The venue as staff edit it; a venue of another municipality is a 404 like a missing one. */
async function venueOrError(fetch: typeof globalThis.fetch, url: URL, id: string, lang: Locale) {
  const answer = await getStaffVenue(fetch, url.origin, id, lang).catch(() => null);
  if (!answer) error(404, m.error_text_404());
  if (!answer.ok) {
    if (answer.status === 401) signInFirst(lang, url.pathname);
    if (answer.status === 403) error(403, m.error_forbidden());
    error(404, m.error_text_404());
  }
  return answer.data!;
}

export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  if (!locals.session) signInFirst(params.lang, url.pathname);
  const venue = await venueOrError(fetch, url, params.id, params.lang);
  const privateLink = await privateLinkOf(fetch, url.origin, { kind: 'venue', id: params.id });
  return { venue, stored: valuesOf(venue), privateLink, origin: url.origin };
};

export const actions: Actions = {
  ...privateLinkActions((params) => ({ kind: 'venue', id: params.id! })),
  save: async ({ request, fetch, url, params }) => {
    const stored = await venueOrError(fetch, url, params.id, params.lang);
    const { body, values, spanField } = patchOf(await request.formData(), stored);
    const answer = await attempt(
      updateStaffVenue(fetch, url.origin, params.id, params.lang, body as StaffVenuePatch),
    );
    if (!answer.ok)
      return fail(answer.status, {
        action: 'save',
        values,
        errors: venueErrorsOf(answer.problem, spanField),
      });
    return { action: 'save', saved: true };
  },
  bookable: async ({ request, fetch, url, params }) => {
    const { bookable } = fieldsOf(await request.formData(), ['bookable'] as const);
    const answer = await attempt(
      setVenueBookable(fetch, url.origin, params.id, params.lang, bookable === 'true'),
    );
    if (!answer.ok)
      return fail(answer.status, { action: 'bookable', errors: venueErrorsOf(answer.problem) });
    return { action: 'bookable', bookable: bookable === 'true' };
  },
  photo: async ({ request, fetch, url, params }) => {
    const form = await request.formData();
    const file = form.get('file');
    const alt: Record<string, string> = {};
    const values: Record<string, string> = {};
    for (const lang of FORM_LANGUAGES) {
      const text = form.get(`alt.${lang}`);
      const typed = typeof text === 'string' ? text : '';
      values[`alt.${lang}`] = typed;
      if (typed.trim()) alt[lang] = typed;
    }
    if (!(file instanceof File) || file.size === 0)
      return fail(400, {
        action: 'photo',
        values,
        errors: { file: { code: 'empty_file' } } as FormErrors,
      });
    const answer = await attempt(
      addVenuePhoto(fetch, url.origin, params.id, params.lang, { file, alt: JSON.stringify(alt) }),
    );
    if (!answer.ok) {
      const errors = venueErrorsOf(answer.problem);
      // Alt texts are refused as `alt` or `alt.sv`: show them beside the alt fields.
      return fail(answer.status, { action: 'photo', values, errors });
    }
    return { action: 'photo', uploaded: true };
  },
  addSpace: async ({ request, fetch, url, params }) => {
    const form = await request.formData();
    const values = fieldsOf(form, ['spaceCapacity', ...FORM_LANGUAGES.map((l) => `space.${l}`)]);
    const name: Record<string, string> = {};
    for (const l of FORM_LANGUAGES)
      if (values[`space.${l}`]?.trim()) name[l] = values[`space.${l}`]!;
    const typed = values.spaceCapacity?.trim() ?? '';
    const capacity = typed === '' ? null : /^\d+$/.test(typed) ? Number(typed) : typed;
    const answer = await attempt(
      addVenueSpace(fetch, url.origin, params.id, params.lang, {
        name,
        capacity: capacity as number | null,
      }),
    );
    if (!answer.ok)
      return fail(answer.status, {
        action: 'addSpace',
        values,
        errors: venueErrorsOf(answer.problem),
      });
    return { action: 'addSpace', added: true };
  },
  removeSpace: async ({ request, fetch, url, params }) => {
    const { spaceId } = fieldsOf(await request.formData(), ['spaceId'] as const);
    const answer = await attempt(
      removeVenueSpace(fetch, url.origin, params.id, spaceId, params.lang),
    );
    if (!answer.ok)
      return fail(answer.status, { action: 'removeSpace', errors: venueErrorsOf(answer.problem) });
    return { action: 'removeSpace', removed: true };
  },
  photoAlt: async ({ request, fetch, url, params }) => {
    const form = await request.formData();
    const values = fieldsOf(form, ['photoId', ...FORM_LANGUAGES.map((l) => `alt.${l}`)]);
    const alt: Record<string, string> = {};
    for (const l of FORM_LANGUAGES) if (values[`alt.${l}`]?.trim()) alt[l] = values[`alt.${l}`]!;
    const answer = await attempt(
      updateVenuePhoto(fetch, url.origin, params.id, values.photoId ?? '', params.lang, { alt }),
    );
    if (!answer.ok)
      return fail(answer.status, {
        action: 'photoAlt',
        values,
        errors: venueErrorsOf(answer.problem),
      });
    return { action: 'photoAlt', saved: true };
  },
  movePhoto: async ({ request, fetch, url, params }) => {
    const values = fieldsOf(await request.formData(), ['photoId', 'position'] as const);
    const position = /^\d+$/.test(values.position) ? Number(values.position) : values.position;
    const answer = await attempt(
      updateVenuePhoto(fetch, url.origin, params.id, values.photoId, params.lang, {
        position: position as number,
      }),
    );
    if (!answer.ok)
      return fail(answer.status, {
        action: 'movePhoto',
        values: { photoId: values.photoId },
        errors: venueErrorsOf(answer.problem),
      });
    return { action: 'movePhoto', moved: true };
  },
  removePhoto: async ({ request, fetch, url, params }) => {
    const { photoId } = fieldsOf(await request.formData(), ['photoId'] as const);
    const answer = await attempt(
      removeVenuePhoto(fetch, url.origin, params.id, photoId, params.lang),
    );
    if (!answer.ok)
      return fail(answer.status, { action: 'removePhoto', errors: venueErrorsOf(answer.problem) });
    return { action: 'removePhoto', removed: true };
  },
};
