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
  job_file_pictures: JobFilePictureTable;
  rulebooks: RulebookTable;
  target_forms: TargetFormTable;
  target_revisions: TargetRevisionTable;
  target_events: TargetEventTable;
  monitoring_rounds: MonitoringRoundTable;
  monitoring_reports: MonitoringReportTable;
  monitoring_decisions: MonitoringDecisionTable;
  finding_decisions: FindingDecisionTable;
  notifications: NotificationTable;
  attachments: AttachmentTable;
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
  /** JSON object: how many findings of each code the current version has (dismissed included). */
  finding_codes: ColumnType<string, string | undefined, string>;
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

/** A supporting document (证明材料) of an evaluation, or of one indicator of it. */
export interface AttachmentTable {
  id: string;
  evaluation_id: string;
  /** The indicator it supports, as the names from the top of the tree (JSON array); null: the whole evaluation. */
  indicator: string | null;
  file_name: string;
  /** What the content was found to be: pdf, png, jpeg, docx or xlsx. */
  kind: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  /** 1: shown on the public page once the report is published. */
  is_public: number;
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

/** A picture of the original page around one finding of a batch-audited PDF (PNG). */
export interface JobFilePictureTable {
  job_id: string;
  idx: number;
  /** The finding's position in the file's stored result. */
  finding: number;
  page: number;
  png: Uint8Array;
}

export interface RulebookTable {
  id: string;
  version: string;
  body: string;
  created_by: string;
  created_at: string;
}

export type TargetStatus = 'draft' | 'submitted' | 'returned' | 'approved';

/** 绩效目标表: one per unit, year, kind and project; the body is the revision of the current version. */
export interface TargetFormTable {
  id: string;
  department_id: string;
  year: number;
  kind: string;
  /** '' for a department form. */
  project_name: string;
  rulebook_id: string;
  status: TargetStatus;
  version: number;
  /** The version last approved (kept while an adjustment after it is under review). */
  approved_version: number | null;
  title: string;
  budget_fen: ColumnType<number | null, number | null, number | null>;
  error_count: number;
  warning_count: number;
  info_count: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export interface TargetRevisionTable {
  form_id: string;
  version: number;
  /** Why the approved targets were changed (目标调整), for revisions after an approval. */
  reason: string | null;
  saved_by: string;
  saved_at: string;
  body: string;
}

export interface TargetEventTable {
  id: string;
  form_id: string;
  seq: number;
  action: string;
  from_status: string;
  to_status: string;
  comment: string | null;
  actor: string;
  at: string;
}

/** 绩效运行监控: a region's round of the year, as of a date. */
export interface MonitoringRoundTable {
  id: string;
  region_id: string;
  year: number;
  /** ISO date the figures run to (e.g. 2025-07-31). */
  as_of: string;
  deadline: string;
  /** rulebooks/monitoring/<id>.json */
  thresholds_id: string;
  created_by: string;
  created_at: string;
}

/** A unit's figures for one target form in one round (JSON body) and the lights derived on save. */
export interface MonitoringReportTable {
  id: string;
  round_id: string;
  form_id: string;
  department_id: string;
  version: number;
  light: string;
  red_count: number;
  unexplained_red: number;
  execution_percent: number | null;
  updated_at: string;
  updated_by: string;
  body: string;
}

/** A reviewer's decision on a light: corrective measures required (confirmed) or none needed (dismissed). */
export interface MonitoringDecisionTable {
  id: string;
  report_id: string;
  /** 'execution' or an indicator's path in the target form. */
  subject: string;
  state: string;
  reason: string | null;
  correction: string | null;
  deadline: string | null;
  decided_by: string;
  decided_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

export type DecisionState = 'confirmed' | 'dismissed';

/**
 * A reviewer's decision on a finding, by its stable identity within a scope: an evaluation's id,
 * or `unit:<unit_key>` for findings of batch-audited documents. The finding as it was decided is
 * kept (message, figures, excerpt) for the review opinion and the rectification list.
 */
export interface FindingDecisionTable {
  id: string;
  scope: string;
  /** The unit's region and name (`<region id>|<name>`): dismissals carry over within it. */
  unit_key: string;
  region_id: string;
  department_id: string | null;
  evaluation_id: string | null;
  fingerprint: string;
  subject_key: string;
  text_fingerprint: string | null;
  code: string;
  category: string;
  severity: string;
  message: string;
  path: string;
  stated: string | null;
  expected: string | null;
  excerpt: string | null;
  state: DecisionState;
  reason: string | null;
  /** What must be corrected (the reviewer's words; the expected figure by default). */
  correction: string | null;
  /** Rectification deadline, YYYY-MM-DD. */
  deadline: string | null;
  decided_by: string;
  decided_at: string;
  decided_version: number | null;
  /** The filer's 情况说明. */
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  /** The first version without the confirmed finding (已整改); null while it is there. */
  fixed_version: number | null;
  fixed_at: string | null;
}

/** What a notification reports: a reviewer's decision on an evaluation, or a reminder. */
export type NotificationKind = 'return' | 'approve' | 'publish' | 'withdraw' | 'reopen' | 'remind';

/** One notification for one user (the unit's filers and heads), with its read mark. */
export interface NotificationTable {
  id: string;
  user_id: string;
  evaluation_id: string | null;
  kind: NotificationKind;
  /** Username of whoever acted. */
  actor: string;
  /** The reason, comment or message given with the action. */
  comment: string | null;
  created_at: string;
  read_at: string | null;
}
