/**
 * Composition root and the only module with side effects: reads the config, opens and
 * migrates the database, loads demo data into an empty one, and serves the API, the feeds
 * and the SvelteKit app on one port. Bundled to dist/server.mjs by scripts/build.mjs.
 */
import { getRequestListener } from '@hono/node-server';
import { hasMunicipalities, SEED_UNTOUCHED_LINE } from '@motesplats/db';
import { existsSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { authOf, createApp } from './app';
import { argon2Hasher } from './auth/password';
import {
  authSecretOf,
  checkNode,
  claimDataDir,
  configOrExit,
  findRoot,
  openDatabase,
} from './bootstrap';
import { systemClock } from './deps';
import { createAdmission } from './http/admission';
import { proxyTrust } from './http/forwarded';
import {
  CLIENT_HEADER,
  createNodeListener,
  ORIGIN_HEADERS,
  type NodeHandler,
} from './http/node-listener';
import { outboxMailer } from './mail/outbox-mailer';
import { anonymousCtx, UNKNOWN_CLIENT } from './services/context';
import { countDemoAccounts } from './services/accounts/demo-accounts';
import { unknownStaffMapMunicipalities } from './services/accounts/check-oidc-staff-map';
import { ensureAdministrator } from './services/accounts/ensure-administrator';
import { anonymiseExpired } from './services/privacy/anonymise';
import { sendAttendanceReminders } from './services/events/attendance-reminders';
import { DEFAULT_CONCURRENT_REQUESTS, linkOrigin } from './config';
import { createSmtpTransport } from './mail/smtp-transport';
import { startMailWorker } from './mail/worker';
import { createLogger, errorFields } from './logger';
import { PAGE_BRIDGE, type PageBridge } from './http/page-bridge';

checkNode();
const started = performance.now();
const root = findRoot(dirname(fileURLToPath(import.meta.url)));
const config = { ...configOrExit() };
config.authSecret = authSecretOf(config);
const logger = createLogger(config.logLevel);
const log = (line: string) => logger.info(line);

const dataDir = resolve(config.dataDir);
// The embedded database's folder is this process's while it runs (npm run backup checks).
const releaseDataDir = config.databaseUrl ? () => {} : claimDataDir(dataDir);
const handle = await openDatabase(config, root);
// The seed and its data are loaded (and kept in memory) only by the start that uses them;
// seedDemo checks again inside its transaction, for two processes seeding at once.
if (config.demoSeed) {
  if (await hasMunicipalities(handle.db)) log(SEED_UNTOUCHED_LINE);
  else {
    const { seedDemo } = await import('@motesplats/db/seed');
    await seedDemo(handle.db, {
      now: systemClock.now(),
      hashPassword: argon2Hasher.hash,
      log,
      // The bundle is not beside the seed's source: name the folder from the project's root.
      imagesFolder: join(root, 'packages/db/seed-images'),
    });
  }
}
// Without SMTP_URL mail stays in mail_outbox (the development outbox).
const mailWorker = config.smtpUrl
  ? startMailWorker({
      db: handle.db,
      transport: createSmtpTransport({ url: config.smtpUrl, from: config.mailFrom }),
      clock: systemClock,
      log: (line) => logger.warn({ component: 'mail' }, line),
    })
  : undefined;

let stopping = false;

const base = {
  db: handle.db,
  engine: handle.engine,
  migrationState: handle.migrationState,
  clock: systemClock,
  mailer: outboxMailer,
  config,
  hasher: argon2Hasher,
  logger,
  shuttingDown: () => stopping,
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
// The retention job: at start, then daily. Idempotent, so several processes may run it.
const retention = async () => {
  try {
    const done = await anonymiseExpired({
      ctx: systemCtx(),
      input: { retentionMonths: config.retentionMonths },
    });
    logger.info(
      { component: 'retention', retentionMonths: config.retentionMonths, ...done },
      'Retention: personal data past its time anonymised',
    );
  } catch (error) {
    logger.error({ component: 'retention', ...errorFields(error) }, 'The retention job failed');
  }
};
await retention();
setInterval(() => void retention(), 24 * 60 * 60 * 1000).unref();

// Participant reminders: every quarter of an hour; each date is asked about once (SKIP LOCKED).
const reminders = async () => {
  try {
    const { reminded } = await sendAttendanceReminders({
      ctx: systemCtx(),
      input: { origin: linkOrigin(config) },
    });
    if (reminded > 0)
      logger.info({ component: 'reminders', reminded }, 'Organizers asked for participant counts');
  } catch (error) {
    logger.error({ component: 'reminders', ...errorFields(error) }, 'The reminder job failed');
  }
};
setInterval(() => void reminders(), 15 * 60 * 1000).unref();

if (config.oidc) {
  log(`Staff sign-in through ${config.oidc.name} (${config.oidc.issuer}).`);
  const unknown = await unknownStaffMapMunicipalities({ ctx: handle, input: config.oidc });
  if (unknown.length > 0) {
    logger.warn(
      `OIDC_STAFF_MAP names municipalities this installation does not have: ${unknown.join(', ')} (they give no role).`,
    );
  }
}
const demoAccounts = await countDemoAccounts(handle);
if (demoAccounts > 0) {
  logger.warn(
    `${demoAccounts} demo accounts (…@demo.example) can sign in with the public demo password. ` +
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

const webHandlerPath = join(root, 'apps/web/build/handler.js');
let web: NodeHandler | undefined;
if (config.serveWeb && existsSync(webHandlerPath)) {
  // adapter-node reads the page's origin from these headers (STACK.md trap 5); the listener
  // overwrites both on every request with the origin it decided (http/forwarded.ts), so
  // they are set here whatever the environment says.
  process.env.PROTOCOL_HEADER = ORIGIN_HEADERS.proto;
  process.env.HOST_HEADER = ORIGIN_HEADERS.host;
  // The visitor's address as the listener decided it (behind TRUSTED_PROXY: X-Forwarded-For).
  process.env.ADDRESS_HEADER = CLIENT_HEADER;
  delete process.env.XFF_DEPTH;
  delete process.env.PORT_HEADER;
  // Photo uploads go through a form action: room for the API's limit (PHOTO_MAX_BYTES, 8 MB).
  process.env.BODY_SIZE_LIMIT ??= '9M';
  web = ((await import(pathToFileURL(webHandlerPath).href)) as { handler: NodeHandler }).handler;
} else if (config.serveWeb) {
  log('No web build found (apps/web/build): serving the API and feeds only.');
}

// What the pages tell the listener about the request they answer (route, failure), so it
// logs one line per page as the API does (hooks.server.ts; http/page-bridge.ts).
const pages: PageBridge = new Map();
(globalThis as Record<symbol, unknown>)[PAGE_BRIDGE] = pages;
(globalThis as Record<symbol, unknown>)[Symbol.for('motesplats.log')] = logger;

const listener = createNodeListener({
  api,
  web,
  policy: { publicOrigin: config.publicOrigin, trusted: proxyTrust(config.trustedProxies) },
  logger,
  pages,
});
const admission = createAdmission({
  limit: config.admission.limit ?? DEFAULT_CONCURRENT_REQUESTS[handle.engine],
  maxQueued: config.admission.maxQueued,
  maxWaitMs: config.admission.maxWaitMs,
  onShed: (line) => logger.warn({ ...line, status: 503 }, 'request shed: server busy'),
});
const inFlight = new Set<ServerResponse>();
const server = createServer((req, res) => {
  inFlight.add(res);
  res.once('close', () => inFlight.delete(res));
  // While shutting down, every answer closes its connection: keep-alive clients reconnect
  // elsewhere instead of sending more requests here.
  if (stopping) res.setHeader('connection', 'close');
  admission.admit(req, res, () => listener(req, res));
});
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = handle.engine === 'pglite' ? `PGlite in ${dataDir}` : 'PostgreSQL';
  log(
    `Mötesplats listening on http://localhost:${port} (${where}), ready in ${Math.round(performance.now() - started)} ms`,
  );
});

/**
 * Graceful shutdown: stop accepting connections, let the requests in flight finish and the
 * mail worker finish its batch, close the database, exit 0. Past SHUTDOWN_TIMEOUT_MS the
 * remaining connections are cut and the process exits 1; a second signal exits at once.
 */
const stop = async (signal: string) => {
  if (stopping) {
    logger.warn({ signal }, 'Second signal: exiting without waiting.');
    process.exit(1);
  }
  stopping = true;
  const since = performance.now();
  logger.info(
    { signal, inFlight: inFlight.size },
    'Shutting down: finishing the requests in flight.',
  );
  for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
  const hard = setTimeout(() => {
    logger.error(
      { inFlight: inFlight.size, timeoutMs: config.shutdownTimeoutMs },
      'Shutdown timed out: cutting the remaining connections.',
    );
    server.closeAllConnections();
    process.exit(1);
  }, config.shutdownTimeoutMs);
  hard.unref();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections with no request in flight are closed now, and again as the
  // requests on others finish (their answers say `connection: close`).
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const mail = Promise.resolve(mailWorker?.stop()).catch((error: unknown) =>
    logger.error(
      { component: 'mail', ...errorFields(error) },
      'The mail worker did not stop cleanly',
    ),
  );
  await Promise.all([closed, mail]);
  clearInterval(idle);
  try {
    await handle.close();
  } catch (error) {
    logger.error(errorFields(error), 'The database did not close cleanly');
  }
  releaseDataDir();
  logger.info({ signal, ms: Math.round(performance.now() - since) }, 'Stopped.');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
