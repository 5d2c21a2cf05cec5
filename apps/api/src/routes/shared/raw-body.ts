import type { Context } from 'hono';

/**
 * The raw JSON body: the route checked it against the documented schema (400 on a bad
 * shape); the use case parses it again itself, as every use case does.
 */
export const rawBody = async (c: Context): Promise<unknown> => {
  const text = await c.req.text();
  return text.trim() === '' ? {} : JSON.parse(text);
};
