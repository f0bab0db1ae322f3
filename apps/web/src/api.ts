import type {
  Evaluation,
  EvaluationKind,
  Finding,
  FindingCategory,
  Rulebook,
  ScoreSheet,
} from '@jixiao/domain';

/** The client side of the HTTP contract (apps/server/API.md). Every call carries the session. */

export type Role = 'filer' | 'head' | 'reviewer' | 'admin';
export type Status = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';
export type Action = 'submit' | 'return' | 'approve' | 'publish' | 'reopen';

export interface User {
  id: string | number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | number | null;
  departmentName: string | null;
  regionId: string | number | null;
  regionName: string | null;
  disabled?: boolean;
}

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

export interface EvaluationRecord {
  id: string | number;
  departmentId: string | number;
  departmentName: string;
  year: number;
  kind: EvaluationKind;
  status: Status;
  version: number;
  rulebookId: string;
  title: string;
  statedTotal: number | null;
  computedTotal: number | null;
  findingCounts: FindingCounts;
  roundId: string | number | null;
  deadline: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface EvaluationWithBody extends EvaluationRecord {
  body: Evaluation;
}

export interface ReviewComment {
  path?: string;
  findingCode?: string;
  text: string;
}

export interface ReviewEvent {
  id: string | number;
  action: string;
  fromStatus: Status | null;
  toStatus: Status;
  comment: string | null;
  comments: ReviewComment[] | null;
  actor: string;
  /** The actor's name (the log-in name only where the account is gone). */
  actorName?: string;
  at: string;
}

export interface RevisionInfo {
  version: number;
  savedBy: string;
  savedByName?: string;
  savedAt: string;
}

export interface AuditFile {
  name: string;
  ok: boolean;
  error?: string;
  summary?: Record<string, unknown> | null;
  findings?: Finding[];
  /** Per finding: its identity and the region's decision on it. */
  marks?: FindingMark[];
  /** Positions of the findings with a picture of their original page (batch audits of PDFs). */
  pictures?: number[];
  /** What the reader says of how it read the file (re-lined text, extraction warnings). */
  notes?: string[];
}

export interface FindingMark {
  fingerprint: string;
  status: 'open' | 'confirmed' | 'dismissed' | 'reopened';
  reason: string | null;
}

/** A reviewer's decision on a finding (apps/server/API.md, decisions). */
export interface DecisionView {
  id: string;
  fingerprint: string;
  subjectKey: string;
  textFingerprint: string | null;
  code: string;
  category: string;
  severity: string;
  message: string;
  path: string;
  stated: string | null;
  expected: string | null;
  excerpt: string | null;
  state: 'confirmed' | 'dismissed';
  reason: string | null;
  correction: string | null;
  deadline: string | null;
  decidedByName: string;
  decidedAt: string;
  decidedVersion: number | null;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
  fixedVersion: number | null;
  fixedAt: string | null;
  carried: boolean;
}

export interface DecisionInput {
  fingerprint: string;
  state: 'confirmed' | 'dismissed' | 'open';
  reason?: string;
  correction?: string;
  deadline?: string;
}

export interface AuditJob {
  id: string | number;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  done: number;
  files: AuditFile[];
  /** Why the job as a whole failed (status 'failed'), in Chinese. */
  error?: string | null;
}

export interface RulebookInfo {
  id: string;
  name: string;
  kind: EvaluationKind;
  jurisdiction: string;
  confirmed: boolean;
  version: string;
}

export interface Dashboard {
  year: number;
  statusCounts: Partial<Record<Status, number>>;
  scoreHistogram: { bucket: string; count: number }[];
  /** Execution rates as fractions (0.97 = 97%). */
  executionRates: { departmentName: string; rate: number | null }[];
  executionRateHistogram?: { bucket: string; count: number }[];
  totals: {
    evaluationId: string | number;
    departmentName: string;
    stated: number | null;
    computed: number | null;
  }[];
  findingCategories: { category: FindingCategory; count: number }[];
  yearsByDepartment: {
    departmentId: string | number;
    departmentName: string;
    years: { year: number; computed: number | null; stated: number | null }[];
  }[];
  rectification?: RectificationFigures;
}

export interface RectificationCounts {
  confirmed: number;
  fixed: number;
  explained: number;
  overdue: number;
  pending: number;
}

export interface RectificationFigures extends RectificationCounts {
  byUnit: (RectificationCounts & { departmentId: string | number; departmentName: string })[];
}

export interface CheckStats {
  code: string;
  name: string;
  fired: number;
  confirmed: number;
  dismissed: number;
  reasons: { reason: string; count: number }[];
  noisy: boolean;
}

export interface PublicReport {
  id: string | number;
  departmentName: string;
  year: number;
  title: string;
  /** The total the unit entered: what its report states. */
  statedTotal: number | null;
  computedTotal: number | null;
  publishedAt: string;
}

/** A table cell of the report (packages/documents/src/write/model.ts). */
export interface ReportCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
}

