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
  signInFirst,
  zonesOf,
} from '#lib/server/event-page.ts';
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
  return { organizers, requests, zones, now };
}

export const load: PageServerLoad = async (event) => {
  const { organizers, requests, zones, now } = await context(event);
  const { url, fetch, params } = event;
  const categories = await orPageError(listCategories(fetch, url.origin, params.lang));
  let values = initialEventValues({
    organizer: organizers.length === 1 ? organizers[0]!.value : '',
  });
  // A link from a booking request (`?booking={id}`) starts from its times.
  const asked = requests.find((r) => r.id === url.searchParams.get('booking'));
  if (asked) values = prefillFromRequest(values, asked, now) ?? values;
  const zone = formZone(values, { organizers, requests, zones });
  return {
    organizers,
    requests,
    categories: categories.items,
    values,
    zone,
    seriesDates: seriesDates(values, zone),
  };
};

const refused = (status: number, values: EventValues, errors: EventErrors, zone: string) =>
  fail(status, { values, errors, seriesDates: seriesDates(values, zone), refilled: false });

export const actions: Actions = {
  save: async (event) => {
    const { organizers, requests, zones } = await context(event);
    const { request, fetch, url, params } = event;
    const values = readEventForm(await request.formData());
    const zone = formZone(values, { organizers, requests, zones });
    const resolved = resolveTarget(values, { organizers, requests, zones });
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
    const answer = await attempt(
      createEvent(fetch, url.origin, createBody(input.json, resolved.target)),
    );
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
    const { organizers, requests, zones, now } = await context(event);
    const form = await event.request.formData();
    const values = readEventForm(form);
    const zone = formZone(values, { organizers, requests, zones });
    return refillForm(values, String(form.get('fill') ?? ''), {
      organizers,
      requests,
      zone,
      now,
    });
  },
};
