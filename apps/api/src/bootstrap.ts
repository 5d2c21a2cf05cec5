/**
 * What the server and the command-line tools share before they do anything: the Node
 * version, the config, the database (migrated), and the installation's auth secret.
 * Side effects live here and in the entry points only.
 */
import { createDb, type DbHandle } from '@motesplats/db';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, loadConfig, type Config } from './config';

const NODE_MAJOR = 24;

export function checkNode(): void {
  if (Number(process.versions.node.split('.')[0]) !== NODE_MAJOR) {
    console.error(`Mötesplats needs Node.js ${NODE_MAJOR}; this is ${process.version}.`);
    process.exit(1);
  }
}

/** The repository root: found upwards from a module (dist/*.mjs or apps/api/src in dev). */
export function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'packages/db/migrations'))) return dir;
  }
  throw new Error(`Cannot find packages/db/migrations above ${from}.`);
}

/** The config, or one readable line naming the bad setting and exit 1. */
export function configOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * The embedded database's starting point made at build time (scripts/pglite-template.mjs)
 * by this very PGlite version, or undefined (then PGlite runs initdb itself).
 */
export function pgliteTemplate(root: string): Blob | undefined {
  try {
    const { version } = JSON.parse(
      readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
    ) as { version: string };
    const file = join(root, 'dist', `pglite-${version}.tar.gz`);
    return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
  } catch {
    return undefined;
  }
}

export async function openDatabase(config: Config, root: string): Promise<DbHandle> {
  const dataDir = resolve(config.dataDir);
  // A new embedded database starts from the build's template rather than from initdb.
  const fresh = !config.databaseUrl && !existsSync(join(dataDir, 'PG_VERSION'));
  const handle = await createDb({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : dataDir,
    loadDataDir: fresh ? pgliteTemplate(root) : undefined,
    migrationsFolder: join(root, 'packages/db/migrations'),
    connectTimeoutMs: config.databaseTimeouts.connectMs,
    statementTimeoutMs: config.databaseTimeouts.statementMs,
  });
  await handle.migrate();
  return handle;
}

/**
 * AUTH_SECRET, or else a secret generated once and kept in DATA_DIR (mode 0600), so a
 * single server keeps its sessions across restarts with no setting. Several processes
 * behind a load balancer must share AUTH_SECRET (README).
 */
export function authSecretOf(config: Config): string {
  if (config.authSecret) return config.authSecret;
  const file = join(resolve(config.dataDir), 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * The embedded database's folder is used by one process at a time: the server writes its
 * pid here while it runs (PGlite's own postmaster.pid holds no real pid), and the backup
 * and restore commands refuse a folder whose server is alive.
 */
const ownerFile = (dataDir: string) => join(resolve(dataDir), 'motesplats.pid');

export function claimDataDir(dataDir: string): () => void {
  mkdirSync(resolve(dataDir), { recursive: true });
  writeFileSync(ownerFile(dataDir), `${process.pid}\n`);
  return () => rmSync(ownerFile(dataDir), { force: true });
}

/** The pid of a live server using `dataDir`, else null. */
export function dataDirOwner(dataDir: string): number | null {
  const file = ownerFile(dataDir);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    // EPERM: alive, another user's. ESRCH: gone (a crash left the file).
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
