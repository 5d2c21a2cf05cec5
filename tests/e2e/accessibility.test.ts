import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, baseUrl, launch, openDisclosures, type AxeViolation } from './browser';
import { eventAtVenue, venueWithPhoto } from './demo';

const report = (violations: AxeViolation[]) =>
  violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
        v.nodes
          .map(
            (n) =>
              `  at ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`,
          )
          .join('\n'),
    )
    .join('\n');

describe.skipIf(!baseUrl)('WCAG 2.1 A/AA (axe-core)', () => {
  let browser: Browser;
  const paths: Record<'home' | 'event' | 'venue', (lang: string) => string> = {
    home: (lang) => `/${lang}`,
    event: () => '',
    venue: () => '',
  };

  beforeAll(async () => {
    browser = await launch();
    const event = await eventAtVenue();
    const venue = await venueWithPhoto();
    paths.event = (lang) => `/${lang}/events/${event.id}`;
    paths.venue = (lang) => `/${lang}/venues/${venue.id}`;
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of ['sv', 'ar']) {
    for (const kind of ['home', 'event', 'venue'] as const) {
      it(`${kind} page in ${lang} has no violations`, async () => {
        const context = await browser.newContext({ baseURL: baseUrl! });
        try {
          const page = await context.newPage();
          const response = await page.goto(paths[kind](lang));
          expect(response?.status()).toBe(200);
          // The Subscribe control, in the page's language, its instructions checked open.
          expect(await page.locator('details.feed-help').count()).toBe(1);
          expect(await page.locator('a.feed-webcal').getAttribute('href')).toMatch(
            new RegExp(`^webcal://[^/]+/feeds/[^?]+\\.ics\\?(.+&)?lang=${lang}$`),
          );
          await openDisclosures(page);
          const violations = await axe(page);
          expect(violations, report(violations)).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
