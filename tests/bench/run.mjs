// `npm run bench -- <name>`: runs one benchmark (default: startup). Benchmarks report
// figures beside their ceilings and end with one line of JSON; they never fail the suite.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = {
  startup: ['node', ['tests/bench/startup.mjs']],
  signin: ['npx', ['tsx', 'tests/bench/signin.ts']],
  booking: ['npx', ['tsx', 'tests/bench/booking.ts']],
  soak: ['npx', ['tsx', 'tests/bench/soak.ts']],
  calendar: ['npx', ['tsx', 'tests/bench/calendar.ts']],
  feeds: ['npx', ['tsx', 'tests/bench/feeds.ts']],
  reports: ['npx', ['tsx', 'tests/bench/reports.ts']],
};
const name = process.argv[2] ?? 'startup';
const bench = BENCHES[name];
if (!bench) {
  console.error(`No benchmark "${name}"; there are: ${Object.keys(BENCHES).join(', ')}.`);
  process.exit(2);
}
const root = fileURLToPath(new URL('../..', import.meta.url));
const run = spawnSync(bench[0] === 'node' ? process.execPath : bench[0], bench[1], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
