export * from './client';
export * from './errors';
export * from './media-ids';
export * as schema from './schema/index';
export * from './schema/index';
