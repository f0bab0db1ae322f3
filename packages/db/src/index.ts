import type { Kysely } from 'kysely';
import { openDialect } from './dialects/index.ts';
import type { DatabaseTarget } from './dialects/index.ts';
import { migrateToLatest } from './migrations.ts';
import type { DialectName } from './migrations.ts';
import type { Database } from './schema.ts';

export type * from './schema.ts';
export type { DialectName } from './migrations.ts';
export type { DatabaseTarget } from './dialects/index.ts';
export { migrateToLatest } from './migrations.ts';
export { isUniqueViolation } from './dialects/index.ts';
export { reusableQuery } from './reusable-query.ts';
export type { ReusableQuery } from './reusable-query.ts';
export { sql } from 'kysely';
export type { CompiledQuery, Kysely, Transaction, Selectable, Insertable } from 'kysely';

/** An open, migrated database. */
export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /**
   * A value that differs whenever the data may have changed since it was last taken: after any
   * write through this store and after a commit by any other connection to the same database.
   * A read cache keyed by it never serves stale data. Null when the dialect cannot tell cheaply
   * (PostgreSQL), in which case nothing may be cached across requests.
   */
  changeStamp(): string | null;
  close(): Promise<void>;
}

/** Opens the database and runs the migrations. */
export async function openStore(target: DatabaseTarget): Promise<Store> {
  const { db, dialect, changeStamp } = openDialect(target);
  try {
    await migrateToLatest(db, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, dialect, changeStamp, close: () => db.destroy() };
}

/** The target from the environment: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export function targetFromEnv(sqliteFile: string, env: NodeJS.ProcessEnv): DatabaseTarget {
  const url = env['DATABASE_URL'];
  return url !== undefined && url !== '' ? { postgresUrl: url } : { sqliteFile };
}
