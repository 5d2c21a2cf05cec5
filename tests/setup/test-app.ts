import { createApp, fixedClock, testConfig, type Config } from '@motesplats/api';
import type { DbHandle } from '@motesplats/db';
import { outboxMailer } from '../../apps/api/src/mail/outbox-mailer';
import type { Logger } from '../../apps/api/src/logger';
import { TEST_NOW } from './env';

/** The real application over a test database, at a fixed instant. */
export function createTestApp(
  handle: DbHandle,
  options: {
    now?: Date;
    config?: Partial<Config>;
    logger?: Logger;
    shuttingDown?: () => boolean;
  } = {},
) {
  return createApp({
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.shuttingDown ? { shuttingDown: options.shuttingDown } : {}),
    db: handle.db,
    engine: handle.engine,
    migrationState: handle.migrationState,
    clock: fixedClock(options.now ?? TEST_NOW),
    mailer: outboxMailer,
    config: testConfig(options.config),
  });
}
