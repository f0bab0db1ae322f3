import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './index.ts';
import type { Store } from './index.ts';
import { createTestDatabase } from './testing/dialects.ts';
import type { TestDatabase } from './testing/dialects.ts';

const region = (id: string) => ({
  id,
  name: `${id}市`,
  finance_bureau: `${id}市财政局`,
  created_at: '2025-01-01T00:00:00.000Z',
});

describe('the change stamp on SQLite', () => {
  let testDb: TestDatabase;
  let a: Store;
  let b: Store;
  beforeAll(async () => {
    testDb = await createTestDatabase('sqlite');
    a = await openStore(testDb.target);
    // A second connection to the same file: another server process.
    b = await openStore(testDb.target);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    testDb.dispose();
  });

  it('stays put while only reads happen', async () => {
    const before = a.changeStamp();
    await a.db.selectFrom('regions').selectAll().execute();
    await b.db.selectFrom('regions').selectAll().execute();
    expect(a.changeStamp()).toBe(before);
  });

  it('moves on a write through the same store, committed or not', async () => {
    const before = a.changeStamp();
    await a.db.insertInto('regions').values(region('甲')).execute();
    const afterInsert = a.changeStamp();
    expect(afterInsert).not.toBe(before);
    await expect(
      a.db.transaction().execute(async (trx) => {
        await trx.updateTable('regions').set({ name: '改名' }).where('id', '=', '甲').execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(a.changeStamp()).not.toBe(afterInsert);
  });

  it("moves when another connection commits, and not on that connection's reads", async () => {
    const before = a.changeStamp();
    await b.db.insertInto('regions').values(region('乙')).execute();
    const seen = a.changeStamp();
    expect(seen).not.toBe(before);
    expect(a.changeStamp()).toBe(seen);
    await b.db.selectFrom('regions').selectAll().execute();
    expect(a.changeStamp()).toBe(seen);
  });
});

describe('the change stamp on PostgreSQL', () => {
  it('is null: nothing may be cached across requests', async () => {
    const testDb = await createTestDatabase('postgres');
    const store = await openStore(testDb.target);
    try {
      expect(store.changeStamp()).toBeNull();
    } finally {
      await store.close();
      testDb.dispose();
    }
  });
});
