// Sign-in speed (issue 6): the time of one argon2id hash and verify at the parameters used,
// and the p50/p95 of POST /api/session through createApp on PGlite (or PostgreSQL with
// BENCH_DATABASE_URL), one at a time and 8 at once. Reports beside ceilings; never fails.
//
//   npm run bench -- signin
import { createDb } from '@motesplats/db';
import { hash, verify } from '@node-rs/argon2';
import { authOf, createApp, systemClock, testConfig } from '../../apps/api/src/app';
import { ARGON2_PARAMS, argon2Hasher } from '../../apps/api/src/auth/password';
import { outboxMailer } from '../../apps/api/src/mail/outbox-mailer';
import { ensureAdministrator } from '../../apps/api/src/services/accounts/ensure-administrator';
import { anonymousCtx, UNKNOWN_CLIENT } from '../../apps/api/src/services/context';

const CEILINGS = { hashMs: 100, signInP95Ms: 250, concurrentP95Ms: 1000 };
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const time = async (f: () => unknown) => {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
};

const url = process.env.BENCH_DATABASE_URL;
const handle = await createDb(url ? { url } : {});
await handle.migrate();
const config = testConfig();
const deps = {
  db: handle.db,
  engine: handle.engine,
  migrationState: handle.migrationState,
  clock: systemClock,
  mailer: outboxMailer,
  config,
  hasher: argon2Hasher,
};
const app = createApp({ ...deps, auth: authOf(deps) });
const ctx = anonymousCtx({
  db: handle.db,
  now: new Date(),
  client: UNKNOWN_CLIENT,
  auth: authOf(deps),
  mailer: outboxMailer,
});
const email = `bench-${Date.now()}@example.org`;
const password = 'a bench passphrase';
await ensureAdministrator({ ctx, input: { email, password } });

const hashes: number[] = [];
const verifies: number[] = [];
const stored = await hash(password, ARGON2_PARAMS);
for (let i = 0; i < 20; i++) {
  hashes.push(await time(() => hash(password, ARGON2_PARAMS)));
  verifies.push(await time(() => verify(stored, password)));
}

const signIn = () =>
  app.request('http://localhost/api/session', {
    method: 'POST',
    headers: { origin: 'http://localhost', 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
for (let i = 0; i < 3; i++) await signIn(); // warm-up
const sequential: number[] = [];
for (let i = 0; i < 40; i++) {
  sequential.push(
    await time(async () => {
      const res = await signIn();
      if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
    }),
  );
}
const concurrent: number[] = [];
for (let round = 0; round < 5; round++) {
  await Promise.all(
    Array.from({ length: 8 }, async () => concurrent.push(await time(() => signIn()))),
  );
}
await handle.close();

const figures = {
  engine: handle.engine,
  argon2: { algorithm: 'argon2id', ...ARGON2_PARAMS },
  hashMedianMs: +quantile(hashes, 0.5).toFixed(1),
  verifyMedianMs: +quantile(verifies, 0.5).toFixed(1),
  signInP50Ms: +quantile(sequential, 0.5).toFixed(1),
  signInP95Ms: +quantile(sequential, 0.95).toFixed(1),
  concurrent8P95Ms: +quantile(concurrent, 0.95).toFixed(1),
};
console.log(
  `argon2id m=${ARGON2_PARAMS.memoryCost} KiB t=${ARGON2_PARAMS.timeCost} p=${ARGON2_PARAMS.parallelism}`,
);
console.log(
  `one hash (median of 20):     ${figures.hashMedianMs} ms   (ceiling ${CEILINGS.hashMs} ms)`,
);
console.log(`one verify (median of 20):   ${figures.verifyMedianMs} ms`);
console.log(
  `sign-in p50 / p95 (40 runs): ${figures.signInP50Ms} / ${figures.signInP95Ms} ms   (ceiling p95 ${CEILINGS.signInP95Ms} ms) on ${figures.engine}`,
);
console.log(
  `sign-in p95, 8 at once:      ${figures.concurrent8P95Ms} ms   (ceiling ${CEILINGS.concurrentP95Ms} ms)`,
);
console.log(JSON.stringify(figures));
