/**
 * What staff may write about a building or a venue, as zod schemas shared by the API (which
 * parses with them inside its use cases) and the pages (which use the bounds).
 */
import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../locales';
import { parseLocalDate, parseWallTime } from '../time/local';
import { weeklyHoursSchema, type WeeklyHours } from '../time/opening-hours';
import { ACCESS_METHODS, ACCESSIBILITY, EQUIPMENT, VENUE_LIMITS } from './vocabulary';

/** Bounds of the booking rules (minutes, days, hours, counts). */
export const RULE_BOUNDS = {
  minDurationMinutes: [15, 1440],
  maxDurationMinutes: [15, 10_080],
  horizonDays: [1, 730],
  leadTimeHours: [0, 2160],
  bufferMinutes: [0, 240],
  maxOpenRequests: [1, 100],
  cancellationDeadlineHours: [0, 2160],
} as const;

// Control characters (line breaks and tabs allowed in multi-line texts), bidirectional
// overrides and isolates (they make a text read differently from what it is), and the
// byte-order mark. The marks LRM/RLM stay allowed: mixed Arabic and Latin text needs them.
const FORBIDDEN = /[\p{Cc}\u202A-\u202E\u2066-\u2069\uFEFF]/u;
const LINE_BREAKS = /[\n\r\t]/g;

/** A text as a person writes it: well-formed Unicode (no lone surrogates), NFC, no hidden controls. */
export const plainText = (max: number, multiline = false) =>
  z
    .string()
    .refine((s) => !/\p{Cs}/u.test(s), {
      message: 'must be well-formed Unicode',
      abort: true,
      params: { code: 'malformed_unicode' },
    })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .max(max)
        .refine((s) => !FORBIDDEN.test(multiline ? s.replace(LINE_BREAKS, '') : s), {
          message: 'must not contain control or direction-override characters',
          params: { code: 'control_characters' },
        }),
    );

const LANGUAGE = z.enum(CONTENT_LANGUAGES);

/** Texts per content language; empty ones are dropped (a missing language falls back). */
export const localizedInput = (max: number, multiline = false) =>
  z
    .partialRecord(LANGUAGE, plainText(max, multiline))
    .transform((texts) =>
      Object.fromEntries(Object.entries(texts).filter(([, t]) => t !== undefined && t !== '')),
    );

/** Like localizedInput, but at least one language must have a text (a name, a title). */
export const requiredLocalized = (max: number) =>
  localizedInput(max).refine((t) => Object.keys(t).length > 0, {
    message: 'a text in at least one language is required',
    params: { code: 'required' },
  });

const int = (name: keyof typeof RULE_BOUNDS) =>
  z.int().min(RULE_BOUNDS[name][0]).max(RULE_BOUNDS[name][1]);

export const coordinatesInput = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

export const buildingInput = z.strictObject({
  name: requiredLocalized(VENUE_LIMITS.nameLength),
  street: plainText(VENUE_LIMITS.streetLength).pipe(z.string().min(1)),
  postalCode: z.string().regex(/^\d{5}$/, 'must be a Finnish postal code (five digits)'),
  city: plainText(VENUE_LIMITS.cityLength).pipe(z.string().min(1)),
  coordinates: coordinatesInput.nullable().default(null),
});
export type BuildingInput = z.output<typeof buildingInput>;

/** Minutes since midnight, or null for a malformed time (reported by the schema itself). */
const minutesOf = (text: unknown, allow24 = false): number | null => {
  const t = typeof text === 'string' ? parseWallTime(text, allow24) : null;
  return t ? t.hour * 60 + t.minute : null;
};

/**
 * Weekly hours as staff enter them: well-formed spans, none empty, none overlapping another
 * (an overnight span counts into the next morning, Sunday's into Monday's). Issues name the
 * span by its index, with a code (`empty_span`, `overlapping_span`).
 */
export const openingHoursInput = weeklyHoursSchema
  .max(VENUE_LIMITS.openingSpans)
  .superRefine((hours, ctx) => {
    const week = 7 * 1440;
    const spans = hours.flatMap((h, index) => {
      const opens = minutesOf(h?.opens);
      const closes = minutesOf(h?.closes, true);
      const weekday = Number(h?.weekday);
      if (opens === null || closes === null || !(weekday >= 1 && weekday <= 7)) return [];
      const start = (weekday - 1) * 1440 + opens;
      const length = closes > opens ? closes - opens : closes + 1440 - opens;
      return [{ index, start, end: start + length, empty: closes === opens }];
    });
    for (const s of spans) {
      if (s.empty)
        ctx.addIssue({
          code: 'custom',
          path: [s.index],
          message: 'opens and closes at the same time',
          params: { code: 'empty_span' },
        });
    }
    for (const a of spans)
      for (const b of spans) {
        if (a.index >= b.index || a.empty || b.empty) continue;
        const overlaps = [-week, 0, week].some(
          (shift) => a.start < b.end + shift && b.start + shift < a.end,
        );
        if (overlaps)
          ctx.addIssue({
            code: 'custom',
            path: [b.index],
            message: `overlaps opening span ${a.index}`,
            params: { code: 'overlapping_span', other: a.index },
          });
      }
  })
  .transform((hours): WeeklyHours =>
    [...hours].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens)),
  );

