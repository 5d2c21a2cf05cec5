/**
 * Prepares template databases once per run: one migrated and empty, one with the demo data
 * seeded at TEST_NOW. Each test file then starts from a copy (immich's pattern): on
 * PostgreSQL `CREATE DATABASE … TEMPLATE`, on PGlite a dump of the data folder.
 */
import { createDb } from '@motesplats/db';
import { seedDemo } from '@motesplats/db/seed';
import { argon2Hasher } from '../../apps/api/src/auth/password';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { TEST_DATABASE_URL, TEST_NOW } from './env';
import { databaseUrl } from './database-url';

declare module 'vitest' {
  export interface ProvidedContext {
    templates: { empty: string; demo: string; run: string };
  }
}

export default async function setup(project: TestProject) {
  const run = `${process.pid}_${Date.now().toString(36)}`;
  if (TEST_DATABASE_URL) {
    const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
    const empty = `motesplats_tpl_empty_${run}`;
    const demo = `motesplats_tpl_demo_${run}`;
    await admin.unsafe(`CREATE DATABASE ${empty}`);
    const e = await createDb({ url: databaseUrl(TEST_DATABASE_URL, empty), maxConnections: 1 });
    await e.migrate();
    await e.close();
    await admin.unsafe(`CREATE DATABASE ${demo} TEMPLATE ${empty}`);
    const d = await createDb({ url: databaseUrl(TEST_DATABASE_URL, demo), maxConnections: 1 });
    await seedDemo(d.db, { now: TEST_NOW, hashPassword: argon2Hasher.hash });
    await d.close();
    project.provide('templates', { empty, demo, run });
    return async () => {
      const dbs = await admin<{ datname: string }[]>`
        select datname from pg_database where datname like ${`motesplats_%${run}%`}`;
      for (const { datname } of dbs)
        await admin.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await admin.end();
    };
  }

  const dir = mkdtempSync(join(tmpdir(), 'motesplats-pglite-'));
  const h = await createDb({});
  await h.migrate();
  const emptyPath = join(dir, 'empty.tar');
  writeFileSync(emptyPath, new Uint8Array(await (await h.dump!()).arrayBuffer()));
  await seedDemo(h.db, { now: TEST_NOW, hashPassword: argon2Hasher.hash });
  const demoPath = join(dir, 'demo.tar');
  writeFileSync(demoPath, new Uint8Array(await (await h.dump!()).arrayBuffer()));
  await h.close();
  project.provide('templates', { empty: emptyPath, demo: demoPath, run });
  return () => rmSync(dir, { recursive: true, force: true });
}
