import { displayNames } from './directory.ts';
import { checkEvaluation, scoreEvaluation } from '@jixiao/domain';
import { gzipSync } from 'node:zlib';
import type { Evaluation, EvaluationKind, Finding, ScoreSheet } from '@jixiao/domain';
import { reusableQuery } from '@jixiao/db';
import type { EvaluationStatus, Kysely, Database, Transaction } from '@jixiao/db';
import type { ServiceContext } from './context.ts';
import { nowIso } from './context.ts';
import type { Actor } from './actor.ts';
import { ServiceError, notFound } from './errors.ts';
import { assertEdit, assertSee } from './access.ts';
import { getRulebook } from './rulebook-catalog.ts';
import type { EvaluationRecord, EvaluationWithBody, RecordRow } from './evaluation-record.ts';
import {
  currentBody,
  derivedColumns,
  parseClientBody,
  parseStoredBody,
  recordQuery,
  toRecord,
} from './evaluation-record.ts';
import { appendEvent } from './workflow-events.ts';
import { cachePer } from './bounded-cache.ts';
import { carryOver } from './carry-over.ts';
import { applyDecisions, decisionsFor, unitKeyOf, writeDecisionChanges } from './decision-save.ts';
import { evaluationBodyFromTargets, tieFindings } from './targets/tie.ts';

export interface EvaluationResult {
  scoreSheet: ScoreSheet;
  findings: Finding[];
}

/**
 * Scores and checks a body by its own rulebook; stores nothing. With the unit and year it is filed
 * under, the body is also checked against the unit's approved targets and their monitoring.
 */
export async function evaluateBody(
  ctx: ServiceContext,
  body: Evaluation,
  filed?: { departmentId: string; year: number },
): Promise<EvaluationResult> {
  const rulebook = await getRulebook(ctx, body.rulebookId);
  const scoreSheet = scoreEvaluation(body, rulebook);
  const findings = checkEvaluation(body, rulebook, scoreSheet);
  if (filed !== undefined)
    findings.push(...(await tieFindings(ctx, filed.departmentId, filed.year, body)));
  return { scoreSheet, findings };
}

/** Refuses a body scored by a rulebook of the other kind (a 项目 table by a 部门整体 book). */
async function assertRulebookFits(ctx: ServiceContext, body: Evaluation): Promise<void> {
  const rulebook = await getRulebook(ctx, body.rulebookId);
  if (rulebook.kind !== body.kind)
    throw new ServiceError('EVALUATION_INVALID', '所选评价指标体系与自评类型不一致', {
      rulebookId: body.rulebookId,
    });
}

/** Scores and checks an unvalidated client body. */
export async function evaluateJson(ctx: ServiceContext, json: unknown): Promise<EvaluationResult> {
  return evaluateBody(ctx, parseClientBody(json));
}

