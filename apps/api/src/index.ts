/**
 * Composition root and the only module with side effects: reads the config, opens and
 * migrates the database, loads demo data into an empty one, and serves the API, the feeds
 * and the SvelteKit app on one port. Bundled to dist/server.mjs by scripts/build.mjs.
 */
import { getRequestListener } from '@hono/node-server';
import { createDb } from '@motesplats/db';
import { seedDemo } from '@motesplats/db/seed';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { systemClock } from './deps';
import { proxyTrust } from './http/forwarded';
import { createNodeListener, ORIGIN_HEADERS, type NodeHandler } from './http/node-listener';
import { outboxMailer } from './mail/outbox-mailer';

const NODE_MAJOR = 24;
if (Number(process.versions.node.split('.')[0]) !== NODE_MAJOR) {
  console.error(`Mötesplats needs Node.js ${NODE_MAJOR}; this is ${process.version}.`);
  process.exit(1);
}

const started = performance.now();
/** The repository root: found upwards from this module (dist/server.mjs or apps/api/src in dev). */
function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'packages/db/migrations'))) return dir;
  }
  throw new Error(`Cannot find packages/db/migrations above ${from}.`);
}
const root = findRoot(dirname(fileURLToPath(import.meta.url)));

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const log = (line: string) => {
  if (config.logLevel === 'info' || config.logLevel === 'debug') console.log(line);
};

const dataDir = resolve(config.dataDir);
const handle = await createDb({
  url: config.databaseUrl,
  dataDir: config.databaseUrl ? undefined : dataDir,
  migrationsFolder: join(root, 'packages/db/migrations'),
});
await handle.migrate();
if (config.demoSeed) await seedDemo(handle.db, { now: systemClock.now(), log });

const app = createApp({
  db: handle.db,
  engine: handle.engine,
  migrationState: handle.migrationState,
  clock: systemClock,
  mailer: outboxMailer,
  config,
});
const api = getRequestListener(app.fetch);

// SvelteKit's page loads hand /api and /feeds requests to the API in-process (hooks.server.ts).
(globalThis as Record<symbol, unknown>)[Symbol.for('motesplats.api.fetch')] = (req: Request) =>
  app.fetch(req);

const webHandlerPath = join(root, 'apps/web/build/handler.js');
let web: NodeHandler | undefined;
if (config.serveWeb && existsSync(webHandlerPath)) {
  // adapter-node reads the page's origin from these headers (STACK.md trap 5); the listener
  // overwrites both on every request with the origin it decided (http/forwarded.ts), so
  // they are set here whatever the environment says.
  process.env.PROTOCOL_HEADER = ORIGIN_HEADERS.proto;
  process.env.HOST_HEADER = ORIGIN_HEADERS.host;
  delete process.env.PORT_HEADER;
  web = ((await import(pathToFileURL(webHandlerPath).href)) as { handler: NodeHandler }).handler;
} else if (config.serveWeb) {
  log('No web build found (apps/web/build): serving the API and feeds only.');
}

const server = createServer(
  createNodeListener({
    api,
    web,
    policy: { publicOrigin: config.publicOrigin, trusted: proxyTrust(config.trustedProxies) },
  }),
);
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
