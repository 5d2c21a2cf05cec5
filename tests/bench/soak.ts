// Soak (issue 12): the built server for 60 seconds under 200 simulated residents browsing
// the calendar and polling feeds, 20 association clients asking for rooms and 5 staff
// deciding. Prints requests served, errors (5xx or no answer; expect 0), double bookings
// found afterwards (must be 0), p95 per route and the server's peak resident memory, and
// ends with one line of JSON. A third of the associations' turns publish an event that asks
// for its room in the same step.
//
//   npm run bench -- soak            (PGlite in a fresh data folder; BENCH_DATABASE_URL for PostgreSQL)
//   SOAK_SECONDS=20 npm run bench -- soak
//   SOAK_LOG=/tmp/soak.log SOAK_LOG_LEVEL=info npm run bench -- soak   (the server's log lines,
//                                    whose durationMs is the time inside the server)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, rowsOf } from '@motesplats/db';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import postgres from 'postgres';
import { startBenchServer } from './server';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const RESIDENTS = 200;
const ASSOCIATIONS = 20;
const STAFF = 5;
const CEILINGS = { errors: 0, doubleBookings: 0, peakRssMb: 300 };
const root = fileURLToPath(new URL('../..', import.meta.url));
const PORT = 4000 + (process.pid % 90);
const base = `http://127.0.0.1:${PORT}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const jitter = (ms: number) => sleep(ms * (0.5 + Math.random()));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

console.log('Building…');
if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status)
  process.exit(1);

const pgUrl = process.env.BENCH_DATABASE_URL;
let dbUrl: string | undefined;
let dropDb = async () => {};
const dataDir = mkdtempSync(join(tmpdir(), 'motesplats-soak-'));
if (pgUrl) {
  const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
  const name = `motesplats_soak_${process.pid}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  dbUrl = u.toString();
  dropDb = async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}
const server = await startBenchServer({
  port: PORT,
  dataDir,
  databaseUrl: dbUrl,
  env: process.env.SOAK_LOG_LEVEL ? { LOG_LEVEL: process.env.SOAK_LOG_LEVEL } : {},
  logFile: process.env.SOAK_LOG,
});
const child = server.child;
const memory = (key: 'VmRSS' | 'VmHWM') => {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(
    readFileSync(`/proc/${child.pid}/status`, 'utf8'),
  );
  return m ? Number(m[1]) / 1024 : NaN;
};

// What the clients need: venues, sessions.
const venues = (await (await fetch(`${base}/api/venues?limit=100`)).json()).items as {
  id: string;
  municipality: { slug: string };
}[];
const signIn = async (email: string) => {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'motesplats-demo' }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const session = await (await fetch(`${base}/api/session`, { headers: { cookie } })).json();
  return { cookie, session };
};
const members = await Promise.all(['mll@demo.example', 'map@demo.example'].map(signIn));
const staffSession = await signIn('staff.borga@demo.example');

