import {
  auditLog,
  buildings,
  bookings,
  media,
  renditionIds,
  rowsOf,
  spaces,
  venuePhotos,
  venues,
  users,
} from '@motesplats/db';
import { PHOTO_WIDTHS } from '@motesplats/domain';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraJpeg, EXTERNAL_SVG, HANDLER_SVG, PLAIN_SVG, SCRIPT_SVG } from '../fixtures/images';
import { TestClient } from '../setup/client';
import { ENGINE } from '../setup/env';
import { json, type Json } from '../setup/http';
import { insertBooking } from '../fixtures/premises';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const DEMO = 'motesplats-demo';
const NOWHERE = '00000000-0000-4000-8000-000000000000';

/** A fingerprint of every table these routes may write: equal before and after = nothing changed. */
async function fingerprint(t: TestDb): Promise<string> {
  const tables = ['buildings', 'venues', 'spaces', 'venue_photos', 'media', 'audit_log'];
  const parts: string[] = [];
  for (const table of tables) {
    const [row] = rowsOf<{ h: string | null; n: number }>(
      await t.db.execute(
        sql.raw(
          `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h, count(*)::int as n from ${table} t`,
        ),
      ),
    );
    parts.push(`${table}:${row!.n}:${row!.h}`);
  }
  return parts.join(' ');
}

const form = (file: Blob | string, alt: unknown = { sv: 'Salen', fi: 'Sali' }) => {
  const body = new FormData();
  body.set(
    'file',
    typeof file === 'string' ? new Blob([file], { type: 'image/svg+xml' }) : file,
    'photo',
  );
  body.set('alt', typeof alt === 'string' ? alt : JSON.stringify(alt));
  return body;
};
const blob = (bytes: Uint8Array, type = 'image/jpeg') =>
  new Blob([bytes as Uint8Array<ArrayBuffer>], { type });

