import {
  PHOTO_WIDTHS,
  containsInterval,
  isValidBusinessId,
  openingIntervals,
} from '@motesplats/domain';
import { ASSOCIATIONS } from './associations';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, rowsOf } from '../client';
import type { DbHandle } from '../client';
import { renditionIds } from '../media-ids';
import { ZONE, seedWindow } from './clock';
import { buildDirectory } from './directory';
import { seedDemo } from './index';
import type { SeedDemoResult } from './index';
import { buildSchedule } from './schedule';

const NOW = new Date('2026-11-24T10:00:00Z');
/** The seed stores what the app's hasher returns; its argon2id is tested in tests/api. */
const hashPassword = async (password: string) => `hashed:${password}`;
const TABLES = [
  'municipalities',
  'categories',
  'buildings',
  'venues',
  'spaces',
  'venue_photos',
  'users',
  'staff_roles',
  'associations',
  'association_members',
  'accounts',
  'events',
  'event_occurrences',
  'booking_requests',
  'bookings',
  'booking_claims',
  'attendance',
  'audit_log',
];

let handle: DbHandle;
let result: SeedDemoResult;
const lines: string[] = [];

const query = async <T>(text: string): Promise<T[]> =>
  rowsOf<T>(await handle.db.execute(sql.raw(text)));

async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of TABLES) {
    const [row] = await query<{ n: number }>(`select count(*)::int as n from ${t}`);
    counts[t] = row?.n ?? -1;
  }
  return counts;
}

const local = (d: Date | string) => DateTime.fromJSDate(new Date(d), { zone: ZONE });

beforeAll(async () => {
  handle = await createDb();
  await handle.migrate();
  result = await seedDemo(handle.db, { now: NOW, hashPassword, log: (line) => lines.push(line) });
}, 120_000);

afterAll(async () => {
  await handle?.close();
});

