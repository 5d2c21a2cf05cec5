import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './people';
import { createdAt, instant, municipalityId } from './columns';
import { municipalities } from './tenancy';

/** Every staff decision and role change, written in the transaction that makes it. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_municipality_at_idx').on(t.municipalityId, t.at),
  ],
);

/** Mail written in the transaction that causes it; a worker sends it (DESIGN.md "Running"). */
/** A small text attachment kept with its mail in the outbox. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** Files sent with the mail, e.g. a booking's .ics: [{ filename, contentType, content }]. */
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** When the worker may try (again): now for new mail, later after a failure (back-off). */
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    createdAt: createdAt(),
    sentAt: instant('sent_at'),
    /** Set when the worker gave up after its last retry. */
    failedAt: instant('failed_at'),
  },
  (t) => [
    index('mail_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
  ],
);

/**
 * What the feeds of a municipality show, as a number raised whenever a row they are built
 * from changes (events, occurrences, bookings, venues, buildings, the municipality): a
 * conditional GET compares it, and built feeds are cached under it, without reading the
 * rows. Raised once per transaction at its commit by deferred triggers (migration 0009), so
 * the row is locked for the commit only, not for the writer's whole transaction.
 */
export const feedVersions = pgTable('feed_versions', {
  municipalityId: uuid('municipality_id')
    .primaryKey()
    .references(() => municipalities.id, { onDelete: 'cascade' }),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
  changedAt: instant('changed_at').notNull().defaultNow(),
});

export const feedTokenScope = pgEnum('feed_token_scope', ['venue', 'municipality', 'association']);

/**
 * A private feed link (docs/decisions/017, "Private feeds"): one user's, for one scope (a
 * venue's or a municipality's bookings for its staff, an association's for its members).
 * Only the SHA-256 of the token is kept, so the link is shown once; the owner's right is
 * checked again at every fetch. At most one live token per user and scope (renewing revokes
 * the old one); revoked rows stay for the audit trail.
 */
export const feedTokens = pgTable(
  'feed_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    municipalityId: municipalityId(),
    scope: feedTokenScope('scope').notNull(),
    /** The venue's, the municipality's or the association's id. */
    scopeId: uuid('scope_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    /** Written at most once an hour by the feed itself. */
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    uniqueIndex('feed_tokens_live_unique')
      .on(t.userId, t.scope, t.scopeId)
      .where(sql`${t.revokedAt} is null`),
    index('feed_tokens_user_idx').on(t.userId),
  ],
);
