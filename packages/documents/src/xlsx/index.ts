export { renderTablesXlsx } from './render-tables.ts';
export { readTablesXlsx, tablesEvaluation } from './read-tables.ts';
export type { EvaluationDraft, ProjectDraft } from './read-tables.ts';
export type { XlsxProblem } from './sheet-grid.ts';
export { renderRectificationXlsx, RECTIFICATION_LABELS } from './rectification-xlsx.ts';
export type { RectificationRow, RectificationState } from './rectification-xlsx.ts';
export { renderReviewListXlsx } from './review-list-xlsx.ts';
export type { ReviewListRow } from './review-list-xlsx.ts';
