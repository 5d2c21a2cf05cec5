/**
 * Demo accounts: one per role, all with the one demo password (README lists them). Every
 * seeded user whose address is at DEMO_DOMAIN can sign in; the others (members of the
 * other demo associations) have no password. The server warns at every start while any
 * demo account exists (apps/api/src/index.ts).
 */
export const DEMO_DOMAIN = 'demo.example';
export const DEMO_PASSWORD = 'motesplats-demo';

export const isDemoAddress = (email: string): boolean =>
  email.toLowerCase().endsWith(`@${DEMO_DOMAIN}`);

/** Demo people who belong to no municipality or association by the seed's other lists. */
export const EXTRA_DEMO_USERS = [
  {
    key: 'admin',
    name: 'Demo Administrator',
    email: `admin@${DEMO_DOMAIN}`,
    locale: 'sv',
    isAdmin: true,
  },
  {
    key: 'resident',
    name: 'Ravi Sharma',
    email: `resident@${DEMO_DOMAIN}`,
    locale: 'en',
    isAdmin: false,
  },
] as const;
