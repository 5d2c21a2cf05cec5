import { createDb, rowsOf } from '@motesplats/db';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { isUnavailable, toProblem } from '../../apps/api/src/http/problem';
import { ENGINE } from '../setup/env';
import { openTestDb } from '../setup/test-db';

/** An error as drivers and drizzle nest them: "Failed query: …" with the driver's error as cause. */
const wrapped = (code: string) =>
  new Error('Failed query: select 1\nparams: ', {
    cause: Object.assign(new Error('driver'), { code }),
  });

describe('what counts as "the database is away"', () => {
  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'CONNECT_TIMEOUT',
    'CONNECTION_CLOSED',
    'CONNECTION_ENDED',
    '08006',
    '08001',
    '57P01',
    '57P03',
    '53300',
    '57014',
  ])('%s → 503 problem with Retry-After', (code) => {
    expect(isUnavailable(wrapped(code))).toBe(true);
    expect(toProblem(wrapped(code))).toMatchObject({
      status: 503,
      code: 'database_unavailable',
      retryAfterSeconds: 5,
    });
  });

  it.each(['42P01', '23505', '22P02', '42703', 'ERR_SOMETHING'])('%s stays a 500', (code) => {
    expect(isUnavailable(wrapped(code))).toBe(false);
    expect(toProblem(wrapped(code)).status).toBe(500);
  });

  it('looks into AggregateError (every address of a host refused)', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(isUnavailable(new AggregateError([refused], 'all failed'))).toBe(true);
    expect(isUnavailable(new AggregateError([new Error('x')], 'all failed'))).toBe(false);
  });

  it('a cause chain that loops ends', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    a.cause = a;
    expect(isUnavailable(a)).toBe(false);
  });
});

describe.runIf(ENGINE === 'postgres')('statement_timeout on the app’s connections', () => {
  it('cancels a statement past it, which answers 503; 0 sets none', async () => {
    const t = await openTestDb('empty');
    const short = await createDb({ url: t.url!, maxConnections: 1, statementTimeoutMs: 200 });
    const none = await createDb({ url: t.url!, maxConnections: 1, statementTimeoutMs: 0 });
    try {
      const shown = rowsOf<{ statement_timeout: string }>(
        await short.db.execute(sql`show statement_timeout`),
      );
      expect(shown[0]!.statement_timeout).toBe('200ms');
      const failure = await short.db.execute(sql`select pg_sleep(2)`).then(
        () => null,
        (e: unknown) => e,
      );
      expect(failure).not.toBeNull();
      expect(toProblem(failure).status).toBe(503);
      const unset = rowsOf<{ statement_timeout: string }>(
        await none.db.execute(sql`show statement_timeout`),
      );
      expect(unset[0]!.statement_timeout).toBe('0');
    } finally {
      await short.close();
      await none.close();
      await t.close();
    }
  });
});
