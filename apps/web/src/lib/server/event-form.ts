// The event form (create and edit): its flat fields read from a post; where the event is
// (one of the organizer's booking requests, so a venue, or an address) and in which zone;
// local date and time turned into ISO instants with offset and the repeat choice into the
// RRULE the API takes; and the API's refusals (400 `errors`, 422 `issues` outside_booking)
// turned into errors by field, dates named, so the page says each beside its field.
import { DateTime } from 'luxon';
import {
  CONTENT_LANGUAGES,
  MAX_EVENT_OCCURRENCES,
  formatRule,
  parseRule,
  planOccurrences,
  repeatKindOf,
  repeatRule,
} from '@motesplats/domain';
import {
  AT_ADDRESS,
  CURRENT_VENUE,
  REQUEST_ROOM,
  EVENT_FIELDS,
  roomOf,
  EVENT_REPEATS,
  EVENT_TEXTS,
  type EventErrors,
  type EventRepeat,
  type EventValues,
} from '#lib/event-form.ts';
import { seriesRhythm } from '#lib/booking.ts';
import type { BookingRequestView } from '#lib/types.ts';
import type { EventPatch, Issue, ManagedEventView, NewEvent, Problem } from './api.ts';
import { attendanceOf, bookingErrors, localInstant, type BookingValues } from './booking-form.ts';
import type { BookingField } from '#lib/booking.ts';
import type { FieldError } from './forms.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const LANGUAGE_CODE = /^[a-z]{2,3}$/;
const TEXT_FIELD = new RegExp(`^(${EVENT_TEXTS.join('|')})\\.([a-z]{2,3})$`);
const RULE_KINDS = ['weekly', 'biweekly', 'monthly_weekday'] as const;
type RuleKind = (typeof RULE_KINDS)[number];
const isRuleKind = (v: string): v is RuleKind => (RULE_KINDS as readonly string[]).includes(v);
const isContentLanguage = (v: string) => (CONTENT_LANGUAGES as readonly string[]).includes(v);

const add = (errors: EventErrors, field: string, error: FieldError) => {
  (errors[field] ??= []).push(error);
};

/** The submitted form as typed (checkbox groups comma-joined, choices kept to known values). */
export function readEventForm(form: FormData): EventValues {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  const values: EventValues = {};
  for (const field of EVENT_FIELDS) values[field] = text(field);
  for (const [key, value] of form.entries()) {
    const match = TEXT_FIELD.exec(key);
    if (match && isContentLanguage(match[2]!) && typeof value === 'string') values[key] = value;
  }
  const all = (name: string, pattern: RegExp) =>
    form
      .getAll(name)
      .filter((v): v is string => typeof v === 'string' && pattern.test(v))
      .join(',');
  values.languages = all('languages', LANGUAGE_CODE);
  values.except = all('except', DATE);
  values.textLanguages = (values.textLanguages ?? '')
    .split(',')
    .filter((l) => isContentLanguage(l))
    .join(',');
  values.roomTerms = values.roomTerms ? '1' : '';
  if (values.price !== 'paid') values.price = 'free';
  if (values.registration !== 'link') values.registration = 'none';
  if (!(EVENT_REPEATS as readonly string[]).includes(values.repeat!)) values.repeat = 'none';
  return values;
}

/** An empty form: free, just come, for everyone, once. */
export function initialEventValues(defaults: Partial<EventValues> = {}): EventValues {
  const values: EventValues = Object.fromEntries(EVENT_FIELDS.map((f) => [f, '']));
  Object.assign(values, {
    audience: 'everyone',
    price: 'free',
    registration: 'none',
    repeat: 'none',
    ...defaults,
  });
  return values;
}

/** Who may organize: a verified association of the member, or a municipality for its staff. */
export interface Organizer {
  /** The form's value: the association's id, or `municipality:{id}`. */
  value: string;
  associationId: string | null;
  municipalityId: string;
}

