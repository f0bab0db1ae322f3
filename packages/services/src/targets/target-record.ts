import type { Finding, TargetForm } from '@jixiao/domain';
import { TargetForm as TargetFormSchema, zodErrorMapZh } from '@jixiao/domain';
import { sql } from '@jixiao/db';
import type { Database, Kysely, TargetStatus } from '@jixiao/db';
import { ServiceError } from '../errors.ts';

/** A 绩效目标表 as lists show it. */
export interface TargetFormRecord {
  id: string;
  departmentId: string;
  departmentName: string;
  regionId: string;
  year: number;
  kind: 'department' | 'project';
  projectName: string;
  rulebookId: string;
  status: TargetStatus;
  version: number;
  /** The version last approved; null before the first approval. */
  approvedVersion: number | null;
  title: string;
  budgetFen: number | null;
  findingCounts: { error: number; warning: number; info: number };
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export interface TargetFormWithBody extends TargetFormRecord {
  body: TargetForm;
}

/** The body of the form aliased `t`: the revision of its current version. */
export const currentTargetBody = sql<string>`(SELECT r.body FROM target_revisions r
  WHERE r.form_id = t.id AND r.version = t.version)`.as('body');

export function targetQuery(db: Kysely<Database>) {
  return db
    .selectFrom('target_forms as t')
    .innerJoin('departments as d', 'd.id', 't.department_id')
    .select([
      't.id',
      't.department_id',
      'd.name as department_name',
      'd.region_id',
      't.year',
      't.kind',
      't.project_name',
      't.rulebook_id',
      't.status',
      't.version',
      't.approved_version',
      't.title',
      't.budget_fen',
      't.error_count',
      't.warning_count',
      't.info_count',
      't.created_at',
      't.updated_at',
      't.updated_by',
    ]);
}

export type TargetRow = Awaited<
  ReturnType<ReturnType<typeof targetQuery>['executeTakeFirstOrThrow']>
>;

export function toTargetRecord(row: TargetRow): TargetFormRecord {
  return {
    id: row.id,
    departmentId: row.department_id,
    departmentName: row.department_name,
    regionId: row.region_id,
    year: row.year,
    kind: row.kind === 'project' ? 'project' : 'department',
    projectName: row.project_name,
    rulebookId: row.rulebook_id,
    status: row.status,
    version: row.version,
    approvedVersion: row.approved_version,
    title: row.title,
    budgetFen: row.budget_fen === null ? null : Number(row.budget_fen),
    findingCounts: { error: row.error_count, warning: row.warning_count, info: row.info_count },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** Parses a form read from the database (a failure is a broken store). */
export function parseStoredTargets(text: string): TargetForm {
  return TargetFormSchema.parse(JSON.parse(text));
}

/** Parses a form from a client; a failure is a 400 with the schema's issues in Chinese. */
export function parseClientTargets(json: unknown): TargetForm {
  const parsed = TargetFormSchema.safeParse(json, { error: zodErrorMapZh });
  if (!parsed.success)
    throw new ServiceError('EVALUATION_INVALID', '绩效目标内容不符合数据格式', {
      issues: parsed.error.issues
        .slice(0, 50)
        .map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  return parsed.data;
}

export function findingCounts(findings: readonly Finding[]) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
