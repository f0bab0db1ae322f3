import type { Database, Kysely } from '@jixiao/db';
import type { ServiceContext } from '../context.ts';
import { nowIso } from '../context.ts';

export interface NewTargetEvent {
  formId: string;
  action: string;
  fromStatus: string;
  toStatus: string;
  comment: string | null;
  actor: string;
}

/** Appends a workflow event of a target form inside the caller's transaction, numbered per form. */
export async function appendTargetEvent(
  db: Kysely<Database>,
  ctx: ServiceContext,
  event: NewTargetEvent,
): Promise<void> {
  const last = await db
    .selectFrom('target_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('form_id', '=', event.formId)
    .executeTakeFirst();
  await db
    .insertInto('target_events')
    .values({
      id: ctx.newId(),
      form_id: event.formId,
      seq: (last?.seq ?? 0) + 1,
      action: event.action,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      comment: event.comment,
      actor: event.actor,
      at: nowIso(ctx),
    })
    .execute();
}
