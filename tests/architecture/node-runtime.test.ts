// `npm ci` then `npm start` work where the system's Node.js is older than 24
// (docs/decisions/009-node-as-a-dependency.md): the `node` package at the pinned version
// is a dependency, so npm's scripts run on it whatever `node` the PATH has first.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  dependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
  engines: { node: string };
};
const major = readFileSync(new URL('.nvmrc', root), 'utf8').trim();
const SYSTEM_NPM = '/usr/bin/npm';

describe('the Node.js that npm scripts run on', () => {
  it('is the `node` package, pinned exactly to the major in .nvmrc, with its install script allowed', () => {
    expect(pkg.dependencies.node).toMatch(new RegExp(`^${major}\\.\\d+\\.\\d+$`));
    expect(pkg.allowScripts.node).toBe(true);
    // `allow-scripts=…` in .npmrc breaks the node package (STACK.md traps).
    expect(readFileSync(new URL('.npmrc', root), 'utf8')).not.toMatch(/^allow-scripts\s*=/m);
    expect(existsSync(new URL('node_modules/.bin/node', root))).toBe(true);
  });

  it.skipIf(!existsSync(SYSTEM_NPM))(
    'is v24 under `npm run` even with the system’s bin first on the PATH',
    () => {
      const run = spawnSync(SYSTEM_NPM, ['run', '--silent', 'node:version'], {
        cwd: root,
        env: { ...process.env, PATH: '/usr/bin:/bin' },
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe(`v${pkg.dependencies.node}`);
    },
  );
});
