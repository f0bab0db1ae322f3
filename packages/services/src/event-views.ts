import type { ServiceContext } from './context.ts';
import { displayNames } from './directory.ts';

/** The columns an evaluation's review events and a target form's events share. */
export interface EventRow {
  id: string;
  action: string;
  from_status: string;
  to_status: string;
  comment: string | null;
  actor: string;
  at: string;
}

/** A timeline entry as the pages show it. */
export interface EventView {
  id: string;
  action: string;
  fromStatus: string;
  toStatus: string;
  comment: string | null;
  actor: string;
  /** The actor's name as people know it (the log-in name where the account is gone). */
  actorName: string;
  at: string;
}

/** Events in their order, each with its actor's name and what `extra` adds of its own row. */
export async function eventViews<R extends EventRow, X extends object>(
  ctx: ServiceContext,
  rows: readonly R[],
  extra: (row: R) => X,
): Promise<(EventView & X)[]> {
  const names = await displayNames(
    ctx,
    rows.map((r) => r.actor),
  );
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    comment: r.comment,
    actor: r.actor,
    actorName: names.get(r.actor) ?? r.actor,
    at: r.at,
    ...extra(r),
  }));
}
