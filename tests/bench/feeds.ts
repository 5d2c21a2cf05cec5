// Feeds under polling (issue 9): requests per second and p95 of a venue feed with 1,000
// occurrences through the built server, 20 clients at once on keep-alive connections, for
// the full response and for a conditional GET answered 304, beside the ceiling: a bare
// node:http server returning the same bytes (and its own 304), and the ratios. Runs on
// PGlite, then on PostgreSQL (BENCH_DATABASE_URL, or a throwaway PostgreSQL on :55451). Ends
// with one line of JSON. A bench reports; it never fails.
//
//   npm run bench -- feeds
//   FEEDS_SECONDS=3 npm run bench -- feeds
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, eventOccurrences, events, venues } from '@motesplats/db';
import { seedDemo } from '@motesplats/db/seed';
import postgres from 'postgres';
import { startBenchServer } from './server';
import { Pool } from 'undici';
import { argon2Hasher } from '../../apps/api/src/auth/password';

const OCCURRENCES = 1_000;
const CLIENTS = 20;
const SECONDS = Number(process.env.FEEDS_SECONDS ?? 5);
const AIMS = { notModifiedRatio: 0.8, fullRatio: 0.5 };
const root = fileURLToPath(new URL('../..', import.meta.url));
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

console.log('Building…');
if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status)
  process.exit(1);

/** `CLIENTS` loops on keep-alive connections for SECONDS: requests per second and p95. */
async function load(origin: string, path: string, headers: Record<string, string>, expect: number) {
  const pool = new Pool(origin, { connections: CLIENTS, pipelining: 1 });
  const ms: number[] = [];
  let wrong = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const res = await pool.request({ path, method: 'GET', headers });
        await res.body.arrayBuffer();
        ms.push(performance.now() - t0);
        if (res.statusCode !== expect) wrong++;
      }
    }),
  );
  await pool.close();
  return {
    perSecond: Math.round(ms.length / SECONDS),
    p95Ms: +quantile(ms, 0.95).toFixed(2),
    wrongStatus: wrong,
  };
}

/** A venue of the demo with one published event of OCCURRENCES dates (no booking needed for the feed). */
async function seedFeed(db: Awaited<ReturnType<typeof createDb>>['db']) {
  const [venue] = await db.select().from(venues).limit(1);
  const eventId = randomUUID();
  // From a week ago (a feed keeps a month back): every date is in the feed.
  const first = Math.floor(Date.now() / 86_400_000 - 7) * 86_400_000 + 15 * 3_600_000;
  await db.insert(events).values({
    id: eventId,
    municipalityId: venue!.municipalityId,
    categorySlug: 'language-cafe',
    venueId: venue!.id,
    title: { sv: 'Språkcafé varje dag', fi: 'Kielikahvila joka päivä', ar: 'مقهى اللغة كل يوم' },
    summary: { sv: 'Öva svenska och finska, alla nivåer välkomna.' },
    languages: ['sv', 'fi', 'ar'],
    status: 'published',
    publishedAt: new Date(first),
    uid: `event-${eventId}@motesplats`,
    startsAt: new Date(first),
    endsAt: new Date(first + 5_400_000),
  });
  for (let i = 0; i < OCCURRENCES; i += 250)
    await db.insert(eventOccurrences).values(
      Array.from({ length: Math.min(250, OCCURRENCES - i) }, (_, k) => {
        const start = new Date(first + (i + k) * 86_400_000);
        return {
          municipalityId: venue!.municipalityId,
          eventId,
          startsAt: start,
          endsAt: new Date(start.getTime() + 5_400_000),
          originalStartsAt: start,
          uid: `occurrence-${randomUUID()}@motesplats`,
        };
      }),
    );
  return venue!.id;
}