/** Where and for whom the event is, once the form's choices are resolved. */
export interface EventTarget {
  zone: string;
  venueId: string | null;
  associationId: string | null;
  municipalityId: string;
  /** Ask for the room at `venueId` for the event's dates in the same step. */
  requestRoom?: boolean;
  /** …and only this part of it (the whole venue when left out). */
  spaceId?: string;
}

/** A venue the form offers to ask for (bookable, in the organizer's municipality). */
export interface RoomChoice {
  id: string;
  municipalityId: string;
  zone: string;
  /** The parts of a divisible venue, which may be asked for alone. */
  parts?: readonly { id: string }[];
}

export interface TargetOptions {
  organizers: readonly Organizer[];
  /** The organizer's booking requests with a date still to come (pending or approved). */
  requests: readonly BookingRequestView[];
  /** Each municipality's zone, by id. */
  zones: Readonly<Record<string, string>>;
  /** The venues whose room may be asked for with the event (create only). */
  rooms?: readonly RoomChoice[];
  /** An edit: the event as it stands (its organizer does not change). */
  current?: {
    associationId: string | null;
    municipalityId: string;
    venueId: string | null;
    zone: string;
  };
}

/** The organizer and the place chosen on the form, or why not (beside `organizer` or `booking`). */
export function resolveTarget(
  values: EventValues,
  options: TargetOptions,
): { ok: true; target: EventTarget } | { ok: false; errors: EventErrors } {
  const errors: EventErrors = {};
  const current = options.current;
  const organizer = current
    ? { associationId: current.associationId, municipalityId: current.municipalityId }
    : options.organizers.find((o) => o.value === values.organizer);
  if (!organizer) add(errors, 'organizer', { code: 'required' });
  const choice = values.booking ?? '';
  let venueId: string | null = null;
  let spaceId: string | null = null;
  let zone = organizer ? options.zones[organizer.municipalityId] : undefined;
  if (choice === '') add(errors, 'booking', { code: 'place_required' });
  else if (
    choice.startsWith(CURRENT_VENUE) &&
    current?.venueId === choice.slice(CURRENT_VENUE.length)
  ) {
    venueId = current.venueId;
    zone = current.zone;
  } else if (choice === AT_ADDRESS) {
    if (current) zone = current.zone;
  } else if (choice === REQUEST_ROOM && !current) {
    const asked = roomOf(values.roomVenue);
    const room = options.rooms?.find((r) => r.id === asked.venueId);
    if (!room || (asked.spaceId && !room.parts?.some((p) => p.id === asked.spaceId)))
      add(errors, 'roomVenue', { code: 'required' });
    else if (organizer && room.municipalityId !== organizer.municipalityId)
      add(errors, 'roomVenue', { code: 'other_municipality' });
    else {
      venueId = room.id;
      zone = room.zone;
      spaceId = asked.spaceId;
    }
  } else {
    const request = options.requests.find((r) => r.id === choice);
    if (!request) add(errors, 'booking', { code: 'place_required' });
    else if (organizer && (request.association?.id ?? null) !== organizer.associationId)
      add(errors, 'booking', { code: 'booking_other_organizer' });
    else {
      venueId = request.venue.id;
      zone = request.timeZone;
    }
  }
  if (Object.keys(errors).length > 0 || !organizer || !zone) return { ok: false, errors };
  return {
    ok: true,
    target: {
      zone,
      venueId,
      associationId: organizer.associationId,
      municipalityId: organizer.municipalityId,
      ...(choice === REQUEST_ROOM && !current ? { requestRoom: true } : {}),
      ...(choice === REQUEST_ROOM && !current && spaceId ? { spaceId } : {}),
    },
  };
}

/** An amount in euros as typed ("5", "5,50", "12.5") in cents, or null when it is none. */
export function euroCents(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  const match = /^(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(t);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return cents > 0 ? cents : null;
}

/** Cents as the form shows them: "5", "5,50". */
export const centsText = (cents: number) =>
  cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ',');

