// The yearly report under load (issue 11): a municipality with 100,000 bookings (two years of
// 25 rooms, six slots a day; approved, pending, rejected, withdrawn and city use) and 50,000
// event dates (1,000 weekly events, most of the past ones with a participant count), then the
// time to build its yearly indicators (every figure, beside the previous year's), on PGlite
// and on PostgreSQL. Ends with one line of JSON. A bench reports; it never fails.
//
//   npm run bench -- reports         (PostgreSQL: BENCH_DATABASE_URL, else a throwaway server)
//   REPORT_ROUNDS=100 npm run bench -- reports
//   REPORT_ENGINES=postgres REPORT_KEEP_DB=1 npm run bench -- reports   (PostgreSQL only; keeps
//   the seeded database and prints its name, for EXPLAIN ANALYZE)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, rowsOf, type Db } from '@motesplats/db';
import type { SignedInActor } from '@motesplats/domain';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { outboxMailer } from '../../apps/api/src/mail/outbox-mailer';
import { UNKNOWN_CLIENT, type ServiceCtx } from '../../apps/api/src/services/context';
import { reportIndicators } from '../../apps/api/src/services/reports/indicators';

const BOOKINGS = 100_000;
const OCCURRENCES = 50_000;
const VENUES = 25;
const ROUNDS = Number(process.env.REPORT_ROUNDS ?? 50); // a p95 of 20 rounds is its second-worst round
const WARMUP = 3;
const CEILING_MS = 300; // the aim on PostgreSQL
const YEAR = 2026;
const NOW = new Date('2026-12-01T10:00:00Z');

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

/** The data set, written by set-based SQL (the claims trigger and exclusion constraint run as always). */
async function seed(db: Db) {
  await db.execute(sql`
    insert into categories (slug, name, pictogram, position) values
      ('language-cafe', '{"sv":"Språkcafé","fi":"Kielikahvila"}', 'speech', 1),
      ('family-cafe', '{"sv":"Familjecafé","fi":"Perhekahvila"}', 'family', 2),
      ('culture', '{"sv":"Kultur","fi":"Kulttuuri"}', 'theatre', 3)
    on conflict do nothing`);
  await db.execute(sql`
    insert into municipalities (slug, name, languages, region)
    values ('benchby', '{"sv":"Benchby","fi":"Penkkilä"}', '{sv,fi}', 'Benchregionen')`);
  await db.execute(sql`
    insert into buildings (municipality_id, name, street, postal_code, city)
    select id, '{"sv":"Huset"}', 'Gatan 1', '00100', 'Benchby' from municipalities where slug = 'benchby'`);
  await db.execute(sql`
    insert into venues (municipality_id, building_id, name, capacity, opening_hours, created_at)
    select b.municipality_id, b.id, jsonb_build_object('sv', 'Rum ' || g), 30,
           '[{"weekday":1,"opens":"08:00","closes":"22:00"},{"weekday":2,"opens":"08:00","closes":"22:00"},{"weekday":3,"opens":"08:00","closes":"22:00"},{"weekday":4,"opens":"08:00","closes":"22:00"},{"weekday":5,"opens":"08:00","closes":"22:00"},{"weekday":6,"opens":"10:00","closes":"18:00"}]'::jsonb,
           '2024-01-01T00:00:00Z'
      from buildings b cross join generate_series(1, ${VENUES}) g where b.city = 'Benchby'`);
  await db.execute(sql`
    insert into spaces (municipality_id, venue_id, name)
    select municipality_id, id, name from venues where municipality_id = (select id from municipalities where slug = 'benchby')`);
  await db.execute(sql`
    insert into associations (municipality_id, name, verification, verified_at)
    select m.id, jsonb_build_object('sv', 'Förening ' || g), 'verified', timestamptz '2025-01-01' + g * interval '3 days'
      from municipalities m cross join generate_series(1, 200) g where m.slug = 'benchby'`);
  // Bookings: per room, six slots a day from 1 January 2025, 08:00–09:45 … 18:00–19:45 local.
  await db.execute(sql`
    create temporary table bench_slots as
    select gen_random_uuid() as request_id, s.municipality_id, s.venue_id, s.id as space_id, i,
           ((date '2025-01-01' + (i / 6)) + time '08:00' + (i % 6) * interval '2 hours')
             at time zone 'Europe/Helsinki' as starts_at,
           case when i % 17 = 0 then null else a.ids[1 + (i * 7 + s.rn) % 200] end as association_id,
           case i % 10 when 0 then 'pending' when 1 then 'rejected' when 2 then 'withdrawn'
                when 3 then 'cancelled' else 'approved' end::booking_status as status
      from (select sp.*, row_number() over (order by sp.id) as rn from spaces sp
             where sp.municipality_id = (select id from municipalities where slug = 'benchby')) s
     cross join (select array_agg(id order by id) as ids from associations
                  where municipality_id = (select id from municipalities where slug = 'benchby')) a
     cross join generate_series(0, ${BOOKINGS / VENUES - 1}) i`);
  await db.execute(sql`
    insert into booking_requests (id, municipality_id, venue_id, space_id, association_id, city_use,
                                  starts_at, ends_at, purpose, created_at)
    select request_id, municipality_id, venue_id, space_id, association_id, association_id is null,
           starts_at, starts_at + interval '105 minutes', 'Möte', starts_at - interval '14 days'
      from bench_slots`);
  await db.execute(sql`
    insert into bookings (municipality_id, venue_id, space_id, association_id, request_id,
                          starts_at, ends_at, status, purpose, decided_at)
    select municipality_id, venue_id, space_id, association_id, request_id,
           starts_at, starts_at + interval '105 minutes', status, 'Möte',
           case when status in ('approved', 'rejected', 'cancelled')
                then starts_at - interval '14 days' + (i % 72) * interval '1 hour' end
      from bench_slots`);
  // Events: 1,000 weekly events of 50 dates each, from January 2025 on.
  await db.execute(sql`
    insert into events (municipality_id, association_id, category_slug, title, languages, status,
                        uid, starts_at, ends_at)
    select m.id, a.ids[1 + g % 200],
           (array['language-cafe','family-cafe','culture'])[1 + g % 3],
           jsonb_build_object('sv', 'Evenemang ' || g),
           case g % 3 when 0 then '{fi,ar}'::text[] when 1 then '{sv,fi}'::text[] else '{ru,uk}'::text[] end,
           case when g % 20 = 0 then 'draft' else 'published' end::event_status,
           'bench-event-' || g || '@motesplats',
           timestamptz '2025-01-06T16:00:00Z' + (g % 300) * interval '1 day',
           timestamptz '2025-01-06T18:00:00Z' + (g % 300) * interval '1 day'
      from municipalities m
     cross join (select array_agg(id order by id) as ids from associations) a
     cross join generate_series(1, ${OCCURRENCES / 50}) g where m.slug = 'benchby'`);
  await db.execute(sql`
    insert into event_occurrences (municipality_id, event_id, starts_at, ends_at, original_starts_at, status, uid)
    select e.municipality_id, e.id, e.starts_at + w * interval '7 days', e.ends_at + w * interval '7 days',
           e.starts_at + w * interval '7 days',
           case when w % 25 = 7 then 'cancelled' else 'scheduled' end::occurrence_status,
           e.uid || '-' || w
      from events e cross join generate_series(0, 49) w
     where e.municipality_id = (select id from municipalities where slug = 'benchby')`);
  await db.execute(sql`
    insert into attendance (occurrence_id, municipality_id, participants)
    select o.id, o.municipality_id, 5 + (hashtext(o.uid) & 31)
      from event_occurrences o
     where o.municipality_id = (select id from municipalities where slug = 'benchby')
       and o.ends_at < ${NOW.toISOString()}::timestamptz and hashtext(o.uid) % 10 <> 0`);
  // As autovacuum would long since have done on a live installation (and not in the middle of
  // the rounds, on a 2-core machine).
  await db.execute(sql`vacuum analyze`);
  const [counts] = rowsOf<{ b: number; o: number }>(
    await db.execute(sql`select (select count(*)::int from bookings) as b,
                                (select count(*)::int from event_occurrences) as o`),
  );
  return counts!;
}

