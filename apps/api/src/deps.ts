import type { Db, Engine, MigrationState } from '@motesplats/db';
import type { Config } from './config';
import type { Auth } from './auth/auth';
import type { PasswordHasher } from './auth/password';
import type { Mailer } from './mail/mailer';
import type { Logger } from './logger';

/** A source of the current instant. Services get `now` from it; nothing else reads the clock. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export const fixedClock = (at: Date | string): Clock => {
  const instant = new Date(at);
  return { now: () => new Date(instant) };
};

export interface Deps {
  db: Db;
  engine: Engine;
  migrationState: () => Promise<MigrationState>;
  clock: Clock;
  mailer: Mailer;
  config: Config;
  /** argon2id by default (auth/password.ts). */
  hasher?: PasswordHasher;
  /** The identity service; built from the others when absent (auth/auth.ts). */
  auth?: Auth;
  /** The structured log; by default one on stdout at config.logLevel (logger.ts). */
  logger?: Logger;
  /** True once the process is shutting down: /api/ready answers 503 so traffic drains. */
  shuttingDown?: () => boolean;
}
