// Start time and memory of the one-process server, on PGlite and (when TEST_DATABASE_URL or
// BENCH_DATABASE_URL is set) on PostgreSQL. Prints each figure beside its ceiling (issue 3):
// cold start on a built tree < 3 s on PGlite and < 1 s on PostgreSQL; idle resident memory
// < 300 MB on PGlite and < 120 MB on PostgreSQL; also the peak resident memory (VmHWM) of
// a first start (PGlite: the cluster is created, migrated, seeded) and of a restart, and the
// idle memory after a first start. Not a test: it reports, it does not fail; its last line
// is the figures as JSON.
//
//   npm run bench            (builds first when dist/server.mjs is missing)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const root = fileURLToPath(new URL('../..', import.meta.url));
const server = join(root, 'dist/server.mjs');
// Run exactly what `npm start` runs (its Node flags included), minus npm itself.
const startArgs = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  .scripts.start.split(' ')
  .slice(1);
const COLD_RUNS = 5;
const PORT = 3900 + (process.pid % 90);
const base = `http://127.0.0.1:${PORT}`;

if (!existsSync(server)) {
  console.log('Building first…');
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const statusMb = (pid, key) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(
    new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'),
  );
  return line ? Number(line[1]) / 1024 : NaN;
};
const rssMb = (pid) => statusMb(pid, 'VmRSS');
/** The process's peak resident memory so far (VmHWM). */
const peakMb = (pid) => statusMb(pid, 'VmHWM');

async function start(env) {
  const t0 = performance.now();
  const child = spawn(process.execPath, startArgs, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited');
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, ms: performance.now() - t0 };
    await sleep(10);
  }
}
const stop = (child) =>
  new Promise((r) => {
    child.once('exit', r);
    child.kill('SIGTERM');
  });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A little real use: pages in two languages, a venue page, its feed. */
async function warmUp() {
  const venues = await (await fetch(`${base}/api/venues?limit=100`)).json();
  for (const path of [
    '/sv',
    '/ar',
    `/sv/venues/${venues.items[0].id}`,
    `/feeds/venues/${venues.items[0].id}.ics`,
  ]) {
    await (await fetch(`${base}${path}`)).arrayBuffer();
  }
  await sleep(3000);
}

async function measure(engine, env) {
  // First start on an empty database: create (PGlite: the cluster), migrate, seed.
  const first = await start(env);
  const firstPeak = peakMb(first.child.pid);
  await warmUp();
  const firstIdle = rssMb(first.child.pid);
  await stop(first.child);
  const colds = [];
  let last;
  for (let i = 0; i < COLD_RUNS; i++) {
    if (last) await stop(last.child);
    last = await start(env);
    colds.push(last.ms);
  }
  const restartPeak = peakMb(last.child.pid);
  await warmUp();
  const rss = rssMb(last.child.pid);
  await stop(last.child);
  return {
    engine,
    firstStartMs: first.ms,
    firstPeak,
    firstIdle,
    coldMs: median(colds),
    restartPeak,
    rss,
  };
}

const results = [];
const dataDir = mkdtempSync(join(tmpdir(), 'motesplats-bench-'));
try {
  results.push(await measure('pglite', { DATA_DIR: dataDir, DATABASE_URL: '' }));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
  const name = `motesplats_bench_${process.pid}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  try {
    results.push(await measure('postgres', { DATABASE_URL: url.toString() }));
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  console.log('PostgreSQL skipped: set TEST_DATABASE_URL or BENCH_DATABASE_URL.');
}

const ceilings = { pglite: { cold: 3000, rss: 300 }, postgres: { cold: 1000, rss: 120 } };
const row = (label, value, ceiling, unit) =>
  `${label.padEnd(44)} ${value.toFixed(unit === 'ms' ? 0 : 1).padStart(7)} ${unit}   ceiling ${String(ceiling).padStart(5)} ${unit}   ${value <= ceiling ? 'ok' : 'OVER'}`;
console.log(
  `\nMötesplats server start and memory (node ${process.version}, ${COLD_RUNS} cold starts, median)`,
);
for (const r of results) {
  const c = ceilings[r.engine];
  console.log(
    `${`first start, empty ${r.engine} (migrate + seed)`.padEnd(44)} ${r.firstStartMs.toFixed(0).padStart(7)} ms`,
  );
  console.log(row(`cold start on a built tree (${r.engine})`, r.coldMs, c.cold, 'ms'));
  console.log(row(`idle resident memory (${r.engine})`, r.rss, c.rss, 'MB'));
  console.log(
    `${`peak resident memory, first start (${r.engine})`.padEnd(44)} ${r.firstPeak.toFixed(1).padStart(7)} MB`,
  );
  console.log(
    `${`idle after the first start (${r.engine})`.padEnd(44)} ${r.firstIdle.toFixed(1).padStart(7)} MB`,
  );
  console.log(
    `${`peak resident memory, restart (${r.engine})`.padEnd(44)} ${r.restartPeak.toFixed(1).padStart(7)} MB`,
  );
}
console.log(
  JSON.stringify(
    Object.fromEntries(
      results.map((r) => [
        r.engine,
        Object.fromEntries(
          Object.entries(r)
            .filter(([k]) => k !== 'engine')
            .map(([k, v]) => [k, Math.round(v)]),
        ),
      ]),
    ),
  ),
);
