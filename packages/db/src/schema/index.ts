export * from './tenancy';
export * from './premises';
export * from './people';
export * from './bookings';
export * from './events';
export * from './operations';
export * from './media';
