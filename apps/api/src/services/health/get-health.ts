import type { Engine, MigrationState } from '@motesplats/db';
import { sql } from 'drizzle-orm';
import type { ServiceCtx } from '../context';

/** Liveness of the database and whether every migration is applied. */
export async function getHealth({
  ctx,
  engine,
  migrationState,
}: {
  ctx: ServiceCtx;
  engine: Engine;
  migrationState: () => Promise<MigrationState>;
}) {
  let reachable = true;
  try {
    await ctx.db.execute(sql`select 1`);
  } catch {
    reachable = false;
  }
  const migrations = reachable
    ? await migrationState()
    : { applied: 0, available: 0, latest: null, upToDate: false };
  return {
    status: reachable && migrations.upToDate ? ('ok' as const) : ('degraded' as const),
    time: ctx.now.toISOString(),
    database: { engine, reachable, migrations },
  };
}
