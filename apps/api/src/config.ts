import { z } from 'zod';
import { parseProxyEntry } from './http/forwarded';

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
  DATA_DIR: z.string().min(1).default('./data'),
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
  SMTP_URL: z
    .string()
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
  /** 'false' leaves an empty database empty instead of loading the demo data. */
  DEMO_SEED: z.enum(['true', 'false']).default('true'),
  /** 'false' serves the API and feeds only (`npm run dev`, where Vite serves the pages). */
  SERVE_WEB: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  /** Signs session cookies; every process of an installation needs the same one. */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Personal data older than this many months is anonymised by the daily retention job. */
  RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  /** The first administrator, created (or made administrator) at start. */
  ADMIN_EMAIL: z.email('must be an e-mail address').optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicOrigin: string | undefined;
  /** TRUSTED_PROXY's entries: IP addresses or CIDR ranges; empty trusts no one. */
  trustedProxies: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  demoSeed: boolean;
  serveWeb: boolean;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  env: 'development' | 'production' | 'test';
  /** From AUTH_SECRET; when unset the composition root keeps a generated one in DATA_DIR. */
  authSecret: string | undefined;
  admin: { email: string; password: string } | undefined;
  retentionMonths: number;
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
    dataDir: e.DATA_DIR,
    publicOrigin: e.PUBLIC_ORIGIN?.replace(/\/$/, ''),
    trustedProxies: (e.TRUSTED_PROXY ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM.trim(),
    demoSeed: e.DEMO_SEED === 'true',
    serveWeb: e.SERVE_WEB === 'true',
    logLevel: e.LOG_LEVEL,
    env: e.NODE_ENV,
    authSecret: e.AUTH_SECRET,
    admin: adminOf(e.ADMIN_EMAIL, e.ADMIN_PASSWORD),
    retentionMonths: e.RETENTION_MONTHS,
  };
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
