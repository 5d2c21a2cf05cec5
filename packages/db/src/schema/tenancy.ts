import type { LocalizedText } from '@motesplats/domain';
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The tenant. Several municipalities can share one installation (an employment area). */
export const municipalities = pgTable('municipalities', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  /** IANA zone; every local rule of this municipality is computed in it. */
  timeZone: text('time_zone').notNull().default('Europe/Helsinki'),
  /** Official languages in order of precedence, e.g. ['sv', 'fi'] for Borgå; content falls back to these. */
  languages: text('languages').array().notNull(),
  /** Region such as an employment area ("Borgå ekonomiska region"). */
  region: text('region'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
