import type { Evaluation, Finding, ScoreSheet } from '@jixiao/domain';
import { Evaluation as EvaluationSchema, zodErrorMapZh } from '@jixiao/domain';
import { sql } from '@jixiao/db';
import type { EvaluationStatus, Kysely, Database } from '@jixiao/db';
import { ServiceError } from './errors.ts';
import { assertFiguresAgree } from './entered-figures.ts';

/** An evaluation as lists show it. */
export interface EvaluationRecord {
  id: string;
  departmentId: string;
  departmentName: string;
  regionId: string;
  year: number;
  kind: 'department' | 'project';
  status: EvaluationStatus;
  version: number;
  rulebookId: string;
  title: string;
  statedTotal: number | null;
  computedTotal: number | null;
  executionRate: number | null;
  findingCounts: { error: number; warning: number; info: number };
  roundId: string | null;
  deadline: string | null;
  updatedAt: string;
  updatedBy: string;
  publishedAt: string | null;
}

export interface EvaluationWithBody extends EvaluationRecord {
  body: Evaluation;
}

/** The record columns joined with the department and the round. */
/**
 * The body of the evaluation aliased `e`, as a selection named `body`: the revision of its current
 * version (bodies are stored once, as revisions).
 */
export const currentBody = sql<string>`(SELECT rv.body FROM revisions rv
  WHERE rv.evaluation_id = e.id AND rv.version = e.version)`.as('body');

export function recordQuery(db: Kysely<Database>) {
  return db
    .selectFrom('evaluations as e')
    .innerJoin('departments as d', 'd.id', 'e.department_id')
    .leftJoin('rounds as rd', 'rd.id', 'e.round_id')
    .select([
      'e.id',
      'e.department_id',
      'd.name as department_name',
      'd.region_id',
      'e.year',
      'e.kind',
      'e.status',
      'e.version',
      'e.rulebook_id',
      'e.title',
      'e.stated_total',
      'e.computed_total',
      'e.execution_rate',
      'e.error_count',
      'e.warning_count',
      'e.info_count',
      'e.round_id',
      'rd.deadline',
      'e.updated_at',
      'e.updated_by',
      'e.published_at',
    ]);
}

export type RecordRow = Awaited<
  ReturnType<ReturnType<typeof recordQuery>['executeTakeFirstOrThrow']>
>;

export function toRecord(row: RecordRow): EvaluationRecord {
  return {
    id: row.id,
    departmentId: row.department_id,
    departmentName: row.department_name,
    regionId: row.region_id,
    year: row.year,
    kind: row.kind === 'project' ? 'project' : 'department',
    status: row.status,
    version: row.version,
    rulebookId: row.rulebook_id,
    title: row.title,
    statedTotal: row.stated_total,
    computedTotal: row.computed_total,
    executionRate: row.execution_rate,
    findingCounts: { error: row.error_count, warning: row.warning_count, info: row.info_count },
    roundId: row.round_id,
    deadline: row.deadline,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    publishedAt: row.published_at,
  };
}

// Parsed bodies by evaluation id and version: a stored version never changes, so each is parsed
// with the domain schema once per process rather than on every read.
const PARSED_LIMIT = 1000;
const parsed = new Map<string, Evaluation>();

/** Parses a body read from the database with the domain schema (a failure is a broken store). */
export function parseStoredBody(text: string, key?: { id: string; version: number }): Evaluation {
  if (key === undefined) return EvaluationSchema.parse(JSON.parse(text));
  const cacheKey = `${key.id}@${key.version}`;
  const hit = parsed.get(cacheKey);
  if (hit !== undefined) return hit;
  const body = EvaluationSchema.parse(JSON.parse(text));
  if (parsed.size >= PARSED_LIMIT) {
    const oldest = parsed.keys().next();
    if (oldest.done !== true) parsed.delete(oldest.value);
  }
  parsed.set(cacheKey, body);
  return body;
}

/** Parses a body from a client; a failure is a 400 with the schema's issues. */
export function parseClientBody(json: unknown): Evaluation {
  const parsed = EvaluationSchema.safeParse(json, { error: zodErrorMapZh });
  if (!parsed.success) {
    throw new ServiceError('EVALUATION_INVALID', '自评内容不符合数据格式', {
      issues: parsed.error.issues
        .slice(0, 50)
        .map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  assertFiguresAgree(parsed.data);
  return parsed.data;
}

/** The columns derived from a body on every save, so lists and dashboards never parse bodies. */
export function derivedColumns(body: Evaluation, sheet: ScoreSheet, findings: readonly Finding[]) {
  const total = body.funds.total;
  const budget = total?.budget?.fen ?? null;
  const executed = total?.executed?.fen ?? null;
  const rate = budget !== null && executed !== null && budget > 0 ? executed / budget : null;
  const computed = Number.isFinite(sheet.total) ? sheet.total : null;
  const counts = { error: 0, warning: 0, info: 0 };
  const categories = new Map<string, number>();
  for (const f of findings) {
    counts[f.severity] += 1;
    categories.set(f.category, (categories.get(f.category) ?? 0) + 1);
  }
  return {
    columns: {
      stated_total: body.stated.total ?? null,
      computed_total: computed,
      score_bucket: computed === null ? null : Math.max(0, Math.min(9, Math.floor(computed / 10))),
      execution_rate: rate,
      budget_fen: budget,
      executed_fen: executed,
      error_count: counts.error,
      warning_count: counts.warning,
      info_count: counts.info,
    },
    categories,
  };
}
