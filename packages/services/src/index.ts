export * from './rulebooks/builtin.ts';
export * from './errors.ts';
export * from './context.ts';
export * from './actor.ts';
export * from './audit-log.ts';
export * from './auth.ts';
export * from './directory.ts';
export * from './access.ts';
export * from './rulebook-catalog.ts';
export * from './evaluation-record.ts';
export * from './evaluations.ts';
export * from './finding-decisions.ts';
export { unitKeyOf } from './decision-save.ts';
export * from './workflow.ts';
export * from './workflow-events.ts';
export * from './notifications.ts';
export * from './review-bulk.ts';
export * from './review-list-export.ts';
export { beijingTime } from './beijing-time.ts';
export * from './dashboard.ts';
export * from './public-reports.ts';
export * from './exports.ts';
export * from './rounds.ts';
export * from './imports.ts';
export * from './file-name.ts';
export * from './jobs.ts';
export { checkPasswordPolicy, hashPassword, verifyPassword, sha256Hex } from './passwords.ts';
export * from './demo.ts';
export * from './audit/index.ts';
export * from './targets/index.ts';
export * from './job-decisions.ts';
export * from './rectification.ts';
export * from './check-stats.ts';
export * from './attachments/attachments.ts';
export {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_UNPACKED,
  inspectAttachment,
} from './attachments/attachment-file.ts';
export type { AttachmentKind } from './attachments/attachment-file.ts';
