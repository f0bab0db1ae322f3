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
export function renderReportDocx(
  evaluation: DepartmentEvaluation,
  scoreSheet: ScoreSheet | undefined,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  // The layout runs synchronously; a failure still arrives as a rejection, as callers expect.
  return new Promise((resolve) => {
    const o = resolveOptions(options);
    resolve(blocksToDocx(departmentReportBlocks(evaluation, scoreSheet, o), o));
  });
}

/** Writes one 项目支出绩效自评报告 with its 项目支出绩效自评表 attached. */
export function renderProjectDocx(
  evaluation: ProjectEvaluation,
  scoreSheet: ScoreSheet | undefined,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const o = resolveOptions(options);
    resolve(blocksToDocx(projectReportBlocks(evaluation, scoreSheet, o), o));
  });
}
