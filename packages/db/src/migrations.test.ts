import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDialect } from './dialects/index.ts';
import { migrateToLatest } from './migrations.ts';
import { TEST_DIALECTS, createTestDatabase } from './testing/dialects.ts';

describe.each(TEST_DIALECTS)('migrations on %s', (dialect) => {
  it('0003 keeps every body; 0004 gives the existing finding counts their year, kind and department', async () => {
    const testDb = await createTestDatabase(dialect);
    const { db } = openDialect(testDb.target);
    try {
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
      const body = JSON.stringify({ note: '正文'.repeat(20_000) });
      for (const [id, year, kind] of [
        ['e1', 2023, 'department'],
        ['e2', 2024, 'project'],
      ] as const) {
        await db
          .insertInto('evaluations')
          .values({
            id,
            department_id: 'd',
            year,
            kind,
            rulebook_id: 'hunan-department',
            round_id: null,
            status: 'draft',
            version: 1,
            title: `${year}`,
            body,
            created_at: now,
            updated_at: now,
            updated_by: 'a',
            published_at: null,
            error_count: 0,
            warning_count: 0,
            info_count: 0,
          })
          .execute();
        await db
          .insertInto('revisions')
          .values({ evaluation_id: id, version: 1, body, saved_by: 'a', saved_at: now })
          .execute();
        await sql`INSERT INTO evaluation_findings (evaluation_id, category, count)
          VALUES (${id}, 'sum', 2)`.execute(db);
      }
      await migrateToLatest(db, dialect);
      const evaluations = await db
        .selectFrom('evaluations')
        .select(['id', 'body', 'title'])
        .orderBy('id')
        .execute();
      expect(evaluations).toEqual([
        { id: 'e1', body, title: '2023' },
        { id: 'e2', body, title: '2024' },
      ]);
      const revisions = await db.selectFrom('revisions').select(['body', 'saved_by']).execute();
      expect(revisions).toEqual([
        { body, saved_by: 'a' },
        { body, saved_by: 'a' },
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
});
