/**
 * What auditing a report needs and nothing more: the readers, extraction and the document
 * checks. The batch audit's worker threads import this instead of the package's index, which
 * also loads the .docx and .xlsx writers (docx, exceljs) and would make every thread slow to start.
 */
export { readDocument } from './read/read-document.ts';
export { extractEvaluation } from './extract/extract-evaluation.ts';
export type { ExtractionWarning } from './extract/extract-evaluation.ts';
export { checkDocument } from './audit/document-checks.ts';
export { locateFindings } from './audit/locate.ts';
export type { AuditFinding, AuditSummary, FileAudit } from './audit/audit-types.ts';
