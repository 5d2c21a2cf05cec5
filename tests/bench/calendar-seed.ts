// The calendar bench's year of events: weekly events of several categories and languages
// at rooms of their own in three demo municipalities, with the approved bookings that hold
// them (about one in thirty still pending). Deterministic: every run builds the same calendar.
import { randomUUID } from 'node:crypto';
import {
  associations as associationsTable,
  bookingRequests,
  bookings,
  buildings,
  eventOccurrences,
  events,
  municipalities,
  spaces,
  venues,
  type Db,
} from '@motesplats/db';
import { AUDIENCES, eventSearchText, type LocalizedText } from '@motesplats/domain';
import { eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';

const ZONE = 'Europe/Helsinki';
export const CALENDAR_MUNICIPALITIES = ['borga', 'vasa', 'pargas'] as const;
const MUNICIPALITIES = CALENDAR_MUNICIPALITIES;

/** A small seeded generator, so every run builds the same calendar. */
let state = 0x5eed;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

// What the events are: per category, titles and summaries in the languages they are written in.
const KINDS: {
  category: string;
  title: LocalizedText;
  summary: LocalizedText;
  languages: string[][];
  hours: number;
}[] = [
  {
    category: 'language-cafe',
    title: { sv: 'Språkcafé', fi: 'Kielikahvila', en: 'Language café', ar: 'مقهى اللغة' },
    summary: {
      sv: 'Öva svenska och finska över en kopp kaffe, alla nivåer välkomna.',
      fi: 'Harjoittele suomea ja ruotsia kahvikupin ääressä, kaikki tasot tervetulleita.',
    },
    languages: [
      ['sv', 'fi'],
      ['fi', 'ar'],
      ['sv', 'ar'],
      ['fi', 'ru', 'uk'],
    ],
    hours: 1.5,
  },
  {
    category: 'family-cafe',
    title: { sv: 'Familjecafé', fi: 'Perhekahvila', ar: 'مقهى العائلات', so: 'Kafeega qoyska' },
    summary: {
      sv: 'Lek, kaffe och samtal för föräldrar och småbarn.',
      fi: 'Leikkiä, kahvia ja juttelua vanhemmille ja pienille lapsille.',
    },
    languages: [
      ['sv', 'fi'],
      ['fi', 'so'],
      ['ar', 'sv'],
    ],
    hours: 2,
  },
  {
    category: 'cooking',
    title: { sv: 'Matlagningskväll', fi: 'Ruokailta', fa: 'شب آشپزی', ru: 'Кулинарный вечер' },
    summary: {
      sv: 'Vi lagar och äter mat från olika länder tillsammans.',
      fi: 'Laitamme ja syömme yhdessä ruokaa eri maista.',
    },
    languages: [
      ['fi', 'fa'],
      ['sv', 'ru'],
      ['fi', 'en'],
    ],
    hours: 3,
  },
  {
    category: 'story-hour',
    title: { sv: 'Sagostund', fi: 'Satutunti', ar: 'ساعة الحكايات', uk: 'Година казок' },
    summary: {
      sv: 'Sagor på två språk för barn 3–7 år.',
      fi: 'Satuja kahdella kielellä 3–7-vuotiaille.',
    },
    languages: [
      ['sv', 'ar'],
      ['fi', 'uk'],
      ['sv', 'fi'],
    ],
    hours: 1,
  },
  {
    category: 'peace-cafe',
    title: { sv: 'Fredscafé', fi: 'Rauhankahvila', en: 'Peace café' },
    summary: {
      sv: 'Samtal om vardag, minnen och framtid i lugn miljö.',
      fi: 'Keskustelua arjesta, muistoista ja tulevaisuudesta rauhallisessa ympäristössä.',
    },
    languages: [
      ['fi', 'en'],
      ['sv', 'fi', 'ar'],
    ],
    hours: 2,
  },
  {
    category: 'theme-day',
    title: { sv: 'Temakväll om arbetslivet', fi: 'Teemailta työelämästä', et: 'Tööelu teemaõhtu' },
    summary: {
      sv: 'Gäster berättar hur det är att söka jobb i Finland.',
      fi: 'Vieraat kertovat työnhausta Suomessa.',
    },
    languages: [
      ['fi', 'et'],
      ['sv', 'en'],
    ],
    hours: 2,
  },
  {
    category: 'other',
    title: { sv: 'Stickcafé', fi: 'Neulekahvila', ru: 'Вязальное кафе' },
    summary: { sv: 'Ta med ditt handarbete, garn finns.', fi: 'Ota käsityösi mukaan, lankaa on.' },
    languages: [
      ['sv', 'fi'],
      ['fi', 'ru'],
    ],
    hours: 2,
  },
];
const PLACES: Record<(typeof MUNICIPALITIES)[number], string[]> = {
  borga: ['Gammelbacka', 'Näse', 'Kvarnbacken', 'Centrum', 'Kråkö', 'Hamari', 'Tolkis'],
  vasa: ['Gerby', 'Brändö', 'Vasklot', 'Roparnäs', 'Centrum', 'Sunnanvik'],
  pargas: ['Centrum', 'Nagu', 'Korpo', 'Houtskär', 'Iniö', 'Malmen'],
};

/** Rows of `table` in statements of 500. */
async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/**
 * Weekly events at their own rooms (so their bookings never clash), each with WEEKS
 * occurrences from eight weeks back, held by approved bookings; about one in thirty
 * still waits for staff (pending), so it stays out of the calendar.
 */
export async function seedCalendar(
  db: Db,
  { occurrences: OCCURRENCES, weeks: WEEKS }: { occurrences: number; weeks: number },
): Promise<{ events: number; occurrences: number }> {
  const perMunicipality = Math.ceil(OCCURRENCES / WEEKS / MUNICIPALITIES.length);
  const first = DateTime.now().setZone(ZONE).startOf('week').minus({ weeks: 8 });
  let occurrenceCount = 0;
  let eventCount = 0;
  for (const slug of MUNICIPALITIES) {
    const [m] = await db.select().from(municipalities).where(eq(municipalities.slug, slug));
    if (!m) throw new Error(`The demo data has no municipality ${slug}.`);
    const owners = await db
      .select({ id: associationsTable.id })
      .from(associationsTable)
      .where(eq(associationsTable.municipalityId, m.id));
    const [building] = await db
      .insert(buildings)
      .values({
        municipalityId: m.id,
        name: { sv: 'Medborgarhuset', fi: 'Kansalaistalo' },
        street: 'Torggatan 3',
        postalCode: '06100',
        city: slug,
      })
      .returning();
    const eventRows: (typeof events.$inferInsert)[] = [];
    const requestRows: (typeof bookingRequests.$inferInsert)[] = [];
    const bookingRows: (typeof bookings.$inferInsert)[] = [];
    const occurrenceRows: (typeof eventOccurrences.$inferInsert)[] = [];
    for (let i = 0; i < perMunicipality && occurrenceCount < OCCURRENCES; i++) {
      const kind = pick(KINDS);
      const place = pick(PLACES[slug]);
      const [venue] = await db
        .insert(venues)
        .values({
          municipalityId: m.id,
          buildingId: building!.id,
          name: { sv: `Rum ${i + 1}`, fi: `Huone ${i + 1}` },
          capacity: 20 + Math.floor(random() * 60),
        })
        .returning();
      const [space] = await db
        .insert(spaces)
        .values({ municipalityId: m.id, venueId: venue!.id, name: { sv: `Rum ${i + 1}` } })
        .returning();
      const associationId = owners.length ? pick(owners).id : null;
      const title = Object.fromEntries(
        Object.entries(kind.title).map(([lang, text]) => [lang, `${text} – ${place}`]),
      ) as LocalizedText;
      const description: LocalizedText = {
        sv: `Välkommen till ${place}! Ingen anmälan behövs. Kaffe och te bjuds.`,
        fi: `Tervetuloa, ${place}! Ei ilmoittautumista. Tarjolla kahvia ja teetä.`,
      };
      const weekday = 1 + Math.floor(random() * 7);
      const hour = 9 + Math.floor(random() * 10);
      const minutes = Math.round(kind.hours * 60);
      const slots = Array.from({ length: WEEKS }, (_, w) => {
        const start = first.plus({ weeks: w, days: weekday - 1 }).set({ hour, minute: 0 });
        return { start: start.toJSDate(), end: start.plus({ minutes }).toJSDate() };
      }).slice(0, OCCURRENCES - occurrenceCount);
      const eventId = randomUUID();
      const requestId = randomUUID();
      const priced = random() < 0.25;
      eventRows.push({
        id: eventId,
        municipalityId: m.id,
        associationId,
        categorySlug: kind.category,
        venueId: venue!.id,
        title,
        summary: kind.summary,
        description,
        audience: pick(AUDIENCES),
        languages: pick(kind.languages),
        priceCents: priced ? 300 + 100 * Math.floor(random() * 8) : null,
        searchText: eventSearchText([title, kind.summary, description]),
        rrule: 'FREQ=WEEKLY',
        startsAt: slots[0]!.start,
        endsAt: slots[0]!.end,
        status: 'published',
        uid: `event-${eventId}@motesplats`,
        publishedAt: new Date(),
      });
      requestRows.push({
        id: requestId,
        municipalityId: m.id,
        venueId: venue!.id,
        spaceId: space!.id,
        associationId,
        cityUse: associationId === null,
        startsAt: slots[0]!.start,
        endsAt: slots[0]!.end,
        rrule: 'FREQ=WEEKLY',
        purpose: String(title.sv ?? title.fi),
        publicEvent: true,
      });
      for (const slot of slots) {
        const bookingId = randomUUID();
        bookingRows.push({
          id: bookingId,
          municipalityId: m.id,
          venueId: venue!.id,
          spaceId: space!.id,
          associationId,
          requestId,
          startsAt: slot.start,
          endsAt: slot.end,
          status: random() < 1 / 30 ? 'pending' : 'approved',
          purpose: String(title.sv ?? title.fi),
        });
        const occurrenceId = randomUUID();
        occurrenceRows.push({
          id: occurrenceId,
          municipalityId: m.id,
          eventId,
          bookingId,
          startsAt: slot.start,
          endsAt: slot.end,
          originalStartsAt: slot.start,
          uid: `occurrence-${occurrenceId}@motesplats`,
        });
      }
      occurrenceCount += slots.length;
      eventCount++;
    }
    await insertChunks(requestRows, (c) => db.insert(bookingRequests).values(c));
    await insertChunks(bookingRows, (c) => db.insert(bookings).values(c));
    await insertChunks(eventRows, (c) => db.insert(events).values(c));
    await insertChunks(occurrenceRows, (c) => db.insert(eventOccurrences).values(c));
  }
  await db.execute(sql`analyze`);
  return { events: eventCount, occurrences: occurrenceCount };
}
