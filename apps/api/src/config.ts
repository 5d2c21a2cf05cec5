import { z } from 'zod';
import { parseProxyEntry } from './http/forwarded';

export const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The environment, validated once at start. The only reader of process.env in the API.
 * A bad setting stops the start with one readable line naming it (see loadConfig).
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /**
   * PostgreSQL: how long opening a connection may take; past it the request answers 503.
   * Matters when the server is unreachable (a refused connection fails at once).
   */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  /** PostgreSQL: statement_timeout of the app's queries (not of migrations); 0 is none. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /**
   * How long a request may take before it answers 503 (a database that stopped answering
   * but keeps its connections open); its transaction then rolls back. 0 is none.
   */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
  /**
   * Requests worked on at once; more wait in arrival order (http/admission.ts). Default: 8
   * on the embedded database (one query at a time), 32 on PostgreSQL.
   */
  MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(10_000).optional(),
  /** Requests that may wait; one more is answered 503 with Retry-After at once. */
  MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(1000),
  /** How long a request may wait for its turn before it is answered 503 with Retry-After. */
  QUEUE_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** On SIGTERM/SIGINT: how long in-flight requests and the mail batch may take to finish. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Where pg_dump, pg_restore and psql are (npm run backup/restore); default: found. */
  PG_BIN_DIR: z.string().min(1).optional(),
  /** Public origin used in feeds and links, e.g. https://motesplats.borga.fi */
  PUBLIC_ORIGIN: z
    .url()
    .regex(
      /^https?:\/\/[^/?#@]+\/?$/,
      'must be an http(s) origin without a path, e.g. https://motesplats.borga.fi',
    )
    .optional(),
  /**
   * Addresses (IP or CIDR, comma-separated) of the reverse proxies whose X-Forwarded-Proto
   * and X-Forwarded-Host are believed. Unset: those headers are ignored.
   */
  TRUSTED_PROXY: z
    .string()
    .refine(
      (list) => list.split(',').every((entry) => parseProxyEntry(entry.trim()) !== null),
      'must be IP addresses or CIDR ranges separated by commas, e.g. 127.0.0.1,10.0.0.0/8',
    )
    .optional(),
  // A URL that parses: nodemailer, loaded with the first message, would otherwise refuse it
  // only then, and every message after it, instead of at start.
  SMTP_URL: z
    .url('must be an smtp:// or smtps:// URL')
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** Sender of every mail: an address, optionally with a display name (quoted if it has a comma). */
  MAIL_FROM: z
    .string()
    .regex(
      /^(?:(?:"[^"\r\n]*" ?|[^<>@\r\n,"]*)<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/,
      'must be an address, e.g. "Mötesplats <no-reply@motesplats.example>"',
    )
    .default('Mötesplats <no-reply@motesplats.example>'),
  /**
   * Where readers send accessibility feedback (the accessibility statement's contact, as the
   * Act on the Provision of Digital Services requires): the service provider's address.
   */
  ACCESSIBILITY_FEEDBACK_EMAIL: z.email('must be an e-mail address').optional(),
  /** 'false' leaves an empty database empty instead of loading the demo data. */
  DEMO_SEED: z.enum(['true', 'false']).default('true'),
  /** 'false' serves the API and feeds only (`npm run dev`, where Vite serves the pages). */
  SERVE_WEB: z.enum(['true', 'false']).default('true'),
  /** pino's levels: one JSON line per request at info; `silent` writes nothing. */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Signs session cookies; every process of an installation needs the same one. */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Personal data older than this many months is anonymised by the daily retention job. */
  RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  /** The first administrator, created (or made administrator) at start. */
  ADMIN_EMAIL: z.email('must be an e-mail address').optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** Staff sign-in through the municipality's OpenID Connect provider (docs/decisions/010-staff-oidc.md). */
  OIDC_ISSUER: z
    .url('must be a URL')
    .refine(secureOrLoopback, 'must be https:// (http:// only on localhost or 127.0.0.1)')
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().trim().min(1).max(60, 'must be at most 60 characters').optional(),
  OIDC_SCOPES: z
    .string()
    .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, 'must be scopes separated by single spaces')
    .refine((s) => s.split(' ').includes('openid'), 'must include openid')
    .default('openid email profile'),
  OIDC_ROLE_CLAIM: z.string().trim().min(1).default('groups'),
  OIDC_STAFF_MAP: z.string().optional(),
});

