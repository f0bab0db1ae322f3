import type { AuditSummary, FileAudit, ReadError } from '@jixiao/documents/audit-core';
import type { DocumentAudit } from './audit-document.ts';

// The result of a file that was not audited, made without loading the audit (a batch makes it for
// a file it could not read or whose process failed).

const EMPTY_SUMMARY: AuditSummary = {
  title: null,
  department: null,
  year: null,
  rulebook: null,
  rulebookName: null,
  rulebookInferred: null,
  rulebookBasis: null,
  claimedTotal: null,
  computedTotal: null,
  understanding: null,
};

/** A file that could not be audited: its error, an empty summary and no findings. */
export function failedAudit(file: string, error: string): FileAudit {
  return { file, ok: false, error, summary: { ...EMPTY_SUMMARY }, findings: [], notes: [] };
}

/**
 * The same, with all an audit learns: nothing but, when the report could not be read, why
 * (`readError`, whose message is `error`).
 */
export function failedDocumentAudit(
  file: string,
  error: string,
  readError: ReadError | null = null,
): DocumentAudit {
  return {
    ...failedAudit(file, error),
    warnings: [],
    rulebookConfidence: null,
    evaluation: null,
    readError,
  };
}
