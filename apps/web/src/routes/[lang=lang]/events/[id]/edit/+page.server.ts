import { fail, redirect } from '@sveltejs/kit';
import { CURRENT_VENUE, type EventErrors, type EventValues } from '#lib/event-form.ts';
import {
  getManagedEvent,
  listCategories,
  listMunicipalities,
  orPageError,
  removeEventImage,
  setEventImage,
  updateEvent,
  type ManagedEventView,
} from '#lib/server/api.ts';
import {
  eventInput,
  eventProblemErrors,
  eventValuesOf,
  patchBody,
  readEventForm,
  resolveTarget,
  seriesDates,
  type Organizer,
} from '#lib/server/event-form.ts';
import { openRequests, refillForm, signInFirst, textOf } from '#lib/server/event-page.ts';
import { attempt } from '#lib/server/forms.ts';
import { removeImage, uploadImage } from '#lib/server/image-form.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The organizer of the event as the form's one choice. */
const organizerOf = (event: ManagedEventView): Organizer => ({
  value: event.association?.id ?? `municipality:${event.municipalityId}`,
  associationId: event.association?.id ?? null,
  municipalityId: event.municipalityId,
});

/** The event, its organizer and the organizer's open booking requests. */
async function context({
  locals,
  params,
  url,
  fetch,
}: Pick<RequestEvent, 'locals' | 'params' | 'url' | 'fetch'>) {
  if (!locals.session) signInFirst(params.lang, url);
  const now = new Date();
  const [event, all] = await orPageError(
    Promise.all([
      getManagedEvent(fetch, url.origin, params.id),
      openRequests(fetch, url.origin, params.lang, now),
    ]),
  );
  // A cancelled event no longer changes: its page says so.
  if (event.status === 'cancelled') redirect(303, `/${params.lang}/events/${event.id}/manage`);
  const organizer = organizerOf(event);
  const requests = all.filter((r) => (r.association?.id ?? null) === organizer.associationId);
  const current = {
    associationId: organizer.associationId,
    municipalityId: organizer.municipalityId,
    venueId: event.venue?.id ?? null,
    zone: event.timeZone,
  };
  return { event, organizer, requests, current, now };
}

export const load: PageServerLoad = async (request) => {
  const { event, organizer, requests } = await context(request);
  const { url, fetch, params } = request;
  const [categories, municipalities] = await orPageError(
    Promise.all([
      listCategories(fetch, url.origin, params.lang),
      listMunicipalities(fetch, url.origin, params.lang),
    ]),
  );
  const values = eventValuesOf(event, requests);
  const municipality = municipalities.items.find((mu) => mu.id === event.municipalityId);
  const name = event.association
    ? textOf(event.association.name, params.lang)
    : (municipality?.name ?? textOf({}, params.lang));
  return {
    event: { id: event.id, title: textOf(event.title, params.lang), status: event.status },
    organizers: [{ ...organizer, name }],
    requests,
    categories: categories.items,
    currentVenue:
      event.venue && values.booking?.startsWith(CURRENT_VENUE)
        ? { id: event.venue.id, name: textOf(event.venue.name, params.lang) }
        : null,
    values,
    zone: event.timeZone,
    seriesDates: seriesDates(values, event.timeZone, event.rrule),
    image: event.image
      ? {
          url: event.image.url,
          alt: Object.keys(event.image.alt).length ? textOf(event.image.alt, params.lang) : null,
          texts: event.image.alt,
          width: event.image.width,
          height: event.image.height,
        }
      : null,
  };
};

const refused = (
  status: number,
  values: EventValues,
  errors: EventErrors,
  event: ManagedEventView,
) =>
  fail(status, {
    values,
    errors,
    seriesDates: seriesDates(values, event.timeZone, event.rrule),
    refilled: false,
  });

export const actions: Actions = {
  save: async (request) => {
    const { event, organizer, requests, current } = await context(request);
    const { fetch, url, params } = request;
    const values = readEventForm(await request.request.formData());
    values.organizer = organizer.value;
    const zones = { [event.municipalityId]: event.timeZone };
    const resolved = resolveTarget(values, { organizers: [organizer], requests, zones, current });
    const input = eventInput(values, resolved.ok ? resolved.target : { ...current, venueId: null });
    if (!resolved.ok || !input.ok)
      return refused(
        400,
        values,
        { ...(input.ok ? {} : input.errors), ...(resolved.ok ? {} : resolved.errors) },
        event,
      );
    const answer = await attempt(
      updateEvent(fetch, url.origin, event.id, patchBody(input.json, event)),
    );
    if (!answer.ok)
      return refused(
        answer.status,
        values,
        eventProblemErrors(answer.problem, values, resolved.target.venueId),
        event,
      );
    redirect(303, `/${params.lang}/events/${event.id}/manage?saved=1`);
  },
  image: async ({ request, fetch, url, params }) =>
    uploadImage(await request.formData(), 'image', (body) =>
      setEventImage(fetch, url.origin, params.id, body),
    ),
  removeImage: async ({ fetch, url, params }) =>
    removeImage('removeImage', () => removeEventImage(fetch, url.origin, params.id)),
  refill: async (request) => {
    const { event, organizer, requests, now } = await context(request);
    const form = await request.request.formData();
    const values = readEventForm(form);
    values.organizer = organizer.value;
    return refillForm(values, String(form.get('fill') ?? ''), {
      language: String(form.get('newLanguage') ?? ''),
      organizers: [organizer],
      requests,
      zone: event.timeZone,
      storedRule: event.rrule,
      now,
    });
  },
};
