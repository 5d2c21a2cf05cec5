import {
  associationMembers,
  associations,
  attendance,
  auditLog,
  bookings,
  events,
  feedTokens,
  sessions,
  staffRoles,
  users,
} from '@motesplats/db';
import { asc, eq } from 'drizzle-orm';
import { requireUser, type ServiceCtx } from '../context';

/**
 * Everything the installation keeps about the signed-in person (GDPR art. 15 and 20), as
 * one JSON document: the account, sign-in sessions, roles, and what they did (bookings
 * requested, events created, attendance recorded, audited actions) and their private
 * calendar links: what each shows and when it was made, last read and revoked (the link
 * itself is never stored, only its hash, which is no use to anyone and stays out).
 */
export async function exportMyData({ ctx }: { ctx: ServiceCtx }) {
  const actor = requireUser(ctx);
  const id = actor.userId;
  const [[user], mySessions, staff, memberships, requested, created, recorded, actions, links] =
    await Promise.all([
      ctx.db.select().from(users).where(eq(users.id, id)),
      ctx.db
        .select({
          createdAt: sessions.createdAt,
          expiresAt: sessions.expiresAt,
          ipAddress: sessions.ipAddress,
          userAgent: sessions.userAgent,
        })
        .from(sessions)
        .where(eq(sessions.userId, id))
        .orderBy(asc(sessions.createdAt)),
      ctx.db.select().from(staffRoles).where(eq(staffRoles.userId, id)),
      ctx.db
        .select({ membership: associationMembers, name: associations.name })
        .from(associationMembers)
        .innerJoin(associations, eq(associations.id, associationMembers.associationId))
        .where(eq(associationMembers.userId, id)),
      ctx.db
        .select()
        .from(bookings)
        .where(eq(bookings.requestedBy, id))
        .orderBy(asc(bookings.startsAt)),
      ctx.db
        .select({
          id: events.id,
          title: events.title,
          status: events.status,
          createdAt: events.createdAt,
        })
        .from(events)
        .where(eq(events.createdBy, id)),
      ctx.db.select().from(attendance).where(eq(attendance.recordedBy, id)),
      ctx.db.select().from(auditLog).where(eq(auditLog.actorUserId, id)).orderBy(asc(auditLog.at)),
      ctx.db
        .select({
          id: feedTokens.id,
          scope: feedTokens.scope,
          scopeId: feedTokens.scopeId,
          municipalityId: feedTokens.municipalityId,
          createdAt: feedTokens.createdAt,
          lastUsedAt: feedTokens.lastUsedAt,
          revokedAt: feedTokens.revokedAt,
        })
        .from(feedTokens)
        .where(eq(feedTokens.userId, id))
        .orderBy(asc(feedTokens.createdAt)),
    ]);
  return {
    exportedAt: ctx.now.toISOString(),
    account: {
      id: user!.id,
      email: user!.email,
      name: user!.name,
      locale: user!.locale,
      emailVerified: user!.emailVerified,
      administrator: user!.isAdmin,
      createdAt: user!.createdAt.toISOString(),
    },
    sessions: mySessions.map((s) => ({
      ...s,
      createdAt: s.createdAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
    })),
    staffRoles: staff.map((s) => ({
      municipalityId: s.municipalityId,
      role: s.role,
      source: s.source,
      grantedAt: s.grantedAt.toISOString(),
    })),
    memberships: memberships.map(({ membership, name }) => ({
      associationId: membership.associationId,
      association: name,
      role: membership.role,
      since: membership.createdAt.toISOString(),
    })),
    bookingsRequested: requested.map((b) => ({
      id: b.id,
      associationId: b.associationId,
      venueId: b.venueId,
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
      status: b.status,
      purpose: b.purpose,
    })),
    eventsCreated: created.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    attendanceRecorded: recorded.map((a) => ({
      occurrenceId: a.occurrenceId,
      participants: a.participants,
      recordedAt: a.recordedAt.toISOString(),
    })),
    actions: actions.map((a) => ({
      at: a.at.toISOString(),
      action: a.action,
      entity: a.entity,
      entityId: a.entityId,
      data: a.data,
    })),
    privateFeedLinks: links.map((l) => ({
      ...l,
      createdAt: l.createdAt.toISOString(),
      lastUsedAt: l.lastUsedAt?.toISOString() ?? null,
      revokedAt: l.revokedAt?.toISOString() ?? null,
    })),
  };
}
