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

  it('draws the week as a day-by-hour grid on a wide screen: one line per cell, each stretch as the words say', async () => {
    await page.goto(`/sv/venues/${venueId}`);
    const table = page.locator('table.availability.week');
    expect(await table.locator('svg.hours').first().isVisible()).toBe(true);
    expect(await page.locator('.hours-legend').isVisible()).toBe(true);
    // Every space's cell of every day has a line; a closed day's line is empty (hatched).
    const cells = table.locator('tbody td:has(svg.hours)');
    const spaces = (await table.locator('thead th').count()) - 2;
    expect(await cells.count()).toBe(7 * spaces);
    let busy = 0;
    let free = 0;
    for (const cell of await cells.all()) {
      const words = {
        busy: await cell.locator('.slot-busy .range').count(),
        free: await cell.locator('.slot-free .range').count(),
      };
      expect(await cell.locator('rect.busy').count()).toBe(words.busy);
      expect(await cell.locator('rect.free').count()).toBe(words.free);
      busy += words.busy;
      free += words.free;
    }
    expect(free, 'the demo venue has free time this week').toBeGreaterThan(0);
    // The scale's hours, in order from the line's start; the lines are hidden from screen readers.
    const ticks = table.locator('thead svg.hour-ticks').first().locator('text');
    const hours = (await ticks.allTextContents()).map(Number);
    expect(hours.length).toBeGreaterThan(2);
    expect(hours).toEqual([...hours].sort((a, b) => a - b));
    expect(await table.locator('svg.hours[aria-hidden="true"]').count()).toBe(7 * spaces);
    const first = (await ticks.first().boundingBox())!;
    const last = (await ticks.last().boundingBox())!;
    expect(first.x).toBeLessThan(last.x);

    // In Arabic time runs from the right.
    await page.goto(`/ar/venues/${venueId}`);
    const arTicks = page
      .locator('table.availability.week thead svg.hour-ticks')
      .first()
      .locator('text');
    expect((await arTicks.first().boundingBox())!.x).toBeGreaterThan(
      (await arTicks.last().boundingBox())!.x,
    );
    // Every hour is drawn inside its line, the first and last included.
    expect(await arTicks.allTextContents()).toEqual(hours.map(String));
    const line = (await page
      .locator('table.availability.week thead svg.hour-ticks')
      .first()
      .boundingBox())!;
    for (const tick of await arTicks.all()) {
      const box = (await tick.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(line.x - 0.5);
      expect(box.x + box.width).toBeLessThanOrEqual(line.x + line.width + 0.5);
    }
    expect(await page.locator('table.availability.week rect.busy').count()).toBe(busy);
  });

  it('reads the week as a list of days on a phone, each cell named by its column, still a table to screen readers', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`/sv/venues/${venueId}`);
    const table = page.locator('table.availability.week');
    expect(await table.locator('svg.hours').first().isVisible()).toBe(false);
    expect(await table.locator('thead').boundingBox()).toMatchObject({ width: 1, height: 1 });
    const row = table.locator('tbody tr').first();
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    const labels = await row.locator('.cell-label').allTextContents();
    expect(labels[0]).toBe('Öppet:');
    expect(labels).toHaveLength((await table.locator('thead th').count()) - 1);
    // Nothing is cut or scrolled sideways at 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    expect(
      await table.evaluate((el) => el.parentElement!.scrollWidth <= el.parentElement!.clientWidth),
    ).toBe(true);
    // Chromium's own accessibility tree still has the table, its headers and cells.
    const cdp = await context.newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string } }[];
    };
    const roles = new Set(nodes.map((n) => n.role?.value));
    for (const role of ['table', 'row', 'columnheader', 'rowheader', 'cell'])
      expect(roles).toContain(role);
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
