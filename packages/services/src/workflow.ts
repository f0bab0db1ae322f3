import { eventViews } from './event-views.ts';
import type { EventView } from './event-views.ts';
import type { EvaluationStatus, UserRole } from '@jixiao/db';
import type { ServiceContext } from './context.ts';
import { nowIso } from './context.ts';
import type { Actor } from './actor.ts';
import { ROLE_LABELS } from './actor.ts';
import { ServiceError, forbidden, notFound } from './errors.ts';
import { assertSee } from './access.ts';
import type { EvaluationRecord } from './evaluation-record.ts';
import { getEvaluationRecord } from './evaluations.ts';
import type { ReviewComment } from './workflow-events.ts';
import { appendEvent } from './workflow-events.ts';
import { unexplainedFindings, writeAnswers } from './finding-decisions.ts';
import { notificationComment, notificationKindOf, notifyUnit } from './notifications.ts';
import { EVALUATION_STATUS_LABELS_ZH } from '@jixiao/domain';

export type TransitionAction = 'submit' | 'return' | 'approve' | 'publish' | 'reopen';

interface TransitionRule {
  from: readonly EvaluationStatus[];
  to: EvaluationStatus;
  roles: readonly UserRole[];
  label: string;
}

/** draft → submitted (by the head) → returned | approved → published; reopen undoes an approval. */
export const TRANSITIONS: Record<TransitionAction, TransitionRule> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['head', 'admin'], label: '提交' },
  return: { from: ['submitted'], to: 'returned', roles: ['reviewer', 'admin'], label: '退回' },
  approve: { from: ['submitted'], to: 'approved', roles: ['reviewer', 'admin'], label: '审核通过' },
  publish: { from: ['approved'], to: 'published', roles: ['reviewer', 'admin'], label: '公开' },
  reopen: {
    from: ['approved', 'published'],
    to: 'returned',
    roles: ['reviewer', 'admin'],
    label: '重新打开',
  },
};

export const STATUS_LABELS: Record<EvaluationStatus, string> = EVALUATION_STATUS_LABELS_ZH;

/** Moves an evaluation along the workflow; refuses illegal moves with a Chinese message. */
export async function transition(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: {
    action: TransitionAction;
    comment?: string | undefined;
    comments?: ReviewComment[] | undefined;
    /** On submit: 情况说明 for confirmed findings still present (submitting asks for them). */
    answers?: { fingerprint: string; text: string }[] | undefined;
  },
): Promise<EvaluationRecord> {
  const record = await getEvaluationRecord(ctx, id);
  assertSee(actor, record);
  const rule = TRANSITIONS[input.action];
  if (!rule.roles.includes(actor.role)) {
    throw forbidden(`${ROLE_LABELS[actor.role]}不能执行“${rule.label}”操作`);
  }
  if (
    input.action === 'return' &&
    (input.comment ?? '').trim() === '' &&
    (input.comments ?? []).length === 0
  ) {
    throw new ServiceError('VALIDATION_FAILED', '退回时须填写退回意见');
  }
  if (input.action === 'submit') {
    if ((input.answers ?? []).length > 0)
      await writeAnswers(ctx, actor, record, input.answers ?? []);
    // A confirmed finding still there at submission needs its explanation first.
    const unexplained = await unexplainedFindings(ctx, id);
    if (unexplained.length > 0)
      throw new ServiceError(
        'EXPLANATION_REQUIRED',
        `仍有 ${unexplained.length} 条已确认的审查发现未整改，提交前须逐条填写情况说明`,
        { unexplained },
      );
  }
  const reason = (input.comment ?? '').trim();
  const errors = record.findingCounts.error;
  // Publishing a report with open errors, or withdrawing a published one, is a decision on the
  // record: it needs its reason.
  if (input.action === 'publish' && errors > 0 && reason === '')
    throw new ServiceError(
      'VALIDATION_FAILED',
      `该自评仍有 ${errors} 个错误，如仍要公开，须填写公开理由`,
      { errors },
    );
  if (input.action === 'reopen' && record.status === 'published' && reason === '')
    throw new ServiceError('VALIDATION_FAILED', '撤回公开须填写理由');
  const now = nowIso(ctx);
  const moved = await ctx.db.transaction().execute(async (trx) => {
    let from: EvaluationStatus;
    // The row moves only from the status read; when a transition made at the same moment moved
    // it first (PostgreSQL lets both read the old status), the status is read again, so two
    // submissions or an approval and a return at once cannot both succeed and both be logged.
    for (;;) {
      const row = await trx
        .selectFrom('evaluations')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirst();
      if (row === undefined) throw notFound('自评');
      from = row.status;
      if (!rule.from.includes(from)) return from;
      const updated = await trx
        .updateTable('evaluations')
        .set({
          status: rule.to,
          updated_at: now,
          updated_by: actor.username,
          ...(rule.to === 'published' ? { published_at: now } : {}),
          ...(input.action === 'reopen' ? { published_at: null } : {}),
        })
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 1n) break;
    }
    await appendEvent(trx, ctx, {
      evaluationId: id,
      action: input.action,
      fromStatus: from,
      toStatus: rule.to,
      comment: input.comment ?? null,
      comments: input.comments ?? [],
      actor: actor.username,
    });
    // The unit learns of the decision in the same transaction: both are there, or neither.
    const kind = notificationKindOf(input.action, from);
    if (kind !== null)
      await notifyUnit(trx, ctx, {
        departmentId: record.departmentId,
        evaluationId: id,
        kind,
        actor: actor.username,
        comment: notificationComment(input.comment, input.comments),
      });
    return null;
  });
  if (moved !== null) {
    throw new ServiceError(
      'ILLEGAL_TRANSITION',
      `自评当前状态为“${STATUS_LABELS[moved]}”，不能${rule.label}`,
      {
        status: moved,
        action: input.action,
        allowedFrom: rule.from,
      },
    );
  }
  return getEvaluationRecord(ctx, id);
}

export interface ReviewEventView extends EventView {
  comments: ReviewComment[];
}

export async function listEvents(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<ReviewEventView[]> {
  const record = await getEvaluationRecord(ctx, id);
  assertSee(actor, record);
  const rows = await ctx.db
    .selectFrom('review_events')
    .selectAll()
    .where('evaluation_id', '=', id)
    .orderBy('seq')
    .execute();
  return eventViews(ctx, rows, (r) => ({ comments: JSON.parse(r.comments) as ReviewComment[] }));
}
