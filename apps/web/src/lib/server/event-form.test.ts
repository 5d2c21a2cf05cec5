// The event form's reading (run under two odd process zones, vitest.config.ts, so nothing
// depends on the server's own zone): local date and time → instants with the municipality's
// offset, repeat choices → RRULEs, the place and organizer chosen, a booking request's
// times filled in, a stored event read back, and the API's refusals sorted by field.
import { describe, expect, it } from 'vitest';
import {
  AT_ADDRESS,
  CURRENT_VENUE,
  REQUEST_ROOM,
  addableLanguages,
  eventTextLanguages,
  type EventValues,
} from '#lib/event-form.ts';
import { refillForm } from './event-page.ts';
import type { BookingRequestView } from '#lib/types.ts';
import type { ManagedEventView, Problem } from './api.ts';
import {
  centsText,
  createBody,
  euroCents,
  eventErrors,
  eventInput,
  eventProblemErrors,
  eventValuesOf,
  initialEventValues,
  patchBody,
  prefillFromRequest,
  readEventForm,
  resolveTarget,
  seriesDates,
  type EventTarget,
} from './event-form.ts';
import { manageErrors, moveInput, participantsInput } from './event-manage.ts';

const ZONE = 'Europe/Helsinki';
const MLL = '00000000-0000-4000-8000-0000000000a1';
const BORGA = '00000000-0000-4000-8000-0000000000b1';
const VENUE = '00000000-0000-4000-8000-0000000000c1';
const REQUEST = '00000000-0000-4000-8000-0000000000d1';
const target: EventTarget = {
  zone: ZONE,
  venueId: VENUE,
  associationId: MLL,
  municipalityId: BORGA,
};

const form = (v: Partial<EventValues>): EventValues => ({
  ...initialEventValues(),
  organizer: MLL,
  category: 'language-cafe',
  'title.fi': 'Kielikahvila',
  'title.ar': 'مقهى اللغة',
  languages: 'fi,ar',
  booking: REQUEST,
  date: '2027-03-16',
  start: '18:00',
  end: '20:00',
  ...v,
});
const json = (v: Partial<EventValues>, t = target) => {
  const input = eventInput(form(v), t);
  if (!input.ok) throw new Error(JSON.stringify(input.errors));
  return input.json;
};
const errors = (v: Partial<EventValues>, t = target) => {
  const input = eventInput(form(v), t);
  if (input.ok) throw new Error('accepted');
  return Object.fromEntries(
    Object.entries(input.errors).map(([field, list]) => [field, list!.map((e) => e.code)]),
  );
};

/** A booking request as GET /api/bookings lists it, with one row per date. */
const request = (
  dates: { date: string; status: string; start?: string; end?: string }[],
  extra: Partial<BookingRequestView> = {},
): BookingRequestView =>
  ({
    id: REQUEST,
    status: 'approved',
    cityUse: false,
    venue: { id: VENUE, name: { text: 'Avantisalen', lang: 'sv', fallback: false } },
    space: { id: VENUE, name: { text: 'Avantisalen', lang: 'sv', fallback: false }, whole: true },
    association: { id: MLL, name: { text: 'MLL', lang: 'fi', fallback: false } },
    timeZone: ZONE,
    start: '',
    end: '',
    repeat: null,
    rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270406',
    purpose: 'Kielikahvila',
    expectedAttendance: 20,
    publicEvent: true,
    termsAcceptedAt: null,
    createdAt: '',
    access: null,
    history: [],
    bookings: dates.map((d, i) => ({
      id: `00000000-0000-4000-8000-00000000010${i}`,
      date: d.date,
      status: d.status,
      start: `${d.date}T${d.start ?? '17:30'}:00+02:00`,
      end: `${d.date}T${d.end ?? '20:30'}:00+02:00`,
      decidedAt: null,
      reason: null,
      cancellableUntil: '',
      cancellable: true,
    })),
    ...extra,
  }) as BookingRequestView;