describe('seedDemo', () => {
  it('loads the four municipalities and reports what it loaded', async () => {
    expect(result.seeded).toBe(true);
    // Exact for the fixed clock: the plan depends on nothing but `now`.
    expect(result.counts).toEqual({
      municipalities: 4,
      categories: 11,
      buildings: 10,
      venues: 12,
      spaces: 14,
      venuePhotos: 6,
      users: 16,
      staffRoles: 4,
      associations: 10,
      associationMembers: 10,
      demoAccounts: 8,
      events: 15,
      eventImages: 8,
      eventOccurrences: 490,
      bookings: 869,
      attendance: 339,
      auditLog: 126,
    });
    const db = await tableCounts();
    expect(db.event_occurrences).toBe(result.counts.eventOccurrences);
    expect(db.bookings).toBe(result.counts.bookings);
    expect(db.attendance).toBe(result.counts.attendance);
    expect(db.audit_log).toBe(result.counts.auditLog);
    expect(db.accounts).toBe(8);
    expect(lines.join('\n')).toMatch(/4 municipalities.*12 venues/);
    expect(lines.join('\n')).toMatch(/event occurrences from 2025-08-2\d to 2027-02-1\d/);
    expect(lines.join('\n')).toMatch(/history from 2025-08-24 to 2026-10-27: 347 past event/);
    const slugs = await query<{ slug: string }>('select slug from municipalities order by slug');
    expect(slugs.map((r) => r.slug)).toEqual(['borga', 'lovisa', 'pargas', 'vasa']);
  });

  it('gives eight events an image as an upload stores it: WebP at both widths, alt text in every UI language', async () => {
    const media = new Map(
      (
        await query<{
          id: string;
          municipality_id: string;
          width: number;
          height: number;
          content_type: string;
          sha256: string;
          digest: string;
          alt: Record<string, string>;
        }>(
          `select id, municipality_id, width, height, content_type, sha256, alt,
                  encode(sha256(bytes), 'hex') as digest from media`,
        )
      ).map((m) => [m.id, m]),
    );
    const withImage = await query<{ image_id: string; municipality_id: string }>(
      'select image_id, municipality_id from events where image_id is not null',
    );
    expect(withImage).toHaveLength(8);
    expect(media.size).toBe(16);
    for (const event of withImage) {
      // The ids an upload gives: the main one, then the smaller one derived from it.
      const [main, small] = renditionIds(event.image_id, PHOTO_WIDTHS).map((id) => media.get(id));
      expect(main).toMatchObject({ width: 1280, height: 720, content_type: 'image/webp' });
      expect(small).toMatchObject({ width: 640, height: 360, content_type: 'image/webp' });
      for (const m of [main!, small!]) {
        expect(m.municipality_id).toBe(event.municipality_id);
        expect(m.digest).toBe(m.sha256);
      }
      expect(Object.keys(main!.alt).sort()).toEqual(['ar', 'en', 'et', 'fi', 'ru', 'sv', 'uk']);
    }
  });

  it('names every space in Swedish, Finnish, English and Arabic', async () => {
    const rows = await query<{ name: Record<string, string> }>('select name from spaces');
    expect(rows).toHaveLength(14);
    for (const { name } of rows) {
      expect(Object.keys(name).sort(), JSON.stringify(name)).toEqual(['ar', 'en', 'fi', 'sv']);
      expect(name.ar, name.sv).toMatch(/^[\u0600-\u06FF ]+$/);
      for (const lang of ['sv', 'fi', 'en'])
        expect(name[lang], name.sv).toMatch(/^[^\u0600-\u06FF]+$/);
    }
    const arabic = rows.map((r) => r.name.ar);
    expect(new Set(arabic).size).toBe(new Set(rows.map((r) => r.name.sv)).size);
  });

  it('has one demo account per role, each verified with the demo password', async () => {
    const rows = await query<{
      email: string;
      password: string;
      verified: boolean;
      admin: boolean;
      staff: string | null;
      member: string | null;
    }>(`
      select u.email, a.password, u.email_verified as verified, u.is_admin as admin,
             (select string_agg(m.slug || ':' || r.role, ',') from staff_roles r
                join municipalities m on m.id = r.municipality_id where r.user_id = u.id) as staff,
             (select string_agg(x.name->>'en' || ':' || am.role, ',') from association_members am
                join associations x on x.id = am.association_id where am.user_id = u.id) as member
      from users u join accounts a on a.user_id = u.id and a.provider_id = 'credential'
      order by u.email`);
    const byEmail = Object.fromEntries(rows.map((r) => [r.email, r]));
    expect(Object.keys(byEmail)).toEqual([
      'admin@demo.example',
      'map@demo.example',
      'mll@demo.example',
      'resident@demo.example',
      'staff.borga@demo.example',
      'staff.lovisa@demo.example',
      'staff.pargas@demo.example',
      'staff.vasa@demo.example',
    ]);
    expect(rows.every((r) => r.password === 'hashed:motesplats-demo' && r.verified)).toBe(true);
    expect(byEmail['admin@demo.example']).toMatchObject({ admin: true, staff: null, member: null });
    expect(byEmail['staff.borga@demo.example']).toMatchObject({
      admin: false,
      staff: 'borga:admin',
    });
    expect(byEmail['staff.pargas@demo.example']).toMatchObject({
      staff: 'pargas:staff',
      member: null,
    });
    expect(byEmail['map@demo.example']).toMatchObject({
      staff: null,
      member: 'Multicultural Association of Porvoo:admin',
    });
    expect(byEmail['mll@demo.example']!.member).toMatch(/^Mannerheim League.*:member$/);
    expect(byEmail['resident@demo.example']).toMatchObject({
      admin: false,
      staff: null,
      member: null,
    });
    // The members of the other demo associations cannot sign in.
    const [none] = await query<{ n: number }>(
      `select count(*)::int as n from users u where not exists (select 1 from accounts a where a.user_id = u.id)`,
    );
    expect(none?.n).toBe(8);
  });

  it('leaves one registration in Borgå waiting for staff and one rejected with its reason', async () => {
    const rows = await query<{
      en: string;
      verification: string;
      reason: string | null;
      verified_at: string | null;
      slug: string;
      admin: string;
      actions: string;
    }>(`
      select a.name->>'en' as en, a.verification, a.rejection_reason as reason,
             a.verified_at, m.slug,
             (select u.email from association_members am join users u on u.id = am.user_id
               where am.association_id = a.id and am.role = 'admin') as admin,
             (select string_agg(l.action, ',' order by l.at) from audit_log l
               where l.entity_id = a.id::text) as actions
      from associations a join municipalities m on m.id = a.municipality_id
      where a.verification <> 'verified' order by a.verification`);
    expect(rows).toEqual([
      {
        en: 'Somali Cultural Association of Porvoo',
        verification: 'pending',
        reason: null,
        verified_at: null,
        slug: 'borga',
        admin: 'abdirahman.warsame@example.org',
        actions: 'association.register',
      },
      {
        en: 'Kurdish Cultural Association of Porvoo',
        verification: 'rejected',
        reason: expect.stringContaining('Utdraget ur föreningsregistret'),
        verified_at: null,
        slug: 'borga',
        admin: 'rojda.amedi@example.org',
        actions: 'association.register,association.reject',
      },
    ]);
    // Neither has events or bookings (it could not book nor publish).
    const [used] = await query<{ n: number }>(`
      select count(*)::int as n from events e join associations a on a.id = e.association_id
      where a.verification <> 'verified'`);
    expect(used?.n).toBe(0);
  });

  it('gives every demo association a business ID with a right check digit', () => {
    expect(ASSOCIATIONS.map((a) => [a.key, isValidBusinessId(a.businessId)])).toEqual(
      ASSOCIATIONS.map((a) => [a.key, true]),
    );
  });

  it('leaves a database with data untouched', async () => {
    const before = await tableCounts();
    const second: string[] = [];
    let hashed = 0;
    const again = await seedDemo(handle.db, {
      now: NOW,
      // Every start of a seeded database comes here: nothing is hashed and no image is read
      // (a folder that does not exist would throw).
      hashPassword: async (password) => {
        hashed += 1;
        return hashPassword(password);
      },
      imagesFolder: '/nonexistent/seed-images',
      log: (line) => second.push(line),
    });
    expect(again.seeded).toBe(false);
    expect(hashed).toBe(0);
    expect(second).toHaveLength(1);
    expect(second[0]).toMatch(/untouched/);
    expect(await tableCounts()).toEqual(before);
  });

  it('spans about fifteen months of history back and twelve weeks ahead', async () => {
    // The window of the everyday demo: four weeks back, twelve ahead (the history lies before it).
    const windowStart = local(NOW).startOf('day').minus({ weeks: 4 });
    const [span] = await query<{
      first: string;
      last: string;
      past: number;
      future: number;
      history: number;
    }>(`
      select min(starts_at) as first, max(starts_at) as last,
             count(*) filter (where ends_at <= '${NOW.toISOString()}'
               and starts_at >= '${windowStart.toISO()}')::int as past,
             count(*) filter (where starts_at > '${NOW.toISOString()}')::int as future,
             count(*) filter (where starts_at < '${windowStart.toISO()}')::int as history
      from event_occurrences`);
    expect(local(span?.first ?? '') >= local(NOW).startOf('day').minus({ months: 15 })).toBe(true);
    expect(local(span?.first ?? '') < local(NOW).startOf('day').minus({ months: 14 })).toBe(true);
    expect(local(span?.last ?? '') < local(NOW).startOf('day').plus({ weeks: 12 })).toBe(true);
    expect(span?.past).toBeGreaterThan(30);
    expect(span?.future).toBeGreaterThan(100);
    expect(span?.history).toBeGreaterThan(300);
  });

  it('puts every occurrence inside its booking at the event venue', async () => {
    const rows = await query<{
      status: string;
      booking_status: string;
      inside: boolean;
      same_venue: boolean;
      awaiting: boolean;
    }>(`
      select o.status, b.status as booking_status,
             o.status = 'scheduled' and b.status = 'pending' and b.starts_at > '${NOW.toISOString()}'::timestamptz + interval '20 days' as awaiting,
             b.starts_at <= o.starts_at and o.ends_at <= b.ends_at as inside,
             b.venue_id = e.venue_id as same_venue
      from event_occurrences o
      join events e on e.id = o.event_id
      left join bookings b on b.id = o.booking_id`);
    expect(rows.length).toBe(result.counts.eventOccurrences);
    for (const r of rows) {
      expect(r.inside).toBe(true);
      expect(r.same_venue).toBe(true);
      expect(r.booking_status).toBe(
        r.status === 'cancelled' ? 'cancelled' : r.awaiting ? 'pending' : 'approved',
      );
    }
    // The family café's later dates wait for staff; its first three weeks are approved.
    expect(rows.filter((r) => r.booking_status === 'pending').length).toBeGreaterThan(3);
  });

  it('has a draft event that is on no public list', async () => {
    const rows = await query<{ status: string; published_at: string | null }>(
      `select status, published_at from events where status <> 'published'`,
    );
    expect(rows).toEqual([{ status: 'draft', published_at: null }]);
  });

  it('cancels one or two future occurrences so feeds show STATUS:CANCELLED', async () => {
    const rows = await query<{ starts_at: string; cancelled_at: string | null; sequence: number }>(
      `select starts_at, cancelled_at, sequence from event_occurrences where status = 'cancelled'`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.length).toBeLessThanOrEqual(2);
    for (const r of rows) {
      expect(new Date(r.starts_at).getTime()).toBeGreaterThan(NOW.getTime());
      expect(r.cancelled_at).not.toBeNull();
      expect(r.sequence).toBe(1);
    }
  });

  it('holds the Intercultural Winter Bazaar on a Saturday in December, 11–16', async () => {
    const rows = await query<{ starts_at: string; ends_at: string; price_cents: number | null }>(`
      select o.starts_at, o.ends_at, e.price_cents from event_occurrences o
      join events e on e.id = o.event_id where e.category_slug = 'bazaar'`);
    // This year's, and last year's edition in the history.
    expect(rows.map((r) => local(r.starts_at).year).sort()).toEqual([2025, 2026]);
    for (const r of rows) {
      const start = local(r.starts_at);
      expect([start.month, start.weekday, start.hour]).toEqual([12, 6, 11]);
      expect(local(r.ends_at).hour).toBe(16);
      expect(r.price_cents).toBeNull();
    }
  });

  it('holds the Gammelbacka language café at 17:30 Helsinki time on 1st–3rd Tuesdays', async () => {
    const rows = await query<{ starts_at: string; rrule: string }>(`
      select o.starts_at, e.rrule from event_occurrences o join events e on e.id = o.event_id
      where e.title->>'sv' = 'Språkcafé i Gammelbacka'`);
    expect(rows.length).toBeGreaterThan(8);
    for (const r of rows) {
      const start = local(r.starts_at);
      expect(start.toFormat('HH:mm')).toBe('17:30');
      expect(start.weekday).toBe(2);
      expect(start.day).toBeLessThanOrEqual(21);
      expect(r.rrule).toBe('FREQ=MONTHLY;BYDAY=1TU,2TU,3TU');
    }
  });

  it('has events written only in Arabic + Swedish and in Russian + Finnish', async () => {
    const rows = await query<{ langs: string }>(`
      select (select string_agg(k, ',' order by k) from jsonb_object_keys(title) k) as langs
      from events`);
    const langs = rows.map((r) => r.langs);
    expect(langs).toContain('ar,sv');
    expect(langs).toContain('fi,ru');
  });

  it('books both halves of Fabrikssalen at the same time', async () => {
    const rows = await query<{ n: number }>(`
      select count(*)::int as n
      from bookings a join bookings b
        on a.venue_id = b.venue_id and a.space_id <> b.space_id
       and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
      join spaces sa on sa.id = a.space_id join spaces sb on sb.id = b.space_id
      where sa.name->>'en' = 'North half' and sb.name->>'en' = 'South half'
        and a.status in ('pending', 'approved') and b.status in ('pending', 'approved')`);
    expect(rows[0]?.n).toBeGreaterThan(4);
    const [claims] = await query<{ n: number }>(`
      select count(*)::int as n from booking_claims c join bookings b on b.id = c.booking_id
      join event_occurrences o on o.booking_id = b.id join events e on e.id = o.event_id
      where e.category_slug = 'bazaar'`);
    expect(claims?.n).toBe(4); // both halves, two editions
  });

  it('keeps pending requests in the future and records attendance only for the past', async () => {
    const [row] = await query<{
      past_pending: number;
      future_attendance: number;
      pending: number;
    }>(`
      select
        (select count(*)::int from bookings where status = 'pending' and starts_at < '${NOW.toISOString()}') as past_pending,
        (select count(*)::int from bookings where status = 'pending') as pending,
        (select count(*)::int from attendance a join event_occurrences o on o.id = a.occurrence_id
          where o.ends_at > '${NOW.toISOString()}') as future_attendance`);
    expect(row).toEqual({ past_pending: 0, future_attendance: 0, pending: expect.any(Number) });
    expect(row?.pending).toBeGreaterThan(10);
  });
});

