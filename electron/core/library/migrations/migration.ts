import type { Database } from 'better-sqlite3';

/** One step of the schema. `up` runs inside the transaction that also bumps `user_version`. */
export interface Migration {
  version: number;
  up(db: Database): void;
}
