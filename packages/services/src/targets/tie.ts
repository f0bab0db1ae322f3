import {
  checkAgainstTargets,
  computeMonitoring,
  evaluationFromTargets,
  MonitoringFigures,
  prefixFindings,
} from '@jixiao/domain';
import type {
  Evaluation,
  Finding,
  LastMonitoring,
  MonitoringCarry,
  MonitoringFigures as Figures,
  ProjectEvaluation,
  TargetForm,
} from '@jixiao/domain';
import type { ServiceContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { approvedTargetsFor } from './approved-targets.ts';
import type { ApprovedTargets } from './approved-targets.ts';
import { asOfText } from './monitoring-rounds.ts';
import { getThresholds } from './thresholds.ts';

interface LastReport {
  figures: Figures;
  monitoring: LastMonitoring;
}

// A report's figures and lights by report, version and the approved version they were measured
// against: every save of a tied evaluation reads them, and they change only with those.
const reports = new Map<string, LastReport>();

/** The newest monitoring report of a form (by the round's date), with its figures and lights. */
async function lastReport(
  ctx: ServiceContext,
  approved: ApprovedTargets,
): Promise<LastReport | undefined> {
  // The newest report's id and version come with the approved targets (one query per save); its
  // figures and lights are read and computed only when that version was not seen before.
  if (approved.lastReport === null) return undefined;
  const cached =
    approved.lastReport === undefined
      ? undefined
      : reports.get(`${approved.lastReport}@${approved.approvedVersion}`);
  if (cached !== undefined) return cached;
  const formId = approved.record.id;
  const approvedVersion = approved.approvedVersion;
  const targets = approved.body;
  const row = await ctx.db
    .selectFrom('monitoring_reports as m')
    .innerJoin('monitoring_rounds as r', 'r.id', 'm.round_id')
    .select(['m.id', 'm.version', 'r.as_of', 'r.thresholds_id'])
    .where('m.form_id', '=', formId)
    .orderBy('r.as_of', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const key = `${row.id}@${row.version}@${approvedVersion}`;
  const hit = reports.get(key);
  if (hit !== undefined) return hit;
  const stored = await ctx.db
    .selectFrom('monitoring_reports')
    .select('body')
    .where('id', '=', row.id)
    .executeTakeFirst();
  if (stored === undefined) return undefined;
  const figures = MonitoringFigures.parse(JSON.parse(stored.body));
  const thresholds = getThresholds(row.thresholds_id);
  const report: LastReport = {
    figures,
    monitoring: {
      asOfText: asOfText(row.as_of),
      result: computeMonitoring(targets, figures, row.as_of, thresholds),
      forecastTolerance: thresholds.forecastTolerance,
    },
  };
  if (reports.size >= 500) reports.clear();
  reports.set(key, report);
  return report;
}

function scopeOf(departmentId: string, year: number, body: Evaluation) {
  return body.kind === 'project'
    ? { departmentId, year, kind: 'project' as const, projectName: body.projectName }
    : { departmentId, year, kind: 'department' as const };
}

/** Approved targets with their last monitoring, as the editor checks a body against them. */
export interface TiedTargets {
  formId: string;
  approvedVersion: number;
  targets: TargetForm;
  monitoring: LastMonitoring | null;
}

async function tied(ctx: ServiceContext, approved: ApprovedTargets): Promise<TiedTargets> {
  const last = await lastReport(ctx, approved);
  return {
    formId: approved.record.id,
    approvedVersion: approved.approvedVersion,
    targets: approved.body,
    monitoring: last?.monitoring ?? null,
  };
}

/**
 * What a filed evaluation is checked against (for the editor): the unit's approved targets of the
 * year and, for a department, each attached project's by its name.
 */
export async function targetsForEvaluation(
  ctx: ServiceContext,
  departmentId: string,
  year: number,
  body: Evaluation,
): Promise<(TiedTargets & { projects: (TiedTargets & { projectName: string })[] }) | null> {
  const approved = await approvedTargetsFor(ctx, scopeOf(departmentId, year, body));
  const projects: (TiedTargets & { projectName: string })[] = [];
  if (body.kind === 'department')
    for (const projectName of await approvedProjectNames(ctx, departmentId, year)) {
      const targets = await approvedTargetsFor(ctx, {
        departmentId,
        year,
        kind: 'project',
        projectName,
      });
      if (targets !== undefined) projects.push({ ...(await tied(ctx, targets)), projectName });
    }
  if (approved === undefined) return null;
  return { ...(await tied(ctx, approved)), projects };
}

/**
 * The findings of a self-evaluation against its unit's approved targets of the year and their last
 * monitoring round; none when the unit has no approved targets.
 */
export async function tieFindings(
  ctx: ServiceContext,
  departmentId: string,
  year: number,
  body: Evaluation,
): Promise<Finding[]> {
  const out: Finding[] = [];
  const approved = await approvedTargetsFor(ctx, scopeOf(departmentId, year, body));
  if (approved !== undefined) {
    const last = await lastReport(ctx, approved);
    out.push(...checkAgainstTargets(body, approved.body, last?.monitoring));
  }
  if (body.kind === 'department') {
    // The project tables attached to the report (附件3), each against its project's targets.
    for (const [i, project] of body.projectEvaluations.entries()) {
      const targets = await approvedTargetsFor(ctx, {
        departmentId,
        year,
        kind: 'project',
        projectName: project.projectName,
      });
      if (targets === undefined) continue;
      const last = await lastReport(ctx, targets);
      out.push(
        ...prefixFindings(
          checkAgainstTargets(project, targets.body, last?.monitoring),
          `projectEvaluations[${i}]`,
        ),
      );
    }
  }
  return out;
}

/** The approved project forms of a unit's year, by project name. */
async function approvedProjectNames(
  ctx: ServiceContext,
  departmentId: string,
  year: number,
): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('target_forms')
    .select('project_name')
    .where('department_id', '=', departmentId)
    .where('year', '=', year)
    .where('kind', '=', 'project')
    .where('approved_version', 'is not', null)
    .orderBy('project_name')
    .execute();
  return rows.map((r) => r.project_name);
}

/** The last round's figures a new evaluation starts from: executed so far, progress by path. */
function carryOf(last: LastReport | undefined): MonitoringCarry | undefined {
  if (last === undefined) return undefined;
  return {
    executed: last.figures.executed,
    progress: new Map(
      last.figures.indicators.flatMap((i) =>
        i.progress === undefined ? [] : [[i.path, i.progress] as const],
      ),
    ),
  };
}

/**
 * A new self-evaluation's body from the approved targets (tree, 年度指标值, weights, goal, budget)
 * and the last monitoring round's figures (executed so far, each indicator's progress).
 */
export async function evaluationBodyFromTargets(
  ctx: ServiceContext,
  scope: {
    departmentId: string;
    departmentName: string;
    year: number;
    kind: 'department' | 'project';
    projectName?: string | undefined;
  },
): Promise<Evaluation> {
  const approved = await approvedTargetsFor(ctx, {
    departmentId: scope.departmentId,
    year: scope.year,
    kind: scope.kind,
    ...(scope.projectName !== undefined ? { projectName: scope.projectName } : {}),
  });
  if (approved === undefined)
    throw new ServiceError(
      'BAD_REQUEST',
      scope.kind === 'project'
        ? `${scope.departmentName}没有审核通过的${scope.year}年度“${scope.projectName ?? ''}”项目绩效目标`
        : `${scope.departmentName}没有审核通过的${scope.year}年度部门整体绩效目标`,
    );
  const body = evaluationFromTargets(
    { ...approved.body, unitName: scope.departmentName },
    carryOf(await lastReport(ctx, approved)),
  );
  if (body.kind !== 'department') return body;
  // A department's report attaches its projects (附件3): each from its approved project targets.
  const projects: ProjectEvaluation[] = [];
  for (const projectName of await approvedProjectNames(ctx, scope.departmentId, scope.year)) {
    const targets = await approvedTargetsFor(ctx, {
      departmentId: scope.departmentId,
      year: scope.year,
      kind: 'project',
      projectName,
    });
    if (targets === undefined) continue;
    const project = evaluationFromTargets(
      { ...targets.body, unitName: scope.departmentName },
      carryOf(await lastReport(ctx, targets)),
    );
    if (project.kind === 'project') projects.push(project);
  }
  return { ...body, projectEvaluations: projects };
}
