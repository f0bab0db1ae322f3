import { checkTargetForm, targetFormTitle } from '@jixiao/domain';
import type { Finding, TargetForm } from '@jixiao/domain';
import type { TargetStatus } from '@jixiao/db';
import { isUniqueViolation } from '@jixiao/db';
import type { ServiceContext } from '../context.ts';
import { nowIso } from '../context.ts';
import type { Actor } from '../actor.ts';
import { ServiceError, notFound } from '../errors.ts';
import { assertEdit, assertSee } from '../access.ts';
import { getRulebook } from '../rulebook-catalog.ts';
import { displayNames } from '../directory.ts';
import {
  currentTargetBody,
  findingCounts,
  parseClientTargets,
  parseStoredTargets,
  targetQuery,
  toTargetRecord,
} from './target-record.ts';
import type { TargetFormRecord, TargetFormWithBody } from './target-record.ts';
import { appendTargetEvent } from './target-events.ts';

/** Checks a form by the rulebook it names; stores nothing. */
export async function checkTargets(ctx: ServiceContext, body: TargetForm): Promise<Finding[]> {
  const rulebook = await getRulebook(ctx, body.rulebookId);
  if (rulebook.kind !== body.kind)
    throw new ServiceError('EVALUATION_INVALID', '所选评价指标体系与绩效目标类型不一致');
  return checkTargetForm(body, rulebook);
}

export async function getTargetRecord(ctx: ServiceContext, id: string): Promise<TargetFormRecord> {
  const row = await targetQuery(ctx.db).where('t.id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('绩效目标');
  return toTargetRecord(row);
}

/** One form with its current body, if the actor may see it. */
export async function getTargetForm(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<TargetFormWithBody> {
  const row = await targetQuery(ctx.db)
    .select(currentTargetBody)
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw notFound('绩效目标');
  const record = toTargetRecord(row);
  assertSee(actor, record);
  return { ...record, body: parseStoredTargets(row.body) };
}

export interface TargetFilter {
  year?: number | undefined;
  status?: TargetStatus | undefined;
  departmentId?: string | undefined;
}

/** The forms the actor may see: a unit its own, a reviewer the region's, an admin all. */
export async function listTargetForms(
  ctx: ServiceContext,
  actor: Actor,
  filter: TargetFilter,
): Promise<TargetFormRecord[]> {
  let query = targetQuery(ctx.db);
  if (actor.role === 'reviewer') query = query.where('d.region_id', '=', actor.regionId ?? '');
  else if (actor.role !== 'admin')
    query = query.where('t.department_id', '=', actor.departmentId ?? '');
  if (filter.year !== undefined) query = query.where('t.year', '=', filter.year);
  if (filter.status !== undefined) query = query.where('t.status', '=', filter.status);
  if (filter.departmentId !== undefined)
    query = query.where('t.department_id', '=', filter.departmentId);
  const rows = await query
    .orderBy('t.year', 'desc')
    .orderBy('d.code')
    .orderBy('t.kind')
    .orderBy('t.project_name')
    .limit(2000)
    .execute();
  return rows.map(toTargetRecord);
}

export interface NewTargetForm {
  departmentId: string;
  year: number;
  kind: 'department' | 'project';
  rulebookId: string;
  projectName?: string | undefined;
  body?: unknown;
}

/** Creates a draft form (version 1), blank or from a body (an import). */
export async function createTargetForm(
  ctx: ServiceContext,
  actor: Actor,
  input: NewTargetForm,
): Promise<TargetFormRecord> {
  const dept = await ctx.db
    .selectFrom('departments')
    .select(['id', 'name', 'region_id'])
    .where('id', '=', input.departmentId)
    .executeTakeFirst();
  if (dept === undefined) throw notFound('单位');
  assertEdit(actor, { departmentId: dept.id, regionId: dept.region_id });
  const projectName = input.kind === 'project' ? (input.projectName ?? '').trim() : '';
  const body = parseClientTargets({
    ...(input.body !== undefined && typeof input.body === 'object' ? input.body : {}),
    kind: input.kind,
    rulebookId: input.rulebookId,
    unitName: dept.name,
    year: input.year,
    ...(input.kind === 'project' ? { projectName } : {}),
  });
  const findings = await checkTargets(ctx, body);
  // The unit's form of this year, kind and project, if one was made already.
  const sameForm = () =>
    ctx.db
      .selectFrom('target_forms')
      .select('id')
      .where('department_id', '=', dept.id)
      .where('year', '=', input.year)
      .where('kind', '=', input.kind)
      .where('project_name', '=', projectName)
      .executeTakeFirst();
  const existing = await sameForm();
  const taken = (formId: string | undefined) =>
    new ServiceError(
      'ALREADY_EXISTS',
      `${dept.name}已有${targetFormTitle(body)}，请打开它继续填报`,
      {
        targetFormId: formId,
      },
    );
  if (existing !== undefined) throw taken(existing.id);
  const id = ctx.newId();
  const now = nowIso(ctx);
  const counts = findingCounts(findings);
  const write = ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('target_forms')
      .values({
        id,
        department_id: dept.id,
        year: input.year,
        kind: input.kind,
        project_name: projectName,
        rulebook_id: input.rulebookId,
        status: 'draft',
        version: 1,
        approved_version: null,
        title: targetFormTitle(body),
        budget_fen: body.budget.total?.fen ?? null,
        error_count: counts.error,
        warning_count: counts.warning,
        info_count: counts.info,
        created_at: now,
        updated_at: now,
        updated_by: actor.username,
      })
      .execute();
    await trx
      .insertInto('target_revisions')
      .values({
        form_id: id,
        version: 1,
        reason: null,
        saved_by: actor.username,
        saved_at: now,
        body: JSON.stringify(body),
      })
      .execute();
  });
  await write.catch(async (error: unknown) => {
    if (!isUniqueViolation(error)) throw error;
    // Another request created the same form a moment ago: point to it, as above.
    const other = await sameForm();
    throw taken(other?.id);
  });
  return getTargetRecord(ctx, id);
}

