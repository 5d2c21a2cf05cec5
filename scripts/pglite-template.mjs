// Creates the embedded database's starting point at build time: a fresh PGlite cluster
// (initdb), packed with dumpDataDir, as dist/pglite-<version>.tar.gz. The server's first
// start on an empty DATA_DIR loads it instead of running initdb itself, which peaks near
// 1.1 GB resident and leaves the process 200 MB larger for good (docs/decisions/
// 012-operations.md). Run by scripts/build.mjs in a process of its own, so that peak is
// not the server's. The file is used only by the PGlite version that made it.
import { PGlite } from '@electric-sql/pglite';
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(
  readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
);
const file = join(root, 'dist', `pglite-${version}.tar.gz`);
const pg = new PGlite();
await pg.waitReady;
const blob = await pg.dumpDataDir('gzip');
await pg.close();
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(`${file}.partial`, new Uint8Array(await blob.arrayBuffer()));
renameSync(`${file}.partial`, file);
console.log(`PGlite ${version} template: ${file} (${(blob.size / 1024 / 1024).toFixed(1)} MB)`);
