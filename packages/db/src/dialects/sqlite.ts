import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';
import type { Database } from '../schema.ts';

/** Most distinct SQL texts kept prepared; the oldest is dropped beyond that. */
const STATEMENT_CACHE = 500;

/**
 * The connection as Kysely sees it, with each SQL text prepared once. better-sqlite3 runs a statement
 * to completion inside `all`/`run`, so a cached statement is never in use twice at a time; `iterate`
 * (streaming, which may interleave) always gets a statement of its own. `onWrite` is called before
 * every statement that may change the database.
 */
export function cachingConnection(
  native: SqliteDatabase.Database,
  onWrite: () => void = () => undefined,
): KyselySqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      native.close();
    },
    prepare(sql: string): SqliteStatement {
      const hit = statements.get(sql);
      if (hit !== undefined) return hit;
      const stmt = native.prepare(sql);
      const writes = !stmt.readonly;
      const cached: SqliteStatement = {
        reader: stmt.reader,
        all: (parameters) => {
          if (writes) onWrite();
          return stmt.all(parameters);
        },
        run: (parameters) => {
          if (writes) onWrite();
          return stmt.run(parameters);
        },
        iterate: (parameters) => {
          if (writes) onWrite();
          return native.prepare(sql).iterate(parameters);
        },
      };
      if (statements.size >= STATEMENT_CACHE) {
        const oldest = statements.keys().next();
        if (oldest.done !== true) statements.delete(oldest.value);
      }
      statements.set(sql, cached);
      return cached;
    },
  };
}

/**
 * One SQLite file in WAL mode. With WAL, synchronous=NORMAL writes every commit to the WAL before
 * the call returns, so an acknowledged save survives a killed process (tested); only an operating
 * system crash or power cut may lose the last commits, never corrupt the file. FULL would fsync on
 * every commit and halve the save rate. Statements are prepared once per SQL text.
 */
export function openSqlite(file: string): { db: Kysely<Database>; changeStamp: () => string } {
  const native = new SqliteDatabase(file);
  native.pragma('journal_mode = WAL');
  native.pragma('synchronous = NORMAL');
  native.pragma('busy_timeout = 5000');
  native.pragma('foreign_keys = ON');
  // The change stamp: this connection's own writes are counted as they run; PRAGMA data_version
  // changes whenever another connection (another server process) has committed since it was last
  // read on this one. Together they change whenever the data may have changed.
  let writes = 0;
  const dataVersion = native.prepare('PRAGMA data_version').pluck();
  const changeStamp = () => `${writes}:${String(dataVersion.get())}`;
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({
      database: cachingConnection(native, () => {
        writes += 1;
      }),
    }),
  });
  return { db, changeStamp };
}
