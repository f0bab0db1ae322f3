import type { Light } from '@jixiao/domain';
import type { ServiceContext } from '../context.ts';
import type { Actor } from '../actor.ts';
import { forbidden } from '../errors.ts';
import { getMonitoringRound, listMonitoringRounds } from './monitoring-rounds.ts';
import type { MonitoringRound } from './monitoring-rounds.ts';

/** One approved form in a round: its light once the unit has reported. */
export interface RoundRow {
  formId: string;
  departmentId: string;
  departmentName: string;
  title: string;
  kind: 'department' | 'project';
  projectName: string;
  reported: boolean;
  /** null until reported. */
  light: Light | null;
  redCount: number;
  unexplainedRed: number;
  executionPercent: number | null;
  /** Lights the reviewer required corrective measures on, and how many the unit has answered. */
  corrections: number;
  answered: number;
  updatedAt: string | null;
}

export interface RoundOverview {
  round: MonitoringRound;
  rows: RoundRow[];
  counts: Record<Light | 'unreported', number>;
}

const LIGHTS: readonly Light[] = ['green', 'yellow', 'red', 'blue'];

function asLight(value: string): Light {
  return LIGHTS.find((l) => l === value) ?? 'blue';
}

/** A round's approved forms with their lights: a reviewer's region, a unit its own forms. */
export async function roundOverview(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<RoundOverview> {
  const round = await getMonitoringRound(
    ctx,
    actor.role === 'filer' || actor.role === 'head' ? { ...actor, role: 'reviewer' } : actor,
    roundId,
  );
  let q = ctx.db
    .selectFrom('target_forms as t')
    .innerJoin('departments as d', 'd.id', 't.department_id')
    .leftJoin('monitoring_reports as m', (join) =>
      join.onRef('m.form_id', '=', 't.id').on('m.round_id', '=', roundId),
    )
    .select([
      't.id as form_id',
      't.department_id',
      'd.name as department_name',
      't.title',
      't.kind',
      't.project_name',
      'm.id as report_id',
      'm.light',
      'm.red_count',
      'm.unexplained_red',
      'm.execution_percent',
      'm.updated_at',
    ])
    .where('d.region_id', '=', round.regionId)
    .where('t.year', '=', round.year)
    .where('t.approved_version', 'is not', null);
  if (actor.role === 'filer' || actor.role === 'head')
    q = q.where('t.department_id', '=', actor.departmentId ?? '');
  const rows = await q.orderBy('d.code').orderBy('t.kind').orderBy('t.project_name').execute();
  const reportIds = rows.flatMap((r) => (r.report_id === null ? [] : [r.report_id]));
  const decisions =
    reportIds.length === 0
      ? []
      : await ctx.db
          .selectFrom('monitoring_decisions')
          .select(['report_id', 'state', 'answer'])
          .where('report_id', 'in', reportIds)
          .execute();
  const counts: Record<Light | 'unreported', number> = {
    green: 0,
    yellow: 0,
    red: 0,
    blue: 0,
    unreported: 0,
  };
  const out = rows.map((r): RoundRow => {
    const mine = decisions.filter((d) => d.report_id === r.report_id && d.state === 'confirmed');
    const light = r.light === null ? null : asLight(r.light);
    counts[light ?? 'unreported'] += 1;
    return {
      formId: r.form_id,
      departmentId: r.department_id,
      departmentName: r.department_name,
      title: r.title,
      kind: r.kind === 'project' ? 'project' : 'department',
      projectName: r.project_name,
      reported: r.report_id !== null,
      light,
      redCount: r.red_count ?? 0,
      unexplainedRed: r.unexplained_red ?? 0,
      executionPercent: r.execution_percent,
      corrections: mine.length,
      answered: mine.filter((d) => (d.answer ?? '') !== '').length,
      updatedAt: r.updated_at,
    };
  });
  return { round, rows: out, counts };
}

/** The dashboard's lights: the newest round of the year (else of any year) in the region. */
export async function latestLights(
  ctx: ServiceContext,
  actor: Actor,
  filter: { year?: number | undefined; regionId?: string | undefined },
): Promise<RoundOverview | null> {
  if (actor.role === 'filer') throw forbidden('填报人不能查看数据看板');
  if (actor.role !== 'admin' && filter.regionId !== undefined && filter.regionId !== actor.regionId)
    throw forbidden('无权查看其他区域的绩效运行监控');
  let rounds = await listMonitoringRounds(
    ctx,
    actor.role === 'head' ? { ...actor, role: 'reviewer' } : actor,
    { year: filter.year },
  );
  if (filter.regionId !== undefined) rounds = rounds.filter((r) => r.regionId === filter.regionId);
  const latest = rounds[0];
  return latest === undefined ? null : roundOverview(ctx, actor, latest.id);
}