/** The report as the writer builds it: the .docx's content, shown as a page. */
export type ReportBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; number: string; text: string }
  | { kind: 'paragraph'; text: string; align?: 'right' | 'center'; indent?: boolean }
  | {
      kind: 'attachment';
      label: string;
      title: string;
      unitLine?: string;
      tables: { columns: number[]; headerRows: number; rows: ReportCell[][] }[];
      notes: string[];
      signOff: string;
    };

export interface Department {
  id: string | number;
  name: string;
  code?: string;
  regionId?: string | number | null;
  regionName?: string | null;
}

export interface Round {
  id: string | number;
  year: number;
  kind: EvaluationKind;
  rulebookId: string;
  deadline: string;
  createdAt?: string;
}

export interface RoundProgress {
  departmentId: string | number;
  departmentName: string;
  status: Status | null;
  evaluationId: string | number | null;
}

export interface ImportResult {
  draft: Evaluation | null;
  findings: Finding[];
  problems: { code?: string; message: string }[];
  evaluationId?: string | number;
  /** The stored original (its PDF pages can be shown: importPageUrl). */
  documentId?: string;
}

/** An error as the server sends it: `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** Dispatched on `window` when the server no longer knows the session. */
export const SESSION_ENDED = 'jixiao:session-ended';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: Record<string, unknown> };
}

export async function request<T>(
  method: string,
  url: string,
  body?: unknown,
  options: { keepalive?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(payload === undefined ? {} : { body: payload }),
      // A save sent while the page goes away must outlive it; browsers cap such bodies at 64 kB
      // (a larger one is kept in the browser's copy and saved when the editor opens again).
      ...(options.keepalive &&
      typeof payload === 'string' &&
      new TextEncoder().encode(payload).length < 60_000
        ? { keepalive: true }
        : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const text = await res.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!res.ok) {
    const err = (json as ErrorBody | null)?.error;
    // A session that ended elsewhere (expired, logged out in another tab): back to the login page.
    if (res.status === 401 && url !== '/api/me' && url !== '/api/auth/login')
      window.dispatchEvent(new Event(SESSION_ENDED));
    throw new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? `请求失败（${res.status}）`,
      err?.details ?? {},
    );
  }
  return json as T;
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

type Id = string | number;

export const api = {
  me: () => request<{ user: User; csrfToken: string }>('GET', '/api/me'),
  login: (username: string, password: string) =>
    request<{ user: User; csrfToken: string }>('POST', '/api/auth/login', { username, password }),
  logout: () => request<{ ok: true }>('POST', '/api/auth/logout'),

  evaluations: (p: { year?: number; status?: Status; kind?: EvaluationKind; departmentId?: Id }) =>
    request<{ items: EvaluationRecord[] }>('GET', `/api/evaluations${query(p)}`),
  evaluation: (id: Id) => request<EvaluationWithBody>('GET', `/api/evaluations/${id}`),
  createEvaluation: (input: {
    departmentId: Id;
    year: number;
    kind: EvaluationKind;
    rulebookId: string;
    body?: Evaluation;
    copyFromEvaluationId?: Id;
    /** The round the evaluation is filed under (the server checks year, kind and scope). */
    roundId?: Id;
    /** Start from the unit's approved targets of the year and their last monitoring. */
    fromTargets?: boolean;
    projectName?: string;
  }) => request<EvaluationRecord>('POST', '/api/evaluations', input),
  saveEvaluation: (id: Id, version: number, body: Evaluation, options?: { keepalive?: boolean }) =>
    request<EvaluationRecord>('PUT', `/api/evaluations/${id}`, { version, body }, options),
  findings: (id: Id) =>
    request<{ scoreSheet: ScoreSheet; findings: Finding[] }>(
      'GET',
      `/api/evaluations/${id}/findings`,
    ),
  transition: (
    id: Id,
    action: Action,
    comment?: string,
    comments?: ReviewComment[],
    answers?: { fingerprint: string; text: string }[],
  ) =>
    request<EvaluationRecord>('POST', `/api/evaluations/${id}/transitions`, {
      action,
      ...(comment ? { comment } : {}),
      ...(comments && comments.length > 0 ? { comments } : {}),
      ...(answers && answers.length > 0 ? { answers } : {}),
    }),
  decisions: (id: Id) =>
    request<{ items: DecisionView[] }>('GET', `/api/evaluations/${id}/decisions`),
  decide: (id: Id, input: DecisionInput) =>
    request<{ items: DecisionView[] }>('PUT', `/api/evaluations/${id}/decisions`, input),
  answer: (id: Id, fingerprint: string, text: string) =>
    request<{ items: DecisionView[] }>('POST', `/api/evaluations/${id}/decisions/answers`, {
      fingerprint,
      text,
    }),
  decideInJob: (id: Id, index: number, input: DecisionInput) =>
    request<AuditFile>('PUT', `/api/audit-jobs/${id}/files/${index}/decisions`, input),
  events: (id: Id) => request<{ items: ReviewEvent[] }>('GET', `/api/evaluations/${id}/events`),
  revisions: (id: Id) =>
    request<{ items: RevisionInfo[] }>('GET', `/api/evaluations/${id}/revisions`),
  revision: (id: Id, version: number) =>
    request<RevisionInfo & { body: Evaluation }>(
      'GET',
      `/api/evaluations/${id}/revisions/${version}`,
    ),
  /** Reads a report; with `create`, makes it a draft of the department (year: the document's). */
  importFile: (file: File, create?: { departmentId: Id; year?: number }) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const q = create
      ? query({ create: 1, departmentId: create.departmentId, year: create.year })
      : '';
    return request<ImportResult>('POST', `/api/imports${q}`, form);
  },
  startAudit: (files: readonly File[]) => {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    return request<{ jobId: Id }>('POST', '/api/audit-jobs', form);
  },
  auditJob: (id: Id) => request<AuditJob>('GET', `/api/audit-jobs/${id}`),

  rulebooks: () => request<{ items: RulebookInfo[] }>('GET', '/api/rulebooks'),
  rulebook: (id: string) => request<Rulebook>('GET', `/api/rulebooks/${encodeURIComponent(id)}`),
  addRulebook: (book: unknown) => request<Rulebook>('POST', '/api/rulebooks', book),

  dashboard: (p: { regionId?: Id; year?: number }) =>
    request<Dashboard>('GET', `/api/dashboard${query(p)}`),

  publicReports: (p: { q?: string; year?: number }) =>
    request<{ items: PublicReport[] }>('GET', `/api/public/reports${query(p)}`),
  publicReport: (id: Id) =>
    request<PublicReport & { body: Evaluation; blocks: ReportBlock[] }>(
      'GET',
      `/api/public/reports/${id}`,
    ),
  report: (id: Id) =>
    request<{ version: number; blocks: ReportBlock[] }>('GET', `/api/evaluations/${id}/report`),

  regions: () =>
    request<{ items: { id: string | number; name: string; financeBureau?: string }[] }>(
      'GET',
      '/api/regions',
    ),
  departments: () => request<{ items: Department[] }>('GET', '/api/departments'),
  addDepartment: (d: { name: string; code: string; regionId: Id }) =>
    request<Department>('POST', '/api/departments', d),
  users: () => request<{ items: User[] }>('GET', '/api/users'),
  addUser: (u: {
    username: string;
    displayName: string;
    role: Role;
    password: string;
    departmentId?: Id | null;
  }) => request<User>('POST', '/api/users', u),
  patchUser: (
    id: Id,
    patch: {
      disabled?: boolean;
      password?: string;
      displayName?: string;
      role?: Role;
      unlock?: boolean;
    },
  ) => request<User>('PATCH', `/api/users/${id}`, patch),
  rounds: () => request<{ items: Round[] }>('GET', '/api/rounds'),
  addRound: (r: {
    year: number;
    kind: EvaluationKind;
    rulebookId: string;
    deadline: string;
    departmentIds?: Id[];
  }) => request<Round>('POST', '/api/rounds', r),
  roundProgress: (id: Id) =>
    request<{ items: RoundProgress[] }>('GET', `/api/rounds/${id}/progress`),
  checkStats: () => request<{ items: CheckStats[] }>('GET', '/api/admin/checks'),
  remind: (id: Id) =>
    request<{ reminded: number; notified: number }>('POST', `/api/rounds/${id}/remind`),
};

