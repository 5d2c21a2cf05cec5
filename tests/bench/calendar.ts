// The calendar under a year of events (issue 8): 10,000 published occurrences of weekly
// events across three municipalities (on top of the demo data), then server time p50/p95 of
// the month view page as the built server serves it (HTML through SvelteKit, which asks the
// API in-process) and of the filtered list API, each beside its ceiling. Times are measured
// by a client on loopback, one request at a time, so they are the server's time plus a
// loopback round trip. Ends with one line of JSON. A bench reports; it never fails.
//
//   npm run bench -- calendar        (PGlite in a fresh data folder; BENCH_DATABASE_URL for PostgreSQL)
//   CALENDAR_ROUNDS=50 npm run bench -- calendar
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, rowsOf } from '@motesplats/db';
import { seedDemo } from '@motesplats/db/seed';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import postgres from 'postgres';
import { argon2Hasher } from '../../apps/api/src/auth/password';
import { seedCalendar } from './calendar-seed';
import { startBenchServer } from './server';

const OCCURRENCES = 10_000;
const WEEKS = 50;
const ROUNDS = Number(process.env.CALENDAR_ROUNDS ?? 100);
const WARMUP = 10;
const CEILING_P95_MS = 100;
const ZONE = 'Europe/Helsinki';
const root = fileURLToPath(new URL('../..', import.meta.url));
const PORT = 4100 + (process.pid % 90);
const base = `http://127.0.0.1:${PORT}`;

// 1. A fresh database with the demo and a year of events.
console.log('Building…');
if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status)
  process.exit(1);
const pgUrl = process.env.BENCH_DATABASE_URL;
const dataDir = mkdtempSync(join(tmpdir(), 'motesplats-calendar-'));
let dbUrl: string | undefined;
let dropDb = async () => {};
if (pgUrl) {
  const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
  const name = `motesplats_calendar_${process.pid}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  dbUrl = u.toString();
  dropDb = async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}
const engine = pgUrl ? 'postgres' : 'pglite';
console.log(`Seeding the demo and ${OCCURRENCES} occurrences on ${engine}…`);
const seedStarted = performance.now();
const handle = await createDb(dbUrl ? { url: dbUrl } : { dataDir });
await handle.migrate();
await seedDemo(handle.db, { now: new Date(), hashPassword: argon2Hasher.hash });
const seeded = await seedCalendar(handle.db, { occurrences: OCCURRENCES, weeks: WEEKS });
const published = rowsOf<{ n: number }>(
  await handle.db.execute(
    sql`select count(*)::int as n from event_occurrences o join events e on e.id = o.event_id where e.status = 'published'`,
  ),
)[0]!.n;
await handle.close();
console.log(
  `  ${seeded.events} weekly events, ${seeded.occurrences} occurrences added (${published} published in all) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
);

// 2. The built server on it.
const server = await startBenchServer({ port: PORT, dataDir, databaseUrl: dbUrl });
const child = server.child;

// 3. The requests, each WARMUP times unmeasured and ROUNDS times measured, one at a time.
const nextMonth = DateTime.now().setZone(ZONE).plus({ months: 1 });
const month = nextMonth.toFormat('yyyy-MM');
const from = nextMonth.startOf('month').toISODate()!;
const to = nextMonth.endOf('month').toISODate()!;
const targets = [
  ['month page, one municipality', `/sv?view=month&month=${month}&municipality=borga`],
  [
    'month page, one municipality and category',
    `/fi?view=month&month=${month}&municipality=vasa&category=language-cafe`,
  ],
  ['month page, every municipality', `/sv?view=month&month=${month}`],
  // What the first month page asks the API for (the first 4 of each day, every day's count):
  // the rest of its time is the form's choices and rendering. Then the whole period.
  [
    'period API, one municipality, 4 a day',
    `/api/occurrences/period?lang=sv&municipality=borga&from=${from}&to=${to}&perDay=4`,
  ],
  [
    'period API, one municipality',
    `/api/occurrences/period?lang=sv&municipality=borga&from=${from}&to=${to}`,
  ],
  [
    'list API, filtered',
    `/api/occurrences?lang=sv&municipality=borga&category=language-cafe&language=ar&from=${from}&to=${to}`,
  ],
  [
    'list API, q',
    `/api/occurrences?lang=sv&q=${encodeURIComponent('sagostund')}&from=${from}&to=${to}`,
  ],
  [
    'list API, q and municipality',
    `/api/occurrences?lang=ar&municipality=pargas&q=${encodeURIComponent('مقهى')}&from=${from}&to=${to}`,
  ],
] as const;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};
/**
 * The server's CPU time so far (user + system, ms), from /proc: beside the wall-clock
 * figures, what one request costs the server whatever else the machine is doing.
 */
const serverCpuMs = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
};
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const loadBefore = load();
const results: Record<
  string,
  { p50Ms: number; p95Ms: number; cpuMsPerRequest: number; status: number; bytes: number }
> = {};
for (const [name, path] of targets) {
  let cpuBefore = 0;
  const times: number[] = [];
  let status = 0;
  let bytes = 0;
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    if (i === WARMUP) cpuBefore = serverCpuMs();
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`);
    const body = await res.arrayBuffer();
    if (i >= WARMUP) times.push(performance.now() - t0);
    status = res.status;
    bytes = body.byteLength;
  }
  results[name] = {
    p50Ms: +quantile(times, 0.5).toFixed(1),
    p95Ms: +quantile(times, 0.95).toFixed(1),
    cpuMsPerRequest: +((serverCpuMs() - cpuBefore) / ROUNDS).toFixed(1),
    status,
    bytes,
  };
}
const totals = await Promise.all(
  targets
    .filter(([, path]) => path.startsWith('/api/'))
    .map(async ([name, path]) => {
      const answer = await (await fetch(`${base}${path}`)).json();
      // The list pages its answer; the period answers whole, with its total beside.
      return [name, answer.page?.total ?? answer.total];
    }),
);

await server.stop();
await dropDb();
rmSync(dataDir, { recursive: true, force: true });

console.log(
  `\n${engine}: ${published} published occurrences; ${ROUNDS} requests each, one at a time (loopback round trips);`,
);
console.log(
  `cpu: the server's CPU time per request. Load average before ${loadBefore}, after ${load()} (on ${availableParallelism()} cores).`,
);
for (const [name, r] of Object.entries(results)) {
  const over = r.p95Ms > CEILING_P95_MS ? '  OVER' : '';
  console.log(
    `  ${name.padEnd(44)} p50 ${String(r.p50Ms).padStart(6)} ms   p95 ${String(r.p95Ms).padStart(6)} ms   (ceiling p95 ${CEILING_P95_MS} ms)${over}   cpu ${String(r.cpuMsPerRequest).padStart(5)} ms   ${r.status}, ${Math.round(r.bytes / 1024)} kB`,
  );
}
for (const [name, total] of totals) console.log(`  ${name}: ${total} occurrences match`);
console.log(
  JSON.stringify({
    bench: 'calendar',
    engine,
    occurrences: published,
    rounds: ROUNDS,
    ceilingP95Ms: CEILING_P95_MS,
    month,
    loadAverage: { before: loadBefore, after: load() },
    results,
    matches: Object.fromEntries(totals),
  }),
);
