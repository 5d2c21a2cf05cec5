/**
 * Backups of either engine (docs/decisions/012-operations.md):
 * - PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore` into an empty
 *   database in one transaction.
 * - PGlite: a plain SQL dump made by pg_dump itself, compiled to WebAssembly and run
 *   against the embedded database (@electric-sql/pglite-tools), with INSERTs rather than
 *   COPY; restored into a new data folder, or with `psql` into a PostgreSQL database (the
 *   way from the embedded database to a server).
 * A backup is written to `<file>.partial` and renamed when complete: a file with the name
 * asked for is always a whole backup.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import postgres from 'postgres';
import { pgliteExtensions } from './client';

export type BackupFormat = 'pg_dump-custom' | 'sql';

/**
 * A PostgreSQL client tool: in `binDir` (PG_BIN_DIR) when given, else Debian's newest
 * /usr/lib/postgresql/<version>/bin, else by name on the PATH. pg_dump must be at least
 * as new as the server it dumps.
 */
export function findPgTool(name: 'pg_dump' | 'pg_restore' | 'psql', binDir?: string): string {
  if (binDir) return join(binDir, name);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin', name);
  }
  return name;
}

/**
 * libpq's settings for a URL, the password in PGPASSWORD rather than on the command line
 * (where every user of the machine could read it in the process list).
 */
function libpq(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return {
    args: ['--dbname', u.toString()],
    // The child gets this process's environment (PATH, locale) plus the password.
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin?: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'ENOENT'
          ? new Error(`${command} not found: install PostgreSQL's client tools or set PG_BIN_DIR.`)
          : e,
      ),
    );
    child.once('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command.split('/').pop()} failed (${code}): ${stderr.trim()}`));
    });
    child.stdin.end(stdin ?? '');
  });
}

const partial = (file: string) => `${file}.partial`;

/** A backup's format, from its first bytes: pg_dump's custom archives start with PGDMP. */
export function backupFormat(file: string): BackupFormat {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    readSync(fd, head, 0, 5, 0);
    return head.toString('latin1') === 'PGDMP' ? 'pg_dump-custom' : 'sql';
  } finally {
    closeSync(fd);
  }
}

/** PostgreSQL → `file` (pg_dump's custom format). */
export async function backupPostgres(options: {
  url: string;
  file: string;
  binDir?: string | undefined;
}): Promise<void> {
  const { args, env } = libpq(options.url);
  mkdirSync(dirname(options.file), { recursive: true });
  rmSync(partial(options.file), { force: true });
  await run(
    findPgTool('pg_dump', options.binDir),
    ['--format=custom', '--no-owner', '--no-privileges', '--file', partial(options.file), ...args],
    env,
  );
  renameSync(partial(options.file), options.file);
}

/** The embedded database in `dataDir` → `file` (plain SQL). It must not be in use. */
export async function backupPglite(options: { dataDir: string; file: string }): Promise<void> {
  if (!existsSync(join(options.dataDir, 'PG_VERSION')))
    throw new Error(`${options.dataDir} holds no database.`);
  const pg = await openPglite(options.dataDir);
  try {
    const { pgDump } = await import('@electric-sql/pglite-tools/pg_dump');
    const dump = await pgDump({
      pg,
      args: ['--inserts', '--no-owner', '--no-privileges', '--quote-all-identifiers'],
    });
    mkdirSync(dirname(options.file), { recursive: true });
    writeFileSync(partial(options.file), new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial(options.file), options.file);
  } finally {
    await pg.close();
  }
}

async function openPglite(dataDir: string) {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = new PGlite({ dataDir, extensions: await pgliteExtensions() });
  await pg.waitReady;
  return pg;
}

/**
 * Lines a server older than the dump's pg_dump (18) refuses: `transaction_timeout` is new
 * in PostgreSQL 17, and `\restrict`/`\unrestrict` are psql commands of newer pg_dumps.
 */
const forOlderServers = (sql: string) =>
  sql
    .split('\n')
    .filter((line) => !/^SET transaction_timeout\b/.test(line) && !/^\\(un)?restrict\b/.test(line))
    .join('\n');

/** What a database to restore into must be: nothing in it yet. */
async function assertEmptyPostgres(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p', 'v', 'm', 'S')`;
    if (row!.n > 0)
      throw new Error(
        'The database to restore into is not empty: create a new one (createdb) and point DATABASE_URL at it.',
      );
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** `file` (either format) → an empty PostgreSQL database, in one transaction. */
export async function restorePostgres(options: {
  url: string;
  file: string;
  binDir?: string | undefined;
}): Promise<void> {
  await assertEmptyPostgres(options.url);
  const { args, env } = libpq(options.url);
  if (backupFormat(options.file) === 'pg_dump-custom') {
    await run(
      findPgTool('pg_restore', options.binDir),
      [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        ...args,
        options.file,
      ],
      env,
    );
  } else {
    await run(
      findPgTool('psql', options.binDir),
      [
        '--quiet',
        '--no-psqlrc',
        '-v',
        'ON_ERROR_STOP=1',
        '--single-transaction',
        '--output=/dev/null',
        ...args,
      ],
      env,
      forOlderServers(readFileSync(options.file, 'utf8')),
    );
  }
}

/**
 * `file` (a SQL backup) → a new embedded database in `dataDir` (absent or empty). Built in a
 * folder beside it and moved into place when complete: no half-restored database.
 */
export async function restorePglite(options: { dataDir: string; file: string }): Promise<void> {
  if (backupFormat(options.file) !== 'sql')
    throw new Error(
      'This is a PostgreSQL (pg_dump custom format) backup: restore it into PostgreSQL (set DATABASE_URL).',
    );
  if (existsSync(options.dataDir) && readdirSync(options.dataDir).length > 0)
    throw new Error(
      `${options.dataDir} is not empty: restore into a new DATA_DIR (the server creates the rest).`,
    );
  const building = `${options.dataDir.replace(/\/+$/, '')}.restoring`;
  rmSync(building, { recursive: true, force: true });
  const pg = await openPglite(building);
  try {
    await pg.exec(readFileSync(options.file, 'utf8'));
  } catch (error) {
    await pg.close();
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
  await pg.close();
  rmSync(options.dataDir, { recursive: true, force: true });
  renameSync(building, options.dataDir);
}
