import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index';
import { sqlState } from './errors';

export type Schema = typeof schema;
/** The one database type services see, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Engine = 'pglite' | 'postgres';

const PGLITE_SHARED_BUFFERS = '16MB';
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
const MAX_BACKOFF_SECONDS = 0.25;

export interface DbOptions {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder; when absent (and no url) PGlite runs in memory. */
  dataDir?: string | undefined;
  /** Folder of generated migrations; defaults to packages/db/migrations. */
  migrationsFolder?: string | undefined;
  /** Connection pool size for PostgreSQL. */
  maxConnections?: number;
  /**
   * PostgreSQL only: how long opening a connection may take before the query that wanted it
   * fails (an unreachable server: packets dropped, nothing refused). Default 10 s; the
   * server passes DATABASE_CONNECT_TIMEOUT_MS (2 s). A refused connection fails at once
   * whatever this is. Too short fails a burst of new connections on a busy machine.
   */
  connectTimeoutMs?: number;
  /** PostgreSQL only: the server's statement_timeout for the app's queries; 0 is none. Default 30 s. */
  statementTimeoutMs?: number;
  /** PGlite only: start from a dump of another instance (tests start from a migrated template). */
  loadDataDir?: Blob | undefined;
}

export interface MigrationState {
  applied: number;
  available: number;
  latest: string | null;
  upToDate: boolean;
}

export interface DbHandle {
  db: Db;
  engine: Engine;
  migrate(): Promise<void>;
  migrationState(): Promise<MigrationState>;
  close(): Promise<void>;
  /** PGlite only: a tarball of the data folder, to start other instances from. */
  dump?: () => Promise<Blob>;
}

/** The contrib extensions the migrations create (btree_gist for claims, pg_trgm for search). */
export async function pgliteExtensions() {
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  return { btree_gist, pg_trgm };
}

export const defaultMigrationsFolder = (): string =>
  fileURLToPath(new URL('../migrations', import.meta.url));

/** postgres.js when a URL is given, otherwise PGlite (with btree_gist) in a data folder. */
export async function createDb(options: DbOptions = {}): Promise<DbHandle> {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const migrationState = async (db: Db): Promise<MigrationState> => {
    const files = readMigrationFiles({ migrationsFolder });
    const rows = await db
      .execute<{ hash: string; created_at: string }>(
        sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at`,
      )
      .then((r) => rowsOf<{ hash: string }>(r))
      // A database never migrated has no drizzle schema (42P01, 3F000): nothing applied.
      // Any other failure (the server is away) is not "0 applied": it is thrown.
      .catch((e: unknown) => {
        if (['42P01', '3F000'].includes(sqlState(e) ?? '')) return [];
        throw e;
      });
    const applied = new Set(rows.map((r) => r.hash));
    const last = files.at(-1);
    return {
      applied: rows.length,
      available: files.length,
      latest: last ? String(last.folderMillis) : null,
      upToDate: files.every((f) => applied.has(f.hash)),
    };
  };

  // Each engine's driver, and drizzle's adapter for it (which imports the driver), is loaded
  // only when used: the other one costs memory for nothing (PGlite's JavaScript is ~3 MB
  // resident on a server that talks to PostgreSQL). The bundle makes each a chunk.
  if (options.url) {
    const [{ default: postgres }, { drizzle: drizzlePostgres }, { migrate: migratePostgres }] =
      await Promise.all([
        import('postgres'),
        import('drizzle-orm/postgres-js'),
        import('drizzle-orm/postgres-js/migrator'),
      ]);
    const url = options.url;
    const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
    const client = postgres(url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      // While PostgreSQL is away every query fails at once (refused) or after this long
      // (unreachable): the API answers 503 instead of hanging (docs/decisions/012-operations.md).
      connect_timeout: (options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS) / 1000,
      // postgres.js waits before reconnecting, up to 20 s after repeated failures, and queries
      // queue behind that wait: short and bounded, so they keep failing fast during an outage
      // and the first one after it reconnects.
      backoff: (retries: number) => Math.min(0.02 * 2 ** retries, MAX_BACKOFF_SECONDS),
      connection: {
        application_name: 'motesplats',
        // Sent as a startup parameter; 0 sends none (PgBouncer refuses unknown ones).
        ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
      },
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return {
      db,
      engine: 'postgres',
      // Migrations get a connection of their own without the statement timeout: an index
      // built on a large table may take longer than any request should.
      migrate: async () => {
        const own = postgres(url, { max: 1, onnotice: () => {} });
        try {
          await migratePostgres(drizzlePostgres(own) as never, { migrationsFolder });
        } finally {
          await own.end({ timeout: 5 });
        }
      },
      migrationState: () => migrationState(db),
      close: () => client.end({ timeout: 5 }),
    };
  }

  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const client = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: await pgliteExtensions(),
    // PostgreSQL's default 128 MB of shared buffers live inside PGlite's WebAssembly memory
    // and cost ~140 MB of resident memory; one in-process connection needs far less
    // (measured by tests/bench/startup.mjs: ~350 MB → ~210 MB idle).
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    migrationState: () => migrationState(db),
    close: () => client.close(),
    dump: () => client.dumpDataDir('none'),
  };
}

/** drizzle's execute() answers an array (postgres.js) or { rows } (PGlite). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