export const blackoutDatesInput = z
  .array(
    z.string().refine((s) => parseLocalDate(s) !== null, {
      message: 'must be a date (yyyy-MM-dd)',
      params: { code: 'invalid_date' },
    }),
  )
  .max(VENUE_LIMITS.blackoutDates)
  .transform((dates) => [...new Set(dates)].sort());

/** Every field of a venue that staff edit. A create needs the required ones; an edit any subset. */
export const venueFields = {
  name: requiredLocalized(VENUE_LIMITS.nameLength),
  description: localizedInput(VENUE_LIMITS.longTextLength, true),
  capacity: z.int().min(1).max(VENUE_LIMITS.capacity),
  accessibility: z
    .array(z.enum(ACCESSIBILITY))
    .max(ACCESSIBILITY.length)
    .transform((a) => [...new Set(a)]),
  equipment: z
    .array(z.enum(EQUIPMENT))
    .max(EQUIPMENT.length)
    .transform((a) => [...new Set(a)]),
  openingHours: openingHoursInput,
  minDurationMinutes: int('minDurationMinutes'),
  maxDurationMinutes: int('maxDurationMinutes'),
  horizonDays: int('horizonDays'),
  leadTimeHours: int('leadTimeHours'),
  bufferMinutes: int('bufferMinutes'),
  maxOpenRequests: int('maxOpenRequests'),
  cancellationDeadlineHours: int('cancellationDeadlineHours'),
  blackoutDates: blackoutDatesInput,
  termsOfUse: localizedInput(VENUE_LIMITS.longTextLength, true),
  accessMethod: z.enum(ACCESS_METHODS),
  /** Door codes and key pick-up: shown to approved bookers only, never public. */
  accessInstructions: localizedInput(VENUE_LIMITS.longTextLength, true),
};

const durationsOrdered = (v: { minDurationMinutes?: number; maxDurationMinutes?: number }) =>
  v.minDurationMinutes === undefined ||
  v.maxDurationMinutes === undefined ||
  v.minDurationMinutes <= v.maxDurationMinutes;
const ordered = {
  message: 'the longest booking must not be shorter than the shortest',
  path: ['maxDurationMinutes'],
  params: { code: 'max_below_min' },
};

export const venueCreateInput = z
  .strictObject({
    buildingId: z.uuid(),
    ...venueFields,
    description: venueFields.description.default({}),
    accessibility: venueFields.accessibility.default([]),
    equipment: venueFields.equipment.default([]),
    openingHours: venueFields.openingHours.default([]),
    minDurationMinutes: venueFields.minDurationMinutes.default(60),
    maxDurationMinutes: venueFields.maxDurationMinutes.default(480),
    horizonDays: venueFields.horizonDays.default(180),
    leadTimeHours: venueFields.leadTimeHours.default(48),
    bufferMinutes: venueFields.bufferMinutes.default(0),
    maxOpenRequests: venueFields.maxOpenRequests.default(5),
    cancellationDeadlineHours: venueFields.cancellationDeadlineHours.default(24),
    blackoutDates: venueFields.blackoutDates.default([]),
    termsOfUse: venueFields.termsOfUse.default({}),
    accessMethod: venueFields.accessMethod.default('staff_opens'),
    accessInstructions: venueFields.accessInstructions.default({}),
  })
  .refine(durationsOrdered, ordered);
export type VenueCreateInput = z.output<typeof venueCreateInput>;

export const venueUpdateInput = z
  .strictObject({ buildingId: z.uuid(), ...venueFields })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type VenueUpdateInput = z.output<typeof venueUpdateInput>;
export { durationsOrdered };

export const spaceInput = z.strictObject({
  name: requiredLocalized(VENUE_LIMITS.nameLength),
  capacity: z.int().min(1).max(VENUE_LIMITS.capacity).nullable().default(null),
});

export const photoAltInput = requiredLocalized(VENUE_LIMITS.altLength);
