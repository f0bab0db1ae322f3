import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * One SQLite file in WAL mode. synchronous=FULL makes every committed transaction durable before
 * the call returns, so an acknowledged save survives a killed process or a power cut.
 */
export function openSqlite(file: string): Kysely<Database> {
  const native = new SqliteDatabase(file);
  native.pragma('journal_mode = WAL');
  native.pragma('synchronous = FULL');
  native.pragma('busy_timeout = 5000');
  native.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: native }) });
}
