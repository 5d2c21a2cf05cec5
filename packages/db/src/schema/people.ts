import type { LocalizedText } from '@motesplats/domain';
import {
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { municipalityId, createdAt, instant } from './columns';

export const verificationState = pgEnum('verification_state', [
  'unverified',
  'pending',
  'verified',
  'rejected',
]);
export const memberRole = pgEnum('member_role', ['admin', 'member']);
export const staffRole = pgEnum('staff_role', ['staff', 'admin']);

/** People who sign in: association members and municipal staff. Never shown publicly. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('sv'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_lower_unique').on(sql`lower(${t.email})`)],
);

/** Sessions live in PostgreSQL so any number of stateless Node processes can serve. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session token; the token itself is only in the cookie. */
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: instant('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const staffRoles = pgTable(
  'staff_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    municipalityId: municipalityId(),
    role: staffRole('role').notNull(),
    grantedAt: instant('granted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.municipalityId, t.role] })],
);

/** An organisation's public profile; staff verify it before it can book or publish. */
export const associations = pgTable(
  'associations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityId(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    /** Languages the association works in (ISO 639-1). */
    languages: text('languages').array().notNull().default([]),
    /** Finnish business ID (Y-tunnus / FO-nummer), e.g. 1234567-8. */
    businessId: text('business_id'),
    website: text('website'),
    /** Contact for staff only; never public. */
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    verification: verificationState('verification').notNull().default('unverified'),
    verifiedAt: instant('verified_at'),
    createdAt: createdAt(),
  },
  (t) => [index('associations_municipality_idx').on(t.municipalityId)],
);

export const associationMembers = pgTable(
  'association_members',
  {
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    municipalityId: municipalityId(),
    role: memberRole('role').notNull().default('member'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.associationId, t.userId] })],
);
