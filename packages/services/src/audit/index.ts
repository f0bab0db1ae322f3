export { auditDocument, failedAudit, toFileAudit, mergeFindings } from './audit-document.ts';
export type { DocumentAudit } from './audit-document.ts';
export {
  addLane,
  auditBatch,
  auditOffThread,
  auditProcesses,
  auditWorkerScript,
  batchThreads,
  closeAuditWorkers,
  initialLanes,
} from './audit-batch.ts';
export type { BatchOptions, LoadFile, WorkerScript } from './audit-batch.ts';
export { formatAuditText, summaryTable } from './format-audit-text.ts';
