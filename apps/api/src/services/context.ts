import type { Db } from '@motesplats/db';

/** What every use case receives: the database (or a transaction) and the current instant. */
export interface ServiceCtx {
  db: Db;
  now: Date;
}
