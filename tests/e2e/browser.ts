/// <reference lib="dom" />
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, inject } from 'vitest';
import { CHROMIUM } from '../setup/global-server';

/** The server under test, or null when the browser tests are skipped. */
export const baseUrl = inject('baseUrl');

/**
 * A browser context signed in as a demo account through the API (the sign-in form itself is
 * proved in accounts.test.ts and typed-before-hydration.test.ts).
 */
export async function signedInContext(
  browser: Browser,
  email: string,
  { javaScript = true }: { javaScript?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: javaScript });
  const res = await context.request.post('/api/session', {
    data: { email, password: 'motesplats-demo' },
    headers: { origin: baseUrl! },
  });
  expect(res.status()).toBe(200);
  return context;
}

export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Opens the Subscribe control's instructions (a <details>), so that axe checks them too. */
export const openDisclosures = (page: Page) =>
  page.evaluate(() =>
    document
      .querySelectorAll('details.feed-help')
      .forEach((d) => ((d as HTMLDetailsElement).open = true)),
  );

/** Runs axe-core in the page against WCAG 2.1 A and AA. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: an added <script> would be (rightly) refused
  // by the page's Content-Security-Policy.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // Only violations are read: axe then skips collecting every passing node (faster).
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/**
 * Each element's text as a screen reader hears it: without what is hidden from assistive
 * technology (aria-hidden drawings and labels that repeat a table's headers on a phone).
 */
export const heardTexts = (locator: Locator): Promise<string[]> =>
  locator.evaluateAll((elements) =>
    elements.map((element) => {
      const copy = element.cloneNode(true) as Element;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
  );
