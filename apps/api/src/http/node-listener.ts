import { redactPath } from './redact';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { clientAddress, requestOrigin, type OriginPolicy } from './forwarded';
import type { Logger } from '../logger';
import type { PageBridge } from './page-bridge';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The headers adapter-node reads the page's origin from (its PROTOCOL_HEADER and
 * HOST_HEADER). The listener always overwrites both with the origin it decided, so what a
 * client sends in them never reaches SvelteKit.
 */
export const ORIGIN_HEADERS = { proto: 'x-forwarded-proto', host: 'x-forwarded-host' } as const;

/**
 * The client's address as the listener decided it (forwarded.ts `clientAddress`), always
 * overwritten: the API reads it from the connection's headers, adapter-node from its
 * ADDRESS_HEADER, so a client cannot choose what throttles and sessions see.
 */
export const CLIENT_HEADER = 'x-motesplats-client';

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
  /** Writes one line per request the API does not answer (pages, assets, a bad Host). */
  logger?: Logger;
  pages?: PageBridge;
}): NodeListener {
  const { api, web, policy, logger, pages } = options;
  return (req, res) => {
    // One id per request, the client's when sane: the API (middleware/request-log.ts) and
    // the pages read it from this header, and every answer carries it.
    const id = requestIdOf(header(req, REQUEST_ID_HEADER));
    req.headers[REQUEST_ID_HEADER] = id;
    const started = performance.now();
    let byApi = false;
    const logHere = () =>
      res.once('close', () => {
        const note = pages?.get(id);
        pages?.delete(id);
        if (byApi || !logger) return;
        const status = res.statusCode;
        // The page's route id; else (an asset, no such page) the path without its query.
        const route = note?.route ?? redactPath(path.split('?', 1)[0] ?? '').slice(0, 200);
        const line = {
          reqId: id,
          method: req.method,
          route,
          status,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          ...(note?.error ? { error: note.error } : {}),
          ...(res.writableFinished ? {} : { aborted: true }),
        };
        if (status >= 500) logger.error(line, 'request failed');
        else logger.info(line, 'request');
      });
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
      logHere();
      res.writeHead(400, {
        [REQUEST_ID_HEADER]: id,
        'content-type': 'application/problem+json; charset=utf-8',
      });
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
    req.headers[CLIENT_HEADER] = clientAddress(
      req.socket.remoteAddress,
      header(req, 'x-forwarded-for'),
      policy.trusted,
    );
    req.headers.host = origin.host;
    req.headers[ORIGIN_HEADERS.proto] = origin.proto;
    req.headers[ORIGIN_HEADERS.host] = origin.host;
    delete req.headers.forwarded;

    const toApi = () => {
      byApi = true;
      // @hono/node-server takes an absolute request target as the request's URL.
      req.url = `${origin.proto}://${origin.host}${path}`;
      api(req, res);
    };
    if (!web || isApi(path)) return toApi();
    req.url = path;
    res.setHeader(REQUEST_ID_HEADER, id);
    logHere();
    // Static assets are served by adapter-node before SvelteKit's hooks run: they get their
    // security headers here. A page's own headers (its CSP with a nonce) replace these.
    for (const [name, value] of Object.entries(STATIC_HEADERS)) res.setHeader(name, value);
    if (origin.proto === 'https') res.setHeader('strict-transport-security', HSTS);
    web(req, res, toApi);
  };
}
