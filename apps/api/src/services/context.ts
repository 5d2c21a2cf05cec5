import { auditLog, type Db } from '@motesplats/db';
import {
  ANONYMOUS,
  DomainFailure,
  holds,
  type Actor,
  type Scope,
  type SignedInActor,
} from '@motesplats/domain';
import type { Auth } from '../auth/auth';
import type { Mailer } from '../mail/mailer';

/** Who is calling from where: for throttles and the session's record, never shown publicly. */
export interface ClientInfo {
  /** The client's IP address as the server saw it (or as a trusted proxy said), else 'unknown'. */
  address: string;
  userAgent: string | null;
}

/**
 * What every use case receives (DESIGN.md "Shape"): the database or the open transaction,
 * the current instant (no service reads the clock), the actor, and the few ports a use case
 * may need (identity, mail).
 */
export interface ServiceCtx {
  db: Db;
  now: Date;
  actor: Actor;
  client: ClientInfo;
  auth: Auth;
  mailer: Mailer;
  /** Aborted once the request was answered 503 for running past its deadline. */
  deadline?: AbortSignal | undefined;
}

export const UNKNOWN_CLIENT: ClientInfo = { address: 'unknown', userAgent: null };

/** The context of a request before its session is known. */
export const anonymousCtx = (base: Omit<ServiceCtx, 'actor'>): ServiceCtx => ({
  ...base,
  actor: ANONYMOUS,
});

/**
 * Demands a scope of the actor: anonymous → 401, signed in without the role → 403. Use
 * cases that read one object by id check it after loading (so a foreign id answers 404 or
 * 403 consistently, never data).
 */
export function requireScope(ctx: ServiceCtx, scope: Scope): SignedInActor {
  if (ctx.actor.kind !== 'user') throw new DomainFailure({ kind: 'unauthenticated' });
  if (!holds(ctx.actor, scope)) throw new DomainFailure({ kind: 'forbidden', reason: scope.kind });
  return ctx.actor;
}

/** The signed-in actor, or 401. */
export const requireUser = (ctx: ServiceCtx): SignedInActor =>
  requireScope(ctx, { kind: 'signed_in' });

/**
 * Runs `work` in one transaction with a context whose `db` is that transaction: every
 * write of a use case, its audit row and its mail commit together or not at all.
 */
export function inTransaction<T>(
  ctx: ServiceCtx,
  work: (tx: ServiceCtx) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    ctx.deadline?.throwIfAborted();
    const result = await work({ ...ctx, db: tx as unknown as Db });
    // The request was answered 503 meanwhile (a database that stalled): its client was told
    // nothing was kept, so nothing is. Throwing here rolls the transaction back.
    ctx.deadline?.throwIfAborted();
    return result;
  });
}

export interface AuditEntry {
  municipalityId: string | null;
  action: string;
  entity: string;
  entityId: string;
  data?: Record<string, unknown>;
}

/** Writes the audit row of a decision or role change, in the caller's transaction, at ctx.now. */
export async function audit(ctx: ServiceCtx, entry: AuditEntry): Promise<void> {
  await ctx.db.insert(auditLog).values({
    municipalityId: entry.municipalityId,
    actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    data: entry.data ?? {},
    at: ctx.now,
  });
}