/** Statuses in which the unit may change its targets; after approval only with a reason (目标调整). */
const EDITABLE: readonly TargetStatus[] = ['draft', 'returned', 'approved'];

/**
 * Saves a new body on top of `version`. A stale version is a 409; every save is a revision. A save
 * after approval is a 目标调整: it needs a reason, is kept with the revision and the timeline, and
 * sends the form back to draft for a new approval (the approved version stays the one in force).
 */
export async function updateTargetForm(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: { version: number; body: unknown; reason?: string | undefined },
): Promise<TargetFormRecord> {
  const current = await getTargetRecord(ctx, id);
  assertEdit(actor, current);
  const body = parseClientTargets(input.body);
  if (body.kind !== current.kind)
    throw new ServiceError('EVALUATION_INVALID', '不能更改绩效目标类型');
  if (body.year !== current.year)
    throw new ServiceError('EVALUATION_INVALID', '不能更改绩效目标的年度');
  if (body.kind === 'project' && (body.projectName ?? '').trim() !== current.projectName)
    throw new ServiceError('EVALUATION_INVALID', '不能更改项目名称，请新建该项目的绩效目标');
  if (!EDITABLE.includes(current.status))
    throw new ServiceError('EVALUATION_LOCKED', '绩效目标已提交审核，不能修改', {
      status: current.status,
    });
  const reason = (input.reason ?? '').trim();
  const adjusting = current.status === 'approved';
  if (adjusting && reason === '')
    throw new ServiceError('VALIDATION_FAILED', '绩效目标已审核通过，调整目标须填写调整理由');
  const findings = await checkTargets(ctx, body);
  const counts = findingCounts(findings);
  const now = nowIso(ctx);
  const next = input.version + 1;
  const status: TargetStatus = adjusting ? 'draft' : current.status;
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('target_forms')
      .set({
        version: next,
        status,
        rulebook_id: body.rulebookId,
        title: targetFormTitle(body),
        budget_fen: body.budget.total?.fen ?? null,
        error_count: counts.error,
        warning_count: counts.warning,
        info_count: counts.info,
        updated_at: now,
        updated_by: actor.username,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .where('status', '=', current.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    await trx
      .insertInto('target_revisions')
      .values({
        form_id: id,
        version: next,
        reason: reason === '' ? null : reason,
        saved_by: actor.username,
        saved_at: now,
        body: JSON.stringify(body),
      })
      .execute();
    if (adjusting)
      await appendTargetEvent(trx, ctx, {
        formId: id,
        action: 'adjust',
        fromStatus: 'approved',
        toStatus: 'draft',
        comment: reason,
        actor: actor.username,
      });
    return true;
  });
  if (!saved) {
    const latest = await getTargetForm(ctx, actor, id);
    if (latest.version !== input.version)
      throw new ServiceError('VERSION_CONFLICT', '该绩效目标已被他人修改，请在最新版本上重新编辑', {
        current: latest,
      });
    throw new ServiceError('EVALUATION_LOCKED', '绩效目标状态已变化，请刷新后再修改', {
      status: latest.status,
    });
  }
  return getTargetRecord(ctx, id);
}

/** Findings of the stored current version. */
export async function targetFindings(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<{ findings: Finding[] }> {
  const form = await getTargetForm(ctx, actor, id);
  return { findings: await checkTargets(ctx, form.body) };
}

export interface TargetRevisionSummary {
  version: number;
  reason: string | null;
  savedBy: string;
  savedByName: string;
  savedAt: string;
}

export async function listTargetRevisions(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<TargetRevisionSummary[]> {
  const record = await getTargetRecord(ctx, id);
  assertSee(actor, record);
  const rows = await ctx.db
    .selectFrom('target_revisions')
    .select(['version', 'reason', 'saved_by', 'saved_at'])
    .where('form_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  const names = await displayNames(
    ctx,
    rows.map((r) => r.saved_by),
  );
  return rows.map((r) => ({
    version: r.version,
    reason: r.reason,
    savedBy: r.saved_by,
    savedByName: names.get(r.saved_by) ?? r.saved_by,
    savedAt: r.saved_at,
  }));
}

export async function getTargetRevision(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  version: number,
): Promise<{ version: number; reason: string | null; savedAt: string; body: TargetForm }> {
  const record = await getTargetRecord(ctx, id);
  assertSee(actor, record);
  const row = await ctx.db
    .selectFrom('target_revisions')
    .selectAll()
    .where('form_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (row === undefined) throw notFound('该版本');
  return {
    version: row.version,
    reason: row.reason,
    savedAt: row.saved_at,
    body: parseStoredTargets(row.body),
  };
}
