import { sql } from '@jixiao/db';
import type { EvaluationStatus } from '@jixiao/db';
import type { ServiceContext } from './context.ts';
import type { Actor } from './actor.ts';
import { forbidden } from './errors.ts';
import { rectificationFigures } from './rectification.ts';
import type { RectificationFigures } from './rectification.ts';

export interface Dashboard {
  year: number;
  regionId: string | null;
  statusCounts: Record<EvaluationStatus, number>;
  scoreHistogram: { bucket: string; count: number }[];
  executionRates: { departmentName: string; rate: number }[];
  executionRateHistogram: { bucket: string; count: number }[];
  totals: {
    evaluationId: string;
    departmentName: string;
    stated: number | null;
    computed: number | null;
  }[];
  findingCategories: { category: string; count: number }[];
  yearsByDepartment: {
    departmentId: string;
    departmentName: string;
    years: { year: number; computed: number | null; stated: number | null }[];
  }[];
  /** Confirmed findings of the year and where they stand, in all and per unit. */
  rectification: RectificationFigures;
}

const BUCKETS = [
  '0–10',
  '10–20',
  '20–30',
  '30–40',
  '40–50',
  '50–60',
  '60–70',
  '70–80',
  '80–90',
  '90–100',
];
const RATE_BUCKETS = ['<50%', '50–60%', '60–70%', '70–80%', '80–90%', '90–95%', '≥95%'];
/** How many rows the per-evaluation series carry at most (the chart shows the lowest first). */
const SERIES_LIMIT = 200;

/**
 * Aggregates of one region and year, computed in SQL over the columns stored on save, so the cost
 * grows with the number of departments shown, not with the size of the bodies.
 */
