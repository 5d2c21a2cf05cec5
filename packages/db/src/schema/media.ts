import type { LocalizedText } from '@motesplats/domain';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, municipalityId } from './columns';
import { users } from './people';
import { bytea } from './types';

/**
 * Uploaded images (venue photos, association logos), already checked and resized, kept in
 * PostgreSQL so every process serves the same files and a backup holds them. Served at
 * /media/{id}.{ext}; an id never changes its bytes (cached as immutable).
 */
export const media = pgTable(
  'media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityId(),
    /** e.g. image/webp */
    contentType: text('content_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: bytea('bytes').notNull(),
    /** SHA-256 of the bytes, hex: the ETag. */
    sha256: text('sha256').notNull(),
    alt: jsonb('alt').$type<LocalizedText>().notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('media_municipality_idx').on(t.municipalityId)],
);
