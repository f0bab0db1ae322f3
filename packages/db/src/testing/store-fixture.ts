import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../index.ts';
import type { Store } from '../index.ts';
import type { DialectName } from '../migrations.ts';
import type { DatabaseTarget } from '../dialects/index.ts';
import { createTestDatabase } from './dialects.ts';
import type { TestDatabase } from './dialects.ts';

/**
 * A fresh, migrated store of the dialect for the enclosing suite (opened before its tests, closed
 * and removed after them). Call inside `describe`; the returned functions give the store and the
 * database it is open on.
 */
export function useTestStore(dialect: DialectName): {
  store: () => Store;
  target: () => DatabaseTarget;
} {
  let testDb: TestDatabase | undefined;
  let store: Store | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    store = await openStore(testDb.target);
  });
  afterAll(async () => {
    await store?.close();
    testDb?.dispose();
  });
  return {
    store() {
      if (store === undefined) throw new Error('the test store is opened in beforeAll');
      return store;
    },
    target() {
      if (testDb === undefined) throw new Error('the test database is created in beforeAll');
      return testDb.target;
    },
  };
}
