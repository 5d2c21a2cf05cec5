import { z } from 'zod';
import { localizedInput, plainText, requiredLocalized } from '../premises/venue-input';
import { instantInput, localDateInput } from '../time/inputs';
import { AUDIENCES, EVENT_LIMITS, MAX_EVENT_OCCURRENCES } from './vocabulary';

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** What an organizer says about an event; the same fields create and edit it (no defaults: an edit leaves out what stays). */
const eventFields = {
  categorySlug: z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be a category slug'),
  title: requiredLocalized(EVENT_LIMITS.titleMax),
  summary: localizedInput(EVENT_LIMITS.summaryMax),
  description: localizedInput(EVENT_LIMITS.descriptionMax, true),
  /** Languages spoken at the event, ISO 639-1/-3 codes ("fi", "ar", "so"). */
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code'))
    .min(1)
    .max(EVENT_LIMITS.languagesMax)
    .transform((codes) => [...new Set(codes)]),
  audience: z.enum(AUDIENCES),
  /** Null or left out: free of charge. */
  priceCents: z.int().min(1).max(1_000_000).nullable(),
  priceText: localizedInput(200),
  /** Where to sign up; null or left out: "just come". */
  registrationUrl: z.preprocess(
    emptyToNull,
    z
      .url({ protocol: /^https?$/, message: 'must be an http(s) address' })
      .max(500)
      .nullable(),
  ),
  accessibilityNotes: localizedInput(EVENT_LIMITS.notesMax, true),
  /** A venue of the system, or else `locationText`: exactly one of them. */
  venueId: z.uuid().nullable(),
  locationText: z.preprocess(emptyToNull, plainText(EVENT_LIMITS.locationMax).nullable()),
  /** The first occurrence; a rule repeats its local wall-clock time. */
  start: instantInput,
  end: instantInput,
  /** RFC 5545 RRULE (the subset packages/domain/recurrence reads); null: a one-off event. */
  rrule: z.preprocess(emptyToNull, z.string().max(200).nullable()),
  /** Local dates the rule leaves out (EXDATE). */
  exceptDates: z.array(localDateInput).max(MAX_EVENT_OCCURRENCES),
};

const placeIssue = (
  v: { venueId?: string | null; locationText?: string | null },
  ctx: z.RefinementCtx,
) => {
  const venue = v.venueId != null;
  const text = v.locationText != null;
  if (venue === text)
    ctx.addIssue({
      code: 'custom',
      path: [venue ? 'locationText' : 'venueId'],
      message: venue ? 'a venue or an address, not both' : 'a venue or an address is required',
      params: { code: venue ? 'place_twice' : 'place_required' },
    });
};

/** A new event: what an organizer may leave out gets its default. */
const createFields = {
  ...eventFields,
  summary: eventFields.summary.default({}),
  description: eventFields.description.default({}),
  audience: eventFields.audience.default('everyone'),
  priceCents: eventFields.priceCents.default(null),
  priceText: eventFields.priceText.default({}),
  registrationUrl: eventFields.registrationUrl.default(null),
  accessibilityNotes: eventFields.accessibilityNotes.default({}),
  venueId: eventFields.venueId.default(null),
  locationText: eventFields.locationText.default(null),
  rrule: eventFields.rrule.default(null),
  exceptDates: eventFields.exceptDates.default([]),
};

/**
 * Ask for the room in the same step: one booking request holding every date of the event,
 * pending until staff decide (for the municipality's own event: the city's use, at once).
 */
export const EventRoomInput = z.strictObject({
  /** A part of a divisible hall; the whole venue when left out. */
  spaceId: z.uuid().optional(),
  expectedAttendance: z.int().min(1).max(10_000),
  /** The venue's terms of use; must be true for an association. */
  acceptTerms: z.boolean().default(false),
  /** What the room is for; the event's title when left out. */
  purpose: z.preprocess(emptyToNull, plainText(500, true).nullable()).default(null),
});

export const EventCreateInput = z
  .strictObject({
    ...createFields,
    requestBooking: EventRoomInput.optional(),
    /** The organizing association; left out for the municipality's own event (staff). */
    associationId: z.uuid().optional(),
    /** For the municipality's own event at an address (staff); a venue names its own. */
    municipalityId: z.uuid().optional(),
  })
  .superRefine((v, ctx) => {
    placeIssue(v, ctx);
    if (!v.requestBooking) return;
    if (v.venueId === null)
      ctx.addIssue({
        code: 'custom',
        path: ['requestBooking'],
        message: 'a room is requested at a venue',
        params: { code: 'request_needs_venue' },
      });
    if (v.associationId !== undefined && !v.requestBooking.acceptTerms)
      ctx.addIssue({
        code: 'custom',
        path: ['requestBooking', 'acceptTerms'],
        message: 'the terms of use must be accepted',
        params: { code: 'terms_not_accepted' },
      });
  });
export type EventCreateInput = z.output<typeof EventCreateInput>;

/** Every field may be left out; a schedule field given re-plans the occurrences. */
export const EventUpdateInput = z
  .strictObject(
    Object.fromEntries(
      Object.entries(eventFields).map(([k, schema]) => [k, (schema as z.ZodType).optional()]),
    ) as { [K in keyof typeof eventFields]: z.ZodOptional<(typeof eventFields)[K]> },
  )
  .superRefine((v, ctx) => {
    if (v.venueId !== undefined || v.locationText !== undefined) {
      if (v.venueId !== undefined && v.locationText !== undefined) placeIssue(v, ctx);
    }
    if ((v.start === undefined) !== (v.end === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [v.start === undefined ? 'start' : 'end'],
        message: 'start and end change together',
        params: { code: 'required' },
      });
  });
export type EventUpdateInput = z.output<typeof EventUpdateInput>;

const optionalReason = plainText(EVENT_LIMITS.reasonMax, true).optional();
const requiredReason = plainText(EVENT_LIMITS.reasonMax, true).pipe(z.string().min(1));

export const CancelEventInput = z.strictObject({ reason: optionalReason });
export const UnpublishEventInput = z.strictObject({ reason: requiredReason });
export const CancelOccurrenceInput = z.strictObject({ reason: optionalReason });
export const MoveOccurrenceInput = z.strictObject({ start: instantInput, end: instantInput });
export const AttendanceInput = z.strictObject({
  participants: z.int().min(0).max(EVENT_LIMITS.participantsMax),
});