/** Requests worked on at once when MAX_CONCURRENT_REQUESTS is not set (http/admission.ts). */
export const DEFAULT_CONCURRENT_REQUESTS = { pglite: 8, postgres: 32 } as const;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** PostgreSQL connection and statement timeouts (ms); see DATABASE_*_TIMEOUT_MS. */
  databaseTimeouts: { connectMs: number; statementMs: number };
  /** REQUEST_TIMEOUT_MS: past it a request answers 503 and its transaction rolls back; 0 is none. */
  requestTimeoutMs: number;
  shutdownTimeoutMs: number;
  /** MAX_CONCURRENT_REQUESTS (undefined: the engine's default), MAX_QUEUED_REQUESTS, QUEUE_WAIT_MS. */
  admission: { limit: number | undefined; maxQueued: number; maxWaitMs: number };
  dataDir: string;
  pgBinDir: string | undefined;
  publicOrigin: string | undefined;
  /** TRUSTED_PROXY's entries: IP addresses or CIDR ranges; empty trusts no one. */
  trustedProxies: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The accessibility statement's feedback address; unset, the statement names none. */
  accessibilityFeedbackEmail: string | undefined;
  demoSeed: boolean;
  serveWeb: boolean;
  logLevel: LogLevel;
  env: 'development' | 'production' | 'test';
  /** From AUTH_SECRET; when unset the composition root keeps a generated one in DATA_DIR. */
  authSecret: string | undefined;
  admin: { email: string; password: string } | undefined;
  retentionMonths: number;
  /** Staff sign-in through OpenID Connect; undefined when OIDC_ISSUER is unset. */
  oidc: OidcConfig | undefined;
}

/** One grant a claim value gives: a staff role in the municipality with this slug. */
export interface StaffGrant {
  municipality: string;
  role: 'staff' | 'admin';
}

