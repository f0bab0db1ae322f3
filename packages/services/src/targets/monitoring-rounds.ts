import type { ServiceContext } from '../context.ts';
import { nowIso } from '../context.ts';
import type { Actor } from '../actor.ts';
import { ServiceError, forbidden, notFound } from '../errors.ts';
import { requireRegion, requireRole } from '../directory.ts';
import { getThresholds } from './thresholds.ts';

/** A 绩效运行监控 round of a region: figures to `asOf`, due by `deadline`. */
export interface MonitoringRound {
  id: string;
  regionId: string;
  year: number;
  asOf: string;
  deadline: string;
  thresholdsId: string;
  createdBy: string;
  createdAt: string;
}

type Row = {
  id: string;
  region_id: string;
  year: number;
  as_of: string;
  deadline: string;
  thresholds_id: string;
  created_by: string;
  created_at: string;
};

export function toMonitoringRound(r: Row): MonitoringRound {
  return {
    id: r.id,
    regionId: r.region_id,
    year: r.year,
    asOf: r.as_of,
    deadline: r.deadline,
    thresholdsId: r.thresholds_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** "7月31日" for 2025-07-31: the round's date as people write it. */
export function asOfText(asOf: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(asOf);
  return m ? `${Number(m[1])}月${Number(m[2])}日` : asOf;
}

/** Opens a round: a reviewer for their region, an admin for any region they name. */
export async function createMonitoringRound(
  ctx: ServiceContext,
  actor: Actor,
  input: {
    year: number;
    asOf: string;
    deadline: string;
    regionId?: string | undefined;
    thresholdsId?: string | undefined;
  },
): Promise<MonitoringRound> {
  requireRole(actor, ['reviewer', 'admin']);
  const regionId = actor.role === 'admin' ? (input.regionId ?? actor.regionId) : actor.regionId;
  if (regionId === null || regionId === undefined)
    throw new ServiceError('VALIDATION_FAILED', '请选择监控所属区域');
  if (actor.role === 'reviewer' && input.regionId !== undefined && input.regionId !== regionId)
    throw forbidden('只能为本区域开展绩效运行监控');
  await requireRegion(ctx, regionId);
  if (!input.asOf.startsWith(`${input.year}-`))
    throw new ServiceError('VALIDATION_FAILED', `监控截止日期应在${input.year}年内`);
  if (input.deadline < input.asOf)
    throw new ServiceError('VALIDATION_FAILED', '填报截止日期不能早于监控截止日期');
  const thresholds = getThresholds(input.thresholdsId ?? 'default');
  const row: Row = {
    id: ctx.newId(),
    region_id: regionId,
    year: input.year,
    as_of: input.asOf,
    deadline: input.deadline,
    thresholds_id: thresholds.id,
    created_by: actor.username,
    created_at: nowIso(ctx),
  };
  await ctx.db.insertInto('monitoring_rounds').values(row).execute();
  return toMonitoringRound(row);
}

/** The rounds of the actor's region (all for an admin), newest first. */
export async function listMonitoringRounds(
  ctx: ServiceContext,
  actor: Actor,
  filter: { year?: number | undefined } = {},
): Promise<MonitoringRound[]> {
  let q = ctx.db
    .selectFrom('monitoring_rounds')
    .selectAll()
    .orderBy('year', 'desc')
    .orderBy('as_of', 'desc');
  if (actor.role !== 'admin') q = q.where('region_id', '=', actor.regionId ?? '');
  if (filter.year !== undefined) q = q.where('year', '=', filter.year);
  return (await q.execute()).map(toMonitoringRound);
}

export async function getMonitoringRound(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<MonitoringRound> {
  const row = await ctx.db
    .selectFrom('monitoring_rounds')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw notFound('监控任务');
  if (actor.role !== 'admin' && row.region_id !== actor.regionId)
    throw forbidden('无权访问其他区域的绩效运行监控');
  return toMonitoringRound(row);
}
