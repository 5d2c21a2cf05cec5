export * from './client';
export * from './errors';
export * from './media-ids';
// What the server needs of the demo seed at every start; the seed itself is loaded only to
// seed (apps/api/src/index.ts).
export { DEMO_DOMAIN } from './seed/demo-accounts';
export { hasMunicipalities, SEED_UNTOUCHED_LINE } from './seed/has-municipalities';
export * as schema from './schema/index';
export * from './schema/index';
