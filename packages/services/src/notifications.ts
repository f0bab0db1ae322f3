import type { Database, EvaluationStatus, Kysely, NotificationKind } from '@jixiao/db';
import type { ServiceContext } from './context.ts';
import { nowIso } from './context.ts';
import type { Actor } from './actor.ts';
import { displayNames } from './directory.ts';
import { ServiceError } from './errors.ts';
import type { TransitionAction } from './workflow.ts';

/** What each kind of notification tells the unit, after the actor's name. */
export const NOTIFICATION_TEXT: Record<NotificationKind, string> = {
  return: '退回了本单位的自评，请按审核意见修改后重新提交',
  approve: '审核通过了本单位的自评',
  publish: '公开了本单位的自评报告',
  withdraw: '撤回了本单位已公开的自评报告，自评已退回修改',
  reopen: '重新打开了本单位已审核通过的自评，自评已退回修改',
  remind: '催办本单位的自评',
};

/** A reminder's words when the reviewer leaves none, by what the unit still owes. */
export const REMIND_TEXT: Partial<Record<EvaluationStatus, string>> = {
  draft: '自评尚未提交，请尽快完成填报，由单位负责人提交审核。',
  returned: '自评已退回，请按审核意见修改后尽快重新提交。',
};

/** A reminder's words for a unit that has not started the round's evaluation. */
export const REMIND_NOT_STARTED = '本单位尚未开始填报，请尽快新建自评，由单位负责人提交审核。';

/** The notification a workflow move sends to the unit, if any (submitting tells nobody). */
export function notificationKindOf(
  action: TransitionAction,
  from: EvaluationStatus,
): NotificationKind | null {
  switch (action) {
    case 'submit':
      return null;
    case 'return':
    case 'approve':
    case 'publish':
      return action;
    case 'reopen':
      return from === 'published' ? 'withdraw' : 'reopen';
  }
}

/** Longest comment a notification keeps (the review event keeps the whole text). */
const COMMENT_LIMIT = 1000;

/** The comment as a notification shows it: the overall one, else the field comments joined. */
export function notificationComment(
  comment: string | undefined,
  comments: readonly { text: string }[] = [],
): string | null {
  const overall = (comment ?? '').trim();
  const text = overall !== '' ? overall : comments.map((c) => c.text.trim()).join('；');
  if (text === '') return null;
  return text.length > COMMENT_LIMIT ? `${text.slice(0, COMMENT_LIMIT)}…` : text;
}

/**
 * Writes one notification for each active filer and head of the unit, inside the caller's
 * transaction (the decision and its notifications commit together). Returns how many.
 */
export async function notifyUnit(
  db: Kysely<Database>,
  ctx: ServiceContext,
  n: {
    departmentId: string;
    /** Null for a reminder to a unit that has not started the evaluation. */
    evaluationId: string | null;
    kind: NotificationKind;
    actor: string;
    comment: string | null;
  },
): Promise<number> {
  const users = await db
    .selectFrom('users')
    .select('id')
    .where('department_id', '=', n.departmentId)
    .where('role', 'in', ['filer', 'head'])
    .where('disabled', '=', 0)
    .execute();
  if (users.length === 0) return 0;
  const at = nowIso(ctx);
  await db
    .insertInto('notifications')
    .values(
      users.map((u) => ({
        id: ctx.newId(),
        user_id: u.id,
        evaluation_id: n.evaluationId,
        kind: n.kind,
        actor: n.actor,
        comment: n.comment,
        created_at: at,
        read_at: null,
      })),
    )
    .execute();
  return users.length;
}

/** A notification as the header's list shows it. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  /** "王审核 退回了本单位的自评，…": who did what. */
  summary: string;
  actorName: string;
  comment: string | null;
  evaluationId: string | null;
  /** The evaluation's title, unit and year (null when it is gone). */
  title: string | null;
  departmentName: string | null;
  year: number | null;
  at: string;
  read: boolean;
}

/** Most notifications one list returns. */
export const NOTIFICATION_PAGE = 50;

/** The user's newest notifications and how many are unread. */
export async function listNotifications(
  ctx: ServiceContext,
  actor: Actor,
  options: { limit?: number | undefined } = {},
): Promise<{ items: NotificationView[]; unread: number }> {
  const rows = await ctx.db
    .selectFrom('notifications as n')
    .leftJoin('evaluations as e', 'e.id', 'n.evaluation_id')
    .leftJoin('departments as d', 'd.id', 'e.department_id')
    .select([
      'n.id',
      'n.kind',
      'n.actor',
      'n.comment',
      'n.evaluation_id',
      'n.created_at',
      'n.read_at',
      'e.title',
      'e.year',
      'd.name as department_name',
    ])
    .where('n.user_id', '=', actor.id)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(Math.min(Math.max(options.limit ?? NOTIFICATION_PAGE, 1), NOTIFICATION_PAGE))
    .execute();
  const names = await displayNames(
    ctx,
    rows.map((r) => r.actor),
  );
  const items = rows.map((r): NotificationView => {
    const actorName = names.get(r.actor) ?? r.actor;
    return {
      id: r.id,
      kind: r.kind,
      summary: `${actorName} ${NOTIFICATION_TEXT[r.kind]}`,
      actorName,
      comment: r.comment,
      evaluationId: r.evaluation_id,
      title: r.title,
      departmentName: r.department_name,
      year: r.year,
      at: r.created_at,
      read: r.read_at !== null,
    };
  });
  return { items, unread: await unreadCount(ctx, actor) };
}

/** How many of the user's notifications are unread. */
export async function unreadCount(ctx: ServiceContext, actor: Actor): Promise<number> {
  const row = await ctx.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('user_id', '=', actor.id)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Marks the named notifications of the user read (or all of them); a name that is not one of the
 * user's notifications is refused, and nothing is marked. Returns how many are still unread.
 */
export async function markNotificationsRead(
  ctx: ServiceContext,
  actor: Actor,
  which: { ids: readonly string[] } | { all: true },
): Promise<{ unread: number }> {
  let update = ctx.db
    .updateTable('notifications')
    .set({ read_at: nowIso(ctx) })
    .where('user_id', '=', actor.id)
    .where('read_at', 'is', null);
  if ('ids' in which) {
    const ids = [...new Set(which.ids)];
    if (ids.length === 0) throw new ServiceError('VALIDATION_FAILED', '请指明要标为已读的通知');
    if (ids.length > NOTIFICATION_PAGE * 4)
      throw new ServiceError('VALIDATION_FAILED', `一次最多标记 ${NOTIFICATION_PAGE * 4} 条通知`);
    const mine = await ctx.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', actor.id)
      .where('id', 'in', ids)
      .execute();
    if (mine.length !== ids.length)
      throw new ServiceError('NOT_FOUND', '通知不存在或不属于当前用户', {
        missing: ids.filter((id) => !mine.some((m) => m.id === id)),
      });
    update = update.where('id', 'in', ids);
  }
  await update.execute();
  return { unread: await unreadCount(ctx, actor) };
}