const textsOf = (values: EventValues, name: string) => {
  const texts: Record<string, string> = {};
  for (const lang of CONTENT_LANGUAGES) {
    const v = values[`${name}.${lang}`];
    if (v !== undefined && v.trim() !== '') texts[lang] = v;
  }
  return texts;
};

const iso = (d: DateTime) => d.toISO({ suppressMilliseconds: true }) as string;

/** The API's body of an event, shared by create and edit. */
export type EventBody = Omit<NewEvent, 'associationId' | 'municipalityId'>;

/**
 * The API's input from what was typed, or every error the page can name without asking
 * the API (no title, no language, an end before the start, a repeat without its end date).
 * A repeat becomes its RRULE in the event's zone; `custom` (an edit of a rule the form
 * cannot say) leaves the stored rule as it is.
 */
export function eventInput(
  values: EventValues,
  target: EventTarget,
): { ok: true; json: EventBody } | { ok: false; errors: EventErrors } {
  const errors: EventErrors = {};
  const required = (field: string) => {
    const given = (values[field] ?? '').trim() !== '';
    if (!given) add(errors, field, { code: 'required' });
    return given;
  };
  const title = textsOf(values, 'title');
  if (Object.keys(title).length === 0) add(errors, 'title', { code: 'title_required' });
  required('category');

  const others = (values.otherLanguages ?? '')
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (others.some((code) => !LANGUAGE_CODE.test(code)))
    add(errors, 'otherLanguages', { code: 'language_code' });
  const languages = [
    ...new Set([...(values.languages ?? '').split(',').filter(Boolean), ...others]),
  ].filter((code) => LANGUAGE_CODE.test(code));
  if (languages.length === 0) add(errors, 'languages', { code: 'languages_required' });

  let priceCents: number | null = null;
  if (values.price === 'paid' && required('priceAmount')) {
    priceCents = euroCents(values.priceAmount ?? '');
    if (priceCents === null) add(errors, 'priceAmount', { code: 'price_format' });
  }
  const registrationUrl =
    values.registration === 'link' && required('registrationUrl')
      ? (values.registrationUrl ?? '').trim()
      : null;
  if (target.venueId === null) required('locationText');
  let expectedAttendance = 0;
  if (target.requestRoom) {
    if (required('roomAttendance')) {
      const read = attendanceOf(values.roomAttendance ?? '');
      if (typeof read === 'number') expectedAttendance = read;
      else add(errors, 'roomAttendance', read);
    }
    if (target.associationId && values.roomTerms !== '1')
      add(errors, 'roomTerms', { code: 'terms_not_accepted' });
  }

  let start: DateTime | null = null;
  let end: DateTime | null = null;
  const dateOk = required('date');
  if (dateOk && (!DATE.test(values.date!) || !DateTime.fromISO(values.date!).isValid))
    add(errors, 'date', { code: 'invalid_date' });
  const startOk = required('start');
  if (startOk && !TIME.test(values.start!)) add(errors, 'start', { code: 'time_format' });
  const endOk = required('end');
  if (endOk && !TIME.test(values.end!)) add(errors, 'end', { code: 'time_format' });
  if (!errors.date && !errors.start && !errors.end && dateOk && startOk && endOk) {
    const from = localInstant(values.date!, values.start!, target.zone);
    const to = localInstant(values.date!, values.end!, target.zone);
    if (from === 'gap') add(errors, 'start', { code: 'time_in_gap' });
    if (to === 'gap') add(errors, 'end', { code: 'time_in_gap' });
    if (typeof from === 'object' && typeof to === 'object') {
      if (to <= from) add(errors, 'end', { code: 'end_before_start' });
      else [start, end] = [from, to];
    }
  }

  const repeat = (values.repeat ?? 'none') as EventRepeat;
  let rrule: string | null | undefined = null;
  let exceptDates: string[] = [];
  if (isRuleKind(repeat)) {
    if (required('until')) {
      if (!DATE.test(values.until!) || !DateTime.fromISO(values.until!).isValid)
        add(errors, 'until', { code: 'invalid_date' });
      else if (dateOk && !errors.date && values.until! < values.date!)
        add(errors, 'until', { code: 'until_before_start', params: { start: values.date! } });
    }
    if (start && !errors.until)
      rrule = formatRule(repeatRule(repeat, start.toJSDate(), target.zone, values.until!));
    exceptDates = (values.except ?? '').split(',').filter(Boolean);
  } else if (repeat === 'custom') {
    rrule = undefined;
    exceptDates = (values.except ?? '').split(',').filter(Boolean);
  }
  if (Object.keys(errors).length > 0 || !start || !end) return { ok: false, errors };

  const json: EventBody = {
    categorySlug: values.category!,
    title,
    summary: textsOf(values, 'summary'),
    description: textsOf(values, 'description'),
    accessibilityNotes: textsOf(values, 'accessibilityNotes'),
    languages,
    audience: (values.audience || 'everyone') as EventBody['audience'],
    priceCents,
    priceText: textsOf(values, 'priceText'),
    registrationUrl,
    venueId: target.venueId,
    locationText: target.venueId === null ? values.locationText!.trim() : null,
    start: iso(start),
    end: iso(end),
    ...(rrule === undefined ? {} : { rrule }),
    exceptDates,
  };
  if (target.requestRoom)
    json.requestBooking = {
      expectedAttendance,
      acceptTerms: values.roomTerms === '1',
      ...(target.spaceId ? { spaceId: target.spaceId } : {}),
    };
  return { ok: true, json };
}