describe(`staff venue management (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  let anonymous: TestClient;
  let member: TestClient;
  let pargas: TestClient;
  let borga: TestClient;
  let borgaUserId: string;
  let hall: Json; // Fabrikssalen in Borgå: a divisible hall
  let borgaId: string;
  let jpeg: Uint8Array;

  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
    anonymous = new TestClient(app);
    member = new TestClient(app);
    pargas = new TestClient(app);
    borga = new TestClient(app);
    await member.signIn('map@demo.example', DEMO);
    await pargas.signIn('staff.pargas@demo.example', DEMO);
    borgaUserId = (await borga.signIn('staff.borga@demo.example', DEMO)).user.id;
    const premises = await json(await borga.get('/api/staff/venues?lang=sv'));
    const mine = premises.municipalities.find((m: Json) => m.slug === 'borga');
    borgaId = mine.id;
    const summary = mine.venues.find((v: Json) => v.name.text === 'Fabrikssalen');
    hall = await json(await borga.get(`/api/staff/venues/${summary.id}?lang=sv`));
    jpeg = await cameraJpeg();
  });
  afterAll(() => t.close());

  const lastAudit = async () =>
    (await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;

  it("lists only the staff member's own municipality, with every venue and building", async () => {
    const premises = await json(await borga.get('/api/staff/venues?lang=sv'));
    expect(premises.municipalities.map((m: Json) => m.slug)).toEqual(['borga']);
    const [mine] = premises.municipalities;
    const [{ n } = { n: -1 }] = rowsOf<{ n: number }>(
      await t.db.execute(
        sql`select count(*)::int as n from venues where municipality_id = ${borgaId}`,
      ),
    );
    expect(mine.venues).toHaveLength(n);
    expect(mine.buildings.length).toBeGreaterThan(0);
    const theirs = await json(await pargas.get('/api/staff/venues?lang=sv'));
    expect(theirs.municipalities.map((m: Json) => m.slug)).toEqual(['pargas']);
    expect(JSON.stringify(theirs)).not.toContain(hall.id);
  });

  it('shows staff the private facts: access instructions, rules and every language', async () => {
    expect(hall.accessInstructions).toEqual(expect.objectContaining({ sv: expect.any(String) }));
    expect(hall.name).toEqual(expect.objectContaining({ sv: 'Fabrikssalen', fi: 'Tehdassali' }));
    expect(hall.spaces).toHaveLength(3);
    expect(typeof hall.minDurationMinutes).toBe('number');
  });

  it('edits a venue: stores what was sent, answers the result, audits who changed what', async () => {
    const openingHours = [
      { weekday: 6, opens: '10:00', closes: '16:00' },
      { weekday: 1, opens: '08:30', closes: '12:00' },
      { weekday: 1, opens: '13:00', closes: '21:00' },
      { weekday: 5, opens: '18:00', closes: '01:00' },
    ];
    const res = await borga.request(`/api/staff/venues/${hall.id}?lang=sv`, {
      method: 'PATCH',
      json: {
        capacity: 95,
        name: { sv: '  Fabrikssalen  ', fi: 'Tehdassali', en: 'The Factory Hall' },
        description: { sv: 'Rad ett\nRad två', ar: 'قاعة المصنع' },
        accessibility: ['step_free', 'hearing_loop', 'step_free'],
        equipment: ['piano', 'wifi'],
        openingHours,
        blackoutDates: ['2026-12-24', '2026-12-06', '2026-12-24'],
        minDurationMinutes: 30,
        maxDurationMinutes: 300,
        bufferMinutes: 15,
        accessInstructions: { sv: 'Dörrkod 4711 skickas före bokningen.' },
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const answer = await json(res);
    expect(answer.capacity).toBe(95);
    expect(answer.name).toEqual({ sv: 'Fabrikssalen', fi: 'Tehdassali', en: 'The Factory Hall' });
    expect(answer.openingHours).toEqual([
      { weekday: 1, opens: '08:30', closes: '12:00' },
      { weekday: 1, opens: '13:00', closes: '21:00' },
      { weekday: 5, opens: '18:00', closes: '01:00' },
      { weekday: 6, opens: '10:00', closes: '16:00' },
    ]);

    const [row] = await t.db.select().from(venues).where(eq(venues.id, hall.id));
    expect(row!.capacity).toBe(95);
    expect(row!.accessibility).toEqual(['step_free', 'hearing_loop']);
    expect(row!.blackoutDates).toEqual(['2026-12-06', '2026-12-24']);
    expect(row!.description).toEqual({ sv: 'Rad ett\nRad två', ar: 'قاعة المصنع' });
    expect([row!.minDurationMinutes, row!.maxDurationMinutes, row!.bufferMinutes]).toEqual([
      30, 300, 15,
    ]);
    expect(row!.openingHours).toEqual(answer.openingHours);

    const entry = await lastAudit();
    expect(entry).toMatchObject({
      action: 'venue.update',
      entity: 'venue',
      entityId: hall.id,
      municipalityId: borgaId,
      actorUserId: borgaUserId,
    });
    expect(entry.data.changed).toEqual(
      expect.arrayContaining(['capacity', 'openingHours', 'accessInstructions']),
    );
    expect((entry.data.before as Json).capacity).toBe(hall.capacity);
    expect((entry.data.after as Json).capacity).toBe(95);
    // The door code is named as changed but never copied into the log.
    expect(JSON.stringify(entry.data)).not.toContain('4711');

    // The public page shows the change, and still no access instructions.
    const pub = await json(await anonymous.get(`/api/venues/${hall.id}?lang=en`));
    expect(pub.capacity).toBe(95);
    expect(pub.name.text).toBe('The Factory Hall');
    expect(pub.openingHours).toEqual(answer.openingHours);
    expect(JSON.stringify(pub)).not.toContain('4711');
    // Free/busy follows the new hours: Friday 18:00 until Saturday 01:00, local time.
    const busy = await json(
      await anonymous.get(`/api/venues/${hall.id}/busy?from=2026-12-04&to=2026-12-04`),
    );
    expect(busy.open).toEqual([
      { start: '2026-12-04T16:00:00.000Z', end: '2026-12-04T22:00:00.000Z' },
    ]);
  });

  it('an edit that changes nothing writes no audit row', async () => {
    const before = await fingerprint(t);
    const res = await borga.request(`/api/staff/venues/${hall.id}`, {
      method: 'PATCH',
      json: { capacity: 95 },
    });
    expect(res.status).toBe(200);
    expect(await fingerprint(t)).toBe(before);
  });

  it('takes a venue out of booking and back without deleting its bookings', async () => {
    const bookingsOf = async () =>
      rowsOf<{ n: number }>(
        await t.db.execute(
          sql`select count(*)::int as n from bookings where venue_id = ${hall.id}`,
        ),
      )[0]!.n;
    const held = await bookingsOf();
    expect(held).toBeGreaterThan(0);
    const out = await borga.put(`/api/staff/venues/${hall.id}/bookable`, { bookable: false });
    expect(out.status).toBe(200);
    expect((await json(out)).bookable).toBe(false);
    expect(await lastAudit()).toMatchObject({
      action: 'venue.withdraw',
      actorUserId: borgaUserId,
      data: { bookable: false },
    });
    expect((await json(await anonymous.get(`/api/venues/${hall.id}`))).bookable).toBe(false);
    expect(await bookingsOf()).toBe(held);
    const back = await borga.put(`/api/staff/venues/${hall.id}/bookable`, { bookable: true });
    expect((await json(back)).bookable).toBe(true);
    expect((await lastAudit()).action).toBe('venue.reopen');
  });

  it('creates a building and a venue with its root space, then divides it', async () => {
    const b = await borga.post('/api/staff/buildings', {
      municipalityId: borgaId,
      name: { sv: 'Nya skolan', fi: 'Uusi koulu' },
      street: 'Skolgatan 1',
      postalCode: '06100',
      city: 'Borgå',
      coordinates: { lat: 60.39, lon: 25.66 },
    });
    expect(b.status).toBe(201);
    const buildingId = (await json(b)).id;
    expect(await lastAudit()).toMatchObject({
      action: 'building.create',
      entityId: buildingId,
      actorUserId: borgaUserId,
    });

    const v = await borga.post('/api/staff/venues', {
      buildingId,
      name: { sv: 'Gymnastiksalen', fi: 'Liikuntasali' },
      capacity: 120,
      openingHours: [{ weekday: 3, opens: '17:00', closes: '22:00' }],
    });
    expect(v.status).toBe(201);
    const venueId = (await json(v)).id;
    const [row] = await t.db.select().from(venues).where(eq(venues.id, venueId));
    expect(row).toMatchObject({
      municipalityId: borgaId,
      buildingId,
      capacity: 120,
      bookable: true,
      minDurationMinutes: 60,
    });
    expect((await lastAudit()).action).toBe('venue.create');

    const divided = await borga.post(`/api/staff/venues/${venueId}/spaces?lang=sv`, {
      name: { sv: 'Halva A', fi: 'Puolikas A' },
      capacity: 60,
    });
    expect(divided.status).toBe(201);
    const after = await json(divided);
    const root = after.spaces.find((s: Json) => s.parentId === null);
    expect(after.spaces).toHaveLength(2);
    expect(after.spaces.find((s: Json) => s.parentId === root.id).name).toEqual({
      sv: 'Halva A',
      fi: 'Puolikas A',
    });
    expect((await lastAudit()).action).toBe('space.create');

    const renamed = await borga.request(`/api/staff/venues/${venueId}/spaces/${root.id}`, {
      method: 'PATCH',
      json: { name: { sv: 'Hela salen' } },
    });
    expect(renamed.status).toBe(200);
    expect((await t.db.select().from(spaces).where(eq(spaces.id, root.id)))[0]!.name).toEqual({
      sv: 'Hela salen',
    });
  });

  describe('photos', () => {
    let photoId: string;
    let mediaId: string;

    it('stores an upload as WebP at two widths, without metadata, and serves it immutable', async () => {
      const started = performance.now();
      const res = await borga.request(`/api/staff/venues/${hall.id}/photos?lang=sv`, {
        method: 'POST',
        body: form(blob(jpeg), {
          sv: 'Scenen i Fabrikssalen',
          fi: 'Tehdassalin lava',
          ar: 'مسرح القاعة',
        }),
      });
      const elapsed = performance.now() - started;
      expect(res.status, await res.clone().text()).toBe(201);
      const answer = await json(res);
      photoId = answer.photoId;
      const photo = answer.venue.photos.find((p: Json) => p.id === photoId);
      expect(photo.alt).toEqual({
        sv: 'Scenen i Fabrikssalen',
        fi: 'Tehdassalin lava',
        ar: 'مسرح القاعة',
      });
      mediaId = /\/media\/([0-9a-f-]+)\.webp$/.exec(photo.url)![1]!;

      // The upload's renditions (the demo's event images are Borgå's media too).
      const rows = await t.db
        .select()
        .from(media)
        .where(
          and(
            eq(media.municipalityId, borgaId),
            inArray(media.id, renditionIds(mediaId, PHOTO_WIDTHS)),
          ),
        );
      const sizes = rows.map((r) => [r.width, r.height]).sort((a, b) => a[0]! - b[0]!);
      expect(sizes).toEqual([
        [640, 426],
        [1280, 853],
      ]);
      for (const r of rows) expect(r.contentType).toBe('image/webp');
      const entry = await lastAudit();
      expect(entry).toMatchObject({
        action: 'venue_photo.create',
        actorUserId: borgaUserId,
        entityId: hall.id,
      });
      console.info(
        `photo upload ${jpeg.byteLength} B JPEG 2000×1333 → ${JSON.stringify(entry.data.sizes)} rendered in ${entry.data.renderMs} ms, request ${Math.round(elapsed)} ms`,
      );

      const served = await anonymous.get(`/media/${mediaId}.webp`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/webp');
      expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const etag = served.headers.get('etag');
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
      const bytes = new Uint8Array(await served.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', 1280, 853]);
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(Buffer.from(bytes).includes('Secret Model')).toBe(false);

      const again = await anonymous.get(`/media/${mediaId}.webp`, {
        headers: { 'if-none-match': etag! },
      });
      expect(again.status).toBe(304);
      expect((await anonymous.get(`/media/${NOWHERE}.webp`)).status).toBe(404);

      const pub = await json(await anonymous.get(`/api/venues/${hall.id}?lang=fi`));
      expect(pub.photos).toContainEqual({
        url: photo.url,
        alt: { text: 'Tehdassalin lava', lang: 'fi', fallback: false },
      });
    });

    it('rasterizes a plain SVG, and moves and relabels a photo', async () => {
      const res = await borga.request(`/api/staff/venues/${hall.id}/photos`, {
        method: 'POST',
        body: form(PLAIN_SVG),
      });
      expect(res.status).toBe(201);
      const moved = await borga.request(`/api/staff/venues/${hall.id}/photos/${photoId}`, {
        method: 'PATCH',
        json: { position: 0, alt: { sv: 'Scenen', en: 'The stage' } },
      });
      expect(moved.status).toBe(200);
      const venue = await json(moved);
      expect(venue.photos[0]).toMatchObject({
        id: photoId,
        alt: { sv: 'Scenen', en: 'The stage' },
        position: 0,
      });
      expect(venue.photos.map((p: Json) => p.position)).toEqual(
        venue.photos.map((_: Json, i: number) => i),
      );
      const pub = await json(await anonymous.get(`/api/venues/${hall.id}?lang=en`));
      expect(pub.photo.alt.text).toBe('The stage');
    });

    it('refuses what is not a safe image, with a 4xx problem, and stores nothing', async () => {
      const before = await fingerprint(t);
      const png = await sharp({
        create: { width: 50, height: 50, channels: 3, background: '#fff' },
      })
        .png()
        .toBuffer();
      const cases: [string, FormData, number, string][] = [
        [
          'text',
          form(new Blob(['hello, not an image'], { type: 'image/png' })),
          400,
          'not_an_image',
        ],
        [
          'html',
          form(new Blob(['<html><script>alert(1)</script></html>'], { type: 'image/jpeg' })),
          400,
          'not_an_image',
        ],
        ['svg script', form(SCRIPT_SVG), 400, 'unsafe_svg'],
        ['svg handler', form(HANDLER_SVG), 400, 'unsafe_svg'],
        ['svg external', form(EXTERNAL_SVG), 400, 'unsafe_svg'],
        [
          'truncated png',
          form(blob(new Uint8Array(png.subarray(0, 60)), 'image/png')),
          400,
          'not_an_image',
        ],
        ['empty', form(blob(new Uint8Array(0))), 400, 'empty_file'],
        ['too large', form(blob(new Uint8Array(9 * 1024 * 1024).fill(7))), 413, 'file_too_large'],
        ['no alt', form(blob(jpeg), {}), 400, 'required'],
        ['alt not json', form(blob(jpeg), 'Salen'), 400, 'custom'],
        ['alt huge', form(blob(jpeg), { sv: 'x'.repeat(301) }), 400, 'too_big'],
      ];
      for (const [name, body, status, code] of cases) {
        const res = await borga.request(`/api/staff/venues/${hall.id}/photos`, {
          method: 'POST',
          body,
        });
        expect(res.status, name).toBe(status);
        expect(res.headers.get('content-type'), name).toContain('application/problem+json');
        expect((await json(res)).errors?.[0]?.code, name).toBe(code);
      }
      const noFile = new FormData();
      noFile.set('file', 'just text');
      noFile.set('alt', '{"sv":"x"}');
      expect(
        (
          await borga.request(`/api/staff/venues/${hall.id}/photos`, {
            method: 'POST',
            body: noFile,
          })
        ).status,
      ).toBe(400);
      expect(await fingerprint(t)).toBe(before);
    });

    it('removes a photo and its stored files', async () => {
      const res = await borga.delete(`/api/staff/venues/${hall.id}/photos/${photoId}`);
      expect(res.status).toBe(200);
      expect(await t.db.select().from(venuePhotos).where(eq(venuePhotos.id, photoId))).toEqual([]);
      expect(await t.db.select({ id: media.id }).from(media).where(eq(media.id, mediaId))).toEqual(
        [],
      );
      expect((await anonymous.get(`/media/${mediaId}.webp`)).status).toBe(404);
      expect((await lastAudit()).action).toBe('venue_photo.delete');
    });
  });

  it('answers each route only to staff of the venue’s municipality; others change nothing', async () => {
    const [pargasVenue] = await t.db
      .select({ id: venues.id })
      .from(venues)
      .innerJoin(users, sql`true`)
      .where(
        and(
          eq(users.email, 'staff.pargas@demo.example'),
          sql`${venues.municipalityId} = (select municipality_id from staff_roles where user_id = ${users.id} limit 1)`,
        ),
      )
      .limit(1);
    expect(pargasVenue).toBeDefined();
    const space = hall.spaces[0].id;
    const photo = (
      await json(
        await borga.request(`/api/staff/venues/${hall.id}/photos`, {
          method: 'POST',
          body: form(blob(jpeg)),
        }),
      )
    ).photoId;
    const building = hall.building.id;
    type Call = {
      name: string;
      run: (c: TestClient) => Promise<Response>;
      ok: number;
      foreign: number[];
    };
    const calls: Call[] = [
      { name: 'list', run: (c) => c.get('/api/staff/venues'), ok: 200, foreign: [200] },
      { name: 'get', run: (c) => c.get(`/api/staff/venues/${hall.id}`), ok: 200, foreign: [404] },
      {
        name: 'patch',
        run: (c) =>
          c.request(`/api/staff/venues/${hall.id}`, { method: 'PATCH', json: { capacity: 77 } }),
        ok: 200,
        foreign: [404],
      },
      {
        name: 'bookable',
        run: (c) => c.put(`/api/staff/venues/${hall.id}/bookable`, { bookable: false }),
        ok: 200,
        foreign: [404],
      },
      {
        name: 'add space',
        run: (c) => c.post(`/api/staff/venues/${hall.id}/spaces`, { name: { sv: 'Hörnet' } }),
        ok: 201,
        foreign: [404],
      },
      {
        name: 'edit space',
        run: (c) =>
          c.request(`/api/staff/venues/${hall.id}/spaces/${space}`, {
            method: 'PATCH',
            json: { capacity: 5 },
          }),
        ok: 200,
        foreign: [404],
      },
      {
        name: 'add photo',
        run: (c) =>
          c.request(`/api/staff/venues/${hall.id}/photos`, {
            method: 'POST',
            body: form(PLAIN_SVG),
          }),
        ok: 201,
        foreign: [404],
      },
      {
        name: 'edit photo',
        run: (c) =>
          c.request(`/api/staff/venues/${hall.id}/photos/${photo}`, {
            method: 'PATCH',
            json: { position: 1 },
          }),
        ok: 200,
        foreign: [404],
      },
      {
        name: 'remove photo',
        run: (c) => c.delete(`/api/staff/venues/${hall.id}/photos/${photo}`),
        ok: 200,
        foreign: [404],
      },
      {
        name: 'edit building',
        run: (c) =>
          c.request(`/api/staff/buildings/${building}`, {
            method: 'PATCH',
            json: { street: 'Annan gata 2' },
          }),
        ok: 200,
        foreign: [404],
      },
      {
        name: 'add building',
        run: (c) =>
          c.post('/api/staff/buildings', {
            municipalityId: borgaId,
            name: { sv: 'Hus' },
            street: 'Gatan 1',
            postalCode: '06100',
            city: 'Borgå',
          }),
        ok: 201,
        foreign: [403],
      },
      {
        name: 'add venue',
        run: (c) =>
          c.post('/api/staff/venues', { buildingId: building, name: { sv: 'Rum' }, capacity: 5 }),
        ok: 201,
        foreign: [404],
      },
    ];
    const before = await fingerprint(t);
    for (const call of calls) {
      const anon = await call.run(anonymous);
      expect(anon.status, `${call.name} anonymous`).toBe(401);
      const m = await call.run(member);
      expect(m.status, `${call.name} member`).toBe(403);
      const other = await call.run(pargas);
      expect(call.foreign, `${call.name} other municipality: ${other.status}`).toContain(
        other.status,
      );
      if (other.status === 200) expect(JSON.stringify(await json(other))).not.toContain(hall.id);
      else expect(JSON.stringify(await json(other))).not.toContain('Fabrikssalen');
      // A foreign Origin is refused before anything else.
      if (call.name !== 'list' && call.name !== 'get') {
        const forged = await call.run(new TestClient(app, 'https://evil.example'));
        expect(forged.status, `${call.name} forged origin`).toBe(403);
      }
    }
    expect(await fingerprint(t)).toBe(before);
    // Pargas staff edit their own venue, though.
    expect(
      (
        await pargas.request(`/api/staff/venues/${pargasVenue!.id}`, {
          method: 'PATCH',
          json: { capacity: 33 },
        })
      ).status,
    ).toBe(200);
    for (const call of calls) {
      const res = await call.run(borga);
      expect(res.status, `${call.name} borga staff`).toBe(call.ok);
    }
    const [moved] = await t.db.select().from(buildings).where(eq(buildings.id, building));
    expect(moved!.street).toBe('Annan gata 2');
    expect(await lastAudit()).toMatchObject({ action: 'venue.create', actorUserId: borgaUserId });
  });

  it('refuses bad input with 400 naming the field and its reason, and changes nothing', async () => {
    const before = await fingerprint(t);
    const cases: [string, unknown, string, string][] = [
      ['huge name', { name: { sv: 'x'.repeat(100_000) } }, 'name.sv', 'too_big'],
      ['huge description', { description: { fi: 'y'.repeat(4001) } }, 'description.fi', 'too_big'],
      ['lone surrogate', { name: { sv: 'Sal\ud800' } }, 'name.sv', 'malformed_unicode'],
      ['NUL', { name: { sv: 'Sal\u0000en' } }, 'name.sv', 'control_characters'],
      ['bidi override', { name: { sv: 'Sal\u202Eneg' } }, 'name.sv', 'control_characters'],
      ['unknown language', { name: { xx: 'Sal' } }, 'name', 'unrecognized_keys'],
      ['no name at all', { name: { sv: '   ' } }, 'name', 'required'],
      ['capacity as text', { capacity: '40' }, 'capacity', 'invalid_type'],
      ['capacity fractional', { capacity: 4.5 }, 'capacity', 'invalid_type'],
      ['capacity zero', { capacity: 0 }, 'capacity', 'too_small'],
      ['capacity huge', { capacity: 1e9 }, 'capacity', 'too_big'],
      ['unknown feature', { accessibility: ['wings'] }, 'accessibility.0', 'invalid_value'],
      [
        'hour 25',
        { openingHours: [{ weekday: 1, opens: '25:00', closes: '26:00' }] },
        'openingHours.0.opens',
        'invalid_format',
      ],
      [
        'weekday 8',
        { openingHours: [{ weekday: 8, opens: '09:00', closes: '10:00' }] },
        'openingHours.0.weekday',
        'invalid_value',
      ],
      [
        'empty span',
        { openingHours: [{ weekday: 2, opens: '09:00', closes: '09:00' }] },
        'openingHours.0',
        'empty_span',
      ],
      [
        'overlapping spans',
        {
          openingHours: [
            { weekday: 2, opens: '09:00', closes: '12:00' },
            { weekday: 2, opens: '11:00', closes: '14:00' },
          ],
        },
        'openingHours.1',
        'overlapping_span',
      ],
      [
        'Sunday night into Monday',
        {
          openingHours: [
            { weekday: 7, opens: '20:00', closes: '03:00' },
            { weekday: 1, opens: '02:00', closes: '05:00' },
          ],
        },
        'openingHours.1',
        'overlapping_span',
      ],
      ['hours as text', { openingHours: 'Mon 9-17' }, 'openingHours', 'invalid_type'],
      ['impossible date', { blackoutDates: ['2026-02-30'] }, 'blackoutDates.0', 'invalid_date'],
      [
        'min above max',
        { minDurationMinutes: 600, maxDurationMinutes: 60 },
        'maxDurationMinutes',
        'max_below_min',
      ],
      ['min above stored max', { minDurationMinutes: 1000 }, 'maxDurationMinutes', 'max_below_min'],
      ['negative buffer', { bufferMinutes: -5 }, 'bufferMinutes', 'too_small'],
      ['unknown field', { municipalityId: NOWHERE }, '(request)', 'unrecognized_keys'],
      ['nothing', {}, '(request)', 'custom'],
      ['foreign building', { buildingId: NOWHERE }, '', ''],
    ];
    for (const [name, body, path, code] of cases) {
      const res = await borga.request(`/api/staff/venues/${hall.id}`, {
        method: 'PATCH',
        json: body,
      });
      if (name === 'foreign building') {
        expect(res.status, name).toBe(404);
        continue;
      }
      expect(res.status, name).toBe(400);
      const problem = await json(res);
      expect(
        problem.errors.map((e: Json) => `${e.path} ${e.code}`),
        name,
      ).toContain(`${path} ${code}`);
    }
    // Malformed JSON and a wrong content type are 400 as well.
    const broken = await borga.request(`/api/staff/venues/${hall.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"capacity": ',
    });
    expect(broken.status).toBe(400);
    expect(
      (
        await borga.request('/api/staff/venues/not-a-uuid', {
          method: 'PATCH',
          json: { capacity: 3 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await borga.post('/api/staff/buildings', {
          municipalityId: borgaId,
          name: { sv: 'Hus' },
          street: 'G 1',
          postalCode: '123',
          city: 'B',
        })
      ).status,
    ).toBe(400);
    expect(await fingerprint(t)).toBe(before);
  });

  it('edits a building: names, address and coordinates, audited; a partial edit keeps the rest', async () => {
    const created = await json(
      await borga.post('/api/staff/buildings', {
        municipalityId: borgaId,
        name: { sv: 'Gamla posten' },
        street: 'Postgatan 3',
        postalCode: '06100',
        city: 'Borgå',
        coordinates: { lat: 60.39, lon: 25.66 },
      }),
    );
    const res = await borga.request(`/api/staff/buildings/${created.id}`, {
      method: 'PATCH',
      json: { name: { sv: 'Gamla posten', fi: 'Vanha posti', en: 'Old post office' } },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ id: created.id, changed: ['name'] });
    const [row] = await t.db.select().from(buildings).where(eq(buildings.id, created.id));
    expect(row).toMatchObject({
      name: { sv: 'Gamla posten', fi: 'Vanha posti', en: 'Old post office' },
      street: 'Postgatan 3',
      lat: 60.39,
      lon: 25.66,
    });
    const moved = await borga.request(`/api/staff/buildings/${created.id}`, {
      method: 'PATCH',
      json: {
        street: 'Runebergsgatan 10',
        postalCode: '06101',
        city: 'Porvoo',
        coordinates: { lat: 60.4, lon: 25.7 },
      },
    });
    expect((await json(moved)).changed.sort()).toEqual([
      'city',
      'lat',
      'lon',
      'postalCode',
      'street',
    ]);
    expect(await lastAudit()).toMatchObject({
      action: 'building.update',
      entity: 'building',
      entityId: created.id,
      actorUserId: borgaUserId,
      data: {
        before: { street: 'Postgatan 3', postalCode: '06100', city: 'Borgå', lat: 60.39 },
        after: { street: 'Runebergsgatan 10', postalCode: '06101', city: 'Porvoo', lat: 60.4 },
      },
    });
    const cleared = await borga.request(`/api/staff/buildings/${created.id}`, {
      method: 'PATCH',
      json: { coordinates: null },
    });
    expect((await json(cleared)).changed.sort()).toEqual(['lat', 'lon']);
    const [after] = await t.db.select().from(buildings).where(eq(buildings.id, created.id));
    expect(after).toMatchObject({ lat: null, lon: null, street: 'Runebergsgatan 10' });
    // Refused edits change nothing.
    const before = await fingerprint(t);
    for (const body of [
      { postalCode: '0610' },
      { name: { sv: '' } },
      { coordinates: { lat: 200, lon: 0 } },
      { street: 'x'.repeat(5000) },
      { owner: 'me' },
    ]) {
      const bad = await borga.request(`/api/staff/buildings/${created.id}`, {
        method: 'PATCH',
        json: body,
      });
      expect(bad.status, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
    expect(await fingerprint(t)).toBe(before);
  });

  describe('removing spaces', () => {
    let venueId: string;
    let root: string;
    let partA: string;
    let partB: string;
    const future = (days: number, hours = 2) => {
      const start = new Date(Date.UTC(2026, 11, 1 + days, 15));
      return { startsAt: start, endsAt: new Date(start.getTime() + hours * 3600_000) };
    };
    const book = (spaceId: string, status: 'pending' | 'approved' | 'cancelled', days: number) =>
      insertBooking(t.db, {
        municipalityId: borgaId,
        venueId,
        spaceId,
        associationId: null,
        status,
        purpose: 'Möte',
        ...future(days),
      });
    const remove = (c: TestClient, spaceId: string) =>
      c.delete(`/api/staff/venues/${venueId}/spaces/${spaceId}?lang=fi`);
    const spaceIds = async () =>
      (await t.db.select({ id: spaces.id }).from(spaces).where(eq(spaces.venueId, venueId)))
        .map((s) => s.id)
        .sort();

    beforeAll(async () => {
      venueId = (
        await json(
          await borga.post('/api/staff/venues', {
            buildingId: hall.building.id,
            name: { sv: 'Delbara salen' },
            capacity: 80,
          }),
        )
      ).id;
      for (const sv of ['Del A', 'Del B'])
        await borga.post(`/api/staff/venues/${venueId}/spaces`, { name: { sv }, capacity: 40 });
      const view = await json(await borga.get(`/api/staff/venues/${venueId}?lang=sv`));
      root = view.spaces.find((s: Json) => s.parentId === null).id;
      partA = view.spaces.find((s: Json) => s.name.sv === 'Del A').id;
      partB = view.spaces.find((s: Json) => s.name.sv === 'Del B').id;
    });

    it('only staff of the venue’s municipality may, with the app’s origin; others change nothing', async () => {
      const before = await fingerprint(t);
      expect((await remove(anonymous, partB)).status).toBe(401);
      const m = await remove(member, partB);
      expect(m.status).toBe(403);
      expect((await json(m)).code).toBe('staff');
      const other = await remove(pargas, partB);
      expect(other.status).toBe(404);
      expect(JSON.stringify(await json(other))).not.toContain('Del B');
      expect((await remove(new TestClient(app, 'https://evil.example'), partB)).status).toBe(403);
      expect((await remove(borga, NOWHERE)).status).toBe(404);
      // A space of another venue is not this venue's.
      expect((await remove(borga, hall.spaces[0].id)).status).toBe(404);
      expect(await fingerprint(t)).toBe(before);
      expect(await spaceIds()).toEqual([root, partA, partB].sort());
    });

    it('refuses with 409 while a pending or approved booking uses the space, changing nothing', async () => {
      const [pending] = await book(partA, 'pending', 3);
      const before = await fingerprint(t);
      const res = await remove(borga, partA);
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await json(res)).toMatchObject({
        status: 409,
        code: 'space_in_use',
        params: { bookings: 1 },
      });
      // Removing the whole division would take part A with it: refused too.
      expect((await json(await remove(borga, root))).code).toBe('space_in_use');
      expect(await fingerprint(t)).toBe(before);

      // Cancelled, the booking stays as history: still refused, for good, with its own code.
      await t.db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, pending!.id));
      const kept = await remove(borga, partA);
      expect(kept.status).toBe(409);
      expect(await json(kept)).toMatchObject({
        code: 'space_has_bookings',
        params: { bookings: 1 },
      });
      expect(await fingerprint(t)).toBe(before);
      expect(
        await t.db.select({ id: bookings.id }).from(bookings).where(eq(bookings.id, pending!.id)),
      ).toHaveLength(1);
    });

    it('refuses a part that a future booking of the whole hall claims, then removes it once cancelled', async () => {
      const [whole] = await book(root, 'approved', 5);
      const before = await fingerprint(t);
      const res = await remove(borga, partB);
      expect(res.status).toBe(409);
      expect(await json(res)).toMatchObject({ code: 'space_in_use', params: { bookings: 1 } });
      expect(await fingerprint(t)).toBe(before);

      await t.db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, whole!.id));
      const ok = await remove(borga, partB);
      expect(ok.status).toBe(200);
      const view = await json(ok);
      expect(view.spaces.map((s: Json) => s.id).sort()).toEqual([root, partA].sort());
      expect(await spaceIds()).toEqual([root, partA].sort());
      expect(await lastAudit()).toMatchObject({
        action: 'space.delete',
        entity: 'space',
        entityId: partB,
        municipalityId: borgaId,
        actorUserId: borgaUserId,
        data: {
          venueId,
          removed: [{ id: partB, parentId: root, name: { sv: 'Del B' }, capacity: 40 }],
        },
      });
      // The booking of the whole keeps its row (and its history) though its claim on B went.
      expect(
        await t.db.select({ id: bookings.id }).from(bookings).where(eq(bookings.id, whole!.id)),
      ).toHaveLength(1);
      // Part A has history: the division cannot go while it does.
      expect((await json(await remove(borga, root))).code).toBe('space_has_bookings');
    });

    it('removes a whole division through the root space, and says when there is none', async () => {
      const other = (
        await json(
          await borga.post('/api/staff/venues', {
            buildingId: hall.building.id,
            name: { sv: 'Andra salen' },
            capacity: 50,
          }),
        )
      ).id;
      for (const sv of ['Vänster', 'Höger'])
        await borga.post(`/api/staff/venues/${other}/spaces`, { name: { sv } });
      const view = await json(await borga.get(`/api/staff/venues/${other}?lang=sv`));
      const top = view.spaces.find((s: Json) => s.parentId === null).id;
      const res = await borga.delete(`/api/staff/venues/${other}/spaces/${top}`);
      expect(res.status).toBe(200);
      expect((await json(res)).spaces.map((s: Json) => s.id)).toEqual([top]);
      const audited = await lastAudit();
      expect(audited).toMatchObject({ action: 'space.delete', entityId: top });
      expect((audited.data as { removed: unknown[] }).removed).toHaveLength(2);
      const before = await fingerprint(t);
      const again = await borga.delete(`/api/staff/venues/${other}/spaces/${top}`);
      expect(again.status).toBe(409);
      expect((await json(again)).code).toBe('space_not_divided');
      expect(await fingerprint(t)).toBe(before);
    });
  });

  it('edits a photo’s alt text in every language and moves it down, audited', async () => {
    for (const sv of ['Ett', 'Två'])
      await borga.request(`/api/staff/venues/${hall.id}/photos`, {
        method: 'POST',
        body: form(PLAIN_SVG, { sv }),
      });
    const view = await json(await borga.get(`/api/staff/venues/${hall.id}?lang=sv`));
    const [first, second] = view.photos;
    const alt = { sv: 'Scenen', fi: 'Näyttämö', en: 'The stage', ar: 'المسرح' };
    const res = await borga.request(`/api/staff/venues/${hall.id}/photos/${first.id}`, {
      method: 'PATCH',
      json: { alt, position: first.position + 1 },
    });
    expect(res.status).toBe(200);
    const after = await json(res);
    expect(after.photos[0].id).toBe(second.id);
    expect(after.photos[1]).toMatchObject({ id: first.id, alt, position: 1 });
    const [row] = await t.db.select().from(venuePhotos).where(eq(venuePhotos.id, first.id));
    expect(row!.alt).toEqual(alt);
    expect(await lastAudit()).toMatchObject({
      action: 'venue_photo.update',
      actorUserId: borgaUserId,
      data: { photoId: first.id, before: { position: 0 }, after: { alt, position: 1 } },
    });
  });
});
