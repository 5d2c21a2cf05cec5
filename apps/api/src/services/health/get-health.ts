import type { Engine, MigrationState } from '@motesplats/db';
import { sql } from 'drizzle-orm';
import type { ServiceCtx } from '../context';

/** Liveness: the process answers. Touches nothing, so a database outage never fails it. */
export function getHealth({ ctx, engine }: { ctx: ServiceCtx; engine: Engine }) {
  return { status: 'ok' as const, time: ctx.now.toISOString(), engine };
}

/** How long the readiness check waits for the database before it calls it unreachable. */
export const READY_TIMEOUT_MS = 1000;

export type Readiness =
  | { ready: true; engine: Engine; migrations: MigrationState }
  | {
      ready: false;
      engine: Engine;
      reason: 'database_unreachable' | 'migrations_pending' | 'shutting_down';
      migrations?: MigrationState;
    };

/**
 * Readiness: the database answers (within READY_TIMEOUT_MS) and every migration of the
 * journal (packages/db/migrations/meta/_journal.json) is applied; not while shutting down.
 */
export async function getReadiness({
  ctx,
  engine,
  migrationState,
  shuttingDown = () => false,
  timeoutMs = READY_TIMEOUT_MS,
}: {
  ctx: ServiceCtx;
  engine: Engine;
  migrationState: () => Promise<MigrationState>;
  shuttingDown?: () => boolean;
  timeoutMs?: number;
}): Promise<Readiness> {
  if (shuttingDown()) return { ready: false, engine, reason: 'shutting_down' };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeoutMs);
  });
  try {
    const answered = await Promise.race([
      ctx.db.execute(sql`select 1`).then(
        () => 'yes' as const,
        () => 'no' as const,
      ),
      late,
    ]);
    if (answered !== 'yes') return { ready: false, engine, reason: 'database_unreachable' };
    const migrations = await Promise.race([migrationState(), late]);
    if (migrations === 'late') return { ready: false, engine, reason: 'database_unreachable' };
    return migrations.upToDate
      ? { ready: true, engine, migrations }
      : { ready: false, engine, reason: 'migrations_pending', migrations };
  } finally {
    clearTimeout(timer);
  }
}
