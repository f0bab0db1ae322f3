import type { EvaluationStatus } from '@jixiao/db';
import type { ServiceContext } from './context.ts';
import type { Actor } from './actor.ts';
import { ROLE_LABELS } from './actor.ts';
import { assertSee } from './access.ts';
import { recordAudit } from './audit-log.ts';
import { ServiceError, forbidden } from './errors.ts';
import { getEvaluationRecord } from './evaluations.ts';
import type { EvaluationRecord } from './evaluation-record.ts';
import { REMIND_TEXT, notifyUnit } from './notifications.ts';
import { appendEvent } from './workflow-events.ts';
import { STATUS_LABELS, TRANSITIONS, transition } from './workflow.ts';

export type BulkAction = 'approve' | 'publish' | 'remind';

/** Most evaluations one bulk action takes (a region's year is a few hundred). */
export const BULK_LIMIT = 200;

const BULK_LABELS: Record<BulkAction, string> = {
  approve: '审核通过',
  publish: '公开',
  remind: '催办',
};

/** What happened to one evaluation of a bulk action. */
export interface BulkOutcome {
  id: string;
  ok: boolean;
  /** The evaluation's title and unit, when it exists and the actor may see it. */
  title: string | null;
  departmentName: string | null;
  /** Its status afterwards (null when it does not exist or may not be seen). */
  status: EvaluationStatus | null;
  /** The failure's stable code (ILLEGAL_TRANSITION, VALIDATION_FAILED, NOT_FOUND, FORBIDDEN…). */
  code: string | null;
  /** "已审核通过", or the Chinese reason it failed. */
  message: string;
}

export interface BulkResult {
  action: BulkAction;
  items: BulkOutcome[];
  succeeded: number;
  failed: number;
}

/** Statuses a reminder is for: the unit still owes the evaluation, or owes its corrections. */
const REMINDABLE: readonly EvaluationStatus[] = ['draft', 'returned'];

/**
 * Approves, publishes or reminds many evaluations at once. Each one goes through the same rules
 * as the single action (`transition`: roles, states, the reason to publish over open errors) and
 * succeeds or fails on its own with its Chinese reason; each outcome is in the audit log.
 */
export async function bulkReview(
  ctx: ServiceContext,
  actor: Actor,
  input: {
    action: BulkAction;
    ids: readonly string[];
    comment?: string | undefined;
    ip?: string | undefined;
  },
): Promise<BulkResult> {
  const label = BULK_LABELS[input.action];
  const roles =
    input.action === 'remind' ? TRANSITIONS.return.roles : TRANSITIONS[input.action].roles;
  if (!roles.includes(actor.role)) throw forbidden(`${ROLE_LABELS[actor.role]}不能批量${label}`);
  const ids = [...new Set(input.ids.map((id) => id.trim()))];
  if (ids.length === 0)
    throw new ServiceError('VALIDATION_FAILED', `请至少选择一项自评再批量${label}`);
  if (ids.length > BULK_LIMIT)
    throw new ServiceError(
      'VALIDATION_FAILED',
      `一次最多批量${label} ${BULK_LIMIT} 项自评，已选 ${ids.length} 项，请分批处理`,
      { limit: BULK_LIMIT, selected: ids.length },
    );
  const comment = (input.comment ?? '').trim();
  const items: BulkOutcome[] = [];
  for (const id of ids) {
    const outcome = await bulkOne(ctx, actor, input.action, id, comment);
    items.push(outcome);
    await recordAudit(ctx, {
      action: input.action === 'remind' ? 'remind' : 'bulk-review',
      actor: actor.username,
      target: id,
      ip: input.ip ?? null,
      details: {
        bulk: true,
        action: input.action,
        ok: outcome.ok,
        ...(outcome.code !== null ? { code: outcome.code } : {}),
      },
    });
  }
  const succeeded = items.filter((i) => i.ok).length;
  return { action: input.action, items, succeeded, failed: items.length - succeeded };
}

async function bulkOne(
  ctx: ServiceContext,
  actor: Actor,
  action: BulkAction,
  id: string,
  comment: string,
): Promise<BulkOutcome> {
  let seen: EvaluationRecord | null = null;
  try {
    if (id === '' || id.length > 64) throw new ServiceError('NOT_FOUND', '自评不存在');
    const record = await getEvaluationRecord(ctx, id);
    assertSee(actor, record);
    seen = record;
    const after =
      action === 'remind'
        ? await remind(ctx, actor, record, comment)
        : await transition(ctx, actor, id, {
            action,
            ...(comment !== '' ? { comment } : {}),
          });
    return {
      id,
      ok: true,
      title: after.title,
      departmentName: after.departmentName,
      status: after.status,
      code: null,
      message: action === 'remind' ? '已催办' : `已${BULK_LABELS[action]}`,
    };
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return {
      id,
      ok: false,
      title: seen?.title ?? null,
      departmentName: seen?.departmentName ?? null,
      status: seen?.status ?? null,
      code: error.code,
      message: error.message,
    };
  }
}

/**
 * Reminds the unit of an evaluation it still owes (a draft) or owes corrections to (returned):
 * a notification to its filers and heads and an entry in the evaluation's timeline, together.
 */
async function remind(
  ctx: ServiceContext,
  actor: Actor,
  record: EvaluationRecord,
  message: string,
): Promise<EvaluationRecord> {
  const text = message !== '' ? message : (REMIND_TEXT[record.status] ?? '');
  const refused = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('evaluations')
      .select('status')
      .where('id', '=', record.id)
      .executeTakeFirst();
    const status = row?.status ?? record.status;
    if (!REMINDABLE.includes(status)) return status;
    await appendEvent(trx, ctx, {
      evaluationId: record.id,
      action: 'remind',
      fromStatus: status,
      toStatus: status,
      comment: text,
      comments: [],
      actor: actor.username,
    });
    await notifyUnit(trx, ctx, {
      departmentId: record.departmentId,
      evaluationId: record.id,
      kind: 'remind',
      actor: actor.username,
      comment: text,
    });
    return null;
  });
  if (refused !== null)
    throw new ServiceError(
      'ILLEGAL_TRANSITION',
      `自评当前状态为“${STATUS_LABELS[refused]}”，${
        refused === 'submitted' ? '正等待审核' : '单位已无待办'
      }，无需催办`,
      { status: refused, action: 'remind', allowedFrom: REMINDABLE },
    );
  return record;
}
