import type { ColumnType } from 'kysely';

/**
 * The tables, as Kysely sees them. Times are ISO-8601 text (UTC), flags are 0/1 integers, ids are
 * text; JSON bodies are text parsed with the domain schema on read. Money inside bodies is integer 分;
 * money columns are BIGINT.
 */
export interface Database {
  regions: RegionTable;
  departments: DepartmentTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  rounds: RoundTable;
  evaluations: EvaluationTable;
  evaluation_findings: EvaluationFindingTable;
  revisions: RevisionTable;
  review_events: ReviewEventTable;
  audit_log: AuditLogTable;
  imported_documents: ImportedDocumentTable;
  jobs: JobTable;
  job_files: JobFileTable;
  rulebooks: RulebookTable;
}

/** 行政区划 with its finance bureau. */
export interface RegionTable {
  id: string;
  name: string;
  finance_bureau: string;
  created_at: string;
}

export interface DepartmentTable {
  id: string;
  code: string;
  name: string;
  region_id: string;
  parent_id: string | null;
  created_at: string;
}

export type UserRole = 'filer' | 'head' | 'reviewer' | 'admin';

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  role: UserRole;
  department_id: string | null;
  region_id: string | null;
  password_hash: string;
  disabled: number;
  created_at: string;
}

/** A login session; `id` is the SHA-256 of the cookie token, never the token itself. */
export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** Failed logins per username + IP, for throttling. */
export interface LoginAttemptTable {
  key: string;
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
}

/** 自评任务: a round opened by the finance bureau. */
export interface RoundTable {
  id: string;
  region_id: string | null;
  year: number;
  kind: string;
  rulebook_id: string;
  deadline: string;
  /** JSON array of department ids, or null for every department of the region. */
  department_ids: string | null;
  created_by: string;
  created_at: string;
}

export type EvaluationStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';

/** The current body is the revision of the current version (revisions.body), stored once. */
export interface EvaluationTable {
  id: string;
  department_id: string;
  year: number;
  kind: string;
  rulebook_id: string;
  round_id: string | null;
  status: EvaluationStatus;
  version: number;
  title: string;
  /** Derived on every save, for lists and dashboards over many rows. */
  stated_total: number | null;
  computed_total: number | null;
  score_bucket: number | null;
  execution_rate: number | null;
  budget_fen: ColumnType<number | null, number | null, number | null>;
  executed_fen: ColumnType<number | null, number | null, number | null>;
  error_count: number;
  warning_count: number;
  info_count: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
  published_at: string | null;
}

/** Finding counts per category of an evaluation's current version. */
export interface EvaluationFindingTable {
  evaluation_id: string;
  category: string;
  count: number;
  /** The evaluation's year, kind and department (fixed when it is created), for the dashboard. */
  year: number;
  kind: string;
  department_id: string;
}

export interface RevisionTable {
  evaluation_id: string;
  version: number;
  body: string;
  saved_by: string;
  saved_at: string;
}

export interface ReviewEventTable {
  id: string;
  evaluation_id: string;
  seq: number;
  action: string;
  from_status: string;
  to_status: string;
  comment: string | null;
  /** JSON array of { path?, findingCode?, text }. */
  comments: string;
  actor: string;
  at: string;
}

/** Append-only: logins, failed logins, exports, denials. The database refuses updates and deletes. */
export interface AuditLogTable {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  details: string;
}

export interface ImportedDocumentTable {
  id: string;
  file_name: string;
  sha256: string;
  size: number;
  bytes: Uint8Array;
  extracted: string | null;
  findings: string;
  problems: string;
  evaluation_id: string | null;
  uploaded_by: string;
  uploaded_at: string;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobTable {
  id: string;
  kind: string;
  status: JobStatus;
  total: number;
  done: number;
  error: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  locked_by: string | null;
}

export interface JobFileTable {
  job_id: string;
  idx: number;
  name: string;
  bytes: Uint8Array;
  /** null until processed, then 0/1. */
  ok: number | null;
  error: string | null;
  /** JSON: the per-file summary and findings. */
  result: string | null;
}

export interface RulebookTable {
  id: string;
  version: string;
  body: string;
  created_by: string;
  created_at: string;
}
