import type { Browser, BrowserContext } from 'playwright-core';
import sharp from 'sharp';
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

  describe('signed in: the organizer’s and staff’s event pages', () => {
    let member: BrowserContext;
    let staff: BrowserContext;
    let draftId = '';

    const signIn = async (email: string) => {
      const context = await browser.newContext({ baseURL: baseUrl! });
      const res = await context.request.post('/api/session', {
        data: { email, password: 'motesplats-demo' },
        headers: { origin: baseUrl! },
      });
      expect(res.status()).toBe(200);
      return context;
    };

    beforeAll(async () => {
      member = await signIn('mll@demo.example');
      staff = await signIn('staff.borga@demo.example');
      // MLL's demo draft, with an image, so the edit page shows its image form filled.
      const { items } = (await (await member.request.get('/api/events/mine?lang=sv')).json()) as {
        items: { id: string; status: string }[];
      };
      draftId = items.find((e) => e.status === 'draft')!.id;
      const png = await sharp({
        create: { width: 800, height: 450, channels: 3, background: '#2a6' },
      })
        .png()
        .toBuffer();
      const uploaded = await member.request.put(`/api/events/${draftId}/image`, {
        headers: { origin: baseUrl! },
        multipart: {
          file: { name: 'bild.png', mimeType: 'image/png', buffer: png },
          alt: JSON.stringify({ sv: 'En grön bild', ar: 'صورة خضراء' }),
        },
      });
      expect(uploaded.status(), await uploaded.text()).toBe(200);
    });
    afterAll(async () => {
      await member?.close();
      await staff?.close();
    });

    for (const lang of ['sv', 'ar']) {
      it(`my events, a new event, an event's edit form and staff's attendance list in ${lang} have no violations`, async () => {
        const visits: [BrowserContext, string][] = [
          [member, `/${lang}/events/mine`],
          [member, `/${lang}/events/new`],
          [member, `/${lang}/events/${draftId}/edit`],
          [staff, `/${lang}/staff/attendance`],
        ];
        const found: string[] = [];
        for (const [context, path] of visits) {
          const page = await context.newPage();
          const response = await page.goto(path, { waitUntil: 'networkidle' });
          expect(response?.status(), path).toBe(200);
          const violations = await axe(page);
          if (violations.length > 0) found.push(`${path}:\n${report(violations)}`);
          await page.close();
        }
        expect(found).toEqual([]);
      });
    }
  });
});