async function loadRow(ctx: ServiceContext, id: string, db = ctx.db) {
  const row = await recordQuery(db).select(currentBody).where('e.id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('自评');
  return row;
}

/** One evaluation with its body, if the actor may see it. */
export async function getEvaluation(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<EvaluationWithBody> {
  const row = await loadRow(ctx, id);
  assertSee(actor, { departmentId: row.department_id, regionId: row.region_id });
  return {
    ...toRecord(row),
    body: parseStoredBody(row.body, { id: row.id, version: row.version }),
  };
}

// Stored body texts as UTF-8 bytes per database, by evaluation id and version: a saved version
// never changes, so GET splices the bytes into its response instead of parsing and
// re-serialising the body (validated by the domain schema when it was saved). Bounded by size.
const bodyCache = cachePer<{ bytes: Buffer }>(64 * 1024 * 1024);

const BODY_KEY = Buffer.from(',"body":');
const CLOSE = Buffer.from('}');

// Whole GET responses per database and evaluation id, each with the change stamp taken before it
// was read (Store.changeStamp): an entry is served only while the stamp is unchanged, i.e. while no
// write of this process and no commit of another has happened since, so it is never stale. The
// access check runs on every request against the department and region read with the entry.
// Bounded by size; only where the database can stamp its changes (SQLite).
// An entry's gzip form is made on the first request that accepts it and kept with the entry (about
// a fifth of its size, not counted against the bound).
interface CachedResponse {
  stamp: string;
  scope: { departmentId: string; regionId: string };
  bytes: Buffer;
  gzip?: Buffer;
}
const responseCache = cachePer<CachedResponse>(64 * 1024 * 1024);

/** A JSON response's bytes, gzip-compressed or not. */
export interface JsonBytes {
  bytes: Buffer;
  encoding: 'gzip' | null;
}

/**
 * GET's response for a client that may accept gzip: the cached response's gzip form when the
 * client accepts it (compressed once per cached response), else the JSON bytes as they are. Only
 * cacheable responses are compressed: compressing every uncached response would cost more CPU
 * than sending it.
 */
export async function getEvaluationResponse(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  acceptsGzip: boolean,
): Promise<JsonBytes> {
  const { bytes, cached } = await evaluationResponse(ctx, actor, id);
  if (!acceptsGzip || cached === undefined) return { bytes, encoding: null };
  cached.gzip ??= gzipSync(bytes);
  return { bytes: cached.gzip, encoding: 'gzip' };
}

/**
 * GET's response as JSON bytes: exactly `{ ...record, body }` as getEvaluation returns it. Served
 * from the response cache while the database is unchanged; else one query, plus a second for the
 * body when the bytes of that version are not cached.
 */
export async function getEvaluationJson(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<Buffer> {
  return (await evaluationResponse(ctx, actor, id)).bytes;
}

/** GET's JSON bytes, with the response cache's entry holding them when they are cached. */
async function evaluationResponse(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<{ bytes: Buffer; cached: CachedResponse | undefined }> {
  const stamp = ctx.changeStamp();
  if (stamp !== null) {
    const hit = responseCache(ctx.db).get(id);
    if (hit !== undefined && hit.stamp === stamp) {
      assertSee(actor, hit.scope);
      return { bytes: hit.bytes, cached: hit };
    }
  }
  const row = await recordById(ctx, id);
  if (row === undefined) throw notFound('自评');
  const scope = { departmentId: row.department_id, regionId: row.region_id };
  assertSee(actor, scope);
  // A version's revision never changes once written: its bytes are cached by id and version, and
  // reading them needs no second look at the evaluation (the record above named the version).
  const key = `${row.id}@${row.version}`;
  let body = bodyCache(ctx.db).get(key)?.bytes;
  if (body === undefined) {
    const stored = await ctx.db.executeQuery(
      revisionBodyQuery.bind(ctx.db, { id, version: row.version }),
    );
    const text = stored.rows[0]?.body;
    if (text === undefined) throw notFound('自评');
    body = Buffer.from(text, 'utf8');
    bodyCache(ctx.db).set(key, { bytes: body });
  }
  const head = JSON.stringify(toRecord(row));
  const bytes = Buffer.concat([Buffer.from(head.slice(0, -1)), BODY_KEY, body, CLOSE]);
  if (stamp === null) return { bytes, cached: undefined };
  const cached = { stamp, scope, bytes };
  responseCache(ctx.db).set(id, cached);
  return { bytes, cached };
}

const revisionBodyQuery = reusableQuery<{ id: string; version: number }, { body: string }>(
  ['id', 'version'],
  (db, p) =>
    db
      .selectFrom('revisions')
      .select('body')
      .where('evaluation_id', '=', p('id'))
      .where('version', '=', p('version')),
);

// The record-by-id query, compiled once per database; each call binds only the id.
const recordByIdQuery = reusableQuery<{ id: string }, RecordRow>(['id'], (db, p) =>
  recordQuery(db).where('e.id', '=', p('id')),
);

async function recordById(ctx: ServiceContext, id: string): Promise<RecordRow | undefined> {
  const result = await ctx.db.executeQuery(recordByIdQuery.bind(ctx.db, { id }));
  return result.rows[0];
}

export async function getEvaluationRecord(
  ctx: ServiceContext,
  id: string,
): Promise<EvaluationRecord> {
  const row = await recordById(ctx, id);
  if (row === undefined) throw notFound('自评');
  return toRecord(row);
}

export interface EvaluationFilter {
  year?: number | undefined;
  status?: EvaluationStatus | undefined;
  kind?: EvaluationKind | undefined;
  departmentId?: string | undefined;
  limit?: number | undefined;
}

/** The evaluations the actor may see, newest first. */
export async function listEvaluations(
  ctx: ServiceContext,
  actor: Actor,
  filter: EvaluationFilter,
): Promise<EvaluationRecord[]> {
  let query = recordQuery(ctx.db);
  if (actor.role === 'reviewer') query = query.where('d.region_id', '=', actor.regionId ?? '');
  else if (actor.role !== 'admin')
    query = query.where('e.department_id', '=', actor.departmentId ?? '');
  if (filter.year !== undefined) query = query.where('e.year', '=', filter.year);
  if (filter.status !== undefined) query = query.where('e.status', '=', filter.status);
  if (filter.kind !== undefined) query = query.where('e.kind', '=', filter.kind);
  if (filter.departmentId !== undefined)
    query = query.where('e.department_id', '=', filter.departmentId);
  const rows = await query
    .orderBy('e.year', 'desc')
    .orderBy('d.code')
    .orderBy('e.id')
    .limit(filter.limit ?? 1000)
    .execute();
  return rows.map(toRecord);
}

export interface NewEvaluation {
  departmentId: string;
  year: number;
  kind: EvaluationKind;
  rulebookId: string;
  body?: unknown;
  copyFromEvaluationId?: string | undefined;
  /** The round this evaluation answers; checked against year, kind and the round's departments. */
  roundId?: string | undefined;
  status?: EvaluationStatus | undefined;
  /** Start from the unit's approved targets of the year and their last monitoring round. */
  fromTargets?: boolean | undefined;
  /** The project: whose approved targets a project evaluation starts from, or a blank one's name. */
  projectName?: string | undefined;
}

/** A blank body; a project's is named as the unit named it, else 未命名项目 until it is. */
function blankBody(
  kind: EvaluationKind,
  rulebookId: string,
  unitName: string,
  year: number,
  projectName?: string,
): Evaluation {
  const named = projectName?.trim() ?? '';
  const json =
    kind === 'project'
      ? { kind, rulebookId, projectName: named || '未命名项目', meta: { unitName, year } }
      : { kind, rulebookId, meta: { unitName, year } };
  return parseClientBody(json);
}

function titleOf(body: Evaluation, departmentName: string, year: number): string {
  if (body.meta.title !== undefined && body.meta.title !== '') return body.meta.title;
  const what = body.kind === 'project' ? `${body.projectName}项目支出` : '部门整体支出';
  return `${year}年度${departmentName}${what}绩效自评报告`;
}

/** Creates a draft (version 1, the first revision), optionally copying another evaluation's body. */
export async function createEvaluation(
  ctx: ServiceContext,
  actor: Actor,
  input: NewEvaluation,
): Promise<EvaluationRecord> {
  const prepared = await prepareEvaluation(ctx, actor, input);
  await ctx.db.transaction().execute(prepared.write);
  return getEvaluationRecord(ctx, prepared.id);
}

/**
 * A new evaluation checked, scored and ready to store: `write` inserts it within a transaction
 * the caller owns (an import stores its document in the same one).
 */
export async function prepareEvaluation(
  ctx: ServiceContext,
  actor: Actor,
  input: NewEvaluation,
): Promise<{ id: string; write: (trx: Transaction<Database>) => Promise<void> }> {
  const dept = await ctx.db
    .selectFrom('departments')
    .select(['id', 'name', 'region_id'])
    .where('id', '=', input.departmentId)
    .executeTakeFirst();
  if (dept === undefined) throw notFound('单位');
  assertEdit(actor, { departmentId: dept.id, regionId: dept.region_id });
  await getRulebook(ctx, input.rulebookId);
  let body: Evaluation;
  if (input.body !== undefined) {
    body = parseClientBody(input.body);
  } else if (input.fromTargets === true) {
    body = await evaluationBodyFromTargets(ctx, {
      departmentId: dept.id,
      departmentName: dept.name,
      year: input.year,
      kind: input.kind,
      projectName: input.projectName,
    });
  } else if (input.copyFromEvaluationId !== undefined) {
    const source = await getEvaluation(ctx, actor, input.copyFromEvaluationId);
    if (source.year >= input.year)
      throw new ServiceError(
        'EVALUATION_INVALID',
        `只能复制更早年度的自评：所选自评为${source.year}年度，新自评为${input.year}年度`,
      );
    body = parseClientBody({
      ...(carryOver(source.body, dept.name, input.year) as object),
      rulebookId: input.rulebookId,
    });
  } else {
    body = blankBody(input.kind, input.rulebookId, dept.name, input.year, input.projectName);
  }
  if (body.kind !== input.kind)
    throw new ServiceError('EVALUATION_INVALID', '自评类型与内容不一致');
  // One 部门整体 evaluation per unit and year: a second one would compete with the first.
  const assertNoDepartmentEvaluation = async (db: Kysely<Database>): Promise<void> => {
    if (input.kind !== 'department') return;
    const existing = await db
      .selectFrom('evaluations')
      .select('id')
      .where('department_id', '=', dept.id)
      .where('year', '=', input.year)
      .where('kind', '=', 'department')
      .executeTakeFirst();
    if (existing !== undefined)
      throw new ServiceError(
        'ALREADY_EXISTS',
        `${dept.name}已有${input.year}年度的部门整体支出自评，请打开它继续填报`,
        { evaluationId: existing.id },
      );
  };
  await assertNoDepartmentEvaluation(ctx.db);
  body = { ...body, rulebookId: input.rulebookId };
  await assertRulebookFits(ctx, body);
  const result = await evaluateBody(ctx, body, { departmentId: dept.id, year: input.year });
  const id = ctx.newId();
  // A new evaluation (an import, a copy) already has its unit's dismissals.
  const decided = applyDecisions(
    body,
    result.findings,
    await decisionsFor(ctx, ctx.db, id, unitKeyOf(dept.region_id, dept.name)),
  );
  const { columns, categories } = derivedColumns(body, result.scoreSheet, decided.counted);
  const roundId =
    input.roundId !== undefined
      ? await checkRound(ctx, input.roundId, {
          ...input,
          departmentId: dept.id,
          regionId: dept.region_id,
        })
      : await matchingRound(ctx, { ...input, departmentId: dept.id, regionId: dept.region_id });
  const now = nowIso(ctx);
  const text = JSON.stringify(body);
  const write = async (trx: Transaction<Database>): Promise<void> => {
    if (input.kind === 'department') {
      // Two creations at once both pass the check above on PostgreSQL: each takes the unit's
      // row (a write that changes nothing, which both dialects lock until commit), so the
      // second waits for the first and then sees its evaluation.
      await trx
        .updateTable('departments')
        .set((eb) => ({ code: eb.ref('code') }))
        .where('id', '=', dept.id)
        .execute();
      await assertNoDepartmentEvaluation(trx);
    }
    await trx
      .insertInto('evaluations')
      .values({
        id,
        department_id: dept.id,
        year: input.year,
        kind: input.kind,
        rulebook_id: input.rulebookId,
        round_id: roundId,
        status: input.status ?? 'draft',
        version: 1,
        title: titleOf(body, dept.name, input.year),
        ...columns,
        finding_codes: decided.codes,
        created_at: now,
        updated_at: now,
        updated_by: actor.username,
        published_at: input.status === 'published' ? now : null,
      })
      .execute();
    await trx.executeQuery(
      insertRevision.bind(ctx.db, { id, version: 1, body: text, by: actor.username, at: now }),
    );
    await writeCategories(
      ctx,
      trx,
      { id, year: input.year, kind: input.kind, departmentId: dept.id },
      categories,
    );
  };
  return { id, write };
}

interface RoundScope {
  year: number;
  kind: EvaluationKind;
  departmentId: string;
  regionId: string;
}

function inScope(
  round: { region_id: string | null; department_ids: string | null },
  scope: RoundScope,
): boolean {
  if (round.region_id !== null && round.region_id !== scope.regionId) return false;
  return (
    round.department_ids === null ||
    (JSON.parse(round.department_ids) as string[]).includes(scope.departmentId)
  );
}

/** The newest round of that year and kind whose scope holds the department, if any. */
async function matchingRound(ctx: ServiceContext, scope: RoundScope): Promise<string | null> {
  const rounds = await ctx.db
    .selectFrom('rounds')
    .select(['id', 'region_id', 'department_ids'])
    .where('year', '=', scope.year)
    .where('kind', '=', scope.kind)
    .where((eb) => eb.or([eb('region_id', '=', scope.regionId), eb('region_id', 'is', null)]))
    .orderBy('created_at', 'desc')
    .execute();
  return rounds.find((r) => inScope(r, scope))?.id ?? null;
}

/** The round a client names: it must exist, match the year and kind, and include the department. */
async function checkRound(ctx: ServiceContext, id: string, scope: RoundScope): Promise<string> {
  const round = await ctx.db
    .selectFrom('rounds')
    .select(['id', 'year', 'kind', 'region_id', 'department_ids'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (round === undefined) throw notFound('自评任务');
  if (round.year !== scope.year || round.kind !== scope.kind) {
    throw new ServiceError('BAD_REQUEST', '自评任务的年度或类型与该自评不一致', {
      roundId: id,
      round: { year: round.year, kind: round.kind },
    });
  }
  if (!inScope(round, scope)) {
    throw new ServiceError('BAD_REQUEST', '该单位不在此自评任务的范围内', {
      roundId: id,
      departmentId: scope.departmentId,
    });
  }
  return round.id;
}

const deleteCategories = reusableQuery<{ id: string }>(['id'], (db, p) =>
  db.deleteFrom('evaluation_findings').where('evaluation_id', '=', p('id')),
);

type CategoryRow = {
  id: string;
  category: string;
  count: number;
  year: number;
  kind: string;
  department: string;
};

const insertCategory = reusableQuery<CategoryRow>(
  ['id', 'category', 'count', 'year', 'kind', 'department'],
  (db, p) =>
    db.insertInto('evaluation_findings').values({
      evaluation_id: p('id'),
      category: p('category'),
      count: p('count'),
      year: p('year'),
      kind: p('kind'),
      department_id: p('department'),
    }),
);

/** Replaces the evaluation's finding counts per category. */
async function writeCategories(
  ctx: ServiceContext,
  trx: Kysely<Database>,
  evaluation: { id: string; year: number; kind: string; departmentId: string },
  categories: Map<string, number>,
): Promise<void> {
  const { id, year, kind, departmentId: department } = evaluation;
  await trx.executeQuery(deleteCategories.bind(ctx.db, { id }));
  for (const [category, count] of categories) {
    await trx.executeQuery(
      insertCategory.bind(ctx.db, { id, category, count, year, kind, department }),
    );
  }
}

type SaveValues = ReturnType<typeof derivedColumns>['columns'] & {
  finding_codes: string;
  id: string;
  version: number;
  rulebook_id: string;
  title: string;
  status: EvaluationStatus;
  updated_at: string;
  updated_by: string;
  /** The version and status the save is based on: the row changes only if both still hold. */
  based_on: number;
  was: EvaluationStatus;
};

/** A save's update of the evaluation row, conditional on the version and status it was based on. */
const saveQuery = reusableQuery<SaveValues>(
  [
    'stated_total',
    'computed_total',
    'score_bucket',
    'execution_rate',
    'budget_fen',
    'executed_fen',
    'error_count',
    'warning_count',
    'info_count',
    'finding_codes',
    'id',
    'version',
    'rulebook_id',
    'title',
    'status',
    'updated_at',
    'updated_by',
    'based_on',
    'was',
  ],
  (db, p) =>
    db
      .updateTable('evaluations')
      .set({
        stated_total: p('stated_total'),
        computed_total: p('computed_total'),
        score_bucket: p('score_bucket'),
        execution_rate: p('execution_rate'),
        budget_fen: p('budget_fen'),
        executed_fen: p('executed_fen'),
        error_count: p('error_count'),
        warning_count: p('warning_count'),
        info_count: p('info_count'),
        finding_codes: p('finding_codes'),
        version: p('version'),
        rulebook_id: p('rulebook_id'),
        title: p('title'),
        status: p('status'),
        updated_at: p('updated_at'),
        updated_by: p('updated_by'),
      })
      .where('id', '=', p('id'))
      .where('version', '=', p('based_on'))
      .where('status', '=', p('was')),
);

const insertRevision = reusableQuery<{
  id: string;
  version: number;
  body: string;
  by: string;
  at: string;
}>(['id', 'version', 'body', 'by', 'at'], (db, p) =>
  db.insertInto('revisions').values({
    evaluation_id: p('id'),
    version: p('version'),
    body: p('body'),
    saved_by: p('by'),
    saved_at: p('at'),
  }),
);

/** Statuses in which the department may change the content. A change after approval reopens review. */
const EDITABLE: readonly EvaluationStatus[] = ['draft', 'returned', 'approved'];

/**
 * Saves a new body on top of `version`. A stale version is a 409 carrying the current record; every
 * save is a revision; a save after approval sends the evaluation back to draft with a reopen event.
 */
export async function updateEvaluation(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: { version: number; body: unknown },
): Promise<EvaluationRecord> {
  const current = await getEvaluationRecord(ctx, id);
  assertEdit(actor, current);
  const body = parseClientBody(input.body);
  if (body.kind !== current.kind) throw new ServiceError('EVALUATION_INVALID', '不能更改自评类型');
  await assertRulebookFits(ctx, body);
  const result = await evaluateBody(ctx, body, current);
  // Dismissed findings leave the counts; confirmed ones absent from this version are fixed by it.
  const decided = applyDecisions(
    body,
    result.findings,
    await decisionsFor(ctx, ctx.db, id, unitKeyOf(current.regionId, current.departmentName)),
  );
  const { columns, categories } = derivedColumns(body, result.scoreSheet, decided.counted);
  const text = JSON.stringify(body);
  const now = nowIso(ctx);
  const next = input.version + 1;
  const title = titleOf(body, current.departmentName, current.year);
  let savedStatus: EvaluationStatus = current.status;
  // The row changes only if it still has the version and status read above (one statement in the
  // usual case); when it does not, the row is read again inside the transaction to tell a stale
  // version from a status change (a transition in between), which is retried on the new status.
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    let status = current.status;
    let version = current.version;
    for (;;) {
      if (version !== input.version) return 'conflict' as const;
      if (!EDITABLE.includes(status)) return status;
      const reopened = status === 'approved';
      savedStatus = reopened ? 'draft' : status;
      const updated = await trx.executeQuery(
        saveQuery.bind(ctx.db, {
          ...columns,
          finding_codes: decided.codes,
          id,
          version: next,
          rulebook_id: body.rulebookId,
          title,
          status: savedStatus,
          updated_at: now,
          updated_by: actor.username,
          based_on: version,
          was: status,
        }),
      );
      if (updated.numAffectedRows !== 1n) {
        const row = await trx
          .selectFrom('evaluations')
          .select(['version', 'status'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (row === undefined) throw notFound('自评');
        if (row.version === version && row.status === status) {
          throw new Error(
            `save of evaluation ${id} changed ${String(updated.numAffectedRows)} rows`,
          );
        }
        ({ version, status } = row);
        continue;
      }
      await trx.executeQuery(
        insertRevision.bind(ctx.db, {
          id,
          version: next,
          body: text,
          by: actor.username,
          at: now,
        }),
      );
      await writeCategories(ctx, trx, current, categories);
      await writeDecisionChanges(trx, decided.changes, next, now);
      if (reopened) {
        await appendEvent(trx, ctx, {
          evaluationId: id,
          action: 'reopen',
          fromStatus: 'approved',
          toStatus: 'draft',
          comment: '审核通过后修改内容，重新进入审核',
          comments: [],
          actor: actor.username,
        });
      }
      return 'saved' as const;
    }
  });
  if (outcome === 'conflict') {
    const latest = await getEvaluation(ctx, actor, id);
    throw new ServiceError('VERSION_CONFLICT', '该自评已被他人修改，请在最新版本上重新编辑', {
      current: latest,
    });
  }
  if (outcome !== 'saved') {
    throw new ServiceError(
      'EVALUATION_LOCKED',
      outcome === 'submitted' ? '自评已提交审核，不能修改' : '自评已公开，需先撤回才能修改',
      {
        status: outcome,
      },
    );
  }
  // The record as saved, without reading it back: only the columns this save wrote have changed.
  return {
    ...current,
    status: savedStatus,
    version: next,
    rulebookId: body.rulebookId,
    title,
    statedTotal: columns.stated_total,
    computedTotal: columns.computed_total,
    executionRate: columns.execution_rate,
    findingCounts: {
      error: columns.error_count,
      warning: columns.warning_count,
      info: columns.info_count,
    },
    updatedAt: now,
    updatedBy: actor.username,
  };
}

/** Score sheet and findings of the stored current version. */
export async function evaluationFindings(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<EvaluationResult> {
  const evaluation = await getEvaluation(ctx, actor, id);
  return evaluateBody(ctx, evaluation.body, evaluation);
}

export interface RevisionSummary {
  version: number;
  savedBy: string;
  /** The name of whoever saved it, for people (the list of revisions carries it). */
  savedByName?: string;
  savedAt: string;
}

export async function listRevisions(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<RevisionSummary[]> {
  const record = await getEvaluationRecord(ctx, id);
  assertSee(actor, record);
  const rows = await ctx.db
    .selectFrom('revisions')
    .select(['version', 'saved_by', 'saved_at'])
    .where('evaluation_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  const names = await displayNames(
    ctx,
    rows.map((r) => r.saved_by),
  );
  return rows.map((r) => ({
    version: r.version,
    savedBy: r.saved_by,
    savedByName: names.get(r.saved_by) ?? r.saved_by,
    savedAt: r.saved_at,
  }));
}

export async function getRevision(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  version: number,
): Promise<RevisionSummary & { body: Evaluation }> {
  const record = await getEvaluationRecord(ctx, id);
  assertSee(actor, record);
  const row = await ctx.db
    .selectFrom('revisions')
    .selectAll()
    .where('evaluation_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (row === undefined) throw notFound('该版本');
  return {
    version: row.version,
    savedBy: row.saved_by,
    savedAt: row.saved_at,
    body: parseStoredBody(row.body),
  };
}
