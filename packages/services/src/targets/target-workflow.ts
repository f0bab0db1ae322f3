import type { TargetStatus, UserRole } from '@jixiao/db';
import type { ServiceContext } from '../context.ts';
import type { Actor } from '../actor.ts';
import { ROLE_LABELS } from '../actor.ts';
import { ServiceError, forbidden, notFound } from '../errors.ts';
import { assertSee } from '../access.ts';
import { eventViews } from '../event-views.ts';
import type { EventView } from '../event-views.ts';
import { getTargetRecord } from './target-forms.ts';
import type { TargetFormRecord } from './target-record.ts';
import { appendTargetEvent } from './target-events.ts';
import { TARGET_STATUS_LABELS_ZH } from '@jixiao/domain';

export type TargetAction = 'submit' | 'return' | 'approve';

interface Rule {
  from: readonly TargetStatus[];
  to: TargetStatus;
  roles: readonly UserRole[];
  label: string;
}

/** The evaluations' workflow and roles: the head files, a reviewer returns or approves. */
export const TARGET_TRANSITIONS: Record<TargetAction, Rule> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['head', 'admin'], label: '提交' },
  return: { from: ['submitted'], to: 'returned', roles: ['reviewer', 'admin'], label: '退回' },
  approve: { from: ['submitted'], to: 'approved', roles: ['reviewer', 'admin'], label: '审核通过' },
};

export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = TARGET_STATUS_LABELS_ZH;

/** Moves a form along the workflow; approval makes the current version the one in force. */
export async function transitionTargets(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: { action: TargetAction; comment?: string | undefined },
): Promise<TargetFormRecord> {
  const record = await getTargetRecord(ctx, id);
  assertSee(actor, record);
  const rule = TARGET_TRANSITIONS[input.action];
  if (!rule.roles.includes(actor.role))
    throw forbidden(`${ROLE_LABELS[actor.role]}不能执行“${rule.label}”操作`);
  const comment = (input.comment ?? '').trim();
  if (input.action === 'return' && comment === '')
    throw new ServiceError('VALIDATION_FAILED', '退回时须填写退回意见');
  const moved = await ctx.db.transaction().execute(async (trx) => {
    let from: TargetStatus;
    // Moved only from the status and version read; when a transition or save made at the same
    // moment changed the row first, it is read again (as for evaluations' transitions).
    for (;;) {
      const row = await trx
        .selectFrom('target_forms')
        .select(['status', 'version'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (row === undefined) throw notFound('绩效目标');
      from = row.status;
      if (!rule.from.includes(from)) return from;
      const updated = await trx
        .updateTable('target_forms')
        .set({
          status: rule.to,
          ...(input.action === 'approve' ? { approved_version: row.version } : {}),
        })
        .where('id', '=', id)
        .where('status', '=', from)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 1n) break;
    }
    await appendTargetEvent(trx, ctx, {
      formId: id,
      action: input.action,
      fromStatus: from,
      toStatus: rule.to,
      comment: comment === '' ? null : comment,
      actor: actor.username,
    });
    return null;
  });
  if (moved !== null)
    throw new ServiceError(
      'ILLEGAL_TRANSITION',
      `绩效目标当前状态为“${TARGET_STATUS_LABELS[moved]}”，不能${rule.label}`,
      { status: moved, action: input.action, allowedFrom: rule.from },
    );
  return getTargetRecord(ctx, id);
}

export type TargetEventView = EventView;

export async function listTargetEvents(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<TargetEventView[]> {
  const record = await getTargetRecord(ctx, id);
  assertSee(actor, record);
  const rows = await ctx.db
    .selectFrom('target_events')
    .selectAll()
    .where('form_id', '=', id)
    .orderBy('seq')
    .execute();
  return eventViews(ctx, rows, () => ({}));
}
