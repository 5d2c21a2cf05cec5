import { auditLog, municipalities, users } from '@motesplats/db';
import { DomainFailure, invalid } from '@motesplats/domain';
import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { requireScope, type ServiceCtx } from '../context';
import { pageOf, type PageQuery } from '../shared/paging';
import { boundToInstant, assertOrdered } from '../shared/time-range';

export interface ListAuditInput extends PageQuery {
  municipality: string;
  from?: string | undefined;
  to?: string | undefined;
  /** An actor's user id or e-mail address. */
  actor?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
}

/**
 * A municipality's audit log for its staff, newest first, filtered by date (local dates in
 * the municipality's zone), actor and object.
 */
export async function listAudit({ ctx, input }: { ctx: ServiceCtx; input: ListAuditInput }) {
  const [municipality] = await ctx.db
    .select()
    .from(municipalities)
    .where(eq(municipalities.slug, input.municipality));
  if (!municipality)
    throw new DomainFailure(
      invalid('municipality', 'no such municipality', 'unknown_municipality'),
    );
  requireScope(ctx, { kind: 'staff', municipalityId: municipality.id });

  const where: SQL[] = [eq(auditLog.municipalityId, municipality.id)];
  const from = input.from ? boundToInstant(input.from, municipality.timeZone, 'from') : undefined;
  const to = input.to ? boundToInstant(input.to, municipality.timeZone, 'to') : undefined;
  if (from && to) assertOrdered(from, to);
  if (from) where.push(gte(auditLog.at, from));
  if (to) where.push(lt(auditLog.at, to));
  if (input.entity) where.push(eq(auditLog.entity, input.entity));
  if (input.entityId) where.push(eq(auditLog.entityId, input.entityId));
  if (input.actor) {
    where.push(
      /^[0-9a-f-]{36}$/i.test(input.actor)
        ? eq(auditLog.actorUserId, input.actor)
        : sql`lower(${users.email}) = ${input.actor.trim().toLowerCase()}`,
    );
  }
  const condition = and(...where);
  const [rows, totals] = await Promise.all([
    ctx.db
      .select({ entry: auditLog, actorName: users.name, actorEmail: users.email })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(condition)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(input.limit)
      .offset(input.offset),
    ctx.db
      .select({ total: count() })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(condition),
  ]);
  const items = rows.map(({ entry, actorName, actorEmail }) => ({
    id: entry.id,
    at: entry.at.toISOString(),
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    actor: entry.actorUserId ? { id: entry.actorUserId, name: actorName, email: actorEmail } : null,
    data: entry.data,
  }));
  return {
    timeZone: municipality.timeZone,
    ...pageOf(items, input, Number(totals[0]?.total ?? 0)),
  };
}
