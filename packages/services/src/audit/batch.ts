/**
 * The batch audit and its text output without the audit itself, for a command that sends its
 * files to audit processes: importing it loads no reader, extraction or check (the batch loads
 * them only when it audits in its own thread).
 */
export { auditBatch } from './audit-batch.ts';
export type { BatchOptions, LoadFile } from './audit-batch.ts';
export { formatAuditText, summaryTable } from './format-audit-text.ts';