describe('local date and time → instants with the zone’s offset', () => {
  it('reads Helsinki wall-clock time on both sides of the change to summer time', () => {
    expect(json({})).toMatchObject({
      start: '2027-03-16T18:00:00+02:00',
      end: '2027-03-16T20:00:00+02:00',
    });
    // Summer time begins 2027-03-28 at 03:00.
    expect(json({ date: '2027-03-30' })).toMatchObject({
      start: '2027-03-30T18:00:00+03:00',
      end: '2027-03-30T20:00:00+03:00',
    });
  });

  it('refuses an end before the start, a time the clock skips, and names every missing field at once', () => {
    expect(errors({ end: '17:00' })).toEqual({ end: ['end_before_start'] });
    expect(errors({ date: '2027-03-28', start: '03:30', end: '05:00' })).toEqual({
      start: ['time_in_gap'],
    });
    expect(
      errors({
        'title.fi': '',
        'title.ar': '',
        category: '',
        languages: '',
        date: '',
        start: '8',
      }),
    ).toEqual({
      title: ['title_required'],
      category: ['required'],
      languages: ['languages_required'],
      date: ['required'],
      start: ['time_format'],
    });
  });
});

describe('the repeat choices become RRULEs in the municipality’s zone', () => {
  it('weekly, every other week and monthly by weekday, until the end date', () => {
    expect(json({ repeat: 'weekly', until: '2027-04-27' }).rrule).toBe(
      'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270427',
    );
    expect(json({ repeat: 'biweekly', until: '2027-04-27' }).rrule).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270427',
    );
    // 16 March 2027 is the third Tuesday of its month.
    expect(json({ repeat: 'monthly_weekday', until: '2027-06-30' }).rrule).toBe(
      'FREQ=MONTHLY;BYDAY=3TU;UNTIL=20270630',
    );
    expect(json({ repeat: 'none', except: '2027-03-23' })).toMatchObject({
      rrule: null,
      exceptDates: [],
    });
  });

  it('a repeat needs its end date, on or after the first date; skipped dates travel along', () => {
    expect(errors({ repeat: 'weekly' })).toEqual({ until: ['required'] });
    expect(errors({ repeat: 'weekly', until: '2027-03-01' })).toEqual({
      until: ['until_before_start'],
    });
    expect(
      json({ repeat: 'weekly', until: '2027-04-06', except: '2027-03-23,2027-03-30' }).exceptDates,
    ).toEqual(['2027-03-23', '2027-03-30']);
  });

  it('lists the dates a repeat gives, for the ones to skip; a custom rule is the stored one', () => {
    expect(seriesDates(form({ repeat: 'biweekly', until: '2027-04-27' }), ZONE)).toEqual([
      '2027-03-16',
      '2027-03-30',
      '2027-04-13',
      '2027-04-27',
    ]);
    expect(seriesDates(form({ repeat: 'none' }), ZONE)).toEqual([]);
    expect(seriesDates(form({ repeat: 'custom' }), ZONE, 'FREQ=WEEKLY;BYDAY=TU;COUNT=2')).toEqual([
      '2027-03-16',
      '2027-03-23',
    ]);
  });

  it('an edit of a custom rule leaves the rule out, so the stored one stays', () => {
    expect(json({ repeat: 'custom' })).not.toHaveProperty('rrule');
  });
});

