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

describe('the server process that scripts/start.mjs runs', () => {
  const printRuntime = (env: Record<string, string>, flags: string[] = []) => {
    const run = spawnSync(process.execPath, [...flags, 'scripts/start.mjs', '--print-runtime'], {
      cwd: root,
      env: { ...(process.env as Record<string, string>), ...env },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as { flags: string[]; env: Record<string, string> };
  };
  const clean = Object.fromEntries(
    Object.entries(process.env as Record<string, string>).filter(
      ([k]) => !k.startsWith('MALLOC_') && k !== 'MOTESPLATS_RUNTIME_SET',
    ),
  );

  it('has the memory settings of decision 012 however it is started', () => {
    const runtime = printRuntime({ ...clean, MOTESPLATS_RUNTIME_SET: '' });
    expect(runtime.flags).toEqual(
      expect.arrayContaining([
        '--max-semi-space-size=2',
        '--liftoff-only',
        '--heap-growing-percent=50',
      ]),
    );
    expect(runtime.env).toEqual({
      MALLOC_ARENA_MAX: '1',
      MALLOC_MMAP_THRESHOLD_: '65536',
      MALLOC_TRIM_THRESHOLD_: '65536',
    });
  });

  it('keeps the settings an operator gave, adding only the missing ones', () => {
    const runtime = printRuntime({ MALLOC_ARENA_MAX: '4' }, ['--liftoff-only']);
    expect(runtime.env.MALLOC_ARENA_MAX).toBe('4');
    expect(runtime.env.MALLOC_TRIM_THRESHOLD_).toBe('65536');
    expect(runtime.flags.filter((f) => f === '--liftoff-only')).toHaveLength(1);
    expect(runtime.flags).toContain('--max-semi-space-size=2');
  });
});
