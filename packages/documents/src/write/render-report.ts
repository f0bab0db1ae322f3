import type { DepartmentEvaluation, ProjectEvaluation, ScoreSheet } from '@jixiao/domain';
import { departmentReportBlocks } from './department-report.ts';
import { blocksToDocx } from './docx-writer.ts';
import { resolveOptions } from './options.ts';
import type { ReportOptions } from './options.ts';
import { projectReportBlocks } from './project-report.ts';

/**
 * Writes the 部门整体支出绩效自评报告 as a GB/T 9704 .docx: generated figures and numbering,
 * the narrative of the evaluation, and the attachment tables on pages of their own.
 */
export async function renderReportDocx(
  evaluation: DepartmentEvaluation,
  scoreSheet: ScoreSheet | undefined,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  const o = resolveOptions(options);
  return blocksToDocx(departmentReportBlocks(evaluation, scoreSheet, o), o);
}

/** Writes one 项目支出绩效自评报告 with its 项目支出绩效自评表 attached. */
export async function renderProjectDocx(
  evaluation: ProjectEvaluation,
  scoreSheet: ScoreSheet | undefined,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  const o = resolveOptions(options);
  return blocksToDocx(projectReportBlocks(evaluation, scoreSheet, o), o);
}
