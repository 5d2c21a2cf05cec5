import type { LocalizedText, WeeklyHours } from '@motesplats/domain';
import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { municipalityId, createdAt, updatedAt } from './columns';

export const accessMethod = pgEnum('access_method', ['key', 'door_code', 'staff_opens']);

export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityId(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    createdAt: createdAt(),
  },
  (t) => [index('buildings_municipality_idx').on(t.municipalityId)],
);

/** A bookable room in a building; its booking rules are stored in local terms. */
export const venues = pgTable(
  'venues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityId(),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    capacity: integer('capacity').notNull(),
    accessibility: text('accessibility').array().notNull().default([]),
    equipment: text('equipment').array().notNull().default([]),
    /** Weekly opening hours in the municipality's local time. */
    openingHours: jsonb('opening_hours').$type<WeeklyHours>().notNull().default([]),
    minDurationMinutes: integer('min_duration_minutes').notNull().default(60),
    maxDurationMinutes: integer('max_duration_minutes').notNull().default(480),
    horizonDays: integer('horizon_days').notNull().default(180),
    leadTimeHours: integer('lead_time_hours').notNull().default(48),
    /** Time after a booking kept free for cleaning; part of the claimed range. */
    bufferMinutes: integer('buffer_minutes').notNull().default(0),
    cancellationDeadlineHours: integer('cancellation_deadline_hours').notNull().default(24),
    maxOpenRequests: integer('max_open_requests').notNull().default(5),
    /** Local dates ('yyyy-MM-dd') when the venue cannot be booked. */
    blackoutDates: date('blackout_dates', { mode: 'string' }).array().notNull().default([]),
    termsOfUse: jsonb('terms_of_use').$type<LocalizedText>().notNull().default({}),
    accessMethod: accessMethod('access_method').notNull().default('staff_opens'),
    /** Shown to approved bookers only (door codes, key pick-up); never public. */
    accessInstructions: jsonb('access_instructions').$type<LocalizedText>().notNull().default({}),
    bookable: boolean('bookable').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('venues_municipality_idx').on(t.municipalityId),
    index('venues_building_idx').on(t.buildingId),
  ],
);

export const venuePhotos = pgTable(
  'venue_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityId(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    alt: jsonb('alt').$type<LocalizedText>().notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('venue_photos_venue_idx').on(t.venueId)],
);

/**
 * The smallest bookable parts of a venue. An undivided venue has one root space; a
 * divisible hall has a root (the whole hall) with child spaces (its halves). A booking of
 * a space claims every leaf under it (see the booking_claims trigger).
 */
export const spaces = pgTable(
  'spaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityId(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    capacity: integer('capacity'),
  },
  (t) => [
    unique('spaces_id_venue_unique').on(t.id, t.venueId),
    foreignKey({ columns: [t.parentId, t.venueId], foreignColumns: [t.id, t.venueId] }).onDelete(
      'cascade',
    ),
    index('spaces_venue_idx').on(t.venueId),
  ],
);
