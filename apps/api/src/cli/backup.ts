/**
 * `npm run backup -- <file>` and `npm run restore -- <file>`: the database the settings
 * name (DATABASE_URL, else the embedded one in DATA_DIR) to a file and back
 * (packages/db/src/backup.ts; README "Operations").
 */
import { createDb, rowsOf } from '@motesplats/db';
import {
  backupPglite,
  backupPostgres,
  restorePglite,
  restorePostgres,
} from '@motesplats/db/backup';
import { sql } from 'drizzle-orm';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkNode, configOrExit, dataDirOwner, findRoot } from '../bootstrap';

checkNode();
const [command, target] = process.argv.slice(2);
if ((command !== 'backup' && command !== 'restore') || !target) {
  console.error('Usage: npm run backup -- <file>   |   npm run restore -- <file>');
  process.exit(2);
}
const config = configOrExit();
// npm runs scripts in the project's folder, which is where a relative DATA_DIR is (as for
// `npm start`); the file's name is the caller's, relative to where npm was run (INIT_CWD).
const file = resolve(process.env.INIT_CWD ?? process.cwd(), target);
const dataDir = resolve(config.dataDir);
const root = findRoot(fileURLToPath(new URL('.', import.meta.url)));

try {
  const started = performance.now();
  if (!config.databaseUrl) {
    const owner = dataDirOwner(dataDir);
    if (owner !== null)
      throw new Error(
        `The server (pid ${owner}) is using ${dataDir}: stop it first (the embedded database has one user at a time).`,
      );
  }
  if (command === 'backup') {
    if (config.databaseUrl)
      await backupPostgres({ url: config.databaseUrl, file, binDir: config.pgBinDir });
    else await backupPglite({ dataDir, file });
    const size = (statSync(file).size / 1024 / 1024).toFixed(1);
    console.log(
      `Backed up ${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`} to ${file} (${size} MB) in ${Math.round(performance.now() - started)} ms.`,
    );
  } else {
    if (!existsSync(file)) throw new Error(`No such file: ${file}`);
    if (config.databaseUrl)
      await restorePostgres({ url: config.databaseUrl, file, binDir: config.pgBinDir });
    else await restorePglite({ dataDir, file });
    // What came back, and whether this version's migrations are all there.
    const handle = await createDb({
      url: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : dataDir,
      migrationsFolder: join(root, 'packages/db/migrations'),
      maxConnections: 1,
    });
    try {
      const [counts] = rowsOf<Record<string, number>>(
        await handle.db.execute(sql`select
          (select count(*)::int from municipalities) as municipalities,
          (select count(*)::int from venues) as venues,
          (select count(*)::int from bookings) as bookings,
          (select count(*)::int from events) as events,
          (select count(*)::int from users) as users`),
      );
      const state = await handle.migrationState();
      console.log(
        `Restored ${file} into ${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`} in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(counts)}; migrations ${state.applied}/${state.available}${state.upToDate ? '' : ' (the server applies the rest at start)'}.`,
      );
    } finally {
      await handle.close();
    }
  }
} catch (error) {
  console.error(`${command} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