export const exportUrl = (id: Id, format: 'docx' | 'xlsx' | 'pdf') =>
  `/api/evaluations/${id}/export.${format}`;
export const opinionUrl = (id: Id) => `/api/evaluations/${id}/opinion.docx`;
export const rectificationUrl = (round: Id, departmentId?: Id) =>
  `/api/rounds/${round}/rectification.xlsx${departmentId !== undefined ? `?departmentId=${encodeURIComponent(String(departmentId))}` : ''}`;
export const publicDocxUrl = (id: Id) => `/api/public/reports/${id}/report.docx`;
export const publicPdfUrl = (id: Id) => `/api/public/reports/${id}/report.pdf`;
export const auditExportUrl = (id: Id, format: 'xlsx' | 'html') =>
  `/api/audit-jobs/${id}/export?format=${format}`;

/** The picture of the original page around a finding of a batch-audited PDF. */
export const jobPictureUrl = (job: Id, file: number, finding: number) =>
  `/api/audit-jobs/${job}/files/${file}/pictures/${finding}`;

/** An imported PDF's page with the finding's box outlined. */
export const importPageUrl = (
  documentId: string,
  place: { page: number; bbox: readonly [number, number, number, number] },
) => {
  const [x0, y0, x1, y1] = place.bbox;
  return `/api/imports/${documentId}/pages/${place.page}${query({ x0, y0, x1, y1 })}`;
};

/** A message for any thrown value, for Alert/message displays. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return '发生未知错误';
}