describe('the demo history (for the yearly report)', () => {
  const windowStart = () => local(NOW).startOf('day').minus({ weeks: 4 }).toISO();

  it('gives each municipality approved bookings and counted event dates in the previous year and this year', async () => {
    const rows = await query<{
      slug: string;
      year: number;
      bookings: number;
      dates: number;
      counted: number;
      participants: number;
    }>(`
      select m.slug, y.year,
        (select count(*)::int from bookings b where b.municipality_id = m.id and b.status = 'approved'
           and extract(year from b.starts_at at time zone 'Europe/Helsinki') = y.year) as bookings,
        (select count(*)::int from event_occurrences o where o.municipality_id = m.id
           and extract(year from o.starts_at at time zone 'Europe/Helsinki') = y.year) as dates,
        (select count(*)::int from attendance a join event_occurrences o on o.id = a.occurrence_id
          where o.municipality_id = m.id
            and extract(year from o.starts_at at time zone 'Europe/Helsinki') = y.year) as counted,
        (select coalesce(sum(a.participants), 0)::int from attendance a
           join event_occurrences o on o.id = a.occurrence_id where o.municipality_id = m.id
            and extract(year from o.starts_at at time zone 'Europe/Helsinki') = y.year) as participants
      from municipalities m cross join (values (2025), (2026)) as y(year)
      order by m.slug, y.year`);
    expect(rows).toHaveLength(8);
    for (const r of rows) {
      expect(r.bookings, `${r.slug} ${r.year}`).toBeGreaterThan(5);
      expect(r.dates, `${r.slug} ${r.year}`).toBeGreaterThan(5);
      expect(r.counted, `${r.slug} ${r.year}`).toBeGreaterThan(3);
    }
    // A somewhat lower previous year: the comparison shows growth.
    for (const slug of ['borga', 'lovisa', 'pargas', 'vasa']) {
      const [before, now] = rows.filter((r) => r.slug === slug);
      expect(before!.bookings, slug).toBeLessThan(now!.bookings);
      expect(before!.participants, slug).toBeLessThan(now!.participants);
    }
  });

  it('lies wholly in the past, older than the four weeks before now', async () => {
    const [row] = await query<{ bookings: number; occurrences: number; requests: number }>(`
      select
        (select count(*)::int from bookings where starts_at < '${windowStart()}'
           and (ends_at > '${windowStart()}' or status = 'pending' or decided_at > '${NOW.toISOString()}')) as bookings,
        (select count(*)::int from event_occurrences where starts_at < '${windowStart()}'
           and (ends_at > '${windowStart()}' or status <> 'scheduled')) as occurrences,
        (select count(*)::int from booking_requests where created_at > '${NOW.toISOString()}') as requests`);
    expect(row).toEqual({ bookings: 0, occurrences: 0, requests: 0 });
    const [late] = await query<{ n: number }>(`
      select count(*)::int as n from attendance a join event_occurrences o on o.id = a.occurrence_id
      where a.recorded_at < o.ends_at or a.recorded_at > '${NOW.toISOString()}'`);
    expect(late?.n).toBe(0);
  });

  it('has no two holding claims overlapping (the exclusion constraint held every insert)', async () => {
    const [row] = await query<{ n: number }>(`
      select count(*)::int as n from booking_claims a join booking_claims b
        on a.space_id = b.space_id and a.booking_id < b.booking_id and a.during && b.during`);
    expect(row?.n).toBe(0);
  });

  it('pauses the weekly cafés over Christmas and the summer', async () => {
    const rows = await query<{ starts_at: string }>(`
      select o.starts_at from event_occurrences o join events e on e.id = o.event_id
      where e.category_slug in ('language-cafe', 'family-cafe')
        and o.starts_at < '${windowStart()}'`);
    expect(rows.length).toBeGreaterThan(150);
    for (const { starts_at } of rows) {
      const d = local(starts_at);
      const md = d.toFormat('MM-dd');
      expect(md >= '12-18' || md <= '01-08', md).toBe(false);
      expect(md >= '06-15' && md <= '08-10', md).toBe(false);
    }
  });

  it('records varied counts on most past dates and leaves some without one', async () => {
    const [row] = await query<{
      past: number;
      counted: number;
      min: number;
      max: number;
      distinct: number;
    }>(`
      select count(*)::int as past, count(a.occurrence_id)::int as counted,
             min(a.participants) filter (where e.category_slug = 'language-cafe') as min,
             max(a.participants) filter (where e.category_slug = 'language-cafe') as max,
             count(distinct a.participants)::int as distinct
      from event_occurrences o join events e on e.id = o.event_id
      left join attendance a on a.occurrence_id = o.id
      where o.starts_at < '${windowStart()}'`);
    const share = row!.counted / row!.past;
    expect(share).toBeGreaterThan(0.75);
    expect(share).toBeLessThan(0.97);
    expect(row!.min).toBeGreaterThanOrEqual(3);
    expect(row!.max).toBeLessThanOrEqual(45);
    expect(row!.distinct).toBeGreaterThan(20);
  });

  it('has rejected requests with staff reasons and withdrawn ones, with their decision times', async () => {
    const rows = await query<{ status: string; decided: boolean; note: boolean; audit: string }>(`
      select b.status, b.decided_at is not null and b.decided_at > r.created_at as decided,
             b.decision_note is not null as note,
             (select string_agg(l.action, ',') from audit_log l where l.entity_id = r.id::text) as audit
      from bookings b join booking_requests r on r.id = b.request_id
      where b.status in ('rejected', 'withdrawn')`);
    const rejected = rows.filter((r) => r.status === 'rejected');
    const withdrawn = rows.filter((r) => r.status === 'withdrawn');
    expect(rejected.length).toBeGreaterThanOrEqual(3);
    expect(withdrawn.length).toBeGreaterThanOrEqual(2);
    expect(rejected.every((r) => r.decided && r.note && r.audit === 'booking.reject')).toBe(true);
    expect(withdrawn.every((r) => !r.decided && r.audit === 'booking.withdraw')).toBe(true);
    // Every request of the history was decided some hours or days after it was made.
    const [wait] = await query<{ min: number; max: number }>(`
      select min(extract(epoch from b.decided_at - r.created_at) / 3600)::float as min,
             max(extract(epoch from b.decided_at - r.created_at) / 3600)::float as max
      from bookings b join booking_requests r on r.id = b.request_id
      where b.starts_at < '${windowStart()}' and b.decided_at is not null`);
    expect(wait!.min).toBeGreaterThanOrEqual(12);
    expect(wait!.max).toBeLessThanOrEqual(10 * 24);
  });
});

