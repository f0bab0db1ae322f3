import { findingIdentity } from '@jixiao/domain';
import type { Finding } from '@jixiao/domain';
import type { DecisionState, Kysely, Database, Selectable, FindingDecisionTable } from '@jixiao/db';
import type { ServiceContext } from './context.ts';
import { nowIso } from './context.ts';
import type { Actor } from './actor.ts';
import { ServiceError, forbidden } from './errors.ts';
import { canEdit } from './access.ts';
import { recordAudit } from './audit-log.ts';
import { displayNames } from './directory.ts';
import { derivedColumns } from './evaluation-record.ts';
import type { EvaluationWithBody } from './evaluation-record.ts';
import { evaluateBody, getEvaluation } from './evaluations.ts';
import { applyDecisions, decisionsFor, unitKeyOf } from './decision-save.ts';

/** A decision as pages show it (who by name, when, and whether it was made elsewhere). */
export interface DecisionView {
  id: string;
  fingerprint: string;
  subjectKey: string;
  textFingerprint: string | null;
  code: string;
  category: string;
  severity: string;
  message: string;
  path: string;
  stated: string | null;
  expected: string | null;
  excerpt: string | null;
  state: DecisionState;
  reason: string | null;
  correction: string | null;
  deadline: string | null;
  decidedBy: string;
  decidedByName: string;
  decidedAt: string;
  decidedVersion: number | null;
  answer: string | null;
  answeredBy: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
  fixedVersion: number | null;
  fixedAt: string | null;
  /** Made on another evaluation or batch audit of the same unit (a dismissal carried over). */
  carried: boolean;
}

type Row = Selectable<FindingDecisionTable>;

async function toViews(
  ctx: ServiceContext,
  rows: readonly Row[],
  scope: string | null,
): Promise<DecisionView[]> {
  const names = await displayNames(
    ctx,
    rows.flatMap((r) => (r.answered_by !== null ? [r.decided_by, r.answered_by] : [r.decided_by])),
  );
  return rows.map((r) => ({
    id: r.id,
    fingerprint: r.fingerprint,
    subjectKey: r.subject_key,
    textFingerprint: r.text_fingerprint,
    code: r.code,
    category: r.category,
    severity: r.severity,
    message: r.message,
    path: r.path,
    stated: r.stated,
    expected: r.expected,
    excerpt: r.excerpt,
    state: r.state,
    reason: r.reason,
    correction: r.correction,
    deadline: r.deadline,
    decidedBy: r.decided_by,
    decidedByName: names.get(r.decided_by) ?? r.decided_by,
    decidedAt: r.decided_at,
    decidedVersion: r.decided_version,
    answer: r.answer,
    answeredBy: r.answered_by,
    answeredByName: r.answered_by === null ? null : (names.get(r.answered_by) ?? r.answered_by),
    answeredAt: r.answered_at,
    fixedVersion: r.fixed_version,
    fixedAt: r.fixed_at,
    carried: scope !== null && r.scope !== scope,
  }));
}

const unitOf = (e: EvaluationWithBody | { regionId: string; departmentName: string }): string =>
  unitKeyOf(e.regionId, e.departmentName);

/** The decisions on an evaluation's findings, with the dismissals its unit carries from elsewhere. */
export async function listDecisions(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<DecisionView[]> {
  const e = await getEvaluation(ctx, actor, id);
  const rows = await ctx.db
    .selectFrom('finding_decisions')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('scope', '=', id),
        eb.and([eb('unit_key', '=', unitOf(e)), eb('state', '=', 'dismissed')]),
      ]),
    )
    .orderBy('decided_at')
    .execute();
  return toViews(ctx, rows, id);
}

export interface DecisionInput {
  fingerprint: string;
  state: DecisionState | 'open';
  reason?: string | undefined;
  correction?: string | undefined;
  /** YYYY-MM-DD; a confirmed finding without one is due 15 days after the decision. */
  deadline?: string | undefined;
}

const DEFAULT_DAYS = 15;

function dueDate(ctx: ServiceContext, given: string | undefined): string {
  if (given !== undefined && given !== '') return given;
  return new Date(ctx.now().getTime() + DEFAULT_DAYS * 86_400_000).toISOString().slice(0, 10);
}

/** Only reviewers decide, on their own region's evaluations. */
function assertReviewer(actor: Actor): void {
  if (actor.role !== 'reviewer') throw forbidden('只有审核人可以认定审查发现');
}

/** The current version's finding with this identity, or a 404 saying the version moved on. */
function findingWith(e: EvaluationWithBody, findings: readonly Finding[], fingerprint: string) {
  for (const f of findings) {
    const identity = findingIdentity(f, e.body);
    if (identity.fingerprint === fingerprint) return { f, identity };
  }
  throw new ServiceError('NOT_FOUND', '当前版本中已没有这条审查发现，请刷新后再认定', {
    fingerprint,
  });
}

/**
 * Recounts the evaluation's findings after a decision (dismissed ones leave the counts) without a
 * new version, so lists and the dashboard agree with the review page.
 */
