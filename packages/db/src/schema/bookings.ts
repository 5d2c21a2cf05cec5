import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uuid,
  foreignKey,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { associations, users } from './people';
import { spaces, venues } from './premises';
import { municipalityId, createdAt, updatedAt, instant } from './columns';
import { tstzrange } from './types';

export const bookingStatus = pgEnum('booking_status', [
  'pending',
  'approved',
  'rejected',
  'withdrawn',
  'cancelled',
]);

/** Statuses that hold the room (DESIGN.md invariant 1). */
export const HOLDING_STATUSES = ['pending', 'approved'] as const;

/**
 * What was asked for (DESIGN.md "booking request"): one slot, or a weekly rule with its end
 * date and exceptions, with the purpose, the attendance and the terms accepted. Its bookings
 * (one row per date) hold the room and carry each date's decision, so a series is decided
 * as a whole or date by date, and the open-request limit counts requests, not weeks.
 * City use (staff booking for the city itself) has no association.
 */
export const bookingRequests = pgTable(
  'booking_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityId(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id),
    spaceId: uuid('space_id').notNull(),
    associationId: uuid('association_id').references(() => associations.id),
    /** Booked by staff for the city's own use: kept out of association-use figures. */
    cityUse: boolean('city_use').notNull().default(false),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    /** The first date's slot; later dates keep its local start time and its length. */
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    /** RFC 5545 RRULE of a series (FREQ=WEEKLY…;UNTIL=date); null for a single slot. */
    rrule: text('rrule'),
    /** Local dates ('yyyy-MM-dd') the member left out of the series. */
    exceptDates: date('except_dates', { mode: 'string' }).array().notNull().default([]),
    purpose: text('purpose').notNull(),
    expectedAttendance: integer('expected_attendance'),
    /** Whether the association will publish a public event for it. */
    publicEvent: boolean('public_event').notNull().default(false),
    termsAcceptedAt: instant('terms_accepted_at'),
    /**
     * What became of the request, kept from its dates by the database (migration 0011,
     * decision 018): approved if any date was approved (also if later cancelled), else
     * rejected if any was, else pending if any is, else withdrawn; cancelled only where every
     * date was cancelled undecided. Written by triggers on bookings, never by the app.
     */
    outcome: bookingStatus('outcome').notNull().default('pending'),
    /** When the first of its dates was decided (the report's time to a decision); by trigger. */
    firstDecidedAt: instant('first_decided_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('booking_requests_range_check', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'booking_requests_owner_check',
      sql`(${t.cityUse} and ${t.associationId} is null) or (not ${t.cityUse} and ${t.associationId} is not null)`,
    ),
    foreignKey({ columns: [t.spaceId, t.venueId], foreignColumns: [spaces.id, spaces.venueId] }),
    index('booking_requests_venue_idx').on(t.venueId, t.createdAt),
    index('booking_requests_municipality_created_idx').on(t.municipalityId, t.createdAt),
    index('booking_requests_association_idx').on(t.associationId),
  ],
);

/**
 * One date of a booking request: a claim on a space of a venue for a time range, with its
 * own status and decision. City-use bookings have no association.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityId(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id),
    spaceId: uuid('space_id').notNull(),
    associationId: uuid('association_id').references(() => associations.id),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => bookingRequests.id, { onDelete: 'cascade' }),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    status: bookingStatus('status').notNull().default('pending'),
    purpose: text('purpose').notNull(),
    expectedAttendance: integer('expected_attendance'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: instant('decided_at'),
    decisionNote: text('decision_note'),
    /** The private feeds' SEQUENCE: raised by the database when status, time or purpose change (migration 0010). */
    sequence: integer('sequence').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('bookings_range_check', sql`${t.endsAt} > ${t.startsAt}`),
    foreignKey({ columns: [t.spaceId, t.venueId], foreignColumns: [spaces.id, spaces.venueId] }),
    index('bookings_venue_time_idx').on(t.venueId, t.startsAt),
    /** The reports' range over a municipality's dates (decision 018). */
    index('bookings_municipality_time_idx').on(t.municipalityId, t.startsAt),
    index('bookings_association_idx').on(t.associationId),
    index('bookings_request_idx').on(t.requestId),
  ],
);

/**
 * What a holding booking claims: one row per leaf space it covers, over
 * [starts_at, ends_at + venue buffer). Maintained by a trigger on bookings and guarded by
 * the exclusion constraint `booking_claims_no_overlap` (custom migration).
 */
export const bookingClaims = pgTable(
  'booking_claims',
  {
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    municipalityId: municipalityId(),
    during: tstzrange('during').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.spaceId] })],
);
