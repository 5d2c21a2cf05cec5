import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint rules that hold DESIGN.md's import direction, proven on code that breaks them:
 * web → (types only) api → services → db → domain.
 */
const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
const rulesBroken = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId);
};

// The first lintText loads every plugin and parser: seconds on a loaded 2-core machine.
describe('import direction', { timeout: 30_000 }, () => {
  it('keeps the web app away from the database and the API code', async () => {
    const file = 'apps/web/src/lib/server/probe.ts';
    expect(
      await rulesBroken(file, "import { db } from '@motesplats/db';\nexport const x = db;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await rulesBroken(file, "import { sql } from 'drizzle-orm';\nexport const x = sql;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await rulesBroken(
        file,
        "import { createApp } from '@motesplats/api';\nexport const x = createApp;\n",
      ),
    ).toContain('@typescript-eslint/no-restricted-imports');
    expect(
      await rulesBroken(
        file,
        "import type { AppType } from '@motesplats/api/types';\nexport type X = AppType;\n",
      ),
    ).toEqual([]);
  });

  it('keeps routes away from drizzle and the db package', async () => {
    const file = 'apps/api/src/routes/venues/probe.ts';
    expect(
      await rulesBroken(file, "import { eq } from 'drizzle-orm';\nexport const x = eq;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await rulesBroken(
        file,
        "import { venues } from '@motesplats/db';\nexport const x = venues;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('keeps the domain pure: no workspace packages, no I/O, no clock, no environment', async () => {
    const file = 'packages/domain/src/probe.ts';
    expect(
      await rulesBroken(
        file,
        "import { createDb } from '@motesplats/db';\nexport const x = createDb;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await rulesBroken(
        file,
        "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(await rulesBroken(file, 'export const x = Date.now();\n')).toContain(
      'no-restricted-properties',
    );
    expect(await rulesBroken(file, 'export const x = new Date();\n')).toContain(
      'no-restricted-syntax',
    );
    expect(await rulesBroken(file, 'export const x = process.env.TZ;\n')).toContain(
      'no-restricted-properties',
    );
    expect(await rulesBroken(file, "export const x = new Date('2026-01-01');\n")).toEqual([]);
  });

  it('keeps services free of HTTP, the clock and the environment', async () => {
    const file = 'apps/api/src/services/venues/probe.ts';
    expect(
      await rulesBroken(file, "import { Hono } from 'hono';\nexport const x = Hono;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await rulesBroken(
        file,
        "import { toProblem } from '../../http/problem';\nexport const x = toProblem;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(await rulesBroken(file, 'export const x = new Date();\n')).toContain(
      'no-restricted-syntax',
    );
    expect(await rulesBroken(file, 'export const x = Date.now();\n')).toContain(
      'no-restricted-properties',
    );
    expect(await rulesBroken(file, 'export const x = process.env.SMTP_URL;\n')).toContain(
      'no-restricted-properties',
    );
    expect(
      await rulesBroken(
        file,
        "import { eq } from 'drizzle-orm';\nexport const x = (d: Date) => [eq, new Date(d)];\n",
      ),
    ).toEqual([]);
  });

  it('keeps zod (and its eval probe) out of the browser: pages take the domain’s client entry', async () => {
    const file = 'apps/web/src/lib/components/probe.ts';
    expect(
      await rulesBroken(
        file,
        "import { PAGING } from '@motesplats/domain';\nexport const x = PAGING;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await rulesBroken(
        file,
        "import { PAGING } from '@motesplats/domain/client';\nexport const x = PAGING;\n",
      ),
    ).toEqual([]);
  });
});
