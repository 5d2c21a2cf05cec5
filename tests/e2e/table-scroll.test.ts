// Wide tables on a phone (WCAG 1.4.10 and 2.1.1): each data table sits in a frame that
// scrolls sideways instead of widening the page, and the frame is a focusable region named
// by what names the table, so it can be scrolled with the arrow keys
// (apps/web/src/lib/components/TableScroll.svelte).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, signedInContext } from './browser';
import { venueWithPhoto } from './demo';

/** Every table frame on the page: its name, whether it is a focusable region, and its widths. */
const frames = (page: Page) =>
  page.locator('.table-scroll').evaluateAll((els) =>
    els.map((el) => {
      const labelled = el.getAttribute('aria-labelledby');
      const label = labelled ? document.getElementById(labelled) : null;
      return {
        role: el.getAttribute('role'),
        tabIndex: (el as HTMLElement).tabIndex,
        name: (label?.textContent ?? '').trim(),
        scrolls: el.scrollWidth > el.clientWidth,
      };
    }),
  );

describe.skipIf(!baseUrl)('wide tables on a narrow screen', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  async function check(context: BrowserContext, path: string) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 800 });
    expect((await page.goto(path))?.status()).toBe(200);
    const found = await frames(page);
    expect(found.length, path).toBeGreaterThan(0);
    for (const f of found) {
      expect({ path, role: f.role, tabIndex: f.tabIndex }).toEqual({
        path,
        role: 'region',
        tabIndex: 0,
      });
      expect(f.name, path).not.toBe('');
    }
    // The page itself does not scroll sideways: the tables do.
    const pageScrolls = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
    );
    expect(pageScrolls, path).toBe(false);
    // A frame that overflows moves with the arrow keys once focused.
    const index = found.findIndex((f) => f.scrolls);
    if (index >= 0) {
      const frame = page.locator('.table-scroll').nth(index);
      await frame.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => frame.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    }
    await page.close();
    return found;
  }

  it('public pages: the month calendar and a venue’s availability', async () => {
    const anonymous = await browser.newContext({ baseURL: baseUrl! });
    contexts.push(anonymous);
    const month = await check(anonymous, '/sv?view=month');
    expect(month.some((f) => f.scrolls)).toBe(true);
    const venue = await venueWithPhoto();
    await check(anonymous, `/sv/venues/${venue.id}`);
  });

  it('staff, administrators and members: their lists', async () => {
    const staff = await signedInContext(browser, 'staff.borga@demo.example');
    const admin = await signedInContext(browser, 'admin@demo.example');
    const member = await signedInContext(browser, 'mll@demo.example');
    contexts.push(staff, admin, member);
    for (const path of ['/sv/staff/audit', '/sv/staff/venues', '/sv/staff/associations'])
      await check(staff, path);
    for (const path of ['/sv/admin', '/sv/admin/categories']) await check(admin, path);
    await check(member, '/sv/bookings');
  });
});