/** A new event's body: the organizing association, or the municipality for its own. */
export const createBody = (json: EventBody, target: EventTarget): NewEvent => ({
  ...json,
  ...(target.associationId
    ? { associationId: target.associationId }
    : { municipalityId: target.municipalityId }),
});

/**
 * An edit's body: every text and fact; the schedule (start, end, rule, skipped dates) only
 * when it changed, so an edit of the texts re-plans no date.
 */
export function patchBody(json: EventBody, current: ManagedEventView): EventPatch {
  const { start, end, rrule, exceptDates, ...rest } = json;
  const same =
    new Date(start).getTime() === new Date(current.start).getTime() &&
    new Date(end).getTime() === new Date(current.end).getTime() &&
    (rrule === undefined || rrule === current.rrule) &&
    [...(exceptDates ?? [])].sort().join(',') === [...current.exceptDates].sort().join(',');
  return same
    ? rest
    : { ...rest, start, end, ...(rrule === undefined ? {} : { rrule }), exceptDates };
}

/**
 * The local dates a repeat gives from the first date to its end date (every one, none left
 * out yet), for the form to offer as dates to skip; empty while the form cannot say them.
 * `storedRule` is the rule a `custom` repeat keeps.
 */
export function seriesDates(values: EventValues, zone: string, storedRule?: string | null) {
  const repeat = values.repeat ?? 'none';
  if (!DATE.test(values.date ?? '') || !TIME.test(values.start ?? '')) return [];
  const from = localInstant(values.date!, values.start!, zone);
  if (typeof from !== 'object') return [];
  let rrule: string;
  if (isRuleKind(repeat)) {
    if (!DATE.test(values.until ?? '') || values.until! < values.date!) return [];
    rrule = formatRule(repeatRule(repeat, from.toJSDate(), zone, values.until!));
  } else if (repeat === 'custom' && storedRule) rrule = storedRule;
  else return [];
  const planned = planOccurrences({
    first: { start: from.toJSDate(), end: from.plus({ hours: 1 }).toJSDate() },
    zone,
    rrule,
    exceptDates: [],
  });
  return planned.ok ? planned.value.slice(0, MAX_EVENT_OCCURRENCES).map((p) => p.date) : [];
}

/** A booking request's dates the event can use: pending or approved, not yet over. */
export const liveDates = (request: BookingRequestView, now: Date) =>
  request.bookings.filter(
    (b) => (b.status === 'pending' || b.status === 'approved') && new Date(b.end) > now,
  );

