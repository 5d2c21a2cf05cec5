// What the event form's pages (new and edit) load and do alike: who may organize, the
// organizer's booking requests with dates to come, the municipalities' zones, and the
// `refill` action (the chosen booking's times, the dates of a repeat) that saves nothing.
import { fail, redirect } from '@sveltejs/kit';
import { DEFAULT_ZONE, pickTextOr } from '@motesplats/domain';
import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/locale.ts';
import {
  addableLanguages,
  REQUEST_ROOM,
  roomOf,
  type EventErrors,
  type EventValues,
} from '#lib/event-form.ts';
import type { BookingRequestView, Localized } from '#lib/types.ts';
import {
  getAssociation,
  listMunicipalities,
  listMyBookings,
  listVenues,
  type SessionView,
} from './api.ts';
import { refill, type BookingValues } from './booking-form.ts';
import {
  liveDates,
  prefillFromRequest,
  seriesDates,
  type Organizer,
  type RoomChoice,
} from './event-form.ts';

type Fetch = typeof globalThis.fetch;

export const signInFirst = (lang: string, url: URL) =>
  redirect(303, `/${lang}/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);

/** An organizer as the form offers it: with its name in the page's language. */
export type OrganizerChoice = Organizer & { name: Localized };

/**
 * Who the visitor may publish for: each verified association they belong to (named in the
 * page's language), and for staff each of their municipalities.
 */
export async function organizersOf(
  session: SessionView,
  fetch: Fetch,
  origin: string,
  lang: Locale,
): Promise<OrganizerChoice[]> {
  const associations = await Promise.all(
    session.roles.associations
      .filter((a) => a.association.verification === 'verified')
      .map(async (a) => {
        const profile = await getAssociation(fetch, origin, a.association.id, lang).catch(
          () => null,
        );
        return {
          value: a.association.id,
          associationId: a.association.id,
          municipalityId: a.municipality.id,
          name: profile?.name ?? a.association.name,
        };
      }),
  );
  const municipalities = session.roles.staff.map((s) => ({
    value: `municipality:${s.municipality.id}`,
    associationId: null,
    municipalityId: s.municipality.id,
    name: s.municipality.name,
  }));
  return [...associations, ...municipalities];
}

/** The visitor's booking requests with a pending or approved date still to come, soonest first. */
export async function openRequests(fetch: Fetch, origin: string, lang: Locale, now: Date) {
  const { items } = await listMyBookings(fetch, origin, lang);
  return items
    .map((r) => ({ r, first: liveDates(r, now)[0]?.start }))
    .filter((x): x is { r: BookingRequestView; first: string } => x.first !== undefined)
    .sort((a, b) => a.first.localeCompare(b.first))
    .map((x) => x.r);
}

/** Each municipality's zone by id. */
export async function zonesOf(fetch: Fetch, origin: string, lang: Locale) {
  const { items } = await listMunicipalities(fetch, origin, lang);
  return Object.fromEntries(items.map((mu) => [mu.id, mu.timeZone]));
}

/** A room the form offers to ask for with the event: named in the page's language. */
export type RoomOption = RoomChoice & {
  name: Localized;
  capacity: number;
  parts: readonly { id: string; name: Localized }[];
};

/** The bookable venues of the organizers' municipalities, for "request the room in the same step". */
export async function roomsOf(
  fetch: Fetch,
  origin: string,
  lang: Locale,
  organizers: readonly Organizer[],
): Promise<RoomOption[]> {
  const wanted = new Set(organizers.map((o) => o.municipalityId));
  if (wanted.size === 0) return [];
  const { items } = await listMunicipalities(fetch, origin, lang);
  const pages = await Promise.all(
    items
      .filter((mu) => wanted.has(mu.id))
      .map(async (mu) => {
        const answer = await listVenues(fetch, origin, { lang, municipality: mu.slug, limit: 100 });
        if (!answer.ok || !answer.data) return [];
        return answer.data.items
          .filter((v) => v.bookable)
          .map((v) => ({
            id: v.id,
            municipalityId: mu.id,
            zone: mu.timeZone,
            name: v.name,
            capacity: v.capacity,
            parts: v.spaces
              .filter((sp) => sp.parentId !== null)
              .map((sp) => ({ id: sp.id, name: sp.name })),
          }));
      }),
  );
  return pages.flat();
}

/** The zone the form's dates are read in: the chosen booking's, else its organizer's municipality's. */
export function formZone(
  values: EventValues,
  options: {
    organizers: readonly Organizer[];
    requests: readonly BookingRequestView[];
    zones: Readonly<Record<string, string>>;
    rooms?: readonly RoomChoice[];
    fixed?: string;
  },
): string {
  if (options.fixed) return options.fixed;
  const request = options.requests.find((r) => r.id === values.booking);
  if (request) return request.timeZone;
  const room = options.rooms?.find((r) => r.id === roomOf(values.roomVenue).venueId);
  if (values.booking === REQUEST_ROOM && room) return room.zone;
  const organizer = options.organizers.find((o) => o.value === values.organizer);
  return (organizer && options.zones[organizer.municipalityId]) || DEFAULT_ZONE;
}

/** A stored text in the page's language, with the untitled fallback. */
export const textOf = (texts: Partial<Record<string, string>>, lang: Locale): Localized =>
  pickTextOr(texts, lang, ['sv', 'fi', 'en'], m.event_untitled());

/**
 * The form again with nothing saved: the chosen booking's first date and times (and its
 * rhythm), or the dates of the repeat to choose from. What was typed stays.
 */
export function refillForm(
  values: EventValues,
  fill: string,
  options: {
    /** `fill=language`: the content language to add text fields for. */
    language?: string;
    /** A free slot a clash suggested (`start|end`), in place of the asked time. */
    slot?: string;
    organizers: readonly Organizer[];
    requests: readonly BookingRequestView[];
    zone: string;
    storedRule?: string | null;
    now: Date;
  },
) {
  let next = values;
  let refilled = false;
  const errors: EventErrors = {};
  if (fill === 'booking') {
    const request = options.requests.find((r) => r.id === values.booking);
    const filled = request ? prefillFromRequest(values, request, options.now) : null;
    if (!filled) errors.booking = [{ code: 'choose_booking' }];
    else {
      next = filled;
      refilled = true;
      // The booking's association organizes, when the visitor may publish for it.
      const organizer = options.organizers.find(
        (o) => o.associationId === (request!.association?.id ?? null),
      );
      if (organizer && request!.association) next.organizer = organizer.value;
    }
  } else if (fill === 'language') {
    // "Add another language": its fields appear, everything typed stays.
    const language = options.language ?? '';
    if (!addableLanguages(values).includes(language))
      errors.textLanguages = [{ code: 'choose_language' }];
    else {
      const added = (values.textLanguages ?? '').split(',').filter(Boolean);
      next = { ...values, textLanguages: [...added, language].join(',') };
    }
  } else if (options.slot) {
    const series = values.repeat !== undefined && values.repeat !== 'none';
    const slotted = refill(
      { ...values, repeat: series ? 'weekly' : '' } as BookingValues,
      options.slot,
      options.zone,
    );
    if (slotted) {
      next = { ...values, date: slotted.date, start: slotted.start, end: slotted.end };
      refilled = true;
    }
  }
  const zone = options.requests.find((r) => r.id === next.booking)?.timeZone ?? options.zone;
  const body = {
    values: next,
    errors,
    seriesDates: seriesDates(next, zone, options.storedRule),
    refilled,
  };
  return Object.keys(errors).length > 0 ? fail(400, body) : body;
}
