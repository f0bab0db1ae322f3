export { renderReportDocx, renderProjectDocx } from './render-report.ts';
export type { ReportOptions } from './options.ts';
export type { FigureSource } from './score-view.ts';
export { departmentReportBlocks } from './department-report.ts';
export { projectReportBlocks } from './project-report.ts';
export { resolveOptions } from './options.ts';
export { blockTexts } from './model.ts';
export type { Block, Cell, TableModel } from './model.ts';
export { packDocx } from './pack-docx.ts';
