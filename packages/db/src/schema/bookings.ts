import {
  check,
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
 * An association's claim on a space of a venue for a time range. A weekly series is one
 * row per occurrence sharing series_id.
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
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    seriesId: uuid('series_id'),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    status: bookingStatus('status').notNull().default('pending'),
    purpose: text('purpose').notNull(),
    expectedAttendance: integer('expected_attendance'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: instant('decided_at'),
    decisionNote: text('decision_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('bookings_range_check', sql`${t.endsAt} > ${t.startsAt}`),
    foreignKey({ columns: [t.spaceId, t.venueId], foreignColumns: [spaces.id, spaces.venueId] }),
    index('bookings_venue_time_idx').on(t.venueId, t.startsAt),
    index('bookings_association_idx').on(t.associationId),
    index('bookings_series_idx').on(t.seriesId),
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
