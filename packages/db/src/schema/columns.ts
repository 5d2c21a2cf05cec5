import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from './tenancy';

/** The tenant key every row of tenant data carries (DESIGN.md invariant 6). */
export const municipalityId = () =>
  uuid('municipality_id')
    .notNull()
    .references(() => municipalities.id);

/** An instant, always timestamptz. */
export const instant = (name: string) => timestamp(name, { withTimezone: true });

export const createdAt = () => instant('created_at').notNull().defaultNow();
export const updatedAt = () => instant('updated_at').notNull().defaultNow();
