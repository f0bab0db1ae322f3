import { gradeFor } from '@jixiao/domain';
import type { ReviewListRow } from '@jixiao/documents';
import { renderReviewListXlsx } from '@jixiao/documents';
import type { ServiceContext } from './context.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit-log.ts';
import { beijingTime } from './beijing-time.ts';
import { displayNames } from './directory.ts';
import { forbidden } from './errors.ts';
import type { EvaluationFilter } from './evaluations.ts';
import { listEvaluations } from './evaluations.ts';
import { getRulebook } from './rulebook-catalog.ts';
import { STATUS_LABELS } from './workflow.ts';

/** Most rows the exported review list holds (a region's evaluations of many years). */
export const REVIEW_EXPORT_LIMIT = 20_000;

const KIND_TEXT = { department: '部门整体支出', project: '项目支出' } as const;

/** The reviewer's decisions, by event action. */
const DECISIONS = new Set(['return', 'approve', 'publish', 'reopen']);

/** How many ids one `in (…)` takes (well under SQLite's and PostgreSQL's parameter limits). */
const CHUNK = 500;

/**
 * The review list as the reviewer filtered it (year, status, kind, unit), as .xlsx: unit, year,
 * kind, state, entered score and its grade, open errors and warnings, when it was last submitted
 * and decided (Beijing time) and by which reviewers.
 */
export async function exportReviewList(
  ctx: ServiceContext,
  actor: Actor,
  filter: Omit<EvaluationFilter, 'limit'>,
  ip?: string,
): Promise<{ fileName: string; bytes: Uint8Array; rows: number }> {
  if (actor.role !== 'reviewer' && actor.role !== 'admin')
    throw forbidden('只有审核人和管理员可以导出审核列表');
  const records = await listEvaluations(ctx, actor, { ...filter, limit: REVIEW_EXPORT_LIMIT });
  const events = new Map<string, { submittedAt: string; decidedAt: string; reviewers: string[] }>();
  for (let i = 0; i < records.length; i += CHUNK) {
    const ids = records.slice(i, i + CHUNK).map((r) => r.id);
    const rows = await ctx.db
      .selectFrom('review_events')
      .select(['evaluation_id', 'action', 'actor', 'at'])
      .where('evaluation_id', 'in', ids)
      .orderBy('evaluation_id')
      .orderBy('seq')
      .execute();
    for (const row of rows) {
      const entry = events.get(row.evaluation_id) ?? {
        submittedAt: '',
        decidedAt: '',
        reviewers: [],
      };
      if (row.action === 'submit') {
        // A resubmission awaits a new decision: the earlier one is not its decision.
        entry.submittedAt = row.at;
        entry.decidedAt = '';
      }
      if (DECISIONS.has(row.action)) {
        entry.decidedAt = row.at;
        if (!entry.reviewers.includes(row.actor)) entry.reviewers.push(row.actor);
      }
      events.set(row.evaluation_id, entry);
    }
  }
  const names = await displayNames(
    ctx,
    [...events.values()].flatMap((e) => e.reviewers),
  );
  const grades = new Map<string, Awaited<ReturnType<typeof getRulebook>>['options']['grades']>();
  const rows: ReviewListRow[] = [];
  for (const r of records) {
    if (!grades.has(r.rulebookId)) {
      const book = await getRulebook(ctx, r.rulebookId).catch(() => null);
      grades.set(r.rulebookId, book?.options.grades ?? null);
    }
    const e = events.get(r.id);
    rows.push({
      unitName: r.departmentName,
      year: r.year,
      kind: KIND_TEXT[r.kind],
      title: r.title,
      status: STATUS_LABELS[r.status],
      statedTotal: r.statedTotal,
      grade:
        r.statedTotal === null
          ? ''
          : (gradeFor(r.statedTotal, grades.get(r.rulebookId) ?? null) ?? ''),
      errors: r.findingCounts.error,
      warnings: r.findingCounts.warning,
      submittedAt: beijingTime(e?.submittedAt),
      decidedAt: beijingTime(e?.decidedAt),
      reviewers: (e?.reviewers ?? []).map((u) => names.get(u) ?? u).join('、'),
    });
  }
  const parts = [
    filter.year !== undefined ? `${filter.year}年度` : '',
    filter.status !== undefined ? STATUS_LABELS[filter.status] : '',
    filter.kind !== undefined ? KIND_TEXT[filter.kind] : '',
  ].filter((p) => p !== '');
  const title = ['审核列表', ...parts].join('-');
  await recordAudit(ctx, {
    action: 'export',
    actor: actor.username,
    target: 'review-list',
    ip: ip ?? null,
    details: { format: 'review-list.xlsx', rows: rows.length, ...filter },
  });
  return {
    fileName: `${title}.xlsx`,
    bytes: await renderReviewListXlsx('审核列表', rows),
    rows: rows.length,
  };
}