describe('the demo plan (no database)', () => {
  const plan = (now: Date) => {
    const window = seedWindow(now);
    const { dir } = buildDirectory(window);
    return { dir, window, ...buildSchedule(window, dir) };
  };

  it('is deterministic given now, apart from ids', () => {
    const shape = (now: Date) =>
      plan(now).bookings.map((b) => [
        b.startsAt.toISOString(),
        b.endsAt.toISOString(),
        b.status,
        b.purpose,
      ]);
    expect(shape(NOW)).toEqual(shape(NOW));
    expect(plan(NOW).skippedOccurrences).toBe(0);
  });

  it('keeps wall-clock times across the spring DST change', () => {
    const { events, eventOccurrences } = plan(new Date('2026-03-20T10:00:00Z'));
    const event = events.find((e) => e.title.fi === 'Perhekahvila Kevätkummussa');
    const family = eventOccurrences.filter((o) => o.eventId === event?.id);
    expect(family.length).toBeGreaterThan(10);
    expect(family.every((o) => local(o.startsAt).toFormat('HH:mm') === '09:30')).toBe(true);
    const utcHours = new Set(family.map((o) => o.startsAt.getUTCHours()));
    expect([...utcHours].sort()).toEqual([6, 7]);
  });

  it('places every booking inside its venue’s opening hours, off blackout days', () => {
    const { dir, window, bookings } = plan(NOW);
    const range = {
      start: window.historyStart.toJSDate(),
      end: window.end.plus({ weeks: 8 }).toJSDate(),
    };
    for (const venue of dir.venue.values()) {
      const open = openingIntervals(venue.seed.openingHours, ZONE, range, [...venue.blackouts]);
      for (const b of bookings.filter((x) => x.venueId === venue.id)) {
        const slot = { start: b.startsAt, end: b.endsAt };
        expect(
          open.some((o) => containsInterval(o, slot)),
          `${venue.seed.key} ${b.purpose}`,
        ).toBe(true);
      }
    }
  });

  it('gives every booking a request whose rule, ended at its last date, yields its dates', () => {
    const { bookings, bookingRequests } = plan(NOW);
    const requests = new Map(bookingRequests.map((r) => [r.id, r]));
    expect(new Set(bookings.map((b) => b.requestId)).size).toBe(bookingRequests.length);
    for (const [id, request] of requests) {
      const own = bookings.filter((b) => b.requestId === id);
      expect(request.startsAt).toEqual(own[0]!.startsAt);
      if (own.length === 1) continue;
      expect(request.rrule).toMatch(/^FREQ=(WEEKLY|MONTHLY);.*UNTIL=\d{8}$/);
      const last = local(own[own.length - 1]!.startsAt).toFormat('yyyyMMdd');
      expect(request.rrule!.endsWith(`UNTIL=${last}`)).toBe(true);
      const booked = new Set(own.map((b) => local(b.startsAt).toISODate()));
      for (const d of request.exceptDates ?? []) expect(booked.has(d)).toBe(false);
    }
  });
});
