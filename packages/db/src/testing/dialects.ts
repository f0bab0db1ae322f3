import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseTarget } from '../dialects/index.ts';
import type { DialectName } from '../migrations.ts';
import { startPostgresCluster } from './postgres-cluster.ts';
import type { PostgresCluster } from './postgres-cluster.ts';

/** A database a test suite owns: created fresh, removed by `dispose`. */
export interface TestDatabase {
  dialect: DialectName;
  target: DatabaseTarget;
  dispose(): void;
}

/** THE list of dialects every database test runs on. */
export const TEST_DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

let cluster: PostgresCluster | undefined;
let clusterUsers = 0;
let counter = 0;

/** A fresh database of the dialect: a temp SQLite file, or a new database on a throw-away cluster. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-sqlite-'));
    return {
      dialect,
      target: { sqliteFile: join(dir, 'test.db') },
      dispose: () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  cluster ??= await startPostgresCluster();
  const owned = cluster;
  clusterUsers += 1;
  counter += 1;
  const url = owned.createDatabase(`t${process.pid}_${counter}`);
  return {
    dialect,
    target: { postgresUrl: url },
    dispose: () => {
      clusterUsers -= 1;
      if (clusterUsers === 0) {
        owned.stop();
        cluster = undefined;
      }
    },
  };
}
