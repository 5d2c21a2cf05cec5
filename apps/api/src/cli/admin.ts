/**
 * `npm run admin -- create <email> [name]`: creates the first administrator (or makes an
 * existing account one). The password comes from ADMIN_PASSWORD, or a strong one is
 * generated and printed once. Same config and database as the server (DATABASE_URL or
 * DATA_DIR); run it while the server is stopped when the database is the embedded one.
 */
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authOf } from '../app';
import { argon2Hasher } from '../auth/password';
import { authSecretOf, checkNode, configOrExit, findRoot, openDatabase } from '../bootstrap';
import { systemClock } from '../deps';
import { outboxMailer } from '../mail/outbox-mailer';
import { ensureAdministrator } from '../services/accounts/ensure-administrator';
import { anonymousCtx, UNKNOWN_CLIENT } from '../services/context';

checkNode();
const [command, email, ...nameParts] = process.argv.slice(2);
if (command !== 'create' || !email) {
  console.error('Usage: npm run admin -- create <email> [name]');
  process.exit(2);
}
const config = { ...configOrExit() };
config.authSecret = authSecretOf(config);
const generated = !process.env.ADMIN_PASSWORD;
const password = process.env.ADMIN_PASSWORD ?? randomBytes(18).toString('base64url');
const handle = await openDatabase(config, findRoot(dirname(fileURLToPath(import.meta.url))));
try {
  const deps = {
    db: handle.db,
    engine: handle.engine,
    migrationState: handle.migrationState,
    clock: systemClock,
    mailer: outboxMailer,
    config,
    hasher: argon2Hasher,
  };
  const ctx = anonymousCtx({
    db: handle.db,
    now: systemClock.now(),
    client: UNKNOWN_CLIENT,
    auth: authOf(deps),
    mailer: outboxMailer,
  });
  const name = nameParts.join(' ').trim() || undefined;
  const { outcome } = await ensureAdministrator({ ctx, input: { email, password, name } });
  if (outcome === 'created') {
    console.log(`Created administrator ${email}.`);
    if (generated) console.log(`Password (shown once; change it after signing in): ${password}`);
  } else if (outcome === 'promoted') {
    console.log(`${email} is now an administrator (their password is unchanged).`);
  } else {
    console.log(`${email} already is an administrator.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
