import type { EvaluationKind } from '@jixiao/domain';
import type { EvaluationStatus } from '@jixiao/db';
import type { ServiceContext } from './context.ts';
import { nowIso } from './context.ts';
import type { Actor } from './actor.ts';
import { ServiceError, forbidden, notFound } from './errors.ts';
import { requireRegion, requireRole } from './directory.ts';
import { getRulebook } from './rulebook-catalog.ts';
import { recordAudit } from './audit-log.ts';
import { REMIND_NOT_STARTED, REMIND_TEXT, notifyUnit } from './notifications.ts';
import { appendEvent } from './workflow-events.ts';

export interface Round {
  id: string;
  regionId: string | null;
  year: number;
  kind: EvaluationKind;
  rulebookId: string;
  deadline: string;
  departmentIds: string[] | null;
  createdBy: string;
  createdAt: string;
}

type RoundRow = {
  id: string;
  region_id: string | null;
  year: number;
  kind: string;
  rulebook_id: string;
  deadline: string;
  department_ids: string | null;
  created_by: string;
  created_at: string;
};

function toRound(r: RoundRow): Round {
  return {
    id: r.id,
    regionId: r.region_id,
    year: r.year,
    kind: r.kind === 'project' ? 'project' : 'department',
    rulebookId: r.rulebook_id,
    deadline: r.deadline,
    departmentIds: r.department_ids === null ? null : (JSON.parse(r.department_ids) as string[]),
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/**
 * The rounds an actor may see: every one (admin), the region's (reviewer), or those a filer's or
 * head's unit answers (its region's rounds open to all units or naming it), to file for them.
 */
export async function listRounds(ctx: ServiceContext, actor: Actor): Promise<Round[]> {
  let q = ctx.db
    .selectFrom('rounds')
    .selectAll()
    .orderBy('year', 'desc')
    .orderBy('created_at', 'desc');
  if (actor.role !== 'admin') q = q.where('region_id', '=', actor.regionId ?? '');
  const rounds = (await q.execute()).map(toRound);
  if (actor.role === 'admin' || actor.role === 'reviewer') return rounds;
  const own = actor.departmentId;
  return rounds.filter(
    (r) => own !== null && (r.departmentIds === null || r.departmentIds.includes(own)),
  );
}

/** The finance bureau opens a round (年度, rulebook, deadline, optionally a list of departments). */
export async function createRound(
  ctx: ServiceContext,
  actor: Actor,
  input: {
    year: number;
    kind: EvaluationKind;
    rulebookId: string;
    deadline: string;
    departmentIds?: string[] | undefined;
    regionId?: string | undefined;
  },
): Promise<Round> {
  requireRole(actor, ['admin', 'reviewer']);
  const rulebook = await getRulebook(ctx, input.rulebookId);
  if (rulebook.kind !== input.kind)
    throw new ServiceError('VALIDATION_FAILED', '所选评价指标体系与自评类型不一致', {
      rulebookKind: rulebook.kind,
      kind: input.kind,
    });
  const regionId = actor.role === 'reviewer' ? actor.regionId : (input.regionId ?? actor.regionId);
  if (regionId !== null) await requireRegion(ctx, regionId);
  const departmentIds =
    input.departmentIds === undefined
      ? undefined
      : await roundDepartments(ctx, [...new Set(input.departmentIds)], regionId);
  const id = ctx.newId();
  const row: RoundRow = {
    id,
    region_id: regionId,
    year: input.year,
    kind: input.kind,
    rulebook_id: input.rulebookId,
    deadline: input.deadline,
    department_ids: departmentIds === undefined ? null : JSON.stringify(departmentIds),
    created_by: actor.username,
    created_at: nowIso(ctx),
  };
  await ctx.db.insertInto('rounds').values(row).execute();
  // Existing evaluations of that year and kind join the round.
  let attach = ctx.db
    .updateTable('evaluations')
    .set({ round_id: id })
    .where('year', '=', input.year)
    .where('kind', '=', input.kind)
    .where('round_id', 'is', null);
  if (departmentIds !== undefined)
    attach = attach.where('department_id', 'in', departmentIds.length > 0 ? departmentIds : ['']);
  if (regionId !== null) {
    attach = attach.where(
      'department_id',
      'in',
      ctx.db.selectFrom('departments').select('id').where('region_id', '=', regionId),
    );
  }
  await attach.execute();
  return toRound(row);
}

/** The departments a round names, each once: every one must exist and lie in the round's region. */
async function roundDepartments(
  ctx: ServiceContext,
  ids: string[],
  regionId: string | null,
): Promise<string[]> {
  if (ids.length === 0) return ids;
  const found = new Map<string, string>();
  // In slices: a list of thousands of ids would pass the databases' limit of bound parameters.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('departments')
      .select(['id', 'region_id'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.id, r.region_id);
  }
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length > 0)
    throw new ServiceError('NOT_FOUND', `所选单位中有 ${unknown.length} 个不存在`, {
      departmentIds: unknown.slice(0, 20),
    });
  const outside = ids.filter((id) => regionId !== null && found.get(id) !== regionId);
  if (outside.length > 0)
    throw new ServiceError('VALIDATION_FAILED', '所选单位不属于本任务的行政区划', {
      departmentIds: outside.slice(0, 20),
    });
  return ids;
}

async function loadRound(ctx: ServiceContext, actor: Actor, id: string): Promise<Round> {
  requireRole(actor, ['admin', 'reviewer']);
  const row = await ctx.db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('自评任务');
  if (actor.role === 'reviewer' && row.region_id !== actor.regionId)
    throw forbidden('无权查看其他区域的自评任务');
  return toRound(row);
}

export interface RoundProgressItem {
  departmentId: string;
  departmentName: string;
  status: EvaluationStatus | null;
  evaluationId: string | null;
}

/** Each department in the round's scope with the status of its evaluation (null: not started). */
export async function roundProgress(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<RoundProgressItem[]> {
  return progressOf(ctx, await loadRound(ctx, actor, id));
}

async function progressOf(ctx: ServiceContext, round: Round): Promise<RoundProgressItem[]> {
  let q = ctx.db
    .selectFrom('departments as d')
    .leftJoin('evaluations as e', (join) =>
      join
        .onRef('e.department_id', '=', 'd.id')
        .on('e.year', '=', round.year)
        .on('e.kind', '=', round.kind),
    )
    .select(['d.id', 'd.name', 'd.code', 'e.status', 'e.id as evaluation_id', 'e.round_id'])
    .orderBy('d.code');
  if (round.regionId !== null) q = q.where('d.region_id', '=', round.regionId);
  if (round.departmentIds !== null)
    q = q.where('d.id', 'in', round.departmentIds.length > 0 ? round.departmentIds : ['']);
  const rows = await q.execute();
  // One line per department; an evaluation filed for this very round wins over another of the year.
  const byDepartment = new Map<string, RoundProgressItem & { ofRound: boolean }>();
  for (const r of rows) {
    const ofRound = r.round_id === round.id;
    const seen = byDepartment.get(r.id);
    if (seen !== undefined && (seen.ofRound || !ofRound)) continue;
    byDepartment.set(r.id, {
      departmentId: r.id,
      departmentName: r.name,
      status: r.status,
      evaluationId: r.evaluation_id,
      ofRound,
    });
  }
  return [...byDepartment.values()].map(({ ofRound: _ofRound, ...item }) => item);
}

/**
 * Reminds every department of the round that has not submitted yet: a notification to each of
 * its filers and heads and, where it has an evaluation, an entry in that evaluation's timeline,
 * all in one transaction (as the review page's 催办 does). Returns how many departments.
 */
export async function remindRound(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<{ reminded: number; notified: number }> {
  const round = await loadRound(ctx, actor, id);
  const late = (await progressOf(ctx, round)).filter(
    (p) => p.status === null || p.status === 'draft' || p.status === 'returned',
  );
  const kind = round.kind === 'project' ? '项目支出' : '部门整体支出';
  const notified = await ctx.db.transaction().execute(async (trx) => {
    let count = 0;
    for (const p of late) {
      const owed = p.status === null ? REMIND_NOT_STARTED : (REMIND_TEXT[p.status] ?? '');
      const text = `${round.year}年度${kind}绩效自评填报截止${round.deadline}。${owed}`;
      if (p.evaluationId !== null && p.status !== null)
        await appendEvent(trx, ctx, {
          evaluationId: p.evaluationId,
          action: 'remind',
          fromStatus: p.status,
          toStatus: p.status,
          comment: text,
          comments: [],
          actor: actor.username,
        });
      count += await notifyUnit(trx, ctx, {
        departmentId: p.departmentId,
        evaluationId: p.evaluationId,
        kind: 'remind',
        actor: actor.username,
        comment: text,
      });
    }
    return count;
  });
  await recordAudit(ctx, {
    action: 'remind',
    actor: actor.username,
    target: id,
    details: { departments: late.map((p) => p.departmentId), notified },
  });
  return { reminded: late.length, notified };
}
