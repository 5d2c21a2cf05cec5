import type { Context } from 'hono';
import type { z } from 'zod';

/**
 * Answers JSON after parsing the body with its public schema, so keys the schema does not
 * name (private ones) are stripped and a malformed answer becomes a 500, never a 200.
 */
export function respond<S extends z.ZodType>(c: Context, schema: S, body: z.input<S>) {
  return c.json(schema.parse(body) as z.output<S>, 200);
}
