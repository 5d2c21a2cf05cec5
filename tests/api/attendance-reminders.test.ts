import { eventOccurrences, mailOutbox } from '@motesplats/db';
import { ANONYMOUS } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../apps/api/src/services/events/create-event';
import { sendAttendanceReminders } from '../../apps/api/src/services/events/attendance-reminders';
import { publishEvent } from '../../apps/api/src/services/events/publish-event';
import {
  cancelOccurrence,
  recordAttendance,
} from '../../apps/api/src/services/events/occurrence-changes';
import { createBookingWorld, serviceCtxFor } from '../fixtures/booking';
import { insertBooking } from '../fixtures/premises';
import { ENGINE } from '../setup/env';
import { openTestDb, type TestDb } from '../setup/test-db';

const ZONE = 'Europe/Helsinki';
const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const ORIGIN = 'http://localhost:5173';

/** Issue 8: "a reminder mail the next morning asks for it, with a one-click link to the form". */
describe(`participant reminders (${ENGINE})`, () => {
  let t: TestDb;
  let world: Awaited<ReturnType<typeof createBookingWorld>>;
  let occurrenceIds: string[];
  let eventId: string;

  const remind = async (at: string) => {
    const member = await serviceCtxFor(t.db, world.memberUserId, local(at));
    return sendAttendanceReminders({
      ctx: { ...member, actor: ANONYMOUS },
      input: { origin: ORIGIN },
    });
  };
  /** This event's reminders (the demo data's own past dates are asked about too). */
  const mailsTo = async (to: string) =>
    (await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, to))).filter((m) =>
      m.text.includes(`/events/${eventId}/`),
    );
  const remindedAt = async () =>
    Promise.all(
      occurrenceIds.map(async (id) => {
        const [row] = await t.db.select().from(eventOccurrences).where(eq(eventOccurrences.id, id));
        return row!.attendanceRemindedAt;
      }),
    );

  beforeAll(async () => {
    t = await openTestDb('demo');
    world = await createBookingWorld(t.db);
    for (const day of ['2026-11-26', '2026-11-27', '2026-11-28'])
      await insertBooking(t.db, {
        municipalityId: world.municipalityId,
        venueId: world.hallVenueId,
        spaceId: world.spaces.hall,
        associationId: world.associationId,
        startsAt: local(`${day}T17:00`),
        endsAt: local(`${day}T21:00`),
        status: 'approved',
        purpose: 'Språkcafé',
      });
    const ctx = await serviceCtxFor(t.db, world.memberUserId);
    const event = await createEvent({
      ctx,
      input: {
        body: {
          associationId: world.associationId,
          categorySlug: 'language-cafe',
          title: { sv: 'Språkcafé i salen' },
          languages: ['sv', 'ar'],
          venueId: world.hallVenueId,
          start: DateTime.fromJSDate(local('2026-11-26T18:00')).setZone(ZONE).toISO(),
          end: DateTime.fromJSDate(local('2026-11-26T20:00')).setZone(ZONE).toISO(),
          rrule: 'FREQ=WEEKLY;BYDAY=TH,FR,SA;COUNT=3',
        },
        origin: 'http://localhost',
      },
    });
    eventId = event.id;
    occurrenceIds = event.occurrences.map((o) => o.id);
    await publishEvent({ ctx, input: { id: eventId } });
    // The second date is counted at once, the third cancelled: neither is asked about.
    await recordAttendance({
      ctx: await serviceCtxFor(t.db, world.memberUserId, local('2026-11-27T21:00')),
      input: { id: occurrenceIds[1]!, body: { participants: 17 } },
    });
    await cancelOccurrence({ ctx, input: { id: occurrenceIds[2]!, body: { reason: 'Storm' } } });
  });
  afterAll(() => t.close());

  it('asks nothing before 08:00 local the next morning', async () => {
    await remind('2026-11-27T07:59');
    expect(await mailsTo('mll@demo.example')).toEqual([]);
    expect(await remindedAt()).toEqual([null, null, null]);
  });

  it('asks the organizer once, at 08:00, with a link to that date’s form', async () => {
    expect((await remind('2026-11-27T08:00')).reminded).toBeGreaterThanOrEqual(1);
    const mails = await mailsTo('mll@demo.example');
    expect(mails).toHaveLength(1);
    // In the reader's own language (the demo member reads Finnish).
    expect(mails[0]!.subject).toBe('Montako osallistujaa tapahtumassa Språkcafé i salen oli?');
    expect(mails[0]!.text).toContain(
      `${ORIGIN}/fi/events/${eventId}/manage#participants-${occurrenceIds[0]}`,
    );
    expect(await remindedAt()).toEqual([local('2026-11-27T08:00'), null, null]);
    // Later rounds (any process) do not ask again, and the counted and cancelled dates never.
    await remind('2026-11-29T09:00');
    expect(await mailsTo('mll@demo.example')).toHaveLength(1);
    expect(await remindedAt()).toEqual([local('2026-11-27T08:00'), null, null]);
  });
});
