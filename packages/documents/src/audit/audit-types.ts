import type { FindingCategory, Severity } from '@jixiao/domain';
import { rulebookSaid } from '@jixiao/domain/status-labels';
import type { Understanding } from './table-checks.ts';

/** One finding as the audit reports it: the wire shape of `jixiao audit --format json`. */
export interface AuditFinding {
  code: string;
  category: FindingCategory;
  severity: Severity;
  message: string;
  stated: string | null;
  expected: string | null;
  excerpt: string | null;
  line: number | null;
  /** PDF sources: the page (1-based) and box ([x0, y0, x1, y1], PDF points) of the place. */
  page?: number;
  bbox?: [number, number, number, number];
}

export interface AuditSummary {
  title: string | null;
  department: string | null;
  year: number | null;
  /** Id of the rulebook the report was scored by (null when nothing could be scored). */
  rulebook: string | null;
  /** Its Chinese name, for people. */
  rulebookName: string | null;
  /**
   * True when the report names neither the book's region nor its source, so that the book was
   * only inferred from the shape of the indicator tree; null when no book was named.
   */
  rulebookInferred: boolean | null;
  /** Why an inferred book is only assumed, in Chinese; null when it is not inferred. */
  rulebookBasis: string | null;
  claimedTotal: number | null;
  computedTotal: number | null;
  /** How much of the report was understood; null when it could not be read. */
  understanding: Understanding | null;
}

/** The audit of one file. `error` only when the file could not be read. */
export interface FileAudit {
  file: string;
  ok: boolean;
  error?: string;
  summary: AuditSummary;
  findings: AuditFinding[];
  /** What the reader could not read or was unsure of, in Chinese (never silently dropped). */
  notes: string[];
}

/**
 * The rulebook as a reader should take it: its name, or for one only inferred, "按…推定" with
 * why ('' when none was named).
 */
export function rulebookLabel(summary: AuditSummary): string {
  return rulebookSaid(summary.rulebookName, summary.rulebookInferred, summary.rulebookBasis);
}
