import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, launch } from './browser';
import { venueWithPhoto } from './demo';

describe.skipIf(!baseUrl)('venue page', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let venueId: string;

  beforeAll(async () => {
    browser = await launch();
    venueId = (await venueWithPhoto()).id;
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({
      baseURL: baseUrl!,
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  const caption = () => page.locator('table.availability.week caption').textContent();

  it('shows a week of free/busy time per space as a table with column and row headers', async () => {
    const venue = await (await fetch(new URL(`/api/venues/${venueId}?lang=sv`, baseUrl!))).json();
    const spaces = venue.spaces.length as number;
    await page.goto(`/sv/venues/${venueId}`);
    const table = page.locator('table.availability.week');
    expect(await table.count()).toBe(1);
    expect((await caption())?.trim()).toMatch(/\d/);

    const columns = (await table.locator('thead th[scope="col"]').allTextContents()).map((c) =>
      c.trim(),
    );
    // The day, the opening hours, then one column per space (the whole first).
    expect(columns).toHaveLength(2 + spaces);
    expect(columns.slice(0, 2)).toEqual(['Dag', 'Öppet']);
    const days = table.locator('tbody tr > th[scope="row"]');
    expect(await days.count()).toBe(7);
    expect(await table.locator('tbody tr').count()).toBe(7);
    for (const row of await table.locator('tbody tr').all()) {
      expect(await row.locator('td').count()).toBe(1 + spaces);
    }
  });

  it('the next-week link is reachable with Tab and follows with Enter', async () => {
    await page.goto(`/sv/venues/${venueId}`);
    const before = await caption();
    const next = page.getByRole('link', { name: 'Nästa vecka' });
    const href = await next.getAttribute('href');
    expect(href).toContain('week=');

    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await next.evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'Tab never reached the next-week link').toBe(true);

    const week = new URL(href!, page.url()).searchParams.get('week');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('week') === week),
      page.keyboard.press('Enter'),
    ]);
    await page.waitForFunction(
      (old) => document.querySelector('table.availability.week caption')?.textContent !== old,
      before,
    );
    expect(await caption()).not.toBe(before);
    expect(await page.locator('table.availability.week tbody tr').count()).toBe(7);
  });

  it('links the venue feed as https, webcal and Google Calendar, and the https address answers iCalendar', async () => {
    await page.goto(`/sv/venues/${venueId}`);
    const https = await page.locator('a.feed-https').getAttribute('href');
    const webcal = await page.locator('a[href^="webcal:"]').getAttribute('href');
    expect(https).toBe(new URL(`/feeds/venues/${venueId}.ics?lang=sv`, page.url()).href);
    expect(webcal).toBe(https!.replace(/^https?:/, 'webcal:'));
    expect(await page.locator('a.feed-google').getAttribute('href')).toBe(
      `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal!)}`,
    );
    expect(await page.getByLabel('Kalenderns adress att kopiera').inputValue()).toBe(https);
    // The instructions open by keyboard: the summary takes focus and Enter opens it.
    const summary = page.locator('details.feed-help summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('details.feed-help').getAttribute('open')).not.toBeNull();
    await expect(page.locator('details.feed-help dd').nth(2).textContent()).resolves.toContain(
      'https-adressen',
    );
    // The subscription address is the site's own: same scheme and host as the page.
    expect(new URL(https!).origin, "the feed address is not on the page's own origin").toBe(
      new URL(page.url()).origin,
    );

    const response = await page.request.get(https!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/calendar/);
    expect((await response.text()).startsWith('BEGIN:VCALENDAR')).toBe(true);
  });

  it('shows the photo at a sensible size', async () => {
    await page.goto(`/sv/venues/${venueId}`);
    const photo = page.locator('.venue-photo img');
    expect(await photo.count()).toBe(1);
    await photo.scrollIntoViewIfNeeded();
    const box = await photo.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.width).toBeLessThanOrEqual(36 * 16 + 1);
    expect(box!.height).toBeLessThanOrEqual(box!.width);
    expect(Math.abs(box!.width / box!.height - 16 / 9)).toBeLessThan(0.05);
  });
});