describe('the rest of the event', () => {
  it('texts per language without the empty ones; spoken languages with other codes; price and link', () => {
    const body = json({
      'summary.sv': '',
      'summary.fi': 'Puhutaan suomea.',
      'accessibilityNotes.sv': 'Hörslinga i salen.',
      otherLanguages: 'KU, ti',
      price: 'paid',
      priceAmount: '7,50',
      registration: 'link',
      registrationUrl: 'https://example.org/anmal',
    });
    expect(body).toMatchObject({
      categorySlug: 'language-cafe',
      title: { fi: 'Kielikahvila', ar: 'مقهى اللغة' },
      summary: { fi: 'Puhutaan suomea.' },
      accessibilityNotes: { sv: 'Hörslinga i salen.' },
      languages: ['fi', 'ar', 'ku', 'ti'],
      priceCents: 750,
      registrationUrl: 'https://example.org/anmal',
      venueId: VENUE,
      locationText: null,
    });
    expect(json({ registrationUrl: 'https://x.example' })).toMatchObject({
      priceCents: null,
      registrationUrl: null,
    });
    expect(errors({ otherLanguages: 'kurdish' })).toEqual({ otherLanguages: ['language_code'] });
    expect(errors({ price: 'paid', priceAmount: '0' })).toEqual({ priceAmount: ['price_format'] });
  });

  it('a price text per language, with a price or free of charge', () => {
    expect(
      json({
        price: 'paid',
        priceAmount: '5',
        'priceText.fi': 'Lapset ilmaiseksi',
        'priceText.sv': ' ',
      }),
    ).toMatchObject({ priceCents: 500, priceText: { fi: 'Lapset ilmaiseksi' } });
    expect(json({ 'priceText.sv': 'Kaffe 2 €' })).toMatchObject({
      priceCents: null,
      priceText: { sv: 'Kaffe 2 €' },
    });
  });

  it('"add another language" gives fields in that language, keeping everything typed', () => {
    const typed = form({ 'title.sv': 'Språkcafé', 'summary.fi': 'Tervetuloa' });
    expect(eventTextLanguages(typed)).toEqual(['sv', 'fi', 'en', 'ar']);
    const options = { organizers: [], requests: [], zone: ZONE, now: new Date() };
    const added = refillForm(typed, 'language', { ...options, language: 'uk' });
    if (!('values' in added)) throw new Error('refused');
    expect(added.values).toEqual({ ...typed, textLanguages: 'uk' });
    expect(eventTextLanguages(added.values)).toEqual(['sv', 'fi', 'en', 'ar', 'uk']);
    expect(addableLanguages(added.values)).toEqual(['ru', 'et', 'so', 'fa']);
    // A second one after it; an empty field of an added language stays shown.
    const again = refillForm(added.values, 'language', { ...options, language: 'so' });
    if (!('values' in again)) throw new Error('refused');
    expect(eventTextLanguages(again.values)).toEqual(['sv', 'fi', 'en', 'ar', 'uk', 'so']);
    // The posted form keeps the list; a code that is no content language is dropped.
    const post = new FormData();
    post.set('textLanguages', 'uk,xx,so');
    post.set('title.uk', 'Мовне кафе');
    expect(readEventForm(post)).toMatchObject({ textLanguages: 'uk,so', 'title.uk': 'Мовне кафе' });
    expect(json({ textLanguages: 'uk', 'title.uk': 'Мовне кафе' }).title).toEqual({
      fi: 'Kielikahvila',
      ar: 'مقهى اللغة',
      uk: 'Мовне кафе',
    });
    // One already shown, or none at all, is refused beside the control.
    const refused = refillForm(typed, 'language', { ...options, language: 'fi' });
    expect('status' in refused && refused.status).toBe(400);
  });

  it('reads euros the Finnish and the English way', () => {
    expect([euroCents('5'), euroCents('5,5'), euroCents('12.50'), euroCents('1 000')]).toEqual([
      500, 550, 1250, 100000,
    ]);
    expect([euroCents(''), euroCents('-3'), euroCents('5,555')]).toEqual([null, null, null]);
    expect([centsText(500), centsText(750)]).toEqual(['5', '7,50']);
  });

  it('an event at an address needs the address', () => {
    const at = { ...target, venueId: null };
    expect(errors({ booking: AT_ADDRESS }, at)).toEqual({ locationText: ['required'] });
    expect(json({ booking: AT_ADDRESS, locationText: ' Strandparken ' }, at)).toMatchObject({
      venueId: null,
      locationText: 'Strandparken',
    });
  });

  it('a new event names its association, or the municipality for its own', () => {
    const body = json({});
    expect(createBody(body, target)).toMatchObject({ associationId: MLL });
    expect(createBody(body, { ...target, associationId: null })).toMatchObject({
      municipalityId: BORGA,
    });
  });

  it('reads the form: known choices only, checkbox groups joined, texts of content languages', () => {
    const data = new FormData();
    data.set('title.so', 'Qaxwada luqadda');
    data.set('title.xx', 'ignored');
    data.set('repeat', 'daily');
    data.set('price', 'maybe');
    for (const l of ['fi', 'ar', 'NOT']) data.append('languages', l);
    for (const d of ['2027-03-23', 'soon']) data.append('except', d);
    const values = readEventForm(data);
    expect(values).toMatchObject({
      'title.so': 'Qaxwada luqadda',
      repeat: 'none',
      price: 'free',
      registration: 'none',
      languages: 'fi,ar',
      except: '2027-03-23',
    });
    expect(values).not.toHaveProperty('title.xx');
    // The page and content languages with a text get fields.
    expect(eventTextLanguages(values)).toEqual(['sv', 'fi', 'en', 'ar', 'so']);
  });
});

