import { CLIENT_ADDRESS_HEADER } from '../../auth/auth';
import type { ServiceCtx } from '../context';

/**
 * The headers a better-auth call sees: the visitor's cookie (their session, if any) and
 * the client's address and agent as our server established them, never as a client
 * claimed them.
 */
export function authHeaders(ctx: ServiceCtx, cookie?: string | null): Headers {
  const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: ctx.client.address });
  if (ctx.client.userAgent) headers.set('user-agent', ctx.client.userAgent);
  if (cookie) headers.set('cookie', cookie);
  return headers;
}
