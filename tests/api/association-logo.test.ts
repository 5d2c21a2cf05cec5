/**
 * An association's logo (issue 6): its administrators upload it with alt text through the
 * venue photos' pipeline (decision 011); the public page and the directory show it.
 */
import { associations, auditLog, media, rowsOf } from '@motesplats/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraJpeg, PLAIN_SVG, SCRIPT_SVG } from '../fixtures/images';
import { TestClient } from '../setup/client';
import { ENGINE } from '../setup/env';
import { json, type Json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const DEMO = 'motesplats-demo';

async function fingerprint(t: TestDb): Promise<string> {
  const parts: string[] = [];
  for (const table of ['associations', 'media', 'audit_log']) {
    const [row] = rowsOf<{ h: string | null }>(
      await t.db.execute(
        sql.raw(
          `select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${table} x`,
        ),
      ),
    );
    parts.push(`${table}:${row!.h}`);
  }
  return parts.join(' ');
}

const logoForm = (
  file: Blob,
  alt: unknown = { sv: 'Föreningens logotyp', fi: 'Yhdistyksen logo' },
) => {
  const body = new FormData();
  body.set('file', file, 'logo');
  body.set('alt', typeof alt === 'string' ? alt : JSON.stringify(alt));
  return body;
};
const jpegBlob = (bytes: Uint8Array) =>
  new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' });
const mediaIdOf = (url: string) => /^\/media\/([0-9a-f-]{36})\.webp$/.exec(url)![1]!;

describe(`association logos (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  let owner: TestClient; // map@: administrator of the Multicultural Association of Porvoo
  let id: string;
  let firstUrl: string;

  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
    owner = new TestClient(app);
    const session = await owner.signIn('map@demo.example', DEMO);
    id = session.roles.associations[0].association.id;
  });
  afterAll(() => t.close());

  const put = (c: TestClient, body: FormData, lang = 'sv') =>
    c.request(`/api/associations/${id}/logo?lang=${lang}`, { method: 'PUT', body });

  it('refuses everyone but the association’s administrators, changing nothing', async () => {
    const jpeg = jpegBlob(await cameraJpeg(600, 400));
    const anonymous = new TestClient(app);
    const member = new TestClient(app); // an ordinary member of another association
    await member.signIn('mll@demo.example', DEMO);
    const staff = new TestClient(app); // staff of the association's own municipality
    await staff.signIn('staff.borga@demo.example', DEMO);
    const before = await fingerprint(t);
    expect((await put(anonymous, logoForm(jpeg))).status).toBe(401);
    for (const who of [member, staff]) {
      expect((await put(who, logoForm(jpeg))).status).toBe(403);
      expect((await who.delete(`/api/associations/${id}/logo`)).status).toBe(403);
    }
    expect((await anonymous.delete(`/api/associations/${id}/logo`)).status).toBe(401);
    expect(await fingerprint(t)).toBe(before);
  });

  it('refuses a script SVG, a file that is no image, and a logo without alt text', async () => {
    const before = await fingerprint(t);
    const svg = await put(owner, logoForm(new Blob([SCRIPT_SVG], { type: 'image/svg+xml' })));
    expect(svg.status).toBe(400);
    expect((await json(svg)).errors).toEqual([
      expect.objectContaining({ path: 'file', code: 'unsafe_svg' }),
    ]);
    const text = await put(owner, logoForm(new Blob(['hello'], { type: 'image/png' })));
    expect((await json(text)).errors[0]).toMatchObject({ path: 'file', code: 'not_an_image' });
    const noAlt = await put(owner, logoForm(jpegBlob(await cameraJpeg(300, 200)), {}));
    expect(noAlt.status).toBe(400);
    expect((await json(noAlt)).errors[0]).toMatchObject({ path: 'alt', code: 'required' });
    expect(await fingerprint(t)).toBe(before);
  });

  it('refuses a file over the limit before reading it', async () => {
    const before = await fingerprint(t);
    const huge = new Blob([new Uint8Array(9 * 1024 * 1024)], { type: 'image/jpeg' });
    const res = await put(owner, logoForm(huge));
    expect(res.status).toBe(413);
    expect((await json(res)).errors[0]).toMatchObject({ path: 'file', code: 'file_too_large' });
    expect(await fingerprint(t)).toBe(before);
  });

  it('stores an uploaded logo as WebP without metadata, at most 512 px wide; audited', async () => {
    const res = await put(owner, logoForm(jpegBlob(await cameraJpeg(2000, 1000))));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const answer = await json(res);
    firstUrl = answer.logo.url;
    expect(answer.logo).toEqual({
      url: expect.stringMatching(/^\/media\/[0-9a-f-]{36}\.webp$/),
      alt: { text: 'Föreningens logotyp', lang: 'sv', fallback: false },
    });
    expect(answer.texts.logoAlt).toEqual({ sv: 'Föreningens logotyp', fi: 'Yhdistyksen logo' });
    const [row] = await t.db
      .select()
      .from(media)
      .where(eq(media.id, mediaIdOf(firstUrl)));
    expect(row).toMatchObject({ contentType: 'image/webp', width: 512, height: 256 });
    const meta = await sharp(row!.bytes).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.exif).toBeUndefined();
    expect(Buffer.from(row!.bytes).includes('Secret Model')).toBe(false);
    const [association] = await t.db.select().from(associations).where(eq(associations.id, id));
    expect(association!.logoUrl).toBe(firstUrl);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'association.logo_set')))
      .orderBy(desc(auditLog.id));
    expect(entry!.data).toMatchObject({
      mediaId: mediaIdOf(firstUrl),
      previous: null,
      sizes: [{ width: 512, height: 256 }],
    });
  });

  it('shows the logo with its alt text on the public page and in the directory', async () => {
    const visitor = new TestClient(app);
    const page = await json(await visitor.get(`/api/associations/${id}?lang=fi`));
    expect(page.logo).toEqual({
      url: firstUrl,
      alt: { text: 'Yhdistyksen logo', lang: 'fi', fallback: false },
    });
    const directory = await json(
      await visitor.get('/api/associations?municipality=borga&lang=en&limit=100'),
    );
    const card = directory.items.find((a: Json) => a.id === id);
    // No English alt text: the municipality's languages come next.
    expect(card.logo).toEqual({
      url: firstUrl,
      alt: { text: 'Yhdistyksen logo', lang: 'fi', fallback: true },
    });
    const served = await visitor.get(firstUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
  });

  it('a new logo replaces the old one, whose file is removed', async () => {
    const res = await put(
      owner,
      logoForm(new Blob([PLAIN_SVG], { type: 'image/svg+xml' }), { sv: 'Gul sol på blått' }),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const { logo } = await json(res);
    expect(logo.url).not.toBe(firstUrl);
    expect(logo.alt.text).toBe('Gul sol på blått');
    expect(
      await t.db
        .select()
        .from(media)
        .where(eq(media.id, mediaIdOf(firstUrl))),
    ).toEqual([]);
    expect((await new TestClient(app).get(firstUrl)).status).toBe(404);
    const [row] = await t.db
      .select()
      .from(media)
      .where(eq(media.id, mediaIdOf(logo.url)));
    // A 300 px drawing is never enlarged.
    expect(row).toMatchObject({ width: 300, height: 200 });
    firstUrl = logo.url;
  });

  it('removes the logo and its file; the public page has none', async () => {
    const res = await owner.delete(`/api/associations/${id}/logo?lang=sv`);
    expect(res.status).toBe(200);
    expect((await json(res)).logo).toBeNull();
    expect(
      await t.db
        .select()
        .from(media)
        .where(eq(media.id, mediaIdOf(firstUrl))),
    ).toEqual([]);
    expect((await json(await new TestClient(app).get(`/api/associations/${id}`))).logo).toBeNull();
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, id))
      .orderBy(desc(auditLog.id));
    expect(entry).toMatchObject({ action: 'association.logo_remove', data: { url: firstUrl } });
    // Removing again changes nothing.
    const before = await fingerprint(t);
    expect((await owner.delete(`/api/associations/${id}/logo`)).status).toBe(200);
    expect(await fingerprint(t)).toBe(before);
  });
});
