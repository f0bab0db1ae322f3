import type { Kysely, Database } from '@jixiao/db';
import type { ServiceContext } from './context.ts';
import { nowIso } from './context.ts';

export interface ReviewComment {
  path?: string | undefined;
  findingCode?: string | undefined;
  text: string;
}

export interface NewEvent {
  evaluationId: string;
  action: string;
  fromStatus: string;
  toStatus: string;
  comment: string | null;
  comments: ReviewComment[];
  actor: string;
}

/** Appends a review event inside the caller's transaction; events are numbered per evaluation. */
export async function appendEvent(
  db: Kysely<Database>,
  ctx: ServiceContext,
  event: NewEvent,
): Promise<void> {
  const last = await db
    .selectFrom('review_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('evaluation_id', '=', event.evaluationId)
    .executeTakeFirst();
  await db
    .insertInto('review_events')
    .values({
      id: ctx.newId(),
      evaluation_id: event.evaluationId,
      seq: (last?.seq ?? 0) + 1,
      action: event.action,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      comment: event.comment,
      comments: JSON.stringify(event.comments),
      actor: event.actor,
      at: nowIso(ctx),
    })
    .execute();
}
