import type { ServiceContext } from './context.ts';
import { nowIso } from './context.ts';

export type AuditAction =
  | 'login'
  | 'login-failed'
  | 'logout'
  | 'export'
  | 'denied'
  | 'user-created'
  | 'user-changed'
  | 'rulebook-added'
  | 'remind'
  | 'bulk-review'
  | 'import'
  | 'finding-decided'
  | 'finding-answered'
  | 'light-decided'
  | 'light-answered'
  | 'attachment-added'
  | 'attachment-changed'
  | 'attachment-deleted';

/** Appends to the append-only audit log (logins, failed logins, exports, denials). */
export async function recordAudit(
  ctx: ServiceContext,
  entry: {
    action: AuditAction;
    actor?: string | null;
    target?: string | null;
    ip?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await ctx.db
    .insertInto('audit_log')
    .values({
      id: ctx.newId(),
      at: nowIso(ctx),
      actor: entry.actor ?? null,
      action: entry.action,
      target: entry.target ?? null,
      ip: entry.ip ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  ip: string | null;
}

export async function listAudit(ctx: ServiceContext, limit = 200): Promise<AuditEntry[]> {
  return ctx.db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'action', 'target', 'ip'])
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
}
