/**
 * What the web app's browser code may import from the domain: constants and pure helpers
 * without zod. (zod 4 probes `new Function('')` when it builds a schema, which the pages'
 * Content-Security-Policy refuses; the schemas stay on the server.)
 */
export * from './access/accounts';
export * from './admin/limits';
export * from './associations/limits';
export * from './locales';
export * from './paging';
export * from './reports/figures';
export * from './premises/vocabulary';
export * from './text/pick-text';
export * from './events/vocabulary';
