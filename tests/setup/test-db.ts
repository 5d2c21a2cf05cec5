import { createDb, type DbHandle } from '@motesplats/db';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { databaseUrl } from './database-url';
import { TEST_DATABASE_URL } from './env';

export interface TestDb extends DbHandle {
  /** The PostgreSQL URL of this database (PostgreSQL runs only). */
  url?: string;
}

/**
 * A database of this test file's own, copied from a template: `empty` (migrated) or `demo`
 * (migrated and seeded at TEST_NOW). close() drops it.
 */
export async function openTestDb(
  template: 'empty' | 'demo',
  options: { maxConnections?: number } = {},
): Promise<TestDb> {
  const templates = inject('templates');
  if (TEST_DATABASE_URL) {
    const name = `motesplats_t_${randomBytes(6).toString('hex')}_${templates.run}`;
    const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${templates[template]}`);
    const url = databaseUrl(TEST_DATABASE_URL, name);
    const handle = await createDb({ url, maxConnections: options.maxConnections ?? 5 });
    return {
      ...handle,
      url,
      close: async () => {
        await handle.close();
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  return createDb({ loadDataDir: new Blob([readFileSync(templates[template])]) });
}
