import { rowsOf } from '@motesplats/db';
import { DomainFailure, THROTTLES, type ThrottleName } from '@motesplats/domain';
import { sql } from 'drizzle-orm';
import type { ServiceCtx } from '../context';

/**
 * Counts one attempt against a throttle and refuses (429 with Retry-After) once the window's
 * allowance is spent. One atomic upsert, so concurrent requests and several processes share
 * the count (docs/decisions/007: better-auth's own limiter keys by address and path only).
 * The window is fixed: it starts at the first attempt and resets after `windowSeconds`.
 */
export async function consumeThrottle(
  ctx: ServiceCtx,
  name: ThrottleName,
  subject: string,
): Promise<void> {
  const { limit, windowSeconds } = THROTTLES[name];
  const key = `${name}:${subject}`;
  const now = ctx.now.toISOString();
  const [row] = rowsOf<{ count: number; window_started_at: string | Date }>(
    await ctx.db.execute(sql`
      insert into throttles (key, count, window_started_at) values (${key}, 1, ${now}::timestamptz)
      on conflict (key) do update set
        count = case when throttles.window_started_at <= ${now}::timestamptz - make_interval(secs => ${windowSeconds})
                     then 1 else throttles.count + 1 end,
        window_started_at = case when throttles.window_started_at <= ${now}::timestamptz - make_interval(secs => ${windowSeconds})
                     then ${now}::timestamptz else throttles.window_started_at end
      returning count, window_started_at`),
  );
  if (!row || row.count <= limit) return;
  const started = new Date(row.window_started_at).getTime();
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((started + windowSeconds * 1000 - ctx.now.getTime()) / 1000),
  );
  throw new DomainFailure({ kind: 'throttled', retryAfterSeconds });
}

/** Forgets an account's failed sign-ins once it signs in successfully. */
export async function resetThrottle(ctx: ServiceCtx, name: ThrottleName, subject: string) {
  await ctx.db.execute(sql`delete from throttles where key = ${`${name}:${subject}`}`);
}

/**
 * Gives back one attempt: a successful sign-in does not count against its client
 * address (an office behind one address signs many people in; guessing is what is limited).
 */
export async function refundThrottle(ctx: ServiceCtx, name: ThrottleName, subject: string) {
  await ctx.db.execute(
    sql`update throttles set count = greatest(count - 1, 0) where key = ${`${name}:${subject}`}`,
  );
}