/**
 * The form with the times of a chosen booking request: its first date still to come and its
 * hours; a series repeats as the request does until its last date, the dates it does not
 * hold (skipped, rejected, withdrawn) left out. Null when the request has no such date.
 */
export function prefillFromRequest(
  values: EventValues,
  request: BookingRequestView,
  now: Date,
): EventValues | null {
  const dates = liveDates(request, now);
  const first = dates[0];
  if (!first) return null;
  const zone = request.timeZone;
  const local = (instant: string) => DateTime.fromISO(instant, { zone }).toFormat('HH:mm');
  const next: EventValues = {
    ...values,
    booking: request.id,
    date: first.date,
    start: local(first.start),
    end: local(first.end),
    repeat: 'none',
    until: '',
    except: '',
  };
  if (dates.length > 1) {
    const rhythm = seriesRhythm(request.rrule);
    next.repeat =
      rhythm?.kind === 'monthly'
        ? 'monthly_weekday'
        : rhythm?.kind === 'weekly' && rhythm.interval === 2
          ? 'biweekly'
          : 'weekly';
    next.until = dates.at(-1)!.date;
    const held = new Set(dates.map((d) => d.date));
    next.except = seriesDates(next, zone)
      .filter((d) => !held.has(d))
      .join(',');
  }
  return next;
}

/** The stored event as form values (the edit form starts from these). */
export function eventValuesOf(
  event: ManagedEventView,
  requests: readonly BookingRequestView[],
): EventValues {
  const zone = event.timeZone;
  const values = initialEventValues();
  for (const name of EVENT_TEXTS) {
    for (const [lang, text] of Object.entries(event[name])) {
      if (typeof text === 'string') values[`${name}.${lang}`] = text;
    }
  }
  values.organizer = event.association?.id ?? `municipality:${event.municipalityId}`;
  values.category = event.categorySlug;
  values.languages = event.languages.filter(isContentLanguage).join(',');
  values.otherLanguages = event.languages.filter((l) => !isContentLanguage(l)).join(', ');
  values.audience = event.audience;
  if (event.priceCents !== null) {
    values.price = 'paid';
    values.priceAmount = centsText(event.priceCents);
  }
  if (event.registrationUrl) {
    values.registration = 'link';
    values.registrationUrl = event.registrationUrl;
  }
  if (event.venue) {
    const request = requests.find(
      (r) =>
        r.venue.id === event.venue!.id &&
        (r.association?.id ?? null) === (event.association?.id ?? null),
    );
    values.booking = request ? request.id : `${CURRENT_VENUE}${event.venue.id}`;
  } else {
    values.booking = AT_ADDRESS;
    values.locationText = event.locationText ?? '';
  }
  const start = DateTime.fromISO(event.start, { zone });
  values.date = start.toISODate() as string;
  values.start = start.toFormat('HH:mm');
  values.end = DateTime.fromISO(event.end, { zone }).toFormat('HH:mm');
  const kind = repeatKindOf(event.rrule, start.toJSDate(), zone);
  values.repeat = kind ?? 'custom';
  if (kind && kind !== 'none' && event.rrule) {
    const rule = parseRule(event.rrule);
    if (rule.ok && rule.value.until?.type === 'date') values.until = rule.value.until.date;
  }
  values.except = event.exceptDates.join(',');
  return values;
}

