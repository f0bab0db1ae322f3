import {
  RECTIFICATION_LABELS,
  renderRectificationXlsx,
  renderReviewOpinionDocx,
} from '@jixiao/documents';
import type { RectificationRow, RectificationState } from '@jixiao/documents';
import { CATEGORY_LABELS_ZH, SEVERITY_LABELS_ZH } from '@jixiao/domain';
import type { FindingCategory, Severity } from '@jixiao/domain';
import type { ServiceContext } from './context.ts';
import type { Actor } from './actor.ts';
import { forbidden, notFound } from './errors.ts';
import { recordAudit } from './audit-log.ts';
import { getEvaluation } from './evaluations.ts';
import { displayNames } from './directory.ts';
import { beijingTime } from './beijing-time.ts';

export { RECTIFICATION_LABELS };
export type { RectificationState };

/** Where a confirmed finding stands on `today` (YYYY-MM-DD). */
export function rectificationState(
  d: { fixed_version: number | null; answer: string | null; deadline: string | null },
  today: string,
): RectificationState {
  if (d.fixed_version !== null) return 'fixed';
  if (d.answer !== null) return 'explained';
  if (d.deadline !== null && d.deadline < today) return 'overdue';
  return 'pending';
}

const today = (ctx: ServiceContext): string => ctx.now().toISOString().slice(0, 10);

const categoryName = (c: string): string => CATEGORY_LABELS_ZH[c as FindingCategory] ?? c;
const severityName = (s: string): string => SEVERITY_LABELS_ZH[s as Severity] ?? s;

/**
 * The 审核意见书 of an evaluation (.docx): the confirmed findings still to be rectified, with
 * their excerpts, what must be corrected and by when, issued by the region's finance bureau.
 */
export async function reviewOpinion(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  ip: string | null,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const e = await getEvaluation(ctx, actor, id);
  const region = await ctx.db
    .selectFrom('regions')
    .select('finance_bureau')
    .where('id', '=', e.regionId)
    .executeTakeFirst();
  const rows = await ctx.db
    .selectFrom('finding_decisions')
    .selectAll()
    .where('scope', '=', id)
    .where('state', '=', 'confirmed')
    .where('fixed_version', 'is', null)
    .orderBy('decided_at')
    .execute();
  const deadlines = rows.flatMap((r) => (r.deadline !== null ? [r.deadline] : [])).sort();
  const bytes = renderReviewOpinionDocx({
    bureau: region?.finance_bureau ?? '财政局',
    unitName: e.departmentName,
    year: e.year,
    reportTitle: e.title,
    date: today(ctx),
    deadline: deadlines[deadlines.length - 1] ?? null,
    items: rows.map((r) => ({
      message: r.message,
      excerpt: r.excerpt,
      stated: r.stated,
      expected: r.expected,
      correction: r.correction,
      deadline: r.deadline,
    })),
  });
  await recordAudit(ctx, {
    action: 'export',
    actor: actor.username,
    target: id,
    ip,
    details: { format: 'opinion.docx', findings: rows.length },
  });
  return { fileName: `${e.title}审核意见书.docx`, bytes };
}

/**
 * The 整改清单 of a round (.xlsx): every confirmed finding of its evaluations, unit by unit, with
 * its state. Reviewers of the round's region and administrators get every unit (or the one
 * named); a unit's filers and heads get their own.
 */