const administrator: SignedInActor = {
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  email: 'admin@bench.example',
  name: 'Bench',
  locale: 'sv',
  emailVerified: true,
  administrator: true,
  staff: [],
  memberships: [],
};

async function measure(
  engine: 'pglite' | 'postgres',
  open: () => Promise<{ db: Db; close: () => Promise<void>; migrate: () => Promise<void> }>,
) {
  const handle = await open();
  await handle.migrate();
  const started = performance.now();
  const counts = await seed(handle.db);
  console.log(
    `  ${engine}: ${counts.b} bookings, ${counts.o} event dates seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const ctx: ServiceCtx = {
    db: handle.db,
    now: NOW,
    actor: administrator,
    client: UNKNOWN_CLIENT,
    mailer: outboxMailer,
    // The report reads no identity: no auth port is needed.
    auth: undefined as never,
  };
  const times: number[] = [];
  let last;
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const t0 = performance.now();
    last = await reportIndicators({
      ctx,
      input: { municipality: 'benchby', year: YEAR, lang: 'sv' },
    });
    if (i >= WARMUP) times.push(performance.now() - t0);
  }
  await handle.close();
  const figures = {
    p50Ms: Math.round(quantile(times, 0.5)),
    p95Ms: Math.round(quantile(times, 0.95)),
    bookings: counts.b,
    occurrences: counts.o,
    yearBookings: last!.summary.bookings.value,
    yearOccurrences: last!.summary.occurrences.value,
  };
  console.log(
    `  ${engine}: yearly report p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms (aim on PostgreSQL < ${CEILING_MS} ms); ` +
      `${figures.yearBookings} bookings and ${figures.yearOccurrences} dates counted in ${YEAR}`,
  );
  return figures;
}

console.log(
  `Yearly report over ${BOOKINGS} bookings and ${OCCURRENCES} event dates, ${ROUNDS} rounds`,
);
const engines = (process.env.REPORT_ENGINES ?? 'pglite,postgres').split(',');
let pglite;
if (engines.includes('pglite')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'motesplats-reports-'));
  pglite = await measure('pglite', () => createDb({ dataDir }));
  rmSync(dataDir, { recursive: true, force: true });
}

let url = process.env.BENCH_DATABASE_URL;
let stop = () => {};
if (!url) {
  const out = execFileSync('bash', ['scripts/postgres-throwaway.sh', 'start', '55452'], {
    encoding: 'utf8',
  });
  url = /TEST_DATABASE_URL=(\S+)/.exec(out)![1]!;
  stop = () => void execFileSync('bash', ['scripts/postgres-throwaway.sh', 'stop', '55452']);
}
const name = `bench_reports_${Date.now()}`;
const admin = postgres(url, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE ${name}`);
const pg = await measure('postgres', () => createDb({ url: url!.replace(/\/[^/]*$/, `/${name}`) }));
if (process.env.REPORT_KEEP_DB) console.log(`  postgres: the seeded database ${name} is kept`);
else await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.end();
stop();

console.log(
  JSON.stringify({
    bench: 'reports',
    ceilingMs: CEILING_MS,
    pglite,
    postgres: pg,
    postgresWithinAim: pg.p95Ms < CEILING_MS,
  }),
);
