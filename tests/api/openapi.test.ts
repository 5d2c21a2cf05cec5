import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../setup/env';
import { json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

describe(`the API describes itself (${ENGINE})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('empty');
  });
  afterAll(() => t.close());

  it('serves an OpenAPI 3.1 document built from the validating schemas', async () => {
    const res = await createTestApp(t).request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await json(res);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/account',
      '/api/account/email',
      '/api/account/export',
      '/api/account/password',
      '/api/admin/categories',
      '/api/admin/categories/{slug}',
      '/api/admin/municipalities',
      '/api/admin/municipalities/{id}',
      '/api/admin/municipalities/{id}/staff-roles',
      '/api/admin/municipalities/{id}/staff-roles/{userId}/{role}',
      '/api/associations',
      '/api/associations/{id}',
      '/api/associations/{id}/decision',
      '/api/associations/{id}/details',
      '/api/associations/{id}/invitations',
      '/api/associations/{id}/logo',
      '/api/associations/{id}/members',
      '/api/associations/{id}/members/{userId}',
      '/api/auth/callback/oidc',
      '/api/auth/verify-email',
      '/api/bookings',
      '/api/bookings/{id}',
      '/api/bookings/{id}/cancel',
      '/api/bookings/{id}/decision',
      '/api/bookings/{id}/withdraw',
      '/api/categories',
      '/api/events',
      '/api/events/mine',
      '/api/events/{id}',
      '/api/events/{id}/cancel',
      '/api/events/{id}/image',
      '/api/events/{id}/manage',
      '/api/events/{id}/publish',
      '/api/events/{id}/unpublish',
      '/api/feed-tokens',
      '/api/feed-tokens/{id}',
      '/api/health',
      '/api/invitations/accept',
      '/api/municipalities',
      '/api/occurrences',
      '/api/occurrences/period',
      '/api/occurrences/{id}/attendance',
      '/api/occurrences/{id}/cancel',
      '/api/occurrences/{id}/move',
      '/api/password/forgot',
      '/api/password/reset',
      '/api/ready',
      '/api/reports/indicators',
      '/api/reports/indicators.csv',
      '/api/session',
      '/api/session/oidc',
      '/api/sessions',
      '/api/site',
      '/api/staff/associations',
      '/api/staff/attendance',
      '/api/staff/audit',
      '/api/staff/bookings',
      '/api/staff/buildings',
      '/api/staff/buildings/{id}',
      '/api/staff/venues',
      '/api/staff/venues/{id}',
      '/api/staff/venues/{id}/bookable',
      '/api/staff/venues/{id}/photos',
      '/api/staff/venues/{id}/photos/{photoId}',
      '/api/staff/venues/{id}/spaces',
      '/api/staff/venues/{id}/spaces/{spaceId}',
      '/api/venues',
      '/api/venues/{id}',
      '/api/venues/{id}/busy',
      '/feeds/associations/{id}.ics',
      '/feeds/calendar.ics',
      '/feeds/categories/{slug}.ics',
      '/feeds/events/{id}.ics',
      '/feeds/municipalities/{slug}.ics',
      '/feeds/private/{token}.ics',
      '/feeds/venues/{id}.ics',
      '/media/{id}.webp',
    ]);
    const limit = doc.paths['/api/occurrences'].get.parameters.find(
      (p: { name: string }) => p.name === 'limit',
    );
    expect(limit.schema).toMatchObject({ minimum: 1, maximum: 100, default: 20 });
    expect(doc.components.schemas.Problem).toBeDefined();
    // The session contract of issue 6: sign in, who am I, sign out.
    expect(Object.keys(doc.paths['/api/session']).sort()).toEqual(['delete', 'get', 'post']);
    expect(Object.keys(doc.paths['/api/events/{id}']).sort()).toEqual(['get', 'patch']);
    // The event's image: a multipart upload, refusals as problem+json.
    const image = doc.paths['/api/events/{id}/image'];
    expect(Object.keys(image).sort()).toEqual(['delete', 'put']);
    expect(Object.keys(image.put.requestBody.content)).toEqual(['multipart/form-data']);
    for (const status of ['400', '403', '413'])
      expect(Object.keys(image.put.responses[status].content)).toEqual([
        'application/problem+json',
      ]);
    expect(Object.keys(doc.paths['/api/events'].post.responses).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '422',
    ]);
    expect(Object.keys(doc.paths['/api/bookings'].post.responses).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '422',
    ]);
    expect(Object.keys(doc.paths['/api/session'].post.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '429',
    ]);
  });

  it('serves a reference page whose script comes from this server, not a CDN', async () => {
    const app = createTestApp(t);
    const page = await app.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/api/docs/scalar.js');
    expect(html).not.toMatch(/cdn\.jsdelivr|unpkg\.com/);
    const script = await app.request('/api/docs/scalar.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
  });
});
