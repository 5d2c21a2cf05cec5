/**
 * The authorization matrix (issue 6, Proof): every route that reads or changes non-public
 * data, tried as anonymous, as a member of another association, as staff of another
 * municipality, and as the right role. Only the last succeeds; the others get 401, 403 or
 * 404, their answers carry none of the object's private data (no IDOR), and the database
 * is exactly as before.
 */
import { rowsOf } from '@motesplats/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../setup/client';
import { ENGINE } from '../setup/env';
import { json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const DEMO = 'motesplats-demo';
type Actor = 'anonymous' | 'otherMember' | 'otherStaff' | 'right';
const WRONG: Actor[] = ['anonymous', 'otherMember', 'otherStaff'];

/** Every table a write could touch, as one digest. */
async function fingerprint(t: TestDb): Promise<string> {
  const tables = [
    'associations',
    'association_members',
    'association_invitations',
    'audit_log',
    'mail_outbox',
    'users',
    'accounts',
    'staff_roles',
    'booking_requests',
    'bookings',
    'events',
    'event_occurrences',
    'attendance',
    'feed_tokens',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const [row] = rowsOf<{ digest: string | null }>(
      await t.db.execute(
        sql.raw(
          `select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest from ${table} x`,
        ),
      ),
    );
    parts.push(`${table}:${row?.digest}`);
  }
  return parts.join(',');
}

describe(`authorization matrix (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  const as: Record<Exclude<Actor, 'right'>, TestClient> & Record<string, TestClient> = {} as never;
  /** A pending association in Borgå founded by resident@ (its admin), with a member and a contact. */
  let target: { id: string; memberId: string };
  /** A weekly booking request of three dates by mll@ for MLL (verified, Borgå). */
  let booking: { id: string; dates: string[]; venueId: string };
  /** MLL's demo draft (baby massage, Borgå) and its one date. */
  let draft: { id: string; occurrenceId: string };
  const SECRET_CONTACT = 'kassor@hemlig-forening.example.org';

  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
    as.anonymous = new TestClient(app);
    for (const [key, email] of [
      ['otherMember', 'map@demo.example'],
      ['otherStaff', 'staff.pargas@demo.example'],
      ['staff', 'staff.borga@demo.example'],
      ['founder', 'resident@demo.example'],
      ['member', 'mll@demo.example'],
    ] as const) {
      as[key] = new TestClient(app);
      await as[key].signIn(email, DEMO);
    }
    const res = await as.founder!.post('/api/associations', {
      municipality: 'borga',
      name: { sv: 'Hemliga föreningen' },
      contactEmail: SECRET_CONTACT,
      contactPhone: '+358 50 765 4321',
      businessId: '3141594-6',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = await json(res);
    // mll@ is an ordinary member (joining by invitation is tested in associations.test.ts).
    const [mll] = rowsOf<{ id: string }>(
      await t.db.execute(sql`select id from users where email = 'mll@demo.example'`),
    );
    await t.db
      .execute(sql`insert into association_members (association_id, user_id, municipality_id, role)
      select ${id}, ${mll!.id}, municipality_id, 'member' from associations where id = ${id}`);
    target = { id, memberId: mll!.id };

    // MLL asks for a Borgå room for three Tuesdays in spring: the first free one found.
    const session = await json(await as.member!.get('/api/session'));
    const mllId = session.roles.associations.find(
      (a: { association: { verification: string } }) => a.association.verification === 'verified',
    ).association.id;
    const venues = await json(await as.member!.get('/api/venues?municipality=borga&limit=50'));
    for (const venue of venues.items) {
      const res = await as.member!.post('/api/bookings', {
        venueId: venue.id,
        associationId: mllId,
        purpose: 'Familjecafé',
        expectedAttendance: 5,
        acceptTerms: true,
        start: '2027-03-02T10:00:00+02:00',
        end: '2027-03-02T12:00:00+02:00',
        repeat: { weekly: { until: '2027-03-16', except: [] } },
      });
      if (res.status !== 201) continue;
      const created = await json(res);
      booking = {
        id: created.id,
        dates: created.bookings.map((b: { date: string }) => b.date),
        venueId: venue.id,
      };
      break;
    }
    expect(booking?.dates).toEqual(['2027-03-02', '2027-03-09', '2027-03-16']);
    const [row] = rowsOf<{ id: string; occurrence_id: string }>(
      await t.db.execute(sql`select e.id, o.id as occurrence_id from events e
        join event_occurrences o on o.event_id = e.id where e.status = 'draft'`),
    );
    draft = { id: row!.id, occurrenceId: row!.occurrence_id };
  });
  afterAll(() => t.close());

  interface Case {
    name: string;
    /** Who may: the client keys of `as`. */
    right: string;
    call: (c: TestClient) => Promise<Response>;
    ok: number;
  }
  const CASES: Case[] = [
    {
      name: 'GET association details',
      right: 'staff',
      ok: 200,
      call: (c) => c.get(`/api/associations/${target.id}/details`),
    },
    {
      name: 'GET association details (its member)',
      right: 'member',
      ok: 200,
      call: (c) => c.get(`/api/associations/${target.id}/details`),
    },
    {
      name: 'POST a private feed link (the association, its member)',
      right: 'member',
      ok: 201,
      call: (c) => c.post('/api/feed-tokens', { scope: { kind: 'association', id: target.id } }),
    },
    {
      name: 'PUT association profile',
      right: 'founder',
      ok: 200,
      call: (c) =>
        c.put(`/api/associations/${target.id}`, {
          name: { sv: 'Hemliga föreningen rf' },
          contactEmail: SECRET_CONTACT,
        }),
    },
    {
      name: 'GET members',
      right: 'founder',
      ok: 200,
      call: (c) => c.get(`/api/associations/${target.id}/members`),
    },
    {
      name: 'POST invitation',
      right: 'founder',
      ok: 201,
      call: (c) =>
        c.post(`/api/associations/${target.id}/invitations`, { email: 'new.person@example.org' }),
    },
    {
      name: 'DELETE member',
      right: 'founder',
      ok: 204,
      call: (c) => c.delete(`/api/associations/${target.id}/members/${target.memberId}`),
    },
    {
      name: 'POST decision (reject)',
      right: 'staff',
      ok: 200,
      call: (c) =>
        c.post(`/api/associations/${target.id}/decision`, {
          decision: 'reject',
          reason: 'Stadgarna saknas.',
        }),
    },
    {
      name: 'POST decision (verify)',
      right: 'staff',
      ok: 200,
      call: (c) => c.post(`/api/associations/${target.id}/decision`, { decision: 'verify' }),
    },
    {
      name: 'GET booking request',
      right: 'member',
      ok: 200,
      call: (c) => c.get(`/api/bookings/${booking.id}`),
    },
    {
      name: 'GET booking request (staff)',
      right: 'staff',
      ok: 200,
      call: (c) => c.get(`/api/bookings/${booking.id}`),
    },
    {
      name: 'POST booking decision (approve the first date)',
      right: 'staff',
      ok: 200,
      call: (c) =>
        c.post(`/api/bookings/${booking.id}/decision`, {
          decision: 'approve',
          dates: [booking.dates[0]],
        }),
    },
    {
      name: 'POST booking withdraw (the second date)',
      right: 'member',
      ok: 200,
      call: (c) => c.post(`/api/bookings/${booking.id}/withdraw`, { dates: [booking.dates[1]] }),
    },
    {
      name: 'POST booking cancel (the approved date)',
      right: 'member',
      ok: 200,
      call: (c) => c.post(`/api/bookings/${booking.id}/cancel`, { dates: [booking.dates[0]] }),
    },
    {
      name: 'GET an event to manage',
      right: 'member',
      ok: 200,
      call: (c) => c.get(`/api/events/${draft.id}/manage`),
    },
    {
      name: 'PATCH an event',
      right: 'member',
      ok: 200,
      call: (c) => c.patch(`/api/events/${draft.id}`, { audience: 'everyone' }),
    },
    {
      name: 'POST publish an event',
      right: 'member',
      ok: 200,
      call: (c) => c.post(`/api/events/${draft.id}/publish`),
    },
    {
      name: 'POST unpublish an event',
      right: 'staff',
      ok: 200,
      call: (c) => c.post(`/api/events/${draft.id}/unpublish`, { reason: 'Fel lokal angiven.' }),
    },
    {
      name: 'POST cancel one date of an event',
      right: 'member',
      ok: 200,
      call: (c) => c.post(`/api/occurrences/${draft.occurrenceId}/cancel`, { reason: 'Sjuk' }),
    },
    {
      name: 'POST a private feed link (a venue, its staff)',
      right: 'staff',
      ok: 201,
      call: (c) => c.post('/api/feed-tokens', { scope: { kind: 'venue', id: booking.venueId } }),
    },
    {
      name: 'DELETE a private feed link (its owner)',
      right: 'staff',
      ok: 204,
      call: async (c) => {
        const [row] = rowsOf<{ id: string }>(
          await t.db.execute(sql`select id from feed_tokens
            where scope = 'venue' and revoked_at is null`),
        );
        return c.delete(`/api/feed-tokens/${row!.id}`);
      },
    },
    {
      name: 'GET audit log',
      right: 'staff',
      ok: 200,
      call: (c) => c.get('/api/staff/audit?municipality=borga'),
    },
    {
      name: 'GET the indicators',
      right: 'staff',
      ok: 200,
      call: (c) => c.get('/api/reports/indicators?municipality=borga&year=2026'),
    },
    {
      name: 'GET the indicators as CSV',
      right: 'staff',
      ok: 200,
      call: (c) => c.get('/api/reports/indicators.csv?municipality=borga&year=2026&table=venues'),
    },
  ];

  // The matrix runs in order: the wrong actors first (nothing may change), then the right one.
  for (const c of CASES) {
    it(`${c.name}: only ${c.right} may`, async () => {
      for (const actor of WRONG) {
        const before = await fingerprint(t);
        const res = await c.call(as[actor]!);
        const body = await res.text();
        expect([401, 403, 404], `${c.name} as ${actor}: ${res.status} ${body}`).toContain(
          res.status,
        );
        if (actor === 'anonymous') expect(res.status, c.name).toBe(401);
        expect(body, `${c.name} as ${actor} leaks`).not.toContain(SECRET_CONTACT);
        expect(body).not.toContain('765 4321');
        expect(await fingerprint(t), `${c.name} as ${actor} changed the database`).toBe(before);
      }
      const res = await c.call(as[c.right]!);
      expect(res.status, `${c.name} as ${c.right}: ${await res.clone().text()}`).toBe(c.ok);
    });
  }

  it('an ordinary member may not act as the association’s administrator', async () => {
    const before = await fingerprint(t);
    // mll@ was removed by case 6; a fresh ordinary member:
    await t.db
      .execute(sql`insert into association_members (association_id, user_id, municipality_id, role)
      select ${target.id}, ${target.memberId}, municipality_id, 'member' from associations where id = ${target.id}`);
    const afterInsert = await fingerprint(t);
    expect(afterInsert).not.toBe(before);
    for (const res of [
      await as.member!.put(`/api/associations/${target.id}`, {
        name: { sv: 'Kapad' },
        contactEmail: 'x@example.org',
      }),
      await as.member!.post(`/api/associations/${target.id}/invitations`, {
        email: 'friend@example.org',
      }),
      await as.member!.get(`/api/associations/${target.id}/members`),
      await as.member!.post(`/api/associations/${target.id}/decision`, {
        decision: 'reject',
        reason: 'x',
      }),
    ]) {
      expect(res.status).toBe(403);
    }
    expect(await fingerprint(t)).toBe(afterInsert);
  });

  it('the staff queue shows each staff member their own municipality only', async () => {
    const theirs = await json(await as.otherStaff!.get('/api/staff/associations'));
    expect(JSON.stringify(theirs)).not.toContain(SECRET_CONTACT);
    expect(
      theirs.items.every(
        (a: { municipality: { slug: string } }) => a.municipality.slug === 'pargas',
      ),
    ).toBe(true);
    const member = await json(await as.otherMember!.get('/api/staff/associations'));
    expect(member.items).toEqual([]);
    expect((await as.anonymous.get('/api/staff/associations')).status).toBe(401);
  });

  it('account routes need a session; a wrong origin changes nothing', async () => {
    for (const res of [
      await as.anonymous.get('/api/session'),
      await as.anonymous.get('/api/account/export'),
      await as.anonymous.delete('/api/sessions'),
      await as.anonymous.put('/api/account/password', {
        currentPassword: 'x',
        newPassword: 'y'.repeat(12),
      }),
      await as.anonymous.put('/api/account/email', { newEmail: 'x@example.org' }),
      await as.anonymous.request('/api/account', { method: 'DELETE', json: { password: 'x' } }),
      await as.anonymous.post('/api/invitations/accept', { token: 'x' }),
      await as.anonymous.post('/api/associations', {
        municipality: 'borga',
        name: { sv: 'X' },
        contactEmail: 'x@example.org',
      }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const before = await fingerprint(t);
    const forged = new TestClient(app, 'https://evil.example');
    for (const [k, v] of as.staff!.cookies) forged.cookies.set(k, v);
    const res = await forged.post(`/api/associations/${target.id}/decision`, {
      decision: 'reject',
      reason: 'CSRF',
    });
    expect(res.status).toBe(403);
    expect((await json(res)).code).toBe('origin');
    expect(await fingerprint(t)).toBe(before);
  });
});
