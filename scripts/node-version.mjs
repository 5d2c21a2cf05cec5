// The Node.js version this project needs, checked before anything else runs.
import { readFileSync } from 'node:fs';

export function checkNodeVersion() {
  const wanted = Number(readFileSync(new URL('../.nvmrc', import.meta.url), 'utf8').trim());
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== wanted) {
    console.error(
      `Mötesplats needs Node.js ${wanted} (LTS); this is ${process.version}. ` +
        `Run it through npm (\`npm ci\`, then \`npm start\`): npm's scripts use the Node ${wanted} ` +
        `that \`npm ci\` installs into node_modules. Or install Node ${wanted} (\`nvm use\` in this folder).`,
    );
    process.exit(1);
  }
}
