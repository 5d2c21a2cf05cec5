// The Node.js version this project needs, checked before anything else runs.
import { readFileSync } from 'node:fs';

export function checkNodeVersion() {
  const wanted = Number(readFileSync(new URL('../.nvmrc', import.meta.url), 'utf8').trim());
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== wanted) {
    console.error(
      `Mötesplats needs Node.js ${wanted} (LTS); this is ${process.version}. ` +
        `Install Node ${wanted} (for example \`nvm use\` in this folder) and try again.`,
    );
    process.exit(1);
  }
}