async function run(engine: 'pglite' | 'postgres', pgUrl?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'motesplats-feeds-'));
  let dbUrl: string | undefined;
  let drop = async () => {};
  if (pgUrl) {
    const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
    const name = `motesplats_feeds_${process.pid}`;
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const u = new URL(pgUrl);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
    drop = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  const handle = await createDb(dbUrl ? { url: dbUrl } : { dataDir });
  await handle.migrate();
  await seedDemo(handle.db, { now: new Date(), log: () => {}, hashPassword: argon2Hasher.hash });
  const venueId = await seedFeed(handle.db);
  await handle.close();

  const port = 4200 + (process.pid % 90);
  const server = await startBenchServer({ port, dataDir, databaseUrl: dbUrl });
  const origin = server.origin;
  const path = `/feeds/venues/${venueId}.ics?lang=sv`;
  const first = await fetch(`${origin}${path}`);
  const bytes = Buffer.from(await first.arrayBuffer());
  const etag = first.headers.get('etag')!;
  const vevents = bytes.toString('utf8').split('BEGIN:VEVENT').length - 1;

  // The ceiling: node:http answering the same bytes (and 304 to the same ETag), nothing else.
  const bare = createServer((req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag });
    res.end(bytes);
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const bareOrigin = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

  const conditional = { 'if-none-match': etag };
  await load(origin, path, {}, 200); // warm-up
  const app = {
    full: await load(origin, path, {}, 200),
    notModified: await load(origin, path, conditional, 304),
  };
  const ceiling = {
    full: await load(bareOrigin, path, {}, 200),
    notModified: await load(bareOrigin, path, conditional, 304),
  };
  bare.close();
  await server.stop();
  await drop();
  rmSync(dataDir, { recursive: true, force: true });
  return {
    engine,
    occurrences: vevents,
    bytes: bytes.length,
    app,
    ceiling,
    ratios: {
      // The ceiling is the bare server returning the full bytes, for both paths.
      full: +(app.full.perSecond / ceiling.full.perSecond).toFixed(3),
      notModified: +(app.notModified.perSecond / ceiling.full.perSecond).toFixed(3),
      notModifiedOfBare304: +(app.notModified.perSecond / ceiling.notModified.perSecond).toFixed(3),
    },
  };
}

let pgUrl = process.env.BENCH_DATABASE_URL;
let stopPg = () => {};
if (!pgUrl) {
  const out = execFileSync('bash', ['scripts/postgres-throwaway.sh', 'start', '55451'], {
    encoding: 'utf8',
  });
  pgUrl = /TEST_DATABASE_URL=(\S+)/.exec(out)![1]!;
  stopPg = () => execFileSync('bash', ['scripts/postgres-throwaway.sh', 'stop', '55451']);
}
const results = [];
try {
  for (const engine of ['pglite', 'postgres'] as const) {
    console.log(
      `\n${engine}: a venue feed of ${OCCURRENCES} occurrences, ${CLIENTS} clients, ${SECONDS} s each`,
    );
    const r = await run(engine, engine === 'postgres' ? pgUrl : undefined);
    results.push(r);
    console.log(`  feed: ${r.occurrences} VEVENTs, ${(r.bytes / 1024).toFixed(0)} kB`);
    console.log(
      `  full response   ${String(r.app.full.perSecond).padStart(6)}/s  p95 ${r.app.full.p95Ms} ms   bare node:http ${r.ceiling.full.perSecond}/s   ratio ${r.ratios.full}   (aim ≥ ${AIMS.fullRatio})`,
    );
    console.log(
      `  304             ${String(r.app.notModified.perSecond).padStart(6)}/s  p95 ${r.app.notModified.p95Ms} ms   of the full ceiling ${r.ratios.notModified}   (aim ≥ ${AIMS.notModifiedRatio}); of bare 304 (${r.ceiling.notModified.perSecond}/s) ${r.ratios.notModifiedOfBare304}`,
    );
    if (r.app.full.wrongStatus + r.app.notModified.wrongStatus > 0)
      console.log(
        `  wrong status: ${r.app.full.wrongStatus} full, ${r.app.notModified.wrongStatus} conditional`,
      );
  }
} finally {
  stopPg();
}
console.log(
  JSON.stringify({
    bench: 'feeds',
    clients: CLIENTS,
    seconds: SECONDS,
    aims: AIMS,
    load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    results,
  }),
);