const timings = new Map<string, number[]>();
let served = 0;
let errors = 0;
const statuses = new Map<number, number>();
async function call(route: string, path: string, init: RequestInit = {}) {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}${path}`, init);
    const body = await res.arrayBuffer();
    served++;
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status >= 500) errors++;
    (timings.get(route) ?? timings.set(route, []).get(route)!).push(performance.now() - t0);
    return { status: res.status, body };
  } catch {
    errors++;
    return { status: 0, body: new ArrayBuffer(0) };
  }
}
const post = (cookie: string, body: unknown): RequestInit => ({
  method: 'POST',
  headers: { origin: base, cookie, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const until = Date.now() + SECONDS * 1000;
const running = () => Date.now() < until;
const borga = venues.filter((v) => v.municipality.slug === 'borga');
const decode = (b: ArrayBuffer) => JSON.parse(new TextDecoder().decode(b));

async function resident() {
  while (running()) {
    const venue = pick(venues);
    const lang = pick(['sv', 'fi', 'en', 'ar']);
    const visit = pick([
      ['page /{lang}', `/${lang}`],
      ['page /{lang}/associations', `/${lang}/associations`],
      ['page /{lang}/venues/{id}', `/${lang}/venues/${venue.id}`],
      ['GET /api/occurrences', `/api/occurrences?lang=${lang}&limit=20`],
      ['GET /api/venues', `/api/venues?lang=${lang}&municipality=${venue.municipality.slug}`],
      ['feed /feeds/venues/{id}.ics', `/feeds/venues/${venue.id}.ics`],
      [
        'feed /feeds/municipalities/{slug}.ics',
        `/feeds/municipalities/${venue.municipality.slug}.ics?lang=${lang}`,
      ],
      ['page /{lang}?view=month', `/${lang}?view=month&municipality=${venue.municipality.slug}`],
    ] as const);
    await call(visit[0], visit[1]);
    await jitter(2000);
  }
}

let created = 0;
let published = 0;
async function association(i: number) {
  const { cookie, session } = members[i % members.length]!;
  const associationId = session.roles.associations[0].association.id as string;
  while (running()) {
    const venue = pick(borga);
    const day = DateTime.now()
      .setZone('Europe/Helsinki')
      .startOf('day')
      .plus({ days: 3 + Math.floor(Math.random() * 120) })
      .set({ hour: 9 + Math.floor(Math.random() * 10) });
    if (Math.random() < 0.3) {
      // Publishing: an event that asks for its room in the same step, then published.
      const event = await call(
        'POST /api/events',
        '/api/events',
        post(cookie, {
          associationId,
          venueId: venue.id,
          categorySlug: 'language-cafe',
          title: { sv: 'Språkcafé (soak)', fi: 'Kielikahvila (soak)' },
          languages: ['sv', 'fi', 'ar'],
          start: day.toISO(),
          end: day.plus({ hours: 2 }).toISO(),
          requestBooking: { expectedAttendance: 8, acceptTerms: true },
        }),
      );
      if (event.status === 201) {
        published++;
        await call(
          'POST /api/events/{id}/publish',
          `/api/events/${decode(event.body).id}/publish`,
          post(cookie, {}),
        );
      }
      await jitter(1000);
      continue;
    }
    const weekly = Math.random() < 0.3;
    const res = await call(
      'POST /api/bookings',
      '/api/bookings?lang=sv',
      post(cookie, {
        venueId: venue.id,
        associationId,
        purpose: 'Soak',
        expectedAttendance: 8,
        acceptTerms: true,
        start: day.toISO(),
        end: day.plus({ hours: 2 }).toISO(),
        ...(weekly
          ? {
              repeat: { weekly: { until: day.plus({ weeks: 4 }).toISODate(), except: [] } },
              onlyFree: true,
            }
          : {}),
      }),
    );
    if (res.status === 201) {
      created++;
      // Some are taken back again, as members do.
      if (Math.random() < 0.3)
        await call(
          'POST /api/bookings/{id}/withdraw',
          `/api/bookings/${decode(res.body).id}/withdraw`,
          post(cookie, {}),
        );
    }
    await call('GET /api/bookings?mine', '/api/bookings?mine&lang=sv', { headers: { cookie } });
    await jitter(1000);
  }
}

let decided = 0;
async function staff() {
  const { cookie } = staffSession;
  while (running()) {
    const res = await call('GET /api/staff/bookings', '/api/staff/bookings?lang=sv', {
      headers: { cookie },
    });
    const items =
      res.status === 200
        ? (decode(res.body).items as { id: string; bookings: { date: string; status: string }[] }[])
        : [];
    const item = items.length ? pick(items) : null;
    const date = item?.bookings.find((b) => b.status === 'pending')?.date;
    if (item && date) {
      const approve = Math.random() < 0.7;
      const r = await call(
        'POST /api/bookings/{id}/decision',
        `/api/bookings/${item.id}/decision`,
        post(
          cookie,
          approve
            ? { decision: 'approve', dates: [date] }
            : { decision: 'reject', reason: 'Upptaget av staden.', dates: [date] },
        ),
      );
      if (r.status === 200) decided++;
    }
    await jitter(1500);
  }
}

let peakSampled = 0;
const sampler = setInterval(() => (peakSampled = Math.max(peakSampled, memory('VmRSS'))), 250);
console.log(`Soaking for ${SECONDS} s on ${pgUrl ? 'PostgreSQL' : 'PGlite'}…`);
await Promise.all([
  ...Array.from({ length: RESIDENTS }, resident),
  ...Array.from({ length: ASSOCIATIONS }, (_, i) => association(i)),
  ...Array.from({ length: STAFF }, staff),
]);
clearInterval(sampler);
// The peak while under load (sampled every 250 ms); the kernel's high-water mark also counts
// the first start's initdb, migrations and seed.
const peakRssMb = peakSampled;
const peakSinceStartMb = memory('VmHWM');
await server.stop();

// Afterwards, straight from the database: overlapping claims, and holding bookings that
// overlap on a common space even without claims (the invariant, checked twice).
const handle = await createDb(dbUrl ? { url: dbUrl } : { dataDir });
const overlapping = rowsOf<{ n: number }>(
  await handle.db.execute(sql`select count(*)::int as n from booking_claims a join booking_claims b
    on a.space_id = b.space_id and a.booking_id < b.booking_id and a.during && b.during`),
)[0]!.n;
const unclaimed = rowsOf<{ n: number }>(
  await handle.db.execute(sql`select count(*)::int as n from bookings b
    where b.status in ('pending', 'approved')
      and not exists (select 1 from booking_claims c where c.booking_id = b.id)`),
)[0]!.n;
await handle.close();
await dropDb();
rmSync(dataDir, { recursive: true, force: true });

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
const routes = Object.fromEntries(
  [...timings]
    .sort()
    .map(([route, xs]) => [route, { n: xs.length, p95Ms: +quantile(xs, 0.95).toFixed(1) }]),
);
const figures = {
  engine: pgUrl ? 'postgres' : 'pglite',
  seconds: SECONDS,
  clients: { residents: RESIDENTS, associations: ASSOCIATIONS, staff: STAFF },
  served,
  errors,
  statuses: Object.fromEntries([...statuses].sort()),
  bookingsCreated: created,
  eventsPublished: published,
  decisions: decided,
  doubleBookings: overlapping + unclaimed,
  peakRssMb: +peakRssMb.toFixed(1),
  peakSinceStartMb: +peakSinceStartMb.toFixed(1),
  routes,
};
console.log(`requests served ${served}, errors ${errors} (ceiling ${CEILINGS.errors})`);
console.log(
  `booking requests created ${created}, events published ${published}, staff decisions ${decided}`,
);
console.log(
  `double bookings afterwards ${figures.doubleBookings} (must be ${CEILINGS.doubleBookings})`,
);
console.log(
  `server peak resident memory under load ${figures.peakRssMb} MB (ceiling ${CEILINGS.peakRssMb} MB); since its first start ${figures.peakSinceStartMb} MB`,
);
for (const [route, r] of Object.entries(routes))
  console.log(`  ${route.padEnd(36)} n=${String(r.n).padStart(6)}  p95 ${r.p95Ms} ms`);
console.log(JSON.stringify(figures));
