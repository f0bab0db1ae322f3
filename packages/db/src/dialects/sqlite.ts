import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * One SQLite file in WAL mode. With WAL, synchronous=NORMAL writes every commit to the WAL before
 * the call returns, so an acknowledged save survives a killed process (tested); only an operating
 * system crash or power cut may lose the last commits, never corrupt the file. FULL would fsync on
 * every commit and halve the save rate.
 */
export function openSqlite(file: string): Kysely<Database> {
  const native = new SqliteDatabase(file);
  native.pragma('journal_mode = WAL');
  native.pragma('synchronous = NORMAL');
  native.pragma('busy_timeout = 5000');
  native.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: native }) });
}
