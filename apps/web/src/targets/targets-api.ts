import type {
  Finding,
  LastMonitoring,
  Light,
  MonitoringFigures,
  MonitoringResult,
  MonitoringThresholds,
  TargetForm,
} from '@jixiao/domain';
import { query, request } from '../api.ts';

/** The client side of the targets and monitoring routes (apps/server/API.md). */

export type TargetStatus = 'draft' | 'submitted' | 'returned' | 'approved';
type Id = string | number;

export interface TargetRecord {
  id: string;
  departmentId: string;
  departmentName: string;
  regionId: string;
  year: number;
  kind: 'department' | 'project';
  projectName: string;
  rulebookId: string;
  status: TargetStatus;
  version: number;
  approvedVersion: number | null;
  title: string;
  budgetFen: number | null;
  findingCounts: { error: number; warning: number; info: number };
  updatedAt: string;
  updatedBy: string;
}

export interface TargetEvent {
  id: string;
  action: string;
  fromStatus: string;
  toStatus: string;
  comment: string | null;
  actorName: string;
  at: string;
}

export interface TargetRevision {
  version: number;
  reason: string | null;
  savedByName: string;
  savedAt: string;
}

export interface MonitoringRound {
  id: string;
  regionId: string;
  year: number;
  asOf: string;
  deadline: string;
  thresholdsId: string;
}

export interface RoundRow {
  formId: string;
  departmentId: string;
  departmentName: string;
  title: string;
  kind: 'department' | 'project';
  projectName: string;
  reported: boolean;
  light: Light | null;
  redCount: number;
  unexplainedRed: number;
  executionPercent: number | null;
  corrections: number;
  answered: number;
  updatedAt: string | null;
}

export interface RoundOverview {
  round: MonitoringRound;
  rows: RoundRow[];
  counts: Record<Light | 'unreported', number>;
}

export interface LightDecision {
  subject: string;
  state: 'confirmed' | 'dismissed';
  reason: string | null;
  correction: string | null;
  deadline: string | null;
  answer: string | null;
}

export interface MonitoringReport {
  round: MonitoringRound;
  form: TargetRecord;
  targets: TargetForm;
  version: number;
  figures: MonitoringFigures;
  result: MonitoringResult;
  decisions: LightDecision[];
  updatedAt: string | null;
}

export interface TiedTargets {
  formId: string;
  approvedVersion: number;
  targets: TargetForm;
  monitoring: LastMonitoring | null;
}

export interface EvaluationTie extends TiedTargets {
  /** A department's attached projects' approved targets, by project name. */
  projects: (TiedTargets & { projectName: string })[];
}

const report = (round: Id, form: Id) => `/api/monitoring/rounds/${round}/forms/${form}`;

export const targetsApi = {
  list: (p: { year?: number; status?: TargetStatus; departmentId?: Id }) =>
    request<{ items: TargetRecord[] }>('GET', `/api/targets${query(p)}`),
  get: (id: Id) => request<TargetRecord & { body: TargetForm }>('GET', `/api/targets/${id}`),
  create: (input: {
    departmentId: Id;
    year: number;
    kind: 'department' | 'project';
    rulebookId: string;
    projectName?: string;
    body?: unknown;
  }) => request<TargetRecord>('POST', '/api/targets', input),
  save: (id: Id, version: number, body: TargetForm, reason?: string) =>
    request<TargetRecord>('PUT', `/api/targets/${id}`, {
      version,
      body,
      ...(reason ? { reason } : {}),
    }),
  importFile: (file: File, p: { departmentId: Id; rulebookId?: string; year?: number }) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<{ record: TargetRecord; problems: string[] }>(
      'POST',
      `/api/targets/import${query(p)}`,
      form,
    );
  },
  findings: (id: Id) => request<{ findings: Finding[] }>('GET', `/api/targets/${id}/findings`),
  transition: (id: Id, action: 'submit' | 'return' | 'approve', comment?: string) =>
    request<TargetRecord>('POST', `/api/targets/${id}/transitions`, {
      action,
      ...(comment ? { comment } : {}),
    }),
  events: (id: Id) => request<{ items: TargetEvent[] }>('GET', `/api/targets/${id}/events`),
  revision: (id: Id, version: number) =>
    request<{ version: number; reason: string | null; body: TargetForm }>(
      'GET',
      `/api/targets/${id}/revisions/${version}`,
    ),
  revisions: (id: Id) =>
    request<{ items: TargetRevision[] }>('GET', `/api/targets/${id}/revisions`),

  thresholds: () => request<{ items: MonitoringThresholds[] }>('GET', '/api/monitoring/thresholds'),
  rounds: () => request<{ items: MonitoringRound[] }>('GET', '/api/monitoring/rounds'),
  addRound: (r: { year: number; asOf: string; deadline: string }) =>
    request<MonitoringRound>('POST', '/api/monitoring/rounds', r),
  round: (id: Id) => request<RoundOverview>('GET', `/api/monitoring/rounds/${id}`),
  report: (round: Id, form: Id) => request<MonitoringReport>('GET', report(round, form)),
  saveReport: (round: Id, form: Id, version: number, figures: MonitoringFigures) =>
    request<MonitoringReport>('PUT', report(round, form), { version, figures }),
  decide: (
    round: Id,
    form: Id,
    d: { subject: string; state: 'confirmed' | 'dismissed'; reason?: string; correction?: string },
  ) => request<MonitoringReport>('POST', `${report(round, form)}/decisions`, d),
  answer: (round: Id, form: Id, subject: string, answer: string) =>
    request<MonitoringReport>('POST', `${report(round, form)}/answers`, { subject, answer }),
  lights: (p: { year?: number; regionId?: Id }) =>
    request<{ overview: RoundOverview | null }>('GET', `/api/monitoring/lights${query(p)}`),
  evaluationTie: (id: Id) =>
    request<{ tie: EvaluationTie | null }>('GET', `/api/evaluations/${id}/targets`),
};

export const targetExportUrl = (id: Id, format: 'docx' | 'xlsx') =>
  `/api/targets/${id}/export.${format}`;
