import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { ResponseSchemaError } from './problem';

/** The body parsed with its public schema: unknown (private) keys stripped, a malformed answer a 500. */
function checked<S extends z.ZodType>(schema: S, body: z.input<S>): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ResponseSchemaError(parsed.error);
  return parsed.data;
}

/**
 * Answers JSON after parsing the body with its public schema, so keys the schema does not
 * name (private ones) are stripped and a malformed answer becomes a 500, never a 200.
 */
export function respond<S extends z.ZodType>(c: Context, schema: S, body: z.input<S>) {
  return c.json(checked(schema, body), 200);
}

/** The same with another success status (201 Created, 202 Accepted). */
export function respondWith<S extends z.ZodType, Status extends ContentfulStatusCode>(
  c: Context,
  schema: S,
  body: z.input<S>,
  status: Status,
) {
  return c.json(checked(schema, body), status);
}