export async function rectificationList(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  departmentId: string | undefined,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const round = await ctx.db
    .selectFrom('rounds')
    .select(['id', 'year', 'region_id'])
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (round === undefined) throw notFound('自评任务');
  let unit = departmentId;
  if (actor.role === 'filer' || actor.role === 'head') {
    if (departmentId !== undefined && departmentId !== actor.departmentId)
      throw forbidden('只能查看本单位的整改清单');
    unit = actor.departmentId ?? '';
  } else if (actor.role === 'reviewer' && round.region_id !== actor.regionId) {
    throw forbidden('无权查看其他区域的整改清单');
  }
  let q = ctx.db
    .selectFrom('finding_decisions as f')
    .innerJoin('evaluations as e', 'e.id', 'f.evaluation_id')
    .innerJoin('departments as d', 'd.id', 'e.department_id')
    .select([
      'd.name as unit',
      'd.code',
      'f.category',
      'f.severity',
      'f.message',
      'f.stated',
      'f.expected',
      'f.correction',
      'f.deadline',
      'f.fixed_version',
      'f.answer',
      'f.decided_by',
      'f.decided_at',
    ])
    .where('e.round_id', '=', roundId)
    .where('f.state', '=', 'confirmed')
    .whereRef('f.scope', '=', 'f.evaluation_id');
  if (unit !== undefined) q = q.where('e.department_id', '=', unit);
  const rows = await q.orderBy('d.code').orderBy('f.decided_at').execute();
  const names = await displayNames(
    ctx,
    rows.map((r) => r.decided_by),
  );
  const now = today(ctx);
  const list: RectificationRow[] = rows.map((r) => ({
    unitName: r.unit,
    category: categoryName(r.category),
    severity: severityName(r.severity),
    message: r.message,
    stated: r.stated,
    expected: r.expected,
    correction: r.correction,
    deadline: r.deadline,
    state: rectificationState(r, now),
    fixedVersion: r.fixed_version,
    answer: r.answer,
    decidedBy: names.get(r.decided_by) ?? r.decided_by,
    decidedAt: beijingTime(r.decided_at),
  }));
  const title = `${round.year}年度自评整改清单`;
  return { fileName: `${title}.xlsx`, bytes: await renderRectificationXlsx(title, list) };
}

/** Rectification figures: confirmed findings and where they stand. */
export interface RectificationCounts {
  confirmed: number;
  fixed: number;
  explained: number;
  /** Past the deadline, neither fixed nor explained. */
  overdue: number;
  pending: number;
}

export interface RectificationFigures extends RectificationCounts {
  byUnit: (RectificationCounts & { departmentId: string; departmentName: string })[];
}

const zero = (): RectificationCounts => ({
  confirmed: 0,
  fixed: 0,
  explained: 0,
  overdue: 0,
  pending: 0,
});

/**
 * The year's confirmed findings per unit and in all, for the dashboard: a region's (or one
 * unit's) evaluations of the year, every kind.
 */
export async function rectificationFigures(
  ctx: ServiceContext,
  scope: { regionId: string | null; departmentId: string | null; year: number },
): Promise<RectificationFigures> {
  let q = ctx.db
    .selectFrom('finding_decisions as f')
    .innerJoin('evaluations as e', 'e.id', 'f.evaluation_id')
    .innerJoin('departments as d', 'd.id', 'e.department_id')
    .select(['d.id', 'd.name', 'd.code', 'f.fixed_version', 'f.answer', 'f.deadline'])
    .where('f.state', '=', 'confirmed')
    .whereRef('f.scope', '=', 'f.evaluation_id')
    .where('e.year', '=', scope.year);
  if (scope.regionId !== null) q = q.where('f.region_id', '=', scope.regionId);
  if (scope.departmentId !== null) q = q.where('e.department_id', '=', scope.departmentId);
  const rows = await q.orderBy('d.code').execute();
  const now = today(ctx);
  const all = zero();
  const units = new Map<string, RectificationFigures['byUnit'][number]>();
  for (const r of rows) {
    const unit = units.get(r.id) ?? { departmentId: r.id, departmentName: r.name, ...zero() };
    const state = rectificationState(r, now);
    for (const c of [all, unit]) {
      c.confirmed += 1;
      c[state === 'fixed' ? 'fixed' : state === 'explained' ? 'explained' : state] += 1;
    }
    units.set(r.id, unit);
  }
  return { ...all, byUnit: [...units.values()] };
}
