import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What a client (or the proxy in front) may name its request: a short token of letters,
 * digits and `-_.:=`, as proxies and tracing systems write them (UUIDs, `req-42`, base64url).
 * Anything else (too long, spaces, quotes, line breaks, non-ASCII) is not echoed nor logged.
 */
const SANE = /^[A-Za-z0-9_.:=-]{1,128}$/;

/** The request's id: the one it brought when that is a sane token, else a new UUID. */
export function requestIdOf(header: string | null | undefined): string {
  return header && SANE.test(header) ? header : randomUUID();
}
