import { associations, attendance, eventOccurrences, events, municipalities } from '@motesplats/db';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { requireUser, type ServiceCtx } from '../context';
import { localizer } from '../shared/localize';

/**
 * The events of the caller's associations (every status, newest first), and for staff those
 * of their municipalities: each with its next date (and its municipality's zone, to say it in)
 * and how many past dates lack a count.
 */
export async function listMyEvents({ ctx, input }: { ctx: ServiceCtx; input: { lang: string } }) {
  const actor = requireUser(ctx);
  const associationIds = actor.memberships.map((m) => m.associationId);
  const municipalityIds = actor.staff.map((s) => s.municipalityId);
  if (associationIds.length === 0 && municipalityIds.length === 0) return { items: [] };
  const next = sql<Date | null>`(select min(o.starts_at) from ${eventOccurrences} o
      where o.event_id = ${events.id} and o.status = 'scheduled' and o.ends_at > ${ctx.now.toISOString()}::timestamptz)`;
  const uncounted = sql<number>`(select count(*)::int from ${eventOccurrences} o
      where o.event_id = ${events.id} and o.status = 'scheduled' and o.ends_at <= ${ctx.now.toISOString()}::timestamptz
        and not exists (select 1 from ${attendance} a where a.occurrence_id = o.id))`;
  const rows = await ctx.db
    .select({
      event: events,
      association: associations.name,
      languages: municipalities.languages,
      zone: municipalities.timeZone,
      next,
      uncounted,
    })
    .from(events)
    .innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
    .leftJoin(associations, eq(associations.id, events.associationId))
    .where(
      or(
        associationIds.length > 0 ? inArray(events.associationId, associationIds) : sql`false`,
        municipalityIds.length > 0 ? inArray(events.municipalityId, municipalityIds) : sql`false`,
      ),
    )
    .orderBy(desc(events.createdAt), asc(events.id))
    .limit(500);
  return {
    items: rows.map((r) => {
      const t = localizer(input.lang, r.languages);
      return {
        id: r.event.id,
        title: t.must(r.event.title),
        status: r.event.status,
        statusReason: r.event.statusReason,
        association: r.event.associationId
          ? { id: r.event.associationId, name: t.must(r.association) }
          : null,
        nextStart: r.next ? new Date(r.next).toISOString() : null,
        timeZone: r.zone,
        uncountedDates: Number(r.uncounted),
      };
    }),
  };
}

/**
 * Staff: the past dates in their municipalities that nobody has counted yet (oldest first),
 * the gap in the "events and participants" figure.
 */
export async function listUncountedOccurrences({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { lang: string };
}) {
  const actor = requireUser(ctx);
  const municipalityIds = actor.staff.map((s) => s.municipalityId);
  if (municipalityIds.length === 0) return { items: [] };
  const rows = await ctx.db
    .select({
      occurrence: eventOccurrences,
      event: events,
      association: associations.name,
      languages: municipalities.languages,
      zone: municipalities.timeZone,
    })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .innerJoin(municipalities, eq(municipalities.id, eventOccurrences.municipalityId))
    .leftJoin(associations, eq(associations.id, events.associationId))
    .leftJoin(attendance, eq(attendance.occurrenceId, eventOccurrences.id))
    .where(
      and(
        inArray(eventOccurrences.municipalityId, municipalityIds),
        eq(eventOccurrences.status, 'scheduled'),
        inArray(events.status, ['published', 'unpublished']),
        lt(eventOccurrences.endsAt, ctx.now),
        isNull(attendance.occurrenceId),
      ),
    )
    .orderBy(asc(eventOccurrences.startsAt))
    .limit(500);
  return {
    items: rows.map((r) => {
      const t = localizer(input.lang, r.languages);
      return {
        id: r.occurrence.id,
        startsAt: r.occurrence.startsAt.toISOString(),
        endsAt: r.occurrence.endsAt.toISOString(),
        timeZone: r.zone,
        event: { id: r.event.id, title: t.must(r.event.title) },
        association: r.event.associationId
          ? { id: r.event.associationId, name: t.must(r.association) }
          : null,
      };
    }),
  };
}
