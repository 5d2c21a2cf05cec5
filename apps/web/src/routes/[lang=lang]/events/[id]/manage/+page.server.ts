import { fail } from '@sveltejs/kit';
import { DateTime } from 'luxon';
import { EVENT_LIMITS } from '@motesplats/domain';
import {
  cancelEvent,
  cancelOccurrence,
  getManagedEvent,
  moveOccurrence,
  orPageError,
  publishEvent,
  recordAttendance,
  unpublishEvent,
  type Problem,
} from '#lib/server/api.ts';
import { manageErrors, moveInput, participantsInput } from '#lib/server/event-manage.ts';
import { signInFirst, textOf } from '#lib/server/event-page.ts';
import { attempt, fieldsOf, type FormErrors } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, fetch }) => {
  if (!locals.session) signInFirst(params.lang, url);
  const event = await orPageError(getManagedEvent(fetch, url.origin, params.id));
  const now = Date.now();
  const zone = event.timeZone;
  const local = (instant: string) => DateTime.fromISO(instant, { zone });
  return {
    event: {
      id: event.id,
      status: event.status,
      statusReason: event.statusReason,
      timeZone: zone,
      title: textOf(event.title, params.lang),
      organizer: event.association ? textOf(event.association.name, params.lang) : null,
      venue: event.venue
        ? { id: event.venue.id, name: textOf(event.venue.name, params.lang) }
        : null,
      locationText: event.locationText,
    },
    occurrences: event.occurrences.map((o) => ({
      ...o,
      date: local(o.startsAt).toISODate() as string,
      startTime: local(o.startsAt).toFormat('HH:mm'),
      endTime: local(o.endsAt).toFormat('HH:mm'),
      moved: new Date(o.startsAt).getTime() !== new Date(o.originalStartsAt).getTime(),
      begun: new Date(o.startsAt).getTime() <= now,
      over: new Date(o.endsAt).getTime() <= now,
    })),
    asStaff: locals.session!.roles.staff.some((s) => s.municipality.id === event.municipalityId),
    created: url.searchParams.get('created') === '1',
    saved: url.searchParams.get('saved') === '1',
  };
};

type Action = 'publish' | 'cancel' | 'unpublish' | 'cancelDate' | 'move' | 'attendance';

/** A refused action: which form and which date it was, what was typed, errors by field. */
const refused = (
  status: number,
  action: Action,
  values: Record<string, string>,
  errors: FormErrors,
) => fail(status, { action, occurrence: values.occurrence ?? null, values, errors });

/** The action's answer: done (the page shows its notice), or refused by field. */
async function outcome(
  action: Action,
  values: Record<string, string>,
  call: Promise<{ ok: true } | { ok: false; status: number; problem: Problem }>,
  venueId: string | null = null,
) {
  const answer = await attempt(call);
  if (!answer.ok)
    return refused(answer.status, action, values, manageErrors(answer.problem, venueId));
  return { done: action, occurrence: values.occurrence ?? null };
}

async function formOf<K extends string>(event: RequestEvent, names: readonly K[]) {
  if (!event.locals.session) signInFirst(event.params.lang, event.url);
  return fieldsOf(await event.request.formData(), names);
}

export const actions: Actions = {
  publish: async (event) => {
    await formOf(event, []);
    return outcome('publish', {}, publishEvent(event.fetch, event.url.origin, event.params.id));
  },
  cancel: async (event) => {
    const values = await formOf(event, ['reason']);
    const reason = values.reason.trim();
    return outcome(
      'cancel',
      values,
      cancelEvent(event.fetch, event.url.origin, event.params.id, reason ? { reason } : {}),
    );
  },
  unpublish: async (event) => {
    const values = await formOf(event, ['reason']);
    if (!values.reason.trim())
      return refused(400, 'unpublish', values, { reason: { code: 'required' } });
    return outcome(
      'unpublish',
      values,
      unpublishEvent(event.fetch, event.url.origin, event.params.id, { reason: values.reason }),
    );
  },
  cancelDate: async (event) => {
    const values = await formOf(event, ['occurrence', 'reason']);
    const reason = values.reason.trim();
    return outcome(
      'cancelDate',
      values,
      cancelOccurrence(event.fetch, event.url.origin, values.occurrence, reason ? { reason } : {}),
    );
  },
  move: async (event) => {
    const values = await formOf(event, ['occurrence', 'date', 'start', 'end']);
    const managed = await orPageError(
      getManagedEvent(event.fetch, event.url.origin, event.params.id),
    );
    const input = moveInput(values, managed.timeZone);
    if (!input.ok) return refused(400, 'move', values, input.errors);
    return outcome(
      'move',
      values,
      moveOccurrence(event.fetch, event.url.origin, values.occurrence, input.json),
      managed.venue?.id ?? null,
    );
  },
  attendance: async (event) => {
    const values = await formOf(event, ['occurrence', 'participants']);
    const input = participantsInput(values.participants, EVENT_LIMITS.participantsMax);
    if (!input.ok) return refused(400, 'attendance', values, { participants: input.error });
    return outcome(
      'attendance',
      values,
      recordAttendance(event.fetch, event.url.origin, values.occurrence, {
        participants: input.participants,
      }),
    );
  },
};
