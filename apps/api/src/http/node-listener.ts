import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { requestOrigin, type OriginPolicy } from './forwarded';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The headers adapter-node reads the page's origin from (its PROTOCOL_HEADER and
 * HOST_HEADER). The listener always overwrites both with the origin it decided, so what a
 * client sends in them never reaches SvelteKit.
 */
export const ORIGIN_HEADERS = { proto: 'x-forwarded-proto', host: 'x-forwarded-host' } as const;

/** Headers of everything SvelteKit serves, assets included (hooks.server.ts sets pages' own). */
export const STATIC_HEADERS = {
  'content-security-policy':
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;
const HSTS = 'max-age=31536000; includeSubDomains';

const isApi = (path: string) => /^\/(api|feeds|media)(\/|\?|$)/.test(path);

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The one HTTP entry: decides the request's origin (forwarded.ts), then hands /api and
 * /feeds to the Hono app and everything else to SvelteKit. Both see only that origin: the
 * API in the request URL, SvelteKit in ORIGIN_HEADERS.
 */
export function createNodeListener(options: {
  api: NodeListener;
  web: NodeHandler | undefined;
  policy: OriginPolicy;
}): NodeListener {
  const { api, web, policy } = options;
  return (req, res) => {
    let path = req.url ?? '/';
    let host = header(req, 'host');
    // Absolute form (`GET http://host/path`): its authority stands for Host (RFC 9112 3.2.2).
    if (!path.startsWith('/')) {
      try {
        const url = new URL(path);
        path = `${url.pathname}${url.search}`;
        host = url.host;
      } catch {
        path = '';
      }
    }
    const origin = path
      ? requestOrigin(
          {
            remoteAddress: req.socket.remoteAddress,
            encrypted: Boolean((req.socket as TLSSocket).encrypted),
            host,
            forwardedProto: header(req, ORIGIN_HEADERS.proto),
            forwardedHost: header(req, ORIGIN_HEADERS.host),
          },
          policy,
        )
      : null;
    if (!origin) {
      res.writeHead(400, { 'content-type': 'application/problem+json; charset=utf-8' });
      res.end(
        JSON.stringify({
          type: 'https://motesplats.fi/problems/invalid-request',
          title: 'Invalid request',
          status: 400,
          detail: 'The request names no valid host.',
        }),
      );
      return;
    }
    req.headers.host = origin.host;
    req.headers[ORIGIN_HEADERS.proto] = origin.proto;
    req.headers[ORIGIN_HEADERS.host] = origin.host;
    delete req.headers.forwarded;

    const toApi = () => {
      // @hono/node-server takes an absolute request target as the request's URL.
      req.url = `${origin.proto}://${origin.host}${path}`;
      api(req, res);
    };
    if (!web || isApi(path)) return toApi();
    req.url = path;
    // Static assets are served by adapter-node before SvelteKit's hooks run: they get their
    // security headers here. A page's own headers (its CSP with a nonce) replace these.
    for (const [name, value] of Object.entries(STATIC_HEADERS)) res.setHeader(name, value);
    if (origin.proto === 'https') res.setHeader('strict-transport-security', HSTS);
    web(req, res, toApi);
  };
}
