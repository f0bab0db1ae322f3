import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './index.ts';
import type { Store } from './index.ts';
import { TEST_DIALECTS } from './testing/dialects.ts';
import { useTestStore } from './testing/store-fixture.ts';

describe.each(TEST_DIALECTS)('the store on %s', (dialect) => {
  const fixture = useTestStore(dialect);
  let store: Store;
  beforeAll(() => {
    store = fixture.store();
  });

  it('runs the migrations and reports its dialect', () => {
    expect(store.dialect).toBe(dialect);
  });

  it('migrating twice is harmless', async () => {
    const again = await openStore(fixture.target());
    await again.close();
  });

  it('keeps money columns exact beyond 32 bits', async () => {
    const now = new Date().toISOString();
    await store.db
      .insertInto('regions')
      .values({ id: 'r1', name: '示范市', finance_bureau: '示范市财政局', created_at: now })
      .execute();
    await store.db
      .insertInto('departments')
      .values({
        id: 'd1',
        code: '001',
        name: '示范单位',
        region_id: 'r1',
        parent_id: null,
        created_at: now,
      })
      .execute();
    const big = 9_007_199_254_740_000;
    await store.db
      .insertInto('evaluations')
      .values({
        id: 'e1',
        department_id: 'd1',
        year: 2024,
        kind: 'department',
        rulebook_id: 'x',
        round_id: null,
        status: 'draft',
        version: 1,
        title: 't',
        stated_total: 95.5,
        computed_total: 94.25,
        score_bucket: 9,
        execution_rate: 0.97,
        budget_fen: big,
        executed_fen: 338_552_000,
        error_count: 0,
        warning_count: 0,
        info_count: 0,
        created_at: now,
        updated_at: now,
        updated_by: 'u',
        published_at: null,
      })
      .execute();
    const row = await store.db
      .selectFrom('evaluations')
      .select(['budget_fen', 'executed_fen', 'computed_total'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ budget_fen: big, executed_fen: 338_552_000, computed_total: 94.25 });
  });

  it('refuses to change or delete the audit log', async () => {
    await store.db
      .insertInto('audit_log')
      .values({
        id: 'a1',
        at: 'now',
        actor: null,
        action: 'login',
        target: null,
        ip: null,
        details: '{}',
      })
      .execute();
    await expect(store.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(store.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('stores bytes as they were', async () => {
    const bytes = new Uint8Array([0, 1, 2, 255, 254]);
    await store.db
      .insertInto('imported_documents')
      .values({
        id: 'i1',
        file_name: 'a.docx',
        sha256: 'x',
        size: 5,
        bytes,
        extracted: null,
        findings: '[]',
        problems: '[]',
        evaluation_id: null,
        uploaded_by: 'u',
        uploaded_at: 'now',
      })
      .execute();
    const row = await store.db
      .selectFrom('imported_documents')
      .select('bytes')
      .executeTakeFirstOrThrow();
    expect([...row.bytes]).toEqual([...bytes]);
  });
});
