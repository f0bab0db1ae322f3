import type { Evaluation, ScoreSheet } from '@jixiao/domain';
import type { ServiceContext } from './context.ts';
import { notFound } from './errors.ts';
import { currentBody, parseStoredBody } from './evaluation-record.ts';
import { evaluateBody } from './evaluations.ts';
import { renderDocx, reportBlocks } from './document-bridge.ts';
import type { Block } from '@jixiao/documents';
import { recordAudit } from './audit-log.ts';
import { reportPdf } from './report-pdf.ts';

export interface PublicReport {
  id: string;
  departmentName: string;
  year: number;
  title: string;
  /** The total the unit entered (what its report states). */
  statedTotal: number | null;
  computedTotal: number | null;
  publishedAt: string | null;
}

function published(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('evaluations as e')
    .innerJoin('departments as d', 'd.id', 'e.department_id')
    .select([
      'e.id',
      'd.name',
      'e.year',
      'e.title',
      'e.stated_total',
      'e.computed_total',
      'e.published_at',
    ])
    .where('e.status', '=', 'published');
}

function toPublic(r: {
  id: string;
  name: string;
  year: number;
  title: string;
  stated_total: number | null;
  computed_total: number | null;
  published_at: string | null;
}): PublicReport {
  return {
    id: r.id,
    departmentName: r.name,
    year: r.year,
    title: r.title,
    statedTotal: r.stated_total,
    computedTotal: r.computed_total,
    publishedAt: r.published_at,
  };
}

/** Published reports only, for anyone (no login). */
export async function listPublicReports(
  ctx: ServiceContext,
  input: { q?: string | undefined; year?: number | undefined },
): Promise<PublicReport[]> {
  let query = published(ctx);
  if (input.year !== undefined) query = query.where('e.year', '=', input.year);
  const q = input.q?.trim();
  if (q !== undefined && q !== '') {
    const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('e.title', 'like', like), eb('d.name', 'like', like)]));
  }
  const rows = await query.orderBy('e.published_at', 'desc').orderBy('e.id').limit(500).execute();
  return rows.map(toPublic);
}

export async function getPublicReport(
  ctx: ServiceContext,
  id: string,
): Promise<PublicReport & { body: Evaluation; scoreSheet: ScoreSheet; blocks: Block[] }> {
  const row = await published(ctx).select(currentBody).where('e.id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('公开报告');
  const body = parseStoredBody(row.body);
  const { scoreSheet } = await evaluateBody(ctx, body);
  return { ...toPublic(row), body, scoreSheet, blocks: reportBlocks(body, scoreSheet) };
}

/** A published report as Word, or as the same converted to PDF; logged. */
export async function publicReportFile(
  ctx: ServiceContext,
  id: string,
  format: 'docx' | 'pdf',
  ip: string | null,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const report = await getPublicReport(ctx, id);
  const docx = await renderDocx(report.body, report.scoreSheet);
  const bytes = format === 'docx' ? docx : await reportPdf(ctx.db, docx);
  await recordAudit(ctx, {
    action: 'export',
    target: id,
    ip,
    details: { format, public: true },
  });
  return { fileName: `${report.title}.${format}`, bytes };
}
