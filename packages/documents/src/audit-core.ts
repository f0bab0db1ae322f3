/**
 * What auditing a report needs and nothing more: the readers, extraction, the document checks
 * and the plain-text and HTML results. The audit processes and the `jixiao audit` command import
 * this instead of the package's index, which also loads the .docx and .xlsx writers (docx,
 * exceljs) and would make each of them slow to start.
 */
export { formatOf, MAX_INPUT_BYTES, readDocument, readReport } from './read/read-document.ts';
export type { ReadTools } from './read/read-document.ts';
export { fileLine, readErrorMessage } from './read/block.ts';
export { NUMBER_STYLE_RANK } from './read/heading.ts';
export type { Bbox, Block, ReadError, ReadResult, SourceDocument } from './read/block.ts';
export type { OcrPage, OcrRequest } from './read/pdf/read-pdf.ts';
export type { PageContent, Segment, TextRun } from './read/pdf/pdf-page.ts';
export { auditHtml } from './audit/audit-html.ts';
export type { FindingPictures } from './audit/audit-html.ts';
export { extractEvaluation } from './extract/extract-evaluation.ts';
export type { ExtractedReport, ExtractionWarning } from './extract/extract-evaluation.ts';
export { checkDocument } from './audit/document-checks.ts';
export { anyScoreRead, checkTables, understandingOf } from './audit/table-checks.ts';
export type { Understanding } from './audit/table-checks.ts';
export { locateFindings, pagePlacer, placeOnPage } from './audit/locate.ts';
export type { PagePlace } from './audit/locate.ts';
export type { AuditFinding, AuditSummary, FileAudit } from './audit/audit-types.ts';
