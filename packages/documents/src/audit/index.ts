export { checkDocument, documentCheckMessage } from './document-checks.ts';
export type { DocumentCheckCode } from './document-checks.ts';
export { locateFindings } from './locate.ts';
export type { AuditFinding, AuditSummary, FileAudit } from './audit-types.ts';
export { auditWorkbook } from './audit-xlsx.ts';
export { auditHtml } from './audit-html.ts';
export type { FindingPictures } from './audit-html.ts';