/** Where an API path belongs on the form. */
function fieldOf(issue: Issue, values: EventValues): string {
  const [first = '', second] = issue.path.split('.');
  if ((EVENT_TEXTS as readonly string[]).includes(first))
    return second && values[`${first}.${second}`] !== undefined ? `${first}.${second}` : first;
  switch (first) {
    case 'categorySlug':
      return 'category';
    case 'languages':
      return 'languages';
    case 'audience':
      return 'audience';
    case 'priceCents':
    case 'priceText':
      return 'priceAmount';
    case 'registrationUrl':
      return 'registrationUrl';
    case 'venueId':
      return 'booking';
    case 'locationText':
      return values.booking === AT_ADDRESS ? 'locationText' : 'booking';
    case 'start':
      return issue.code === 'start_not_in_rule' ? 'date' : 'start';
    case 'end':
      return 'end';
    case 'rrule':
      return 'until';
    case 'exceptDates':
      return 'except';
    case 'occurrences':
      return 'date';
    case 'associationId':
    case 'municipalityId':
      return 'organizer';
    case 'requestBooking':
      return second === 'acceptTerms'
        ? 'roomTerms'
        : second === 'expectedAttendance'
          ? 'roomAttendance'
          : second === 'spaceId'
            ? 'roomVenue'
            : 'booking';
    default:
      return 'form';
  }
}

/** A booking form's field as the event form calls it (the room asked for with the event). */
const fromBookingField: Partial<Record<BookingField, string>> = {
  date: 'date',
  start: 'start',
  end: 'end',
  until: 'until',
  except: 'except',
  attendance: 'roomAttendance',
  terms: 'roomTerms',
  space: 'roomVenue',
  association: 'organizer',
};

/**
 * The venue's rules the asked-for room breaks (422 rule_violation of the booking path),
 * said as the booking request form says them (bookingErrors: one sentence for a rule
 * broken on several dates), each beside the event form's field that holds it.
 */
export function roomRuleErrors(issues: readonly Issue[], values: EventValues): EventErrors {
  const series = values.repeat !== undefined && values.repeat !== 'none';
  const asBooking = {
    date: values.date ?? '',
    repeat: series ? 'weekly' : '',
  } as BookingValues;
  const errors: EventErrors = {};
  for (const [field, list] of Object.entries(bookingErrors(issues, asBooking)))
    for (const error of list ?? [])
      add(errors, fromBookingField[field as BookingField] ?? 'form', error);
  return errors;
}

/**
 * Issues by field, the same refusal on several dates said once with all its dates
 * (`params.date` comma-separated, in order): "Tue 8 Dec, Tue 15 Dec: no booking of yours
 * holds 18:00–20:00". A date outside the bookings carries the venue, for a link to book it.
 */
export function eventErrors(
  issues: readonly Issue[],
  values: EventValues,
  venueId: string | null = null,
): EventErrors {
  const errors: EventErrors = {};
  const seen = new Map<string, FieldError>();
  for (const issue of issues) {
    const field = fieldOf(issue, values);
    const { date, ...rest } = issue.params ?? {};
    const key = `${field}|${issue.code}|${JSON.stringify(rest)}`;
    const earlier = seen.get(key);
    if (earlier && typeof date === 'string') {
      const dates = String(earlier.params?.date ?? '').split(',');
      if (!dates.includes(date))
        earlier.params = { ...earlier.params, date: [...dates, date].join(',') };
      continue;
    }
    if (earlier) continue;
    const params = {
      ...issue.params,
      ...(issue.code === 'outside_booking' && venueId ? { venue: venueId } : {}),
    };
    const error: FieldError = {
      code: issue.code ?? 'invalid',
      ...(Object.keys(params).length > 0 ? { params } : {}),
    };
    seen.set(key, error);
    add(errors, field, error);
  }
  return errors;
}

/** A refusal of the API as errors by field; one of the whole form (403, 409, 503…) under `form`. */
export function eventProblemErrors(
  problem: Problem,
  values: EventValues,
  venueId: string | null = null,
): EventErrors {
  const issues = problem.issues ?? problem.errors ?? [];
  // The room asked for with the event breaks a rule of the venue: the booking path's words.
  if (problem.code === 'rule_violation' && values.booking === REQUEST_ROOM && issues.length > 0)
    return roomRuleErrors(issues, values);
  if (issues.length > 0) return eventErrors(issues, values, venueId);
  return {
    form: [
      {
        code: problem.code ?? `status_${problem.status}`,
        ...(problem.params ? { params: problem.params } : {}),
      },
    ],
  };
}
