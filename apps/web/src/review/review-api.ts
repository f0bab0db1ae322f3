import type { EvaluationKind } from '@jixiao/domain';
import { query, request, type Status } from '../api.ts';

/** The client side of 审核's bulk actions and export, and of notifications (apps/server/API.md). */

export type BulkAction = 'approve' | 'publish' | 'remind';

export interface BulkOutcome {
  id: string;
  ok: boolean;
  title: string | null;
  departmentName: string | null;
  status: Status | null;
  code: string | null;
  message: string;
}

export interface BulkResult {
  action: BulkAction;
  items: BulkOutcome[];
  succeeded: number;
  failed: number;
}

export type NotificationKind = 'return' | 'approve' | 'publish' | 'withdraw' | 'reopen' | 'remind';

export interface Notification {
  id: string;
  kind: NotificationKind;
  /** "王审核 退回了本单位的自评，…" */
  summary: string;
  actorName: string;
  comment: string | null;
  evaluationId: string | null;
  title: string | null;
  departmentName: string | null;
  year: number | null;
  at: string;
  read: boolean;
}

export interface ReviewFilter {
  year?: number | undefined;
  status?: Status | undefined;
  kind?: EvaluationKind | undefined;
}

export const reviewApi = {
  bulk: (action: BulkAction, ids: readonly (string | number)[], comment?: string) =>
    request<BulkResult>('POST', '/api/review/bulk', {
      action,
      ids: ids.map(String),
      ...(comment ? { comment } : {}),
    }),
  notifications: () =>
    request<{ items: Notification[]; unread: number }>('GET', '/api/notifications'),
  markRead: (which: { ids: string[] } | { all: true }) =>
    request<{ unread: number }>('POST', '/api/notifications/read', which),
};

/** The review list as filtered, as .xlsx. */
export const reviewExportUrl = (f: ReviewFilter) =>
  `/api/review/export.xlsx${query({ year: f.year, status: f.status, kind: f.kind })}`;
