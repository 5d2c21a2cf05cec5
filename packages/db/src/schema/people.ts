import type { LocalizedText } from '@motesplats/domain';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { municipalityId, createdAt, instant, updatedAt } from './columns';

export const verificationState = pgEnum('verification_state', [
  'unverified',
  'pending',
  'verified',
  'rejected',
]);
export const memberRole = pgEnum('member_role', ['admin', 'member']);
export const staffRole = pgEnum('staff_role', ['staff', 'admin']);

/**
 * People who sign in: association members, municipal staff, administrators. Never shown
 * publicly. The four auth tables (users, sessions, accounts, verifications) have the shape
 * better-auth's drizzle adapter expects (property names are its field names); see
 * docs/decisions/007-accounts-better-auth.md.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    /** The UI language mail to this person is written in. */
    locale: text('locale').notNull().default('sv'),
    /** Administrator of the whole installation (municipalities, staff roles, categories). */
    isAdmin: boolean('is_admin').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_lower_unique').on(sql`lower(${t.email})`)],
);

/**
 * Sessions live in PostgreSQL so any number of stateless Node processes can serve. The
 * cookie carries the token signed; expiresAt slides with use (idle expiry), createdAt
 * bounds the session's whole life (absolute expiry, checked on every request).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    token: text('token').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: instant('expires_at').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** How a user signs in: `credential` (password hash, argon2id) or an identity provider. */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    providerId: text('provider_id').notNull(),
    accountId: text('account_id').notNull(),
    password: text('password'),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: instant('access_token_expires_at'),
    refreshTokenExpiresAt: instant('refresh_token_expires_at'),
    scope: text('scope'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('accounts_provider_account_unique').on(t.providerId, t.accountId),
    index('accounts_user_idx').on(t.userId),
  ],
);

/** Single-use tokens: e-mail verification, password reset, change of e-mail. */
export const verifications = pgTable(
  'verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: instant('expires_at').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
);

/**
 * Attempt counters for throttling sign-in, sign-up and password reset, per account and per
 * client address (one row per key and window; shared by every process).
 */
export const throttles = pgTable('throttles', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStartedAt: instant('window_started_at').notNull(),
});

export const staffRoles = pgTable(
  'staff_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    municipalityId: municipalityId(),
    role: staffRole('role').notNull(),
    grantedAt: instant('granted_at').notNull().defaultNow(),
    /** `manual` (granted by an administrator) or `oidc` (from the identity provider's claims at sign-in). */
    source: text('source').notNull().default('manual'),
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
    /** Why staff rejected the registration; shown to the association's members only. */
    rejectionReason: text('rejection_reason'),
    logoUrl: text('logo_url'),
    logoAlt: jsonb('logo_alt').$type<LocalizedText>().notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
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

/** An e-mailed invitation to join an association; the link carries the token, the row its hash. */
export const associationInvitations = pgTable(
  'association_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    municipalityId: municipalityId(),
    email: text('email').notNull(),
    role: memberRole('role').notNull().default('member'),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: instant('expires_at').notNull(),
    acceptedAt: instant('accepted_at'),
    createdAt: createdAt(),
  },
  (t) => [index('association_invitations_association_idx').on(t.associationId)],
);
