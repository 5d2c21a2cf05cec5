/**
 * Composition root and the only module with side effects: reads the config, opens and
 * migrates the database, loads demo data into an empty one, and serves the API, the feeds
 * and the SvelteKit app on one port. Bundled to dist/server.mjs by scripts/build.mjs.
 */
import { getRequestListener } from '@hono/node-server';
import { seedDemo } from '@motesplats/db/seed';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { authOf, createApp } from './app';
import { argon2Hasher } from './auth/password';
import { authSecretOf, checkNode, configOrExit, findRoot, openDatabase } from './bootstrap';
import { systemClock } from './deps';
import { outboxMailer } from './mail/outbox-mailer';
import { anonymousCtx, UNKNOWN_CLIENT } from './services/context';
import { countDemoAccounts } from './services/accounts/demo-accounts';
import { ensureAdministrator } from './services/accounts/ensure-administrator';

checkNode();
const started = performance.now();
const root = findRoot(dirname(fileURLToPath(import.meta.url)));
const config = { ...configOrExit() };
config.authSecret = authSecretOf(config);
const log = (line: string) => {
  if (config.logLevel === 'info' || config.logLevel === 'debug') console.log(line);
};

const dataDir = resolve(config.dataDir);
const handle = await openDatabase(config, root);
if (config.demoSeed) {
  await seedDemo(handle.db, { now: systemClock.now(), hashPassword: argon2Hasher.hash, log });
}

const base = {
  db: handle.db,
  engine: handle.engine,
  migrationState: handle.migrationState,
  clock: systemClock,
  mailer: outboxMailer,
  config,
  hasher: argon2Hasher,
};
const deps = { ...base, auth: authOf(base) };
const systemCtx = () =>
  anonymousCtx({
    db: handle.db,
    now: systemClock.now(),
    client: UNKNOWN_CLIENT,
    auth: deps.auth,
    mailer: outboxMailer,
  });
if (config.admin) {
  const { outcome } = await ensureAdministrator({ ctx: systemCtx(), input: config.admin });
  if (outcome !== 'unchanged') log(`Administrator ${config.admin.email}: ${outcome}.`);
}
const demoAccounts = await countDemoAccounts(handle);
if (demoAccounts > 0) {
  console.warn(
    `WARNING: ${demoAccounts} demo accounts (…@demo.example) can sign in with the public demo password. ` +
      'Do not run a public installation with demo data (DEMO_SEED=false on an empty database).',
  );
}

const app = createApp(deps);
const api = getRequestListener(app.fetch);

// SvelteKit's page loads hand /api and /feeds requests (and /media, served here too) to the API in-process (hooks.server.ts).
// The visitor's address travels as the second argument of app.fetch, which no client can forge.
(globalThis as Record<symbol, unknown>)[Symbol.for('motesplats.api.fetch')] = (
  req: Request,
  clientAddress?: string,
) => app.fetch(req, { clientAddress });

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
const webHandlerPath = join(root, 'apps/web/build/handler.js');
let web: NodeHandler | undefined;
if (config.serveWeb && existsSync(webHandlerPath)) {
  // adapter-node assumes https unless told where the protocol comes from (STACK.md trap 5).
  process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
  process.env.HOST_HEADER ??= 'x-forwarded-host';
  // Photo uploads go through a form action: room for the API's limit (PHOTO_MAX_BYTES, 8 MB).
  process.env.BODY_SIZE_LIMIT ??= '9M';
  web = ((await import(pathToFileURL(webHandlerPath).href)) as { handler: NodeHandler }).handler;
} else if (config.serveWeb) {
  log('No web build found (apps/web/build): serving the API and feeds only.');
}

const isApi = (url: string) => /^\/(api|feeds|media)(\/|\?|$)/.test(url);
const server = createServer((req, res) => {
  if (isApi(req.url ?? '/') || !web) return void api(req, res);
  // Served directly (no proxy in front), tell SvelteKit the real protocol so its links
  // (feed URLs, JSON-LD) are http:// here; a proxy's own X-Forwarded-Proto wins.
  req.headers['x-forwarded-proto'] ??= (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  web(req, res, () => void api(req, res));
});
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = handle.engine === 'pglite' ? `PGlite in ${dataDir}` : 'PostgreSQL';
  log(
    `Mötesplats listening on http://localhost:${port} (${where}), ready in ${Math.round(performance.now() - started)} ms`,
  );
});

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  log(`${signal}: closing…`);
  server.close();
  server.closeAllConnections();
  void handle.close().finally(() => process.exit(0));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