describe('organizer and place', () => {
  const organizers = [
    { value: MLL, associationId: MLL, municipalityId: BORGA },
    { value: `municipality:${BORGA}`, associationId: null, municipalityId: BORGA },
  ];
  const options = {
    organizers,
    requests: [request([{ date: '2027-03-16', status: 'approved' }])],
    zones: { [BORGA]: ZONE },
  };

  it('a booking request gives the venue and its zone; an address the organizer’s zone', () => {
    expect(resolveTarget(form({}), options)).toEqual({ ok: true, target });
    expect(resolveTarget(form({ booking: AT_ADDRESS }), options)).toEqual({
      ok: true,
      target: { ...target, venueId: null },
    });
  });

  it('a room asked for in the same step: the venue, its zone, and the request in the body', () => {
    const rooms = [{ id: VENUE, municipalityId: BORGA, zone: ZONE }];
    const chosen = form({ booking: REQUEST_ROOM, roomVenue: VENUE });
    const resolved = resolveTarget(chosen, { ...options, rooms });
    expect(resolved).toEqual({ ok: true, target: { ...target, requestRoom: true } });
    const asked = { ...target, requestRoom: true };
    expect(
      json({ booking: REQUEST_ROOM, roomAttendance: '25', roomTerms: '1' }, asked),
    ).toMatchObject({
      venueId: VENUE,
      requestBooking: { expectedAttendance: 25, acceptTerms: true },
    });
    const input = eventInput(form({ booking: REQUEST_ROOM, roomAttendance: '0' }), asked);
    expect(input.ok ? null : input.errors).toEqual({
      roomAttendance: [{ code: 'too_small', params: { origin: 'number', minimum: 1 } }],
      roomTerms: [{ code: 'terms_not_accepted' }],
    });
    const none = resolveTarget(form({ booking: REQUEST_ROOM, roomVenue: '' }), {
      ...options,
      rooms,
    });
    expect(none.ok ? null : none.errors).toEqual({ roomVenue: [{ code: 'required' }] });
  });

  it('a part of a divisible venue asked for alone: its space in the request; an unknown part refused', () => {
    const PART = '7e1c9a52-3f0d-4b8e-9a61-2d5f0c8b4e17';
    const rooms = [{ id: VENUE, municipalityId: BORGA, zone: ZONE, parts: [{ id: PART }] }];
    const resolved = resolveTarget(form({ booking: REQUEST_ROOM, roomVenue: `${VENUE}:${PART}` }), {
      ...options,
      rooms,
    });
    expect(resolved).toEqual({
      ok: true,
      target: { ...target, requestRoom: true, spaceId: PART },
    });
    expect(
      json(
        { booking: REQUEST_ROOM, roomAttendance: '12', roomTerms: '1' },
        { ...target, requestRoom: true, spaceId: PART },
      ),
    ).toMatchObject({
      venueId: VENUE,
      requestBooking: { expectedAttendance: 12, acceptTerms: true, spaceId: PART },
    });
    // The whole venue asks for no space.
    const whole = resolveTarget(form({ booking: REQUEST_ROOM, roomVenue: VENUE }), {
      ...options,
      rooms,
    });
    expect(whole).toEqual({ ok: true, target: { ...target, requestRoom: true } });
    const unknown = resolveTarget(
      form({ booking: REQUEST_ROOM, roomVenue: `${VENUE}:${crypto.randomUUID()}` }),
      { ...options, rooms },
    );
    expect(unknown.ok ? null : unknown.errors).toEqual({ roomVenue: [{ code: 'required' }] });
  });

  it('refuses no organizer, no place, and another organizer’s booking', () => {
    const refused = (v: Partial<EventValues>) => {
      const r = resolveTarget(form(v), options);
      return r.ok ? null : Object.keys(r.errors);
    };
    expect(refused({ organizer: '', booking: '' })).toEqual(['organizer', 'booking']);
    expect(refused({ booking: 'no-such-request' })).toEqual(['booking']);
    const r = resolveTarget(form({ organizer: `municipality:${BORGA}` }), options);
    expect(r.ok ? null : r.errors.booking).toEqual([{ code: 'booking_other_organizer' }]);
  });

  it('an edit keeps its organizer and may stay at its venue when no request lists it', () => {
    const current = { associationId: MLL, municipalityId: BORGA, venueId: VENUE, zone: ZONE };
    const r = resolveTarget(form({ organizer: '', booking: `${CURRENT_VENUE}${VENUE}` }), {
      ...options,
      requests: [],
      current,
    });
    expect(r).toEqual({ ok: true, target });
  });
});

