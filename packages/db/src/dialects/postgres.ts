import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../schema.ts';

// BIGINT and COUNT(*) come back as strings by default; our values fit a double exactly (< 2^53 分).
pg.types.setTypeParser(pg.types.builtins.INT8, (text: string) => Number(text));

/** A pool on a PostgreSQL URL (postgres://user:pass@host:port/db). */
export function openPostgres(url: string, maxConnections = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
