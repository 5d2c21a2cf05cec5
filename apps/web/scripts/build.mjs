// Builds the web app (adapter-node output in apps/web/build) and exits: Paraglide's
// inlang SDK leaves timers behind that keep a plain `vite build` alive for ~30 s.
import { fileURLToPath } from 'node:url';
import { createBuilder } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

try {
  const builder = await createBuilder({ root, configFile: `${root}/vite.config.ts` });
  await builder.buildApp();
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
