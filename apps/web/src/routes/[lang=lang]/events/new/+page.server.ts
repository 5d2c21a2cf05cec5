import { fail, redirect } from '@sveltejs/kit';
import { AT_ADDRESS, type EventErrors, type EventValues } from '#lib/event-form.ts';
import { createEvent, listCategories, orPageError } from '#lib/server/api.ts';
import {
  createBody,
  eventInput,
  eventProblemErrors,
  initialEventValues,
  prefillFromRequest,
  readEventForm,
  resolveTarget,
  seriesDates,
} from '#lib/server/event-form.ts';
import {
  formZone,
  openRequests,
  organizersOf,
  refillForm,
  roomsOf,
  signInFirst,
  zonesOf,
} from '#lib/server/event-page.ts';
import { clashReport, type ClashReport } from '#lib/server/booking-form.ts';
import { attempt } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Who may organize, their open booking requests and the zones, for the load and each action. */
async function context({
  locals,
  params,
  url,
  fetch,
}: Pick<RequestEvent, 'locals' | 'params' | 'url' | 'fetch'>) {
  if (!locals.session) signInFirst(params.lang, url);
  const now = new Date();
  const [organizers, requests, zones] = await orPageError(
    Promise.all([
      organizersOf(locals.session!, fetch, url.origin, params.lang),
      openRequests(fetch, url.origin, params.lang, now),
      zonesOf(fetch, url.origin, params.lang),
    ]),
  );
  const rooms = await orPageError(roomsOf(fetch, url.origin, params.lang, organizers));
  return { organizers, requests, zones, rooms, now };
}

export const load: PageServerLoad = async (event) => {
  const { organizers, requests, zones, rooms, now } = await context(event);
  const { url, fetch, params } = event;
  const categories = await orPageError(listCategories(fetch, url.origin, params.lang));
  let values = initialEventValues({
    organizer: organizers.length === 1 ? organizers[0]!.value : '',
  });
  // A link from a booking request (`?booking={id}`) starts from its times.
  const asked = requests.find((r) => r.id === url.searchParams.get('booking'));
  if (asked) values = prefillFromRequest(values, asked, now) ?? values;
  const zone = formZone(values, { organizers, requests, zones, rooms });
  return {
    organizers,
    requests,
    rooms,
    categories: categories.items,
    values,
    zone,
    seriesDates: seriesDates(values, zone),
  };
};

const refused = (
  status: number,
  values: EventValues,
  errors: EventErrors,
  zone: string,
  clash: ClashReport | null = null,
) =>
  fail(status, { values, errors, seriesDates: seriesDates(values, zone), refilled: false, clash });

export const actions: Actions = {
  save: async (event) => {
    const { organizers, requests, zones, rooms } = await context(event);
    const { request, fetch, url, params } = event;
    const form = await request.formData();
    const values = readEventForm(form);
    const zone = formZone(values, { organizers, requests, zones, rooms });
    const resolved = resolveTarget(values, { organizers, requests, zones, rooms });
    // Every error at once: the rest of the form is checked even when the place is not known.
    const target = resolved.ok
      ? resolved.target
      : {
          zone,
          venueId: values.booking === AT_ADDRESS ? null : 'unknown',
          associationId: null,
          municipalityId: '',
        };
    const input = eventInput(values, target);
    if (!resolved.ok || !input.ok)
      return refused(
        400,
        values,
        { ...(input.ok ? {} : input.errors), ...(resolved.ok ? {} : resolved.errors) },
        zone,
      );
    const body = createBody(input.json, resolved.target);
    let answer = await attempt(createEvent(fetch, url.origin, body));
    // "Only the free dates" of a clash: the taken ones are left out of the event's series.
    if (!answer.ok && answer.problem.code === 'clash' && form.get('onlyFree') === '1') {
      const taken = clashReport(answer.problem).clashes.map((c) => c.date);
      values.except = [...new Set([...(values.except ?? '').split(','), ...taken])]
        .filter(Boolean)
        .join(',');
      body.exceptDates = values.except.split(',');
      answer = await attempt(createEvent(fetch, url.origin, body));
    }
    if (!answer.ok && answer.status === 409 && answer.problem.code === 'clash')
      return refused(409, values, { form: [{ code: 'clash' }] }, zone, clashReport(answer.problem));
    if (!answer.ok)
      return refused(
        answer.status,
        values,
        eventProblemErrors(answer.problem, values, resolved.target.venueId),
        zone,
      );
    redirect(303, `/${params.lang}/events/${answer.data!.id}/manage?created=1`);
  },
  refill: async (event) => {
    const { organizers, requests, zones, rooms, now } = await context(event);
    const form = await event.request.formData();
    const values = readEventForm(form);
    const zone = formZone(values, { organizers, requests, zones, rooms });
    return refillForm(values, String(form.get('fill') ?? ''), {
      language: String(form.get('newLanguage') ?? ''),
      slot: String(form.get('slot') ?? ''),
      organizers,
      requests,
      zone,
      now,
    });
  },
};