export interface OidcConfig {
  /** The issuer; discovery is read from `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in button names, e.g. "Borgå stad". */
  name: string;
  scopes: string[];
  /** The claim that holds the groups or roles (a name, or a dotted path such as realm_access.roles). */
  roleClaim: string;
  /** Claim value → the staff roles it gives. */
  staffMap: ReadonlyMap<string, readonly StaffGrant[]>;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment (process.env in production, a literal in tests). */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = issue.path.join('.');
    const shown = env[name] === undefined ? '' : ` (got "${String(env[name])}")`;
    throw new ConfigError(`Invalid setting ${name}: ${issue.message}${shown}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseTimeouts: {
      connectMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    admission: {
      limit: e.MAX_CONCURRENT_REQUESTS,
      maxQueued: e.MAX_QUEUED_REQUESTS,
      maxWaitMs: e.QUEUE_WAIT_MS,
    },
    dataDir: e.DATA_DIR,
    pgBinDir: e.PG_BIN_DIR,
    publicOrigin: e.PUBLIC_ORIGIN?.replace(/\/$/, ''),
    trustedProxies: (e.TRUSTED_PROXY ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM.trim(),
    accessibilityFeedbackEmail: e.ACCESSIBILITY_FEEDBACK_EMAIL,
    demoSeed: e.DEMO_SEED === 'true',
    serveWeb: e.SERVE_WEB === 'true',
    logLevel: e.LOG_LEVEL,
    env: e.NODE_ENV,
    authSecret: e.AUTH_SECRET,
    admin: adminOf(e.ADMIN_EMAIL, e.ADMIN_PASSWORD),
    retentionMonths: e.RETENTION_MONTHS,
    oidc: oidcOf(e),
  };
}

function secureOrLoopback(url: string): boolean {
  if (!URL.canParse(url)) return true; // z.url() has said so already
  const u = new URL(url);
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
}

function oidcOf(e: z.infer<typeof schema>): OidcConfig | undefined {
  const given = {
    OIDC_ISSUER: e.OIDC_ISSUER,
    OIDC_CLIENT_ID: e.OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET: e.OIDC_CLIENT_SECRET,
    OIDC_NAME: e.OIDC_NAME,
  };
  const missing = Object.entries(given).filter(([, v]) => v === undefined);
  if (missing.length === 4) {
    if (e.OIDC_STAFF_MAP !== undefined)
      throw new ConfigError('Invalid setting OIDC_STAFF_MAP: needs OIDC_ISSUER');
    return undefined;
  }
  if (missing.length > 0) {
    throw new ConfigError(
      `Invalid setting ${missing[0]![0]}: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_NAME go together`,
    );
  }
  return {
    issuer: e.OIDC_ISSUER!.replace(/\/$/, ''),
    clientId: e.OIDC_CLIENT_ID!,
    clientSecret: e.OIDC_CLIENT_SECRET!,
    name: e.OIDC_NAME!,
    scopes: e.OIDC_SCOPES.split(' '),
    roleClaim: e.OIDC_ROLE_CLAIM,
    staffMap: parseStaffMap(e.OIDC_STAFF_MAP ?? ''),
  };
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * OIDC_STAFF_MAP: comma-separated `claim-value=municipality:role` entries, role `staff` or
 * `admin`, e.g. `borga-staff=borga:staff,borga-admins=borga:admin`; a value may appear
 * more than once to give several roles (the last `=` of an entry separates). A claim value
 * that holds a comma (an LDAP DN) is written in the JSON form instead:
 * `{"cn=staff,ou=borga": ["borga:staff"]}`.
 */
export function parseStaffMap(text: string): Map<string, StaffGrant[]> {
  const bad = (why: string): never => {
    throw new ConfigError(`Invalid setting OIDC_STAFF_MAP: ${why}`);
  };
  const pairs: [string, string][] = [];
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return bad('is not valid JSON');
    }
    for (const [value, grants] of Object.entries(parsed as Record<string, unknown>)) {
      const list = Array.isArray(grants) ? grants : [grants];
      for (const grant of list) {
        if (typeof grant !== 'string')
          bad(`the grants of "${value}" must be "municipality:role" strings`);
        pairs.push([value, grant as string]);
      }
    }
  } else if (trimmed !== '') {
    for (const entry of trimmed.split(',')) {
      const item = entry.trim();
      const eq = item.lastIndexOf('=');
      if (eq <= 0) bad(`entry "${item}" must be claim-value=municipality:role`);
      pairs.push([item.slice(0, eq).trim(), item.slice(eq + 1).trim()]);
    }
  }
  const map = new Map<string, StaffGrant[]>();
  for (const [value, grant] of pairs) {
    if (value === '') bad('a claim value is empty');
    const [municipality = '', role = '', ...rest] = grant.split(':');
    if (!SLUG.test(municipality) || rest.length > 0)
      bad(
        `"${grant}" for "${value}" must be municipality:role with a municipality slug such as borga`,
      );
    if (role !== 'staff' && role !== 'admin')
      bad(`the role in "${grant}" for "${value}" must be staff or admin`);
    const list = map.get(value) ?? [];
    if (!list.some((g) => g.municipality === municipality && g.role === role))
      list.push({ municipality, role: role as StaffGrant['role'] });
    map.set(value, list);
  }
  return map;
}

function adminOf(email: string | undefined, password: string | undefined) {
  if (!email && !password) return undefined;
  if (!email || !password) {
    const missing = email ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL';
    throw new ConfigError(`Invalid setting ${missing}: ADMIN_EMAIL and ADMIN_PASSWORD go together`);
  }
  return { email, password };
}

/** Settings for tests and embedding: production defaults with overrides. */
export const testConfig = (overrides: Partial<Config> = {}): Config => ({
  ...loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    AUTH_SECRET: 'test-secret-of-the-motesplats-suite-0123456789',
  }),
  ...overrides,
});

/**
 * The origin written into mailed links: PUBLIC_ORIGIN, else this machine. Never the
 * request's Host, which a client chooses (a forged Host must not put its own address into
 * a password-reset mail).
 */
export const linkOrigin = (config: Pick<Config, 'publicOrigin' | 'port'>): string =>
  config.publicOrigin ?? `http://localhost:${config.port}`;