describe('a booking request’s times fill the form', () => {
  const now = new Date('2027-03-10T10:00:00Z');

  it('its first date to come and hours; its weekly rhythm until the last date, dates it does not hold skipped', () => {
    const r = request([
      { date: '2027-03-09', status: 'approved' }, // over by now
      { date: '2027-03-16', status: 'approved' },
      { date: '2027-03-23', status: 'rejected' },
      { date: '2027-03-30', status: 'pending' },
      { date: '2027-04-06', status: 'approved' },
    ]);
    expect(prefillFromRequest(form({ booking: '' }), r, now)).toMatchObject({
      booking: REQUEST,
      date: '2027-03-16',
      start: '17:30',
      end: '20:30',
      repeat: 'weekly',
      until: '2027-04-06',
      except: '2027-03-23',
    });
  });

  it('one date is no repeat; a request with nothing left to come fills nothing', () => {
    expect(
      prefillFromRequest(form({}), request([{ date: '2027-03-16', status: 'pending' }]), now),
    ).toMatchObject({ date: '2027-03-16', repeat: 'none', until: '', except: '' });
    expect(
      prefillFromRequest(form({}), request([{ date: '2027-03-16', status: 'withdrawn' }]), now),
    ).toBeNull();
  });
});

describe('a stored event as the edit form reads it, and what an edit sends', () => {
  const stored = {
    id: '00000000-0000-4000-8000-0000000000e1',
    status: 'published',
    statusReason: null,
    municipalityId: BORGA,
    timeZone: ZONE,
    association: { id: MLL, name: { fi: 'MLL' } },
    categorySlug: 'language-cafe',
    title: { fi: 'Kielikahvila', so: 'Qaxwada luqadda' },
    summary: {},
    description: {},
    languages: ['fi', 'ti'],
    audience: 'families',
    priceCents: 250,
    priceText: {},
    registrationUrl: null,
    accessibilityNotes: { sv: 'Hörslinga.' },
    venue: { id: VENUE, name: { sv: 'Avantisalen' } },
    locationText: null,
    start: '2027-03-16T16:00:00.000Z',
    end: '2027-03-16T18:00:00.000Z',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270427',
    repeat: 'biweekly',
    exceptDates: ['2027-03-30'],
    sequence: 0,
    publishedAt: null,
    updatedAt: '',
    uid: '',
    occurrences: [],
  } as unknown as ManagedEventView;

  it('reads every field back in the municipality’s zone', () => {
    const values = eventValuesOf(stored, [request([{ date: '2027-03-16', status: 'approved' }])]);
    expect(values).toMatchObject({
      organizer: MLL,
      'title.fi': 'Kielikahvila',
      'title.so': 'Qaxwada luqadda',
      'accessibilityNotes.sv': 'Hörslinga.',
      languages: 'fi',
      otherLanguages: 'ti',
      audience: 'families',
      price: 'paid',
      priceAmount: '2,50',
      registration: 'none',
      booking: REQUEST,
      date: '2027-03-16',
      start: '18:00',
      end: '20:00',
      repeat: 'biweekly',
      until: '2027-04-27',
      except: '2027-03-30',
    });
    expect(eventValuesOf(stored, []).booking).toBe(`${CURRENT_VENUE}${VENUE}`);
  });

  it('sends the schedule only when it changed', () => {
    const values = eventValuesOf(stored, []);
    const same = eventInput(values, target);
    if (!same.ok) throw new Error(JSON.stringify(same.errors));
    expect(patchBody(same.json, stored)).not.toHaveProperty('start');
    const later = eventInput({ ...values, start: '18:30' }, target);
    if (!later.ok) throw new Error('refused');
    expect(patchBody(later.json, stored)).toMatchObject({
      start: '2027-03-16T18:30:00+02:00',
      rrule: stored.rrule,
      exceptDates: ['2027-03-30'],
    });
  });
});

