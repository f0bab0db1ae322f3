import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { DialectName } from '../migrations.ts';
import { openSqlite } from './sqlite.ts';
import { openPostgres } from './postgres.ts';

/** Where the data lives: a SQLite file or a PostgreSQL URL. */
export type DatabaseTarget = { sqliteFile: string } | { postgresUrl: string };

export interface OpenedDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** See Store.changeStamp. */
  changeStamp: () => string | null;
}

/** Opens the database; the only place that chooses between the two drivers. */
export function openDialect(target: DatabaseTarget): OpenedDatabase {
  if ('postgresUrl' in target) {
    return { db: openPostgres(target.postgresUrl), dialect: 'postgres', changeStamp: () => null };
  }
  return { ...openSqlite(target.sqliteFile), dialect: 'sqlite' };
}
