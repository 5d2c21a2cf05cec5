// Preloaded into a server process by tests (NODE_OPTIONS=--import): appends the URL of every
// module the process loads to the file named by RECORD_LOADS_FILE, one a line.
// tests/api/idle-footprint.test.ts reads it to see what a server holds in memory.
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const file = process.env.RECORD_LOADS_FILE;
if (file) {
  registerHooks({
    load(url, context, nextLoad) {
      appendFileSync(file, `${url}\n`);
      return nextLoad(url, context);
    },
  });
}
