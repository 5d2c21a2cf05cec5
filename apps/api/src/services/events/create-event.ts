import { associations, categories, events, municipalities, venues } from '@motesplats/db';
import {
  DomainFailure,
  EventCreateInput,
  MAX_REQUEST_DATES,
  eventSearchText,
  invalid,
  notFound,
  planOccurrences,
} from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import {
  claimingRoom,
  datesToBook,
  roomFor,
  writeRoomRequest,
} from '../bookings/create-booking-request';
import { audit, inTransaction, requireScope, requireUser, type ServiceCtx } from '../context';
import { loadManagedEvent } from './event-view';
import { linkingBookings, syncOccurrences } from './managed-event';

/** The category must exist (422 unknown_category): slugs are the administrators' vocabulary. */
export async function assertCategory(ctx: ServiceCtx, slug: string) {
  const [found] = await ctx.db
    .select({ slug: categories.slug })
    .from(categories)
    .where(eq(categories.slug, slug));
  if (!found)
    throw new DomainFailure(
      invalid('categorySlug', `'${slug}' is not a category`, 'unknown_category', { slug }),
    );
}

/** The venue of an event and the municipality (with its zone) it belongs to, or 422. */
export async function placeOf(ctx: ServiceCtx, venueId: string) {
  const [row] = await ctx.db
    .select({ id: venues.id, municipalityId: venues.municipalityId, zone: municipalities.timeZone })
    .from(venues)
    .innerJoin(municipalities, eq(municipalities.id, venues.municipalityId))
    .where(eq(venues.id, venueId));
  if (!row)
    throw new DomainFailure(invalid('venueId', 'is not a venue', 'unknown_venue', { venueId }));
  return row;
}

/**
 * A member of a verified association, or staff for the municipality's own event, creates an
 * event as a draft: its texts, the languages spoken, audience, price, registration,
 * accessibility notes, and where and when: at a venue every date must lie in one of the
 * organizer's bookings there (pending ones too; those dates stay hidden until approved),
 * or at a free-text address. A series is planned in the municipality's zone.
 *
 * With `requestBooking` the organizer asks for the room in the same step: one booking request
 * holding every date, checked against the venue's rules and rivals exactly as
 * POST /api/bookings checks it (422 rule_violation, 409 clash), written in the same
 * transaction as the event, its dates linked to the new pending bookings (staff for the
 * municipality's own event book the city's use, approved at once).
 */
export async function createEvent({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { body: unknown; origin: string };
}) {
  const actor = requireUser(ctx);
  const body = EventCreateInput.parse(input.body);
  await assertCategory(ctx, body.categorySlug);

  let municipalityId: string;
  let zone: string;
  if (body.venueId) {
    const venue = await placeOf(ctx, body.venueId);
    municipalityId = venue.municipalityId;
    zone = venue.zone;
  } else {
    const id =
      body.municipalityId ??
      (body.associationId
        ? (
            await ctx.db
              .select({ m: associations.municipalityId })
              .from(associations)
              .where(eq(associations.id, body.associationId))
          )[0]?.m
        : undefined);
    if (!id)
      throw new DomainFailure(
        invalid('municipalityId', 'required for an event without a venue', 'required'),
      );
    const [m] = await ctx.db
      .select({ zone: municipalities.timeZone })
      .from(municipalities)
      .where(eq(municipalities.id, id));
    if (!m) throw new DomainFailure(notFound('municipality', id));
    municipalityId = id;
    zone = m.zone;
  }

  if (body.associationId) {
    requireScope(ctx, { kind: 'member', associationId: body.associationId });
    const [association] = await ctx.db
      .select({ verification: associations.verification })
      .from(associations)
      .where(eq(associations.id, body.associationId));
    if (association?.verification !== 'verified')
      throw new DomainFailure({ kind: 'forbidden', reason: 'association_not_verified' });
  } else {
    requireScope(ctx, { kind: 'staff', municipalityId });
  }

  const planned = planOccurrences({
    first: { start: body.start, end: body.end },
    zone,
    rrule: body.rrule,
    exceptDates: body.exceptDates,
  });
  if (!planned.ok) throw new DomainFailure(planned.error);

  const ask = body.requestBooking;
  let room: Awaited<ReturnType<typeof roomFor>> | null = null;
  let plan: Awaited<ReturnType<typeof datesToBook>> | null = null;
  if (ask && body.venueId) {
    if (planned.value.length > MAX_REQUEST_DATES)
      throw new DomainFailure(
        invalid(
          'requestBooking',
          `one request holds at most ${MAX_REQUEST_DATES} dates`,
          'too_many_dates',
          { maximum: MAX_REQUEST_DATES },
        ),
      );
    room = await roomFor(ctx, {
      venueId: body.venueId,
      spaceId: ask.spaceId,
      associationId: body.associationId,
      cityUse: !body.associationId,
    });
    plan = await datesToBook(ctx, room, {
      dates: planned.value,
      expectedAttendance: ask.expectedAttendance,
      onlyFree: false,
    });
  }
  const purpose =
    ask?.purpose ??
    Object.values(body.title).find((t): t is string => typeof t === 'string' && t !== '') ??
    '';

  const write = () =>
    inTransaction(ctx, async (tx) => {
      if (room && plan && ask)
        await writeRoomRequest(tx, room, plan, {
          first: { start: body.start, end: body.end },
          rrule: body.rrule,
          exceptDates: body.exceptDates,
          purpose,
          expectedAttendance: ask.expectedAttendance,
          publicEvent: true,
          acceptTerms: ask.acceptTerms,
          origin: input.origin,
        });
      const eventId = crypto.randomUUID();
      const [event] = await tx.db
        .insert(events)
        .values({
          id: eventId,
          municipalityId,
          associationId: body.associationId ?? null,
          categorySlug: body.categorySlug,
          venueId: body.venueId,
          locationText: body.venueId ? null : body.locationText,
          title: body.title,
          summary: body.summary,
          description: body.description,
          audience: body.audience,
          languages: body.languages,
          priceCents: body.priceCents,
          priceText: body.priceText,
          registrationRequired: body.registrationUrl !== null,
          registrationUrl: body.registrationUrl,
          accessibilityNotes: body.accessibilityNotes,
          startsAt: body.start,
          endsAt: body.end,
          rrule: body.rrule,
          exceptDates: body.exceptDates,
          searchText: eventSearchText([body.title, body.summary, body.description]),
          status: 'draft',
          uid: `event-${eventId}@motesplats`,
          createdBy: actor.userId,
          createdAt: tx.now,
          updatedAt: tx.now,
        })
        .returning();
      await syncOccurrences(tx, event!, zone, planned.value);
      await audit(tx, {
        municipalityId,
        action: 'event.create',
        entity: 'event',
        entityId: eventId,
        data: { dates: planned.value.map((p) => p.date) },
      });
      return eventId;
    });
  const id = await linkingBookings(() =>
    room && plan ? claimingRoom(ctx, room, plan, write) : write(),
  );
  return loadManagedEvent(ctx, id);
}