describe('the API’s refusals by field', () => {
  it('dates outside the bookings beside the date, alike times said once with every date, with the venue', () => {
    const issue = (i: number, date: string, start = '18:00') => ({
      path: `occurrences.${i}`,
      code: 'outside_booking',
      params: { date, start, end: '20:00' },
      message: '',
    });
    const errs = eventErrors(
      [issue(0, '2027-03-16'), issue(1, '2027-03-23'), issue(2, '2027-03-30', '19:00')],
      form({}),
      VENUE,
    );
    expect(errs).toEqual({
      date: [
        {
          code: 'outside_booking',
          params: { date: '2027-03-16,2027-03-23', start: '18:00', end: '20:00', venue: VENUE },
        },
        {
          code: 'outside_booking',
          params: { date: '2027-03-30', start: '19:00', end: '20:00', venue: VENUE },
        },
      ],
    });
  });

  it('zod paths go to their fields; a conflict to the whole form', () => {
    const errs = eventProblemErrors(
      {
        type: '',
        title: '',
        status: 400,
        errors: [
          { path: 'title.fi', code: 'too_big', params: { maximum: 160 }, message: '' },
          { path: 'title.ru', code: 'too_big', message: '' },
          { path: 'registrationUrl', code: 'invalid_format', message: '' },
          { path: 'exceptDates.0', code: 'except_not_in_series', message: '' },
          { path: 'rrule', code: 'too_many_occurrences', message: '' },
          { path: 'start', code: 'start_not_in_rule', message: '' },
          { path: 'associationId', code: 'invalid_format', message: '' },
        ],
      },
      form({}),
    );
    expect(Object.keys(errs)).toEqual([
      'title.fi',
      'title',
      'registrationUrl',
      'except',
      'until',
      'date',
      'organizer',
    ]);
    expect(
      eventProblemErrors({ type: '', title: '', status: 409, code: 'booking_taken' }, form({})),
    ).toEqual({ form: [{ code: 'booking_taken' }] });
  });
});

describe('the room asked for with the event: the booking path’s refusals', () => {
  it('a broken rule of the venue is said as the booking form says it, beside the event’s field', () => {
    const values = form({ booking: REQUEST_ROOM, repeat: 'weekly', until: '2027-03-30' });
    const problem: Problem = {
      type: '',
      title: '',
      status: 422,
      code: 'rule_violation',
      issues: [
        {
          path: 'expectedAttendance',
          code: 'over_capacity',
          params: { maximum: 40, actual: 41 },
          message: '',
        },
        { path: 'startsAt', code: 'blackout_date', params: { date: '2027-03-23' }, message: '' },
        { path: 'startsAt', code: 'blackout_date', params: { date: '2027-03-30' }, message: '' },
      ],
    };
    expect(eventProblemErrors(problem, values, VENUE)).toEqual({
      roomAttendance: [{ code: 'over_capacity', params: { maximum: 40, actual: 41 } }],
      except: [{ code: 'blackout_date', params: { date: '2027-03-23,2027-03-30' } }],
    });
    // The form's own 400 of the room: terms beside their box.
    expect(
      eventProblemErrors(
        {
          type: '',
          title: '',
          status: 400,
          errors: [{ path: 'requestBooking.acceptTerms', code: 'terms_not_accepted', message: '' }],
        },
        values,
      ),
    ).toEqual({ roomTerms: [{ code: 'terms_not_accepted' }] });
  });
});

describe('the manage page’s forms', () => {
  it('a new time for one date, read in the zone', () => {
    expect(moveInput({ date: '2027-03-30', start: '18:30', end: '20:30' }, ZONE)).toEqual({
      ok: true,
      json: { start: '2027-03-30T18:30:00+03:00', end: '2027-03-30T20:30:00+03:00' },
    });
    const refused = moveInput({ date: '', start: '19:00', end: '18:00' }, ZONE);
    expect(refused.ok ? null : refused.errors).toEqual({ date: { code: 'required' } });
    const backwards = moveInput({ date: '2027-03-30', start: '19:00', end: '18:00' }, ZONE);
    expect(backwards.ok ? null : backwards.errors).toEqual({ end: { code: 'end_before_start' } });
  });

  it('participants: a whole number from nought to the limit', () => {
    expect(participantsInput(' 23 ', 100)).toEqual({ ok: true, participants: 23 });
    expect(participantsInput('0', 100)).toEqual({ ok: true, participants: 0 });
    expect(participantsInput('', 100)).toMatchObject({ ok: false, error: { code: 'required' } });
    expect(participantsInput('2.5', 100)).toMatchObject({ error: { code: 'invalid_type' } });
    expect(participantsInput('101', 100)).toMatchObject({ error: { code: 'too_big' } });
  });

  it('a move outside the bookings beside the date with the venue; a conflict for the form', () => {
    expect(
      manageErrors(
        {
          type: '',
          title: '',
          status: 422,
          issues: [
            {
              path: 'occurrences.0',
              code: 'outside_booking',
              params: { date: '2027-03-30', start: '19:00', end: '21:00' },
              message: '',
            },
          ],
        },
        VENUE,
      ),
    ).toEqual({
      date: {
        code: 'outside_booking',
        params: { date: '2027-03-30', start: '19:00', end: '21:00', venue: VENUE },
      },
    });
    expect(manageErrors({ type: '', title: '', status: 409, code: 'occurrence_begun' })).toEqual({
      form: { code: 'occurrence_begun' },
    });
  });
});
