import { fail, redirect } from '@sveltejs/kit';
import { createBooking, getAssociation, getVenue, orPageError } from '#lib/server/api.ts';
import {
  bookingInput,
  clashReport,
  initialBookingValues,
  problemErrors,
  readBookingForm,
  refill,
  type BookingValues,
} from '#lib/server/booking-form.ts';
import { attempt } from '#lib/server/forms.ts';
import type { BookingErrors } from '#lib/booking.ts';
import type { SessionView } from '#lib/server/api.ts';
import type { VenueDetail } from '#lib/types.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const signInFirst = (lang: string, url: URL) =>
  redirect(303, `/${lang}/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);

/** Who asks: a member for one of their verified associations, or staff for the city's own use. */
function modeOf(session: SessionView, venue: VenueDetail, wantsCityUse: boolean) {
  const staff = session.roles.staff.some((s) => s.municipality.slug === venue.municipality.slug);
  const associations = session.roles.associations
    .filter((a) => a.association.verification === 'verified')
    .map((a) => a.association);
  const unverified = session.roles.associations
    .filter((a) => a.association.verification !== 'verified')
    .map((a) => a.association);
  return { staff, cityUse: staff && wantsCityUse, associations, unverified };
}

export const load: PageServerLoad = async ({ locals, params, url, fetch }) => {
  if (!locals.session) signInFirst(params.lang, url);
  const venue = await orPageError(getVenue(fetch, url.origin, params.id, params.lang));
  const mode = modeOf(locals.session!, venue, url.searchParams.get('use') === 'city');
  // The session names associations in the visitor's own language; the page's is asked for.
  mode.associations = await Promise.all(
    mode.associations.map(async (a) => {
      const profile = await getAssociation(fetch, url.origin, a.id, params.lang).catch(() => null);
      return profile ? { ...a, name: profile.name } : a;
    }),
  );
  const root = venue.spaces.find((s) => s.parentId === null);
  const values = initialBookingValues(url.searchParams, {
    use: mode.cityUse ? 'city' : '',
    space: root?.id ?? '',
    association: mode.associations.length === 1 ? mode.associations[0]!.id : '',
  });
  if (!venue.spaces.some((s) => s.id === values.space)) values.space = root?.id ?? '';
  return { venue, ...mode, values };
};

/** The venue and who asks, again for an action (the form carries `use=city`, checked here). */
async function context(event: RequestEvent) {
  const { locals, params, url, fetch, request } = event;
  if (!locals.session) signInFirst(params.lang, url);
  const venue = await orPageError(getVenue(fetch, url.origin, params.id, params.lang));
  const form = await request.formData();
  const values = readBookingForm(form);
  const mode = modeOf(locals.session!, venue, values.use === 'city');
  if (!mode.cityUse) values.use = '';
  return { venue, mode, values, form };
}

const refused = (
  status: number,
  values: BookingValues,
  errors: BookingErrors,
  extra: Record<string, unknown> = {},
) => fail(status, { values, errors, ...extra });

export const actions: Actions = {
  request: async (event) => {
    const { venue, mode, values, form } = await context(event);
    const { fetch, url, params } = event;
    const onlyFree = form.get('onlyFree') === '1';
    const input = bookingInput(
      values,
      { venueId: venue.id, zone: venue.timeZone, cityUse: mode.cityUse },
      onlyFree,
    );
    if (!input.ok) return refused(400, values, input.errors);
    const answer = await attempt(createBooking(fetch, url.origin, params.lang, input.json));
    if (!answer.ok) {
      if (answer.status === 409 && answer.problem.code === 'clash')
        return refused(
          409,
          values,
          { form: [{ code: 'clash' }] },
          { clash: clashReport(answer.problem) },
        );
      return refused(answer.status, values, problemErrors(answer.problem, values));
    }
    redirect(303, `/${params.lang}/bookings/${answer.data!.id}?created=1`);
  },
  /**
   * The same form again with nothing sent: with a suggested free slot in place of the asked
   * one (`slot`), or just to list a series' dates to skip. What was typed stays.
   */
  refill: async (event) => {
    const { venue, values, form } = await context(event);
    const slot = form.get('slot');
    if (typeof slot === 'string' && slot) {
      const next = refill(values, slot, venue.timeZone);
      if (next) return { values: next, errors: {} as BookingErrors, refilled: true };
    }
    return { values, errors: {} as BookingErrors, refilled: false };
  },
};