export async function dashboard(
  ctx: ServiceContext,
  actor: Actor,
  input: { regionId?: string | undefined; year?: number | undefined },
): Promise<Dashboard> {
  if (actor.role === 'filer') throw forbidden('仅单位负责人、审核人和管理员可查看统计');
  // A head sees the own unit's figures over the years; a reviewer the region; an admin any.
  const departmentId = actor.role === 'head' ? (actor.departmentId ?? '') : null;
  const regionId =
    actor.role === 'reviewer' || actor.role === 'head' ? actor.regionId : (input.regionId ?? null);
  if (actor.role !== 'admin' && input.regionId !== undefined && input.regionId !== actor.regionId) {
    throw forbidden('无权查看其他区域的统计');
  }
  const year = input.year ?? (await latestYear(ctx, regionId, departmentId));
  const scoped = () => {
    let q = ctx.db
      .selectFrom('evaluations as e')
      .innerJoin('departments as d', 'd.id', 'e.department_id')
      .where('e.year', '=', year)
      .where('e.kind', '=', 'department');
    if (regionId !== null) q = q.where('d.region_id', '=', regionId);
    if (departmentId !== null) q = q.where('e.department_id', '=', departmentId);
    return q;
  };
  // One scan groups by status, score bucket and execution-rate bucket; the three counts follow.
  const rateBucket = sql<
    number | null
  >`case when e.execution_rate is null then null when e.execution_rate < 0.5 then 0 when e.execution_rate < 0.6 then 1 when e.execution_rate < 0.7 then 2 when e.execution_rate < 0.8 then 3 when e.execution_rate < 0.9 then 4 when e.execution_rate < 0.95 then 5 else 6 end`;
  const [groupRows, rateRows, totalRows, categoryRows] = await Promise.all([
    scoped()
      .select([
        'e.status',
        'e.score_bucket',
        rateBucket.as('rate_bucket'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .groupBy(['e.status', 'e.score_bucket', 'rate_bucket'])
      .execute(),
    scoped()
      .select(['e.id', 'd.name', 'e.execution_rate'])
      .where('e.execution_rate', 'is not', null)
      .orderBy('e.execution_rate')
      .orderBy('e.id')
      .limit(SERIES_LIMIT)
      .execute(),
    scoped()
      .select(['e.id', 'd.name', 'e.stated_total', 'e.computed_total'])
      .orderBy(sql`abs(coalesce(e.stated_total, 0) - coalesce(e.computed_total, 0))`, 'desc')
      .orderBy('e.id')
      .limit(SERIES_LIMIT)
      .execute(),
    findingCategories(ctx, regionId, departmentId, year),
  ]);

  const statusCounts: Record<EvaluationStatus, number> = {
    draft: 0,
    submitted: 0,
    returned: 0,
    approved: 0,
    published: 0,
  };
  const histogram = BUCKETS.map((bucket) => ({ bucket, count: 0 }));
  const rateBuckets = RATE_BUCKETS.map((bucket) => ({ bucket, count: 0 }));
  for (const row of groupRows) {
    const n = Number(row.n);
    statusCounts[row.status] += n;
    const slot = row.score_bucket === null ? undefined : histogram[row.score_bucket];
    if (slot !== undefined) slot.count += n;
    const rate = row.rate_bucket === null ? undefined : rateBuckets[Number(row.rate_bucket)];
    if (rate !== undefined) rate.count += n;
  }
  return {
    year,
    regionId,
    statusCounts,
    scoreHistogram: histogram,
    executionRates: rateRows.map((r) => ({ departmentName: r.name, rate: r.execution_rate ?? 0 })),
    executionRateHistogram: rateBuckets,
    totals: totalRows.map((r) => ({
      evaluationId: r.id,
      departmentName: r.name,
      stated: r.stated_total,
      computed: r.computed_total,
    })),
    findingCategories: categoryRows.map((r) => ({ category: r.category, count: Number(r.n) })),
    yearsByDepartment: await yearsByDepartment(ctx, regionId, departmentId, year),
    rectification: await rectificationFigures(ctx, { regionId, departmentId, year }),
  };
}

/** The ten most frequent finding categories of the year's department evaluations. */
async function findingCategories(
  ctx: ServiceContext,
  regionId: string | null,
  departmentId: string | null,
  year: number,
) {
  // The count rows carry their evaluation's year and kind: no join with the evaluations.
  let q = ctx.db
    .selectFrom('evaluation_findings as f')
    .select(['f.category', (eb) => eb.fn.sum<number>('f.count').as('n')])
    .where('f.year', '=', year)
    .where('f.kind', '=', 'department');
  if (regionId !== null) {
    q = q
      .innerJoin('departments as d', 'd.id', 'f.department_id')
      .where('d.region_id', '=', regionId);
  }
  if (departmentId !== null) q = q.where('f.department_id', '=', departmentId);
  return q.groupBy('f.category').orderBy('n', 'desc').orderBy('f.category').limit(10).execute();
}

async function latestYear(
  ctx: ServiceContext,
  regionId: string | null,
  departmentId: string | null,
): Promise<number> {
  let q = ctx.db
    .selectFrom('evaluations as e')
    .innerJoin('departments as d', 'd.id', 'e.department_id')
    .select((eb) => eb.fn.max('e.year').as('y'));
  if (regionId !== null) q = q.where('d.region_id', '=', regionId);
  if (departmentId !== null) q = q.where('e.department_id', '=', departmentId);
  const row = await q.executeTakeFirst();
  return row?.y ?? new Date().getFullYear() - 1;
}

/** The last three years per department (the department-wide evaluation, averaged if several). */
async function yearsByDepartment(
  ctx: ServiceContext,
  regionId: string | null,
  departmentId: string | null,
  year: number,
): Promise<Dashboard['yearsByDepartment']> {
  // The first departments by code that have an evaluation in the year, then their three years:
  // the aggregate touches at most SERIES_LIMIT departments, however large the region.
  let shown = ctx.db
    .selectFrom('departments as d')
    .select('d.id')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('evaluations as x')
          .select('x.id')
          .whereRef('x.department_id', '=', 'd.id')
          .where('x.year', '=', year)
          .where('x.kind', '=', 'department'),
      ),
    )
    .orderBy('d.code')
    .limit(SERIES_LIMIT);
  if (regionId !== null) shown = shown.where('d.region_id', '=', regionId);
  if (departmentId !== null) shown = shown.where('d.id', '=', departmentId);
  const rows = await ctx.db
    .selectFrom('evaluations as e')
    .innerJoin('departments as d', 'd.id', 'e.department_id')
    .select([
      'd.id',
      'd.name',
      'd.code',
      'e.year',
      (eb) => eb.fn.avg<number>('e.computed_total').as('computed'),
      (eb) => eb.fn.avg<number>('e.stated_total').as('stated'),
    ])
    .where('e.department_id', 'in', shown)
    .where('e.kind', '=', 'department')
    .where('e.year', '>=', year - 2)
    .where('e.year', '<=', year)
    .groupBy(['d.id', 'd.name', 'd.code', 'e.year'])
    .orderBy('d.code')
    .orderBy('e.year')
    .execute();
  const out = new Map<string, Dashboard['yearsByDepartment'][number]>();
  for (const r of rows) {
    const entry = out.get(r.id) ?? { departmentId: r.id, departmentName: r.name, years: [] };
    entry.years.push({
      year: r.year,
      computed: r.computed === null ? null : Math.round(Number(r.computed) * 100) / 100,
      stated: r.stated === null ? null : Math.round(Number(r.stated) * 100) / 100,
    });
    out.set(r.id, entry);
  }
  return [...out.values()];
}
