import { computeMonitoring, MonitoringFigures, zodErrorMapZh } from '@jixiao/domain';
import type { MonitoringFigures as Figures, MonitoringResult, TargetForm } from '@jixiao/domain';
import type { ServiceContext } from '../context.ts';
import { nowIso } from '../context.ts';
import type { Actor } from '../actor.ts';
import { ServiceError, forbidden, notFound } from '../errors.ts';
import { assertEdit, assertSee } from '../access.ts';
import { requireRole } from '../directory.ts';
import { recordAudit } from '../audit-log.ts';
import { getMonitoringRound } from './monitoring-rounds.ts';
import type { MonitoringRound } from './monitoring-rounds.ts';
import { approvedTargetsOf } from './approved-targets.ts';
import type { TargetFormRecord } from './target-record.ts';
import { getThresholds } from './thresholds.ts';

export type DecisionState = 'confirmed' | 'dismissed';

/** A reviewer's decision on a light: 要求整改 (confirmed, with the measures) or 无需整改 (dismissed, with the reason). */
export interface LightDecision {
  subject: string;
  state: DecisionState;
  reason: string | null;
  correction: string | null;
  deadline: string | null;
  decidedBy: string;
  decidedAt: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

export interface MonitoringReportView {
  round: MonitoringRound;
  form: TargetFormRecord;
  /** The approved targets the round measures against. */
  targets: TargetForm;
  /** 0 until the unit first saves its figures. */
  version: number;
  figures: Figures;
  result: MonitoringResult;
  decisions: LightDecision[];
  updatedAt: string | null;
}

function parseFigures(json: unknown): Figures {
  const parsed = MonitoringFigures.safeParse(json, { error: zodErrorMapZh });
  if (!parsed.success)
    throw new ServiceError('VALIDATION_FAILED', '监控数据不符合数据格式', {
      issues: parsed.error.issues
        .slice(0, 50)
        .map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  return parsed.data;
}

/** The round and the form's approved targets, checked against each other and the actor. */
async function scopeOf(ctx: ServiceContext, actor: Actor, roundId: string, formId: string) {
  const round = await getMonitoringRound(ctx, { ...actor, role: 'admin' }, roundId);
  const approved = await approvedTargetsOf(ctx, formId);
  if (approved === undefined)
    throw new ServiceError('BAD_REQUEST', '该绩效目标尚未审核通过，不能监控');
  assertSee(actor, approved.record);
  if (approved.record.regionId !== round.regionId || approved.record.year !== round.year)
    throw new ServiceError('BAD_REQUEST', '该绩效目标不属于此监控任务的区域或年度');
  return { round, approved };
}

async function decisionsOf(ctx: ServiceContext, reportId: string | undefined) {
  if (reportId === undefined) return [];
  const rows = await ctx.db
    .selectFrom('monitoring_decisions')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('decided_at')
    .execute();
  return rows.map((r): LightDecision => ({
    subject: r.subject,
    state: r.state === 'dismissed' ? 'dismissed' : 'confirmed',
    reason: r.reason,
    correction: r.correction,
    deadline: r.deadline,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    answer: r.answer,
    answeredBy: r.answered_by,
    answeredAt: r.answered_at,
  }));
}

/** A unit's monitoring report of a form in a round, with its lights computed now. */
export async function getMonitoringReport(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  formId: string,
): Promise<MonitoringReportView> {
  const { round, approved } = await scopeOf(ctx, actor, roundId, formId);
  const row = await ctx.db
    .selectFrom('monitoring_reports')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('form_id', '=', formId)
    .executeTakeFirst();
  const figures = row === undefined ? parseFigures({}) : parseFigures(JSON.parse(row.body));
  return {
    round,
    form: approved.record,
    targets: approved.body,
    version: row?.version ?? 0,
    figures,
    result: computeMonitoring(
      approved.body,
      figures,
      round.asOf,
      getThresholds(round.thresholdsId),
    ),
    decisions: await decisionsOf(ctx, row?.id),
    updatedAt: row?.updated_at ?? null,
  };
}

/** Saves a unit's figures and explanations on top of `version` (0 for the first save). */
export async function saveMonitoringReport(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  formId: string,
  input: { version: number; figures: unknown },
): Promise<MonitoringReportView> {
  const { round, approved } = await scopeOf(ctx, actor, roundId, formId);
  assertEdit(actor, approved.record);
  const figures = parseFigures(input.figures);
  const result = computeMonitoring(
    approved.body,
    figures,
    round.asOf,
    getThresholds(round.thresholdsId),
  );
  const now = nowIso(ctx);
  const columns = {
    version: input.version + 1,
    light: result.light,
    red_count: result.counts.red,
    unexplained_red: result.unexplainedRed,
    execution_percent: result.executionPercent ?? null,
    updated_at: now,
    updated_by: actor.username,
    body: JSON.stringify(figures),
  };
  const ok = await ctx.db.transaction().execute(async (trx) => {
    if (input.version === 0) {
      // Two first saves at once: the unique (round, form) keeps the one inserted first, and the
      // other inserts nothing (a conflict), rather than failing on the constraint.
      const inserted = await trx
        .insertInto('monitoring_reports')
        .values({
          id: ctx.newId(),
          round_id: roundId,
          form_id: formId,
          department_id: approved.record.departmentId,
          ...columns,
        })
        .onConflict((oc) => oc.columns(['round_id', 'form_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    }
    const updated = await trx
      .updateTable('monitoring_reports')
      .set(columns)
      .where('round_id', '=', roundId)
      .where('form_id', '=', formId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  });
  if (!ok)
    throw new ServiceError('VERSION_CONFLICT', '监控数据已被他人保存了新版本，您的填写尚未保存', {
      current: await getMonitoringReport(ctx, actor, roundId, formId),
    });
  return getMonitoringReport(ctx, actor, roundId, formId);
}

async function reportId(ctx: ServiceContext, roundId: string, formId: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('monitoring_reports')
    .select('id')
    .where('round_id', '=', roundId)
    .where('form_id', '=', formId)
    .executeTakeFirst();
  if (row === undefined) throw notFound('监控数据');
  return row.id;
}

/**
 * A reviewer's decision on one light ('execution' or an indicator's path): require corrective
 * measures (confirmed, with the measures and a deadline) or none (dismissed, with the reason).
 */
export async function decideLight(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  formId: string,
  input: {
    subject: string;
    state: DecisionState;
    reason?: string | undefined;
    correction?: string | undefined;
    deadline?: string | undefined;
  },
): Promise<MonitoringReportView> {
  requireRole(actor, ['reviewer', 'admin']);
  const view = await getMonitoringReport(ctx, actor, roundId, formId);
  const subjects = new Set(['execution', ...view.result.indicators.map((i) => i.path)]);
  if (!subjects.has(input.subject)) throw notFound('该监控指标');
  const correction = (input.correction ?? '').trim();
  const reason = (input.reason ?? '').trim();
  if (input.state === 'confirmed' && correction === '')
    throw new ServiceError('VALIDATION_FAILED', '要求整改时须写明整改要求');
  if (input.state === 'dismissed' && reason === '')
    throw new ServiceError('VALIDATION_FAILED', '认定无需整改时须说明理由');
  const id = await reportId(ctx, roundId, formId);
  const now = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const decided = {
      state: input.state,
      reason: reason === '' ? null : reason,
      correction: correction === '' ? null : correction,
      deadline: input.deadline ?? null,
      decided_by: actor.username,
      decided_at: now,
      answer: null,
      answered_by: null,
      answered_at: null,
    };
    // One decision per light: a new one replaces it in one statement, so decisions arriving at
    // once (a double click, two reviewers) each take their turn instead of colliding on the key.
    await trx
      .insertInto('monitoring_decisions')
      .values({ id: ctx.newId(), report_id: id, subject: input.subject, ...decided })
      .onConflict((oc) => oc.columns(['report_id', 'subject']).doUpdateSet(decided))
      .execute();
    // The row above replaces the previous decision; the log keeps every one, in the same commit.
    await recordAudit(
      { ...ctx, db: trx },
      {
        action: 'light-decided',
        actor: actor.username,
        target: id,
        details: {
          roundId,
          formId,
          subject: input.subject,
          state: input.state,
          ...(reason !== '' ? { reason } : {}),
          ...(correction !== '' ? { correction } : {}),
          ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
        },
      },
    );
  });
  return getMonitoringReport(ctx, actor, roundId, formId);
}

/** The unit's answer to a required correction (what it did). */
export async function answerLightDecision(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  formId: string,
  input: { subject: string; answer: string },
): Promise<MonitoringReportView> {
  const view = await getMonitoringReport(ctx, actor, roundId, formId);
  assertEdit(actor, view.form);
  if (actor.role === 'reviewer') throw forbidden('整改情况由填报单位填写');
  const answer = input.answer.trim();
  if (answer === '') throw new ServiceError('VALIDATION_FAILED', '请填写整改情况');
  const id = await reportId(ctx, roundId, formId);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('monitoring_decisions')
      .set({ answer, answered_by: actor.username, answered_at: nowIso(ctx) })
      .where('report_id', '=', id)
      .where('subject', '=', input.subject)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw notFound('该整改要求');
    await recordAudit(
      { ...ctx, db: trx },
      {
        action: 'light-answered',
        actor: actor.username,
        target: id,
        details: { roundId, formId, subject: input.subject, answer },
      },
    );
  });
  return getMonitoringReport(ctx, actor, roundId, formId);
}
