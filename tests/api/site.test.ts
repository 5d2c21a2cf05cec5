import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../setup/env';
import { json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

describe(`the installation's public facts (${ENGINE})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('empty');
  });
  afterAll(() => t.close());

  it('names the accessibility feedback address the operator set, to anyone', async () => {
    const res = await createTestApp(t, {
      config: { accessibilityFeedbackEmail: 'saavutettavuus@porvoo.fi' },
    }).request('/api/site');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await json(res)).toEqual({ accessibilityFeedbackEmail: 'saavutettavuus@porvoo.fi' });
  });

  it('says null when none is set, rather than inventing one', async () => {
    const res = await createTestApp(t).request('/api/site');
    expect(await json(res)).toEqual({ accessibilityFeedbackEmail: null });
  });
});
