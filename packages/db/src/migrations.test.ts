import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDialect } from './dialects/index.ts';
import { migrateToLatest } from './migrations.ts';
import { TEST_DIALECTS, createTestDatabase } from './testing/dialects.ts';

describe.each(TEST_DIALECTS)('migrations on %s', (dialect) => {
  it('keep every body and give existing finding counts their year, kind and department', async () => {
    const testDb = await createTestDatabase(dialect);
    const { db } = openDialect(testDb.target);
    try {
      // The schema as the first release left it, with data written then.
      await migrateToLatest(db, dialect, '0002_dashboard_index');
      const now = '2025-01-01T00:00:00.000Z';
      await db
        .insertInto('regions')
        .values({ id: 'r', name: '示范市', finance_bureau: '示范市财政局', created_at: now })
        .execute();
      await db
        .insertInto('departments')
        .values({
          id: 'd',
          code: '1',
          name: '甲单位',
          region_id: 'r',
          parent_id: null,
          created_at: now,
        })
        .execute();
      const body = (n: number) => JSON.stringify({ version: n, note: '正文'.repeat(20_000) });
      // e1 is at version 2 with both revisions; e2 at version 1 lacks its revision (rows written by
      // hand): the migration must not lose its body.
      for (const [id, year, kind, version] of [
        ['e1', 2023, 'department', 2],
        ['e2', 2024, 'project', 1],
      ] as const) {
        await sql`INSERT INTO evaluations (id, department_id, year, kind, rulebook_id, status,
            version, title, body, created_at, updated_at, updated_by)
          VALUES (${id}, 'd', ${year}, ${kind}, 'hunan-department', 'draft', ${version},
            ${String(year)}, ${body(version)}, ${now}, ${now}, 'a')`.execute(db);
        await sql`INSERT INTO evaluation_findings (evaluation_id, category, count)
          VALUES (${id}, 'sum', 2)`.execute(db);
      }
      for (const version of [1, 2]) {
        await sql`INSERT INTO revisions (evaluation_id, version, body, saved_by, saved_at)
          VALUES ('e1', ${version}, ${body(version)}, 'a', ${now})`.execute(db);
      }
      await migrateToLatest(db, dialect);
      const revisions = await db
        .selectFrom('revisions')
        .select(['evaluation_id', 'version', 'body', 'saved_by', 'saved_at'])
        .orderBy('evaluation_id')
        .orderBy('version')
        .execute();
      expect(revisions).toEqual([
        { evaluation_id: 'e1', version: 1, body: body(1), saved_by: 'a', saved_at: now },
        { evaluation_id: 'e1', version: 2, body: body(2), saved_by: 'a', saved_at: now },
        { evaluation_id: 'e2', version: 1, body: body(1), saved_by: 'a', saved_at: now },
      ]);
      const evaluations = await db
        .selectFrom('evaluations')
        .select(['id', 'version', 'title'])
        .orderBy('id')
        .execute();
      expect(evaluations).toEqual([
        { id: 'e1', version: 2, title: '2023' },
        { id: 'e2', version: 1, title: '2024' },
      ]);
      const counts = await db
        .selectFrom('evaluation_findings')
        .select(['evaluation_id', 'category', 'count', 'year', 'kind', 'department_id'])
        .orderBy('evaluation_id')
        .execute();
      expect(counts).toEqual([
        {
          evaluation_id: 'e1',
          category: 'sum',
          count: 2,
          year: 2023,
          kind: 'department',
          department_id: 'd',
        },
        {
          evaluation_id: 'e2',
          category: 'sum',
          count: 2,
          year: 2024,
          kind: 'project',
          department_id: 'd',
        },
      ]);
    } finally {
      await db.destroy();
      testDb.dispose();
    }
  });

  it('runs a migration released after a later one (0007 after 0008) instead of refusing to start', async () => {
    const testDb = await createTestDatabase(dialect);
    const { db } = openDialect(testDb.target);
    try {
      await migrateToLatest(db, dialect);
      // A database that ran 0008 before 0007 existed: 0007's table, column and record gone.
      await sql`DROP TABLE finding_decisions`.execute(db);
      await sql`ALTER TABLE evaluations DROP COLUMN finding_codes`.execute(db);
      await sql`DELETE FROM kysely_migration WHERE name = '0007_finding_decisions'`.execute(db);
      await migrateToLatest(db, dialect);
      const decisions = await db.selectFrom('finding_decisions').select('id').execute();
      expect(decisions).toEqual([]);
      const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
      expect(applied.rows.map((r) => r.name)).toContain('0007_finding_decisions');
    } finally {
      await db.destroy();
      testDb.dispose();
    }
  });
});

describe('migrations on a SQLite file another process is writing', () => {
  it('wait past the busy timeout for the write lock instead of failing with "database is locked"', async () => {
    const testDb = await createTestDatabase('sqlite');
    const target = testDb.target;
    if (!('sqliteFile' in target) || target.sqliteFile === undefined) throw new Error('no file');
    const other = new SqliteDatabase(target.sqliteFile);
    other.pragma('journal_mode = WAL');
    // Another process holds the write lock for longer than the connection's 5 s busy timeout.
    other.exec('begin immediate');
    const { db } = openDialect(target);
    let done = false;
    const migrating = migrateToLatest(db, 'sqlite').then(() => {
      done = true;
    });
    try {
      await new Promise((r) => setTimeout(r, 6_000));
      expect(done).toBe(false);
      other.exec('commit');
      await migrating;
      expect(done).toBe(true);
      const tables = await sql<{ name: string }>`
        select name from sqlite_master where type = 'table' and name = 'evaluations'`.execute(db);
      expect(tables.rows).toHaveLength(1);
    } finally {
      if (other.inTransaction) other.exec('rollback');
      other.close();
      await db.destroy();
    }
  }, 60_000);
});
