/**
 * How the pages (SvelteKit, in the same process) tell the one HTTP listener about the
 * request they answer, keyed by its X-Request-Id: the route's id (`/[lang=lang]/venues/[id]`,
 * never the raw path, which may hold an invitation token) and, for a 500, what failed. The
 * listener takes the note when the answer is finished and writes the request's one line.
 * The web app reaches it as `globalThis[Symbol.for('motesplats.pages')]` (it imports no API
 * code); without it (`npm run dev`) the pages log to the console.
 */
export const PAGE_BRIDGE = Symbol.for('motesplats.pages');

export interface PageNote {
  route?: string | null;
  error?: string;
}

export type PageBridge = Map<string, PageNote>;
