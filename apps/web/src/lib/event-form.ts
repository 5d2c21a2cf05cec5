// The event form's fields (create and edit, /{lang}/events/new and /{lang}/events/{id}/edit).
// Pure: no I/O, no clock, no messages; shared by the server (lib/server/event-form.ts) and the
// form component.
import { CONTENT_LANGUAGES, FORM_LANGUAGES } from '#lib/locale.ts';
import type { FieldError } from '#lib/server/forms.ts';

/** The texts an organizer writes per language: fields `{text}.{language}`. */
export const EVENT_TEXTS = [
  'title',
  'summary',
  'description',
  'priceText',
  'accessibilityNotes',
] as const;
export type EventText = (typeof EVENT_TEXTS)[number];

/** The repeat choices of the form (packages/domain REPEAT_KINDS); `custom` keeps a stored rule the form cannot say. */
export const EVENT_REPEATS = ['none', 'weekly', 'biweekly', 'monthly_weekday', 'custom'] as const;
export type EventRepeat = (typeof EVENT_REPEATS)[number];

/** The form's one-value fields, by their names in the form. */
export const EVENT_FIELDS = [
  'organizer',
  'category',
  'languages',
  'otherLanguages',
  'audience',
  'price',
  'priceAmount',
  'registration',
  'registrationUrl',
  'booking',
  'roomVenue',
  'roomAttendance',
  'roomTerms',
  'locationText',
  'date',
  'start',
  'end',
  'repeat',
  'until',
  'except',
  'textLanguages',
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

/** `booking` when the event is at an address of its own, not in a booked room. */
export const AT_ADDRESS = 'address';
/** `booking` when the organizer asks for a room (`roomVenue`) for the event's dates in the same step. */
export const REQUEST_ROOM = 'room';
/** `roomVenue`'s value: a venue (the whole of it), or one of its parts as `venueId:spaceId`. */
export const roomValue = (venueId: string, spaceId?: string | null) =>
  spaceId ? `${venueId}:${spaceId}` : venueId;
export function roomOf(value: string | undefined): { venueId: string; spaceId: string | null } {
  const [venueId = '', spaceId = ''] = (value ?? '').split(':');
  return { venueId, spaceId: spaceId || null };
}
/** `booking` for the venue an edited event is at, when none of the organizer's requests is listed for it. */
export const CURRENT_VENUE = 'venue:';

/** What was typed, by field name (texts as `title.sv`, checkboxes comma-joined). */
export type EventValues = Record<string, string>;

/** Errors by field (`title.sv`, `date`, `form`…); a field may have several. */
export type EventErrors = Partial<Record<string, FieldError[]>>;

/** The element an error summary links to for each field. */
export function eventFieldId(field: string): string {
  if (field === 'form') return 'event-form';
  if (field === 'languages') return 'field-languages';
  if (field === 'except') return 'field-except';
  if (field === 'booking') return 'field-booking';
  if (field === 'price') return 'field-price-free';
  if (field === 'registration') return 'field-registration-none';
  if (field === 'roomTerms') return 'field-roomTerms';
  // `title` without a language: its first field.
  if ((EVENT_TEXTS as readonly string[]).includes(field)) return `field-${field}-sv`;
  return `field-${field.replaceAll('.', '-')}`;
}

/**
 * The languages the form has text fields for: FORM_LANGUAGES (sv, fi, en, ar), then
 * any other content language an event already has a text in (an edit keeps them) or the
 * organizer added ("Add another language": `textLanguages`, comma-joined).
 */
export function eventTextLanguages(values: EventValues): string[] {
  const extra = new Set<string>((values.textLanguages ?? '').split(',').filter(Boolean));
  for (const [key, value] of Object.entries(values)) {
    const [text, lang] = key.split('.');
    if (lang && (EVENT_TEXTS as readonly string[]).includes(text!) && value.trim() !== '')
      extra.add(lang);
  }
  return [
    ...FORM_LANGUAGES,
    ...CONTENT_LANGUAGES.filter(
      (l) => extra.has(l) && !(FORM_LANGUAGES as readonly string[]).includes(l),
    ),
  ];
}

/** The content languages the form can still add text fields for. */
export const addableLanguages = (values: EventValues): string[] => {
  const shown = new Set(eventTextLanguages(values));
  return CONTENT_LANGUAGES.filter((l) => !shown.has(l));
};
