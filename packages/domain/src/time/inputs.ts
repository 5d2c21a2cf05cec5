import { z } from 'zod';

/** An instant as ISO 8601 with its offset (`2026-12-15T17:30:00+02:00`), whole minutes. */
export const instantInput = z.iso
  .datetime({ offset: true, local: false })
  .refine((s) => new Date(s).getUTCSeconds() === 0 && new Date(s).getUTCMilliseconds() === 0, {
    message: 'must be a whole minute',
    params: { code: 'whole_minutes' },
  })
  .transform((s) => new Date(s));

/** A local calendar date, checked as a real date by the domain (2026-02-30 is refused). */
export const localDateInput = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a yyyy-MM-dd date');
