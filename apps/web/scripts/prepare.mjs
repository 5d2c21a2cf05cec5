// Generates what a fresh checkout lacks before type-checking: Paraglide's message
// functions (src/lib/paraglide) and SvelteKit's types (.svelte-kit). Exits explicitly:
// the inlang SDK leaves timers behind (../shared/STACK.md).
import { compile } from '@inlang/paraglide-js';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { paraglideOptions } from '../paraglide.options.js';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
try {
  await compile(paraglideOptions);
  const sync = spawnSync('npx', ['svelte-kit', 'sync'], { stdio: 'inherit' });
  process.exit(sync.status ?? 1);
} catch (error) {
  console.error(error);
  process.exit(1);
}
