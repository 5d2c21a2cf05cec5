import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { baseUrl, launch } from './browser';
import { eventAtVenue, eventTitle } from './demo';

/** ISO 8601 local date-time with its UTC offset: 2026-12-01T18:00:00+02:00. */
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?[+-]\d{2}:\d{2}$/;

describe.skipIf(!baseUrl)('event page', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let event: { id: string; venueId: string };

  beforeAll(async () => {
    browser = await launch();
    event = await eventAtVenue();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ baseURL: baseUrl! });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  it('the language switcher leads to the same event in the other language', async () => {
    await page.goto(`/sv/events/${event.id}`);
    const swedish = await eventTitle(event.id, 'sv');
    expect((await page.locator('main h1').textContent())?.trim()).toContain(swedish.text);

    const switcher = page.locator('nav.lang-switch');
    await Promise.all([
      page.waitForURL(`**/fi/events/${event.id}`),
      switcher.locator('a[hreflang="fi"]').click(),
    ]);

    expect(new URL(page.url()).pathname).toBe(`/fi/events/${event.id}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');
    const finnish = await eventTitle(event.id, 'fi');
    expect((await page.locator('main h1').textContent())?.trim()).toContain(finnish.text);
    expect(await switcher.locator('a[aria-current="true"]').getAttribute('hreflang')).toBe('fi');
  });

  it('carries schema.org Event JSON-LD with name, start with offset and an address', async () => {
    await page.goto(`/sv/events/${event.id}`);
    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(scripts.length).toBeGreaterThan(0);

    const parsed: unknown[] = scripts.flatMap((text) => {
      const data: unknown = JSON.parse(text);
      return Array.isArray(data) ? data : [data];
    });
    const events = parsed.filter(
      (d): d is Record<string, unknown> =>
        typeof d === 'object' && d !== null && (d as Record<string, unknown>)['@type'] === 'Event',
    );
    expect(events.length).toBeGreaterThan(0);

    const title = await eventTitle(event.id, 'sv');
    for (const item of events) {
      expect(item['@context']).toBe('https://schema.org');
      expect(item.name).toBe(title.text);
      expect(item.startDate).toMatch(WITH_OFFSET);
      const location = item.location as { '@type': string; address: Record<string, unknown> };
      expect(location['@type']).toBe('Place');
      expect(location.address['@type']).toBe('PostalAddress');
      expect(location.address.streetAddress).toEqual(expect.any(String));
      expect(location.address.addressLocality).toEqual(expect.any(String));
    }
  });

  it('offers the event as an .ics, its place on a map and a link to share', async () => {
    await page.goto(`/sv/events/${event.id}`);
    const keep = page.getByRole('region', { name: 'Spara och dela' });
    const ics = keep.getByRole('link', { name: 'Lägg till i kalendern (.ics)' });
    const href = await ics.getAttribute('href');
    expect(href).toContain(`/feeds/events/${event.id}.ics?lang=sv`);
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const title = await eventTitle(event.id, 'sv');
    expect((await res.text()).replace(/\r\n[ \t]/g, '')).toContain(`SUMMARY:${title.text}`);
    expect(await keep.getByRole('link', { name: /sv\/events\// }).getAttribute('href')).toBe(
      new URL(`/sv/events/${event.id}`, baseUrl!).href,
    );
    const map = page.getByRole('link', { name: 'Visa på kartan (OpenStreetMap)' });
    expect(await map.getAttribute('href')).toMatch(/^https:\/\/www\.openstreetmap\.org\/\?mlat=/);
  });
});
