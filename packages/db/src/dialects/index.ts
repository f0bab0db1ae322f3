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

/**
 * Whether a write failed on a unique or primary key (SQLite's SQLITE_CONSTRAINT_UNIQUE or
 * _PRIMARYKEY, PostgreSQL's 23505): another request stored the same key first.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error === null || typeof error !== 'object' || !('code' in error)) return false;
  return (
    error.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    error.code === '23505'
  );
}