async function recount(
  ctx: ServiceContext,
  trx: Kysely<Database>,
  e: EvaluationWithBody,
  findings: readonly Finding[],
  sheet: Parameters<typeof derivedColumns>[1],
): Promise<void> {
  const decided = applyDecisions(e.body, findings, await decisionsFor(ctx, trx, e.id, unitOf(e)));
  const { columns, categories } = derivedColumns(e.body, sheet, decided.counted);
  await trx
    .updateTable('evaluations')
    .set({
      error_count: columns.error_count,
      warning_count: columns.warning_count,
      info_count: columns.info_count,
    })
    .where('id', '=', e.id)
    .execute();
  await trx.deleteFrom('evaluation_findings').where('evaluation_id', '=', e.id).execute();
  for (const [category, count] of categories)
    await trx
      .insertInto('evaluation_findings')
      .values({
        evaluation_id: e.id,
        category,
        count,
        year: e.year,
        kind: e.kind,
        department_id: e.departmentId,
      })
      .execute();
}

/** A reviewer confirms a finding, dismisses it with a reason, or sets it open again; logged. */
export async function decideFinding(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: DecisionInput,
): Promise<DecisionView[]> {
  const e = await getEvaluation(ctx, actor, id);
  assertReviewer(actor);
  const reason = (input.reason ?? '').trim();
  if (input.state === 'dismissed' && reason === '')
    throw new ServiceError('VALIDATION_FAILED', '标记为“不是问题”须填写理由');
  const { scoreSheet, findings } = await evaluateBody(ctx, e.body, e);
  const now = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (input.state === 'open') {
      await trx
        .deleteFrom('finding_decisions')
        .where('scope', '=', id)
        .where('fingerprint', '=', input.fingerprint)
        .execute();
    } else {
      const { f, identity } = findingWith(e, findings, input.fingerprint);
      const correction = (input.correction ?? '').trim();
      const decided = {
        state: input.state,
        reason: reason === '' ? null : reason,
        correction:
          correction !== '' ? correction : f.expected !== undefined ? `应为${f.expected}` : null,
        deadline: input.state === 'confirmed' ? dueDate(ctx, input.deadline) : null,
        decided_by: actor.username,
        decided_at: now,
        decided_version: e.version,
        fixed_version: null,
        fixed_at: null,
      };
      await trx
        .insertInto('finding_decisions')
        .values({
          id: ctx.newId(),
          scope: id,
          unit_key: unitOf(e),
          region_id: e.regionId,
          department_id: e.departmentId,
          evaluation_id: id,
          fingerprint: identity.fingerprint,
          subject_key: identity.subjectKey,
          text_fingerprint: identity.textFingerprint,
          code: f.code,
          category: f.category,
          severity: f.severity,
          message: f.message,
          path: f.path,
          stated: f.stated ?? null,
          expected: f.expected ?? null,
          excerpt: f.excerpt ?? null,
          ...decided,
        })
        .onConflict((oc) => oc.columns(['scope', 'fingerprint']).doUpdateSet(decided))
        .execute();
    }
    await recount(ctx, trx, e, findings, scoreSheet);
  });
  await recordAudit(ctx, {
    action: 'finding-decided',
    actor: actor.username,
    target: id,
    details: {
      fingerprint: input.fingerprint,
      state: input.state,
      ...(reason !== '' ? { reason } : {}),
      version: e.version,
    },
  });
  return listDecisions(ctx, actor, id);
}

/** The unit's filer or head answers a confirmed finding with a 情况说明; logged. */
export async function answerFinding(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: { fingerprint: string; text: string },
): Promise<DecisionView[]> {
  const e = await getEvaluation(ctx, actor, id);
  if (!(actor.role === 'filer' || actor.role === 'head') || !canEdit(actor, e))
    throw forbidden('只有本单位的填报人或负责人可以填写情况说明');
  await writeAnswers(ctx, actor, e, [input]);
  return listDecisions(ctx, actor, id);
}

/** Stores 情况说明 for confirmed findings of the evaluation, each logged. */
export async function writeAnswers(
  ctx: ServiceContext,
  actor: Actor,
  e: { id: string },
  answers: readonly { fingerprint: string; text: string }[],
): Promise<void> {
  const now = nowIso(ctx);
  for (const a of answers) {
    const text = a.text.trim();
    if (text === '') throw new ServiceError('VALIDATION_FAILED', '情况说明不能为空');
    const updated = await ctx.db
      .updateTable('finding_decisions')
      .set({ answer: text, answered_by: actor.username, answered_at: now })
      .where('scope', '=', e.id)
      .where('fingerprint', '=', a.fingerprint)
      .where('state', '=', 'confirmed')
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n)
      throw new ServiceError('NOT_FOUND', '没有这条已确认的审查发现，无法填写情况说明', {
        fingerprint: a.fingerprint,
      });
    await recordAudit(ctx, {
      action: 'finding-answered',
      actor: actor.username,
      target: e.id,
      details: { fingerprint: a.fingerprint, text },
    });
  }
}

/** Confirmed findings still present and not explained: submitting asks for their 情况说明. */
export async function unexplainedFindings(
  ctx: ServiceContext,
  id: string,
): Promise<{ fingerprint: string; message: string }[]> {
  return ctx.db
    .selectFrom('finding_decisions')
    .select(['fingerprint', 'message'])
    .where('scope', '=', id)
    .where('state', '=', 'confirmed')
    .where('fixed_version', 'is', null)
    .where('answer', 'is', null)
    .orderBy('decided_at')
    .execute();
}
