import type { TargetForm } from '@jixiao/domain';
import { sql } from '@jixiao/db';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { parseStoredTargets, targetQuery, toTargetRecord } from './target-record.ts';
import type { TargetFormRecord } from './target-record.ts';

/** A form with the body of its approved version (the targets in force). */
export interface ApprovedTargets {
  record: TargetFormRecord;
  approvedVersion: number;
  body: TargetForm;
  /** The newest monitoring report of the form ("id@version"), read with it; null when none. */
  lastReport?: string | null;
}

/** The newest monitoring report of the form aliased `t`, by its round's date, as "id@version". */
const lastReportKey = sql<string | null>`(SELECT m.id || '@' || CAST(m.version AS TEXT)
  FROM monitoring_reports m JOIN monitoring_rounds r ON r.id = m.round_id
  WHERE m.form_id = t.id ORDER BY r.as_of DESC LIMIT 1)`.as('last_report');

// Approved bodies by form id and version: a stored revision never changes.
const bodies = new Map<string, TargetForm>();

async function approvedBody(
  ctx: ServiceContext,
  formId: string,
  version: number,
): Promise<TargetForm> {
  const key = `${formId}@${version}`;
  const hit = bodies.get(key);
  if (hit !== undefined) return hit;
  const row = await ctx.db
    .selectFrom('target_revisions')
    .select('body')
    .where('form_id', '=', formId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (row === undefined) throw notFound('绩效目标版本');
  const body = parseStoredTargets(row.body);
  if (bodies.size >= 500) bodies.clear();
  bodies.set(key, body);
  return body;
}

/** The approved targets of a form, or undefined when it was never approved. */
export async function approvedTargetsOf(
  ctx: ServiceContext,
  formId: string,
): Promise<ApprovedTargets | undefined> {
  const row = await targetQuery(ctx.db).where('t.id', '=', formId).executeTakeFirst();
  if (row === undefined) throw notFound('绩效目标');
  const record = toTargetRecord(row);
  if (record.approvedVersion === null) return undefined;
  return {
    record,
    approvedVersion: record.approvedVersion,
    body: await approvedBody(ctx, formId, record.approvedVersion),
  };
}

/** The approved targets of a unit's year: its 部门整体 form, or the named project's. */
export async function approvedTargetsFor(
  ctx: ServiceContext,
  scope: {
    departmentId: string;
    year: number;
    kind: 'department' | 'project';
    projectName?: string;
  },
): Promise<ApprovedTargets | undefined> {
  const row = await targetQuery(ctx.db)
    .select(lastReportKey)
    .where('t.department_id', '=', scope.departmentId)
    .where('t.year', '=', scope.year)
    .where('t.kind', '=', scope.kind)
    .where('t.project_name', '=', scope.kind === 'project' ? (scope.projectName ?? '').trim() : '')
    .where('t.approved_version', 'is not', null)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const record = toTargetRecord(row);
  if (record.approvedVersion === null) return undefined;
  return {
    record,
    approvedVersion: record.approvedVersion,
    body: await approvedBody(ctx, record.id, record.approvedVersion),
    lastReport: row.last_report,
  };
}
