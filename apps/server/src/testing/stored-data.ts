import type { Store } from '@jixiao/db';

/**
 * What the users entered and decided, table by table, in a stable order. Left out: the records of
 * the requests themselves (audit log, sessions, sign-in attempts), which refusals rightly add to.
 */
export const KEPT_TABLES = [
  'regions',
  'departments',
  'users',
  'rounds',
  'evaluations',
  'revisions',
  'review_events',
  'imported_documents',
  'jobs',
  'job_files',
  'rulebooks',
  'finding_decisions',
  'target_forms',
  'target_revisions',
  'target_events',
  'monitoring_rounds',
  'monitoring_reports',
  'monitoring_decisions',
  'notifications',
  'attachments',
] as const;

/** Every row of the kept tables as JSON text (bytes as base64), sorted: equal when nothing changed. */
export async function storedData(store: Store): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of KEPT_TABLES) {
    const rows = await store.db.selectFrom(table).selectAll().execute();
    out[table] = rows
      .map((row) =>
        JSON.stringify(row, (_key, value: unknown) =>
          value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value,
        ),
      )
      .sort();
  }
  return out;
}
