import { events } from '@motesplats/db';
import {
  DomainFailure,
  EventUpdateInput,
  eventSearchText,
  planOccurrences,
} from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { assertCategory, placeOf } from './create-event';
import { loadManagedEvent } from './event-view';
import {
  assertChangeable,
  findManagedEvent,
  linkingBookings,
  syncOccurrences,
} from './managed-event';

const SCHEDULE = ['start', 'end', 'rrule', 'exceptDates', 'venueId'] as const;

/**
 * The organizer (or staff) edits an event: any field; a change of time, rule, exceptions or
 * venue re-plans the occurrences, and the dates that remain keep their identity (UID), so
 * calendars that subscribed see the same entries change (SEQUENCE raised by the database)
 * rather than new ones. The venue stays in the event's municipality.
 */
export async function updateEvent({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; body: unknown };
}) {
  const body = EventUpdateInput.parse(input.body);
  await findManagedEvent(ctx, input.id);
  if (body.categorySlug !== undefined) await assertCategory(ctx, body.categorySlug);
  await linkingBookings(() =>
    inTransaction(ctx, async (tx) => {
      const { event, zone } = await findManagedEvent(tx, input.id, true);
      assertChangeable(event);
      const venueId =
        body.venueId !== undefined ? body.venueId : body.locationText ? null : event.venueId;
      if (venueId && venueId !== event.venueId) {
        const venue = await placeOf(tx, venueId);
        if (venue.municipalityId !== event.municipalityId)
          throw new DomainFailure({
            kind: 'conflict',
            code: 'other_municipality',
            message: "The venue is in another municipality than the event's.",
          });
      }
      const locationText =
        venueId !== null
          ? null
          : body.locationText !== undefined
            ? body.locationText
            : event.locationText;
      if (venueId === null && !locationText)
        throw new DomainFailure({
          kind: 'invalid',
          issues: [
            {
              path: 'locationText',
              code: 'place_required',
              message: 'a venue or an address is required',
            },
          ],
        });
      const title = body.title ?? event.title;
      const summary = body.summary ?? event.summary;
      const description = body.description ?? event.description;
      const registrationUrl =
        body.registrationUrl !== undefined ? body.registrationUrl : event.registrationUrl;
      const next = {
        categorySlug: body.categorySlug ?? event.categorySlug,
        venueId,
        locationText,
        title,
        summary,
        description,
        audience: body.audience ?? event.audience,
        languages: body.languages ?? event.languages,
        priceCents: body.priceCents !== undefined ? body.priceCents : event.priceCents,
        priceText: body.priceText ?? event.priceText,
        registrationRequired: registrationUrl !== null,
        registrationUrl,
        accessibilityNotes: body.accessibilityNotes ?? event.accessibilityNotes,
        startsAt: body.start ?? event.startsAt,
        endsAt: body.end ?? event.endsAt,
        rrule: body.rrule !== undefined ? body.rrule : event.rrule,
        exceptDates: body.exceptDates ?? event.exceptDates,
        searchText: eventSearchText([title, summary, description]),
      };
      const [updated] = await tx.db
        .update(events)
        .set({ ...next, updatedAt: tx.now })
        .where(eq(events.id, event.id))
        .returning();
      const rescheduled =
        SCHEDULE.some((k) => body[k] !== undefined) || (body.locationText != null && event.venueId);
      let dates: string[] | undefined;
      if (rescheduled) {
        const planned = planOccurrences({
          first: { start: next.startsAt, end: next.endsAt },
          zone,
          rrule: next.rrule,
          exceptDates: next.exceptDates,
        });
        if (!planned.ok) throw new DomainFailure(planned.error);
        await syncOccurrences(tx, updated!, zone, planned.value);
        dates = planned.value.map((p) => p.date);
      }
      await audit(tx, {
        municipalityId: event.municipalityId,
        action: 'event.update',
        entity: 'event',
        entityId: event.id,
        data: { fields: Object.keys(body), ...(dates ? { dates } : {}) },
      });
    }),
  );
  return loadManagedEvent(ctx, input.id);
}
