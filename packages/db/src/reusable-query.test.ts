import { beforeAll, describe, expect, it } from 'vitest';
import { reusableQuery, sql } from './index.ts';
import type { Store } from './index.ts';
import { TEST_DIALECTS } from './testing/dialects.ts';
import { useTestStore } from './testing/store-fixture.ts';

const insertRegion = reusableQuery<{ id: string; name: string }>(['id', 'name'], (db, p) =>
  db.insertInto('regions').values({
    id: p('id'),
    name: p('name'),
    finance_bureau: '示范市财政局',
    created_at: '2025-01-01T00:00:00.000Z',
  }),
);

const renameRegion = reusableQuery<{ id: string; name: string; old: string }>(
  ['id', 'name', 'old'],
  (db, p) =>
    db
      .updateTable('regions')
      .set({ name: p('name') })
      .where('id', '=', p('id'))
      .where('name', '=', p('old')),
);

const regionsNamed = reusableQuery<{ a: string; b: string }, { id: string }>(['a', 'b'], (db, p) =>
  db
    .selectFrom('regions')
    .select('id')
    .where((eb) => eb.or([eb('name', '=', p('a')), eb('name', '=', p('b'))]))
    .orderBy('id'),
);

describe.each(TEST_DIALECTS)('reusable queries on %s', (dialect) => {
  const fixture = useTestStore(dialect);
  let store: Store;
  beforeAll(() => {
    store = fixture.store();
  });

  it('binds new values on every run, constants staying as compiled', async () => {
    await store.db.executeQuery(insertRegion.bind(store.db, { id: 'r1', name: '甲市' }));
    await store.db.executeQuery(insertRegion.bind(store.db, { id: 'r2', name: '乙市' }));
    const rows = await store.db
      .selectFrom('regions')
      .select(['id', 'name', 'finance_bureau'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'r1', name: '甲市', finance_bureau: '示范市财政局' },
      { id: 'r2', name: '乙市', finance_bureau: '示范市财政局' },
    ]);
    const found = await store.db.executeQuery(
      regionsNamed.bind(store.db, { a: '乙市', b: '甲市' }),
    );
    expect(found.rows).toEqual([{ id: 'r1' }, { id: 'r2' }]);
  });

  it('runs inside a transaction and reports the rows it changed', async () => {
    const changed = await store.db.transaction().execute(async (trx) => {
      const hit = await trx.executeQuery(
        renameRegion.bind(store.db, { id: 'r1', name: '丙市', old: '甲市' }),
      );
      const miss = await trx.executeQuery(
        renameRegion.bind(store.db, { id: 'r2', name: '丁市', old: '甲市' }),
      );
      return [hit.numAffectedRows, miss.numAffectedRows];
    });
    expect(changed).toEqual([1n, 0n]);
    const names = await sql<{ name: string }>`select name from regions order by id`.execute(
      store.db,
    );
    expect(names.rows.map((r) => r.name)).toEqual(['丙市', '乙市']);
  });

  it('refuses a placeholder left unused or glued into a larger value', () => {
    const unused = reusableQuery<{ id: string; name: string }>(['id', 'name'], (db, p) =>
      db.selectFrom('regions').select('id').where('id', '=', p('id')),
    );
    expect(() => unused.bind(store.db, { id: 'x', name: 'y' })).toThrow(/unused parameters name/);
    const glued = reusableQuery<{ name: string }>(['name'], (db, p) =>
      db
        .selectFrom('regions')
        .select('id')
        .where('name', 'like', `%${p('name')}%`),
    );
    expect(() => glued.bind(store.db, { name: 'x' })).toThrow(/inside a larger value/);
  });
});
