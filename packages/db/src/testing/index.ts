export { TEST_DIALECTS, createTestDatabase } from './dialects.ts';
export type { TestDatabase } from './dialects.ts';
export { startPostgresCluster } from './postgres-cluster.ts';
export type { PostgresCluster } from './postgres-cluster.ts';
