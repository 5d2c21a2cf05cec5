import type { LocalizedText } from '@motesplats/domain';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { bookings } from './bookings';
import { associations, users } from './people';
import { media } from './media';
import { venues } from './premises';
import { municipalityId, createdAt, updatedAt, instant } from './columns';

export const eventStatus = pgEnum('event_status', [
  'draft',
  'published',
  'cancelled',
  'unpublished',
]);
export const occurrenceStatus = pgEnum('occurrence_status', ['scheduled', 'cancelled']);

/** Shared by every municipality of the installation: the pictogram vocabulary. */
export const categories = pgTable('categories', {
  slug: text('slug').primaryKey(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  /** Key of the pictogram the web app draws. */
  pictogram: text('pictogram').notNull(),
  position: integer('position').notNull().default(0),
});

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityId(),
    /** The organizer; null for the municipality's own events (created by staff). */
    associationId: uuid('association_id').references(() => associations.id),
    categorySlug: text('category_slug')
      .notNull()
      .references(() => categories.slug),
    /** Where it happens: a venue, or free text for elsewhere. */
    venueId: uuid('venue_id').references(() => venues.id),
    locationText: text('location_text'),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    summary: jsonb('summary').$type<LocalizedText>().notNull().default({}),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    audience: text('audience').notNull().default('everyone'),
    /** Languages spoken at the event (ISO 639-1). */
    languages: text('languages').array().notNull().default([]),
    /** Null = free of charge. */
    priceCents: integer('price_cents'),
    priceText: jsonb('price_text').$type<LocalizedText>().notNull().default({}),
    registrationRequired: boolean('registration_required').notNull().default(false),
    registrationUrl: text('registration_url'),
    accessibilityNotes: jsonb('accessibility_notes').$type<LocalizedText>().notNull().default({}),
    imageId: uuid('image_id').references(() => media.id, { onDelete: 'set null' }),
    /** The first occurrence (DTSTART/DTEND of the series); the rule repeats its wall-clock time. */
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    /** RFC 5545 RRULE subset (packages/domain recurrence) in the municipality's zone. */
    rrule: text('rrule'),
    /** Local dates (yyyy-MM-dd) the rule skips: EXDATE. */
    exceptDates: text('except_dates').array().notNull().default([]),
    /** Why staff unpublished it, or why the organizer cancelled it. */
    statusReason: text('status_reason'),
    /** Titles, summaries and descriptions in every language, lower-cased: what `q` searches. */
    searchText: text('search_text').notNull().default(''),
    status: eventStatus('status').notNull().default('draft'),
    /** Stable feed identity of the event; occurrences have their own. */
    uid: text('uid').notNull().unique(),
    sequence: integer('sequence').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: instant('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('events_municipality_idx').on(t.municipalityId),
    index('events_association_idx').on(t.associationId),
    index('events_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('events_venue_idx').on(t.venueId),
  ],
);

export const eventOccurrences = pgTable(
  'event_occurrences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityId(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** The booking that holds the room for this occurrence (null when not at a venue). */
    bookingId: uuid('booking_id')
      .unique()
      .references(() => bookings.id),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    /** Where the rule put it (RECURRENCE-ID): with the event, its identity; a move keeps it. */
    originalStartsAt: instant('original_starts_at').notNull(),
    status: occurrenceStatus('status').notNull().default('scheduled'),
    /** Never changes (DESIGN.md invariant 5). */
    uid: text('uid').notNull().unique(),
    /** Raised on every edit so calendar clients take it. */
    sequence: integer('sequence').notNull().default(0),
    cancelledAt: instant('cancelled_at'),
    cancelReason: text('cancel_reason'),
    /** When the organizer was asked for the number of participants (once, the next morning). */
    attendanceRemindedAt: instant('attendance_reminded_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('event_occurrences_range_check', sql`${t.endsAt} > ${t.startsAt}`),
    // OCCURRENCE_SPAN_BOUND_MS of the domain (14 days): the calendar's queries bound their
    // scan of the start index by it.
    check('event_occurrences_span_check', sql`${t.endsAt} - ${t.startsAt} <= interval '14 days'`),
    unique('event_occurrences_event_original_start_key').on(t.eventId, t.originalStartsAt),
    index('event_occurrences_start_idx').on(t.startsAt),
    index('event_occurrences_event_idx').on(t.eventId),
    index('event_occurrences_municipality_start_idx').on(t.municipalityId, t.startsAt),
  ],
);

/** Participants recorded after an occurrence: the "events and participants" indicator. */
export const attendance = pgTable('attendance', {
  occurrenceId: uuid('occurrence_id')
    .primaryKey()
    .references(() => eventOccurrences.id, { onDelete: 'cascade' }),
  municipalityId: municipalityId(),
  participants: integer('participants').notNull(),
  recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
  recordedAt: instant('recorded_at').notNull().defaultNow(),
});
