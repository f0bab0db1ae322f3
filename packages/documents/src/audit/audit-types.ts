import type { FindingCategory, Severity } from '@jixiao/domain';
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
