import {
  associationMembers,
  associations,
  bookingRequests,
  bookings,
  buildings,
  municipalities,
  staffRoles,
  users,
  venues,
  type Db,
} from '@motesplats/db';
import { bookingCalendar, composeMail, type RequestedDate } from '@motesplats/domain';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { addressLine } from '../shared/address';
import { localizer } from '../shared/localize';

type Venue = typeof venues.$inferSelect;
type Municipality = typeof municipalities.$inferSelect;
type Building = typeof buildings.$inferSelect;
type Association = typeof associations.$inferSelect;
type Request = typeof bookingRequests.$inferSelect;
type Booking = typeof bookings.$inferSelect;

interface Reader {
  email: string;
  name: string;
  locale: string;
}

/** Staff of a municipality, each once. */
async function staffOf(db: Db, municipalityId: string): Promise<Reader[]> {
  const rows = await db
    .selectDistinct({ email: users.email, name: users.name, locale: users.locale })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(eq(staffRoles.municipalityId, municipalityId));
  return rows;
}

/**
 * Who hears about what staff decided on an association's request or event: whoever asked for
 * it (or wrote it), and the association's admins, each once.
 */
export async function associationReaders(
  db: Db,
  request: Pick<Request, 'requestedBy' | 'associationId'>,
): Promise<Reader[]> {
  const conditions = [];
  if (request.requestedBy) conditions.push(eq(users.id, request.requestedBy));
  if (request.associationId)
    conditions.push(
      inArray(
        users.id,
        db
          .select({ id: associationMembers.userId })
          .from(associationMembers)
          .where(
            and(
              eq(associationMembers.associationId, request.associationId),
              eq(associationMembers.role, 'admin'),
            ),
          ),
      ),
    );
  if (conditions.length === 0) return [];
  return db
    .selectDistinct({ email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(or(...conditions));
}

const slots = (list: readonly { startsAt: Date; endsAt: Date }[]) =>
  list.map((b) => ({ start: b.startsAt.toISOString(), end: b.endsAt.toISOString() }));

/** The new request, to the staff of the venue's municipality, in each reader's language. */
export async function notifyRequested(
  tx: ServiceCtx,
  o: {
    requestId: string;
    origin: string;
    municipality: Municipality;
    venue: Venue;
    building: Building;
    association: Association;
    purpose: string;
    dates: readonly RequestedDate[];
  },
) {
  for (const reader of await staffOf(tx.db, o.municipality.id)) {
    const text = localizer(reader.locale, o.municipality.languages);
    const mail = composeMail('booking_requested', reader.locale, {
      associationName: text.must(o.association.name).text,
      venueName: text.must(o.venue.name).text,
      dates: o.dates.map((d) => ({ start: d.start.toISOString(), end: d.end.toISOString() })),
      zone: o.municipality.timeZone,
      purpose: o.purpose,
      url: `${o.origin}/${reader.locale}/staff/bookings`,
    });
    await tx.mailer.enqueue(tx.db, {
      to: reader.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      municipalityId: o.municipality.id,
      at: tx.now,
    });
  }
}

/** UID of a booking in every calendar file about it (DESIGN.md invariant 5: never changes). */
export const bookingUid = (id: string) => `booking-${id}@motesplats`;

/**
 * A decision or cancellation, to whoever asked and the association's admins. Approval and
 * cancellation carry an .ics of the dates: PUBLISH with SEQUENCE 0, then CANCEL with
 * STATUS:CANCELLED and SEQUENCE 1 under the same UIDs, so the association's calendar follows.
 */
export async function notifyDecided(
  tx: ServiceCtx,
  o: {
    request: Request;
    kind: 'approved' | 'rejected' | 'cancelled';
    picked: readonly Booking[];
    reason: string | null;
    byStaff: boolean;
    origin: string;
  },
) {
  const [row] = await tx.db
    .select({ venue: venues, building: buildings, municipality: municipalities })
    .from(venues)
    .innerJoin(buildings, eq(buildings.id, venues.buildingId))
    .innerJoin(municipalities, eq(municipalities.id, venues.municipalityId))
    .where(eq(venues.id, o.request.venueId));
  const { venue, building, municipality } = row!;
  const [association] = o.request.associationId
    ? await tx.db.select().from(associations).where(eq(associations.id, o.request.associationId))
    : [];
  const zone = municipality.timeZone;
  const dates = slots(o.picked);
  for (const reader of await associationReaders(tx.db, o.request)) {
    const text = localizer(reader.locale, municipality.languages);
    const common = {
      associationName: association ? text.must(association.name).text : '—',
      venueName: text.must(venue.name).text,
      dates,
      zone,
      url: `${o.origin}/${reader.locale}/bookings/${o.request.id}`,
    };
    const mail =
      o.kind === 'approved'
        ? composeMail('booking_approved', reader.locale, {
            ...common,
            access: text(venue.accessInstructions)?.text ?? null,
          })
        : o.kind === 'rejected'
          ? composeMail('booking_rejected', reader.locale, { ...common, reason: o.reason ?? '' })
          : composeMail('booking_cancelled', reader.locale, {
              ...common,
              reason: o.reason,
              byStaff: o.byStaff,
            });
    const calendar =
      o.kind === 'rejected'
        ? null
        : bookingCalendar({
            method: o.kind === 'approved' ? 'PUBLISH' : 'CANCEL',
            zone,
            stamp: tx.now,
            summary: `${common.venueName}: ${o.request.purpose}`,
            // As the feeds write it: the house's name, and the town in the reader's language.
            location: `${common.venueName}, ${text.must(building.name).text}, ${addressLine(building, text)}`,
            bookings: o.picked.map((b) => ({
              uid: bookingUid(b.id),
              start: b.startsAt,
              end: b.endsAt,
              sequence: o.kind === 'approved' ? 0 : 1,
              status: o.kind === 'approved' ? ('CONFIRMED' as const) : ('CANCELLED' as const),
            })),
          });
    await tx.mailer.enqueue(tx.db, {
      to: reader.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      municipalityId: municipality.id,
      at: tx.now,
      ...(calendar
        ? {
            attachments: [
              {
                filename: o.kind === 'approved' ? 'booking.ics' : 'cancellation.ics',
                contentType: `text/calendar; charset=utf-8; method=${o.kind === 'approved' ? 'PUBLISH' : 'CANCEL'}`,
                content: calendar,
              },
            ],
          }
        : {}),
    });
  }
}
