/** What the tests run against, read once from the environment. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
export const ENGINE: 'postgres' | 'pglite' = TEST_DATABASE_URL ? 'postgres' : 'pglite';
/** The instant the API tests live at; the demo seed is loaded relative to it. */
export const TEST_NOW = new Date('2026-11-24T10:00:00Z');
