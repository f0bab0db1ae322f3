import type { ServiceContext } from './context.ts';
import type { Actor } from './actor.ts';
import { evaluateBody, getEvaluation } from './evaluations.ts';
import { renderDocx, renderXlsx, reportBlocks } from './document-bridge.ts';
import type { Block } from '@jixiao/documents';
import { recordAudit } from './audit-log.ts';
import { reportPdf } from './report-pdf.ts';

/**
 * The report (.docx, or the same converted to .pdf) or the tables (.xlsx) of an evaluation the
 * actor may see; logged.
 */
export async function exportEvaluation(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  format: 'docx' | 'xlsx' | 'pdf',
  ip: string | null,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const evaluation = await getEvaluation(ctx, actor, id);
  const { scoreSheet } = await evaluateBody(ctx, evaluation.body);
  const bytes =
    format === 'xlsx'
      ? await renderXlsx(evaluation.body, scoreSheet)
      : format === 'docx'
        ? await renderDocx(evaluation.body, scoreSheet)
        : await reportPdf(ctx.db, await renderDocx(evaluation.body, scoreSheet));
  await recordAudit(ctx, {
    action: 'export',
    actor: actor.username,
    target: id,
    ip,
    details: { format },
  });
  const suffix = format === 'xlsx' ? '（自评表）' : '';
  return { fileName: `${evaluation.title}${suffix}.${format}`, bytes };
}

/** The report of an evaluation the actor may see, as blocks for the page (the .docx's content). */
export async function evaluationReport(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<{ version: number; blocks: Block[] }> {
  const evaluation = await getEvaluation(ctx, actor, id);
  const { scoreSheet } = await evaluateBody(ctx, evaluation.body);
  return { version: evaluation.version, blocks: reportBlocks(evaluation.body, scoreSheet) };
}
