import { z } from 'zod';
import type { Expression } from '../expression.ts';
import { Amount } from '../money.ts';
import { parseExpression, daysInMonth } from '../parse-expression.ts';
import { ratioPercent } from '../ratio.ts';
import { RulebookSource } from '../rulebook.ts';
import { targetLeaves } from './target-form.ts';
import type { TargetForm } from './target-form.ts';

/** The four lights of 绩效运行监控: on track, slight deviation, serious deviation, not yet measurable. */
export const Light = z.enum(['green', 'yellow', 'red', 'blue']);
export type Light = z.infer<typeof Light>;

export const LIGHT_LABELS_ZH: Record<Light, string> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  blue: '蓝灯',
};

/** What each light means, for the pages' legends. */
export const LIGHT_MEANINGS_ZH: Record<Light, string> = {
  green: '进度正常',
  yellow: '轻度偏离',
  red: '严重偏离',
  blue: '暂无法衡量',
};

/**
 * Where the lights change, as data (rulebooks/monitoring/*.json): execution behind the elapsed
 * share of the year, an indicator's forecast short of its target, and how far the year's actual
 * execution may stray from the last round's forecast without a reason.
 */
export const MonitoringThresholds = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: z.string().min(1),
    confirmed: z.boolean(),
    sources: z.array(RulebookSource).min(1),
    description: z.string().optional(),
    execution: z.object({
      /** Execution rate behind the elapsed share by more than this many percentage points: yellow. */
      yellowGap: z.number().min(0).max(100),
      /** …by more than this: red. */
      redGap: z.number().min(0).max(100),
    }),
    indicator: z.object({
      /** Forecast short of the target by more than this percent of the target: yellow. */
      yellowShortfall: z.number().min(0).max(100),
      /** …by more than this: red. */
      redShortfall: z.number().min(0).max(100),
    }),
    /** Year-end execution rate differing from the last forecast by more than this many points needs a reason. */
    forecastTolerance: z.number().min(0).max(100),
  })
  .refine((t) => t.execution.yellowGap <= t.execution.redGap, {
    message: '黄灯阈值不能大于红灯阈值',
    path: ['execution'],
  })
  .refine((t) => t.indicator.yellowShortfall <= t.indicator.redShortfall, {
    message: '黄灯阈值不能大于红灯阈值',
    path: ['indicator'],
  });
export type MonitoringThresholds = z.infer<typeof MonitoringThresholds>;

/** One indicator's figures in a monitoring round, by its path in the target form. */
export const MonitoringIndicator = z.object({
  path: z.string().min(1).max(300),
  /** 截至监控日完成值 */
  progress: z.string().max(200).optional(),
  /** 全年预计完成值 */
  forecast: z.string().max(200).optional(),
  /** 偏差原因及纠偏措施 */
  explanation: z.string().max(5000).optional(),
});
export type MonitoringIndicator = z.infer<typeof MonitoringIndicator>;

/** What a unit reports for one target form in a monitoring round. */
export const MonitoringFigures = z.object({
  /** 截至监控日预算执行数 */
  executed: Amount.optional(),
  /** 全年预计执行数 */
  forecastExecuted: Amount.optional(),
  /** 执行进度偏差原因及纠偏措施 */
  executionExplanation: z.string().max(5000).optional(),
  indicators: z.array(MonitoringIndicator).max(2000).default([]),
});
export type MonitoringFigures = z.infer<typeof MonitoringFigures>;

export interface IndicatorLight {
  path: string;
  name: string;
  target?: string | undefined;
  progress?: string | undefined;
  /** The stated forecast, else one projected from the progress. */
  forecast?: string | undefined;
  projected: boolean;
  /** How far the forecast falls short of the target, in percent of the target. */
  shortfall?: number | undefined;
  light: Light;
  explained: boolean;
}

export interface MonitoringResult {
  /** Share of the year elapsed at the round's date, in percent (two decimals). */
  elapsedPercent: number;
  executionPercent?: number | undefined;
  /** Elapsed share minus execution rate, in percentage points (positive: behind time). */
  gap?: number | undefined;
  executionLight: Light;
  executionExplained: boolean;
  forecastExecutionPercent?: number | undefined;
  indicators: IndicatorLight[];
  /** The worst light of the form (blue only when nothing can be measured). */
  light: Light;
  counts: Record<Light, number>;
  /** Red lights without an explanation. */
  unexplainedRed: number;
}

const SEVERITY: Record<Light, number> = { blue: 0, green: 1, yellow: 2, red: 3 };

function worst(lights: readonly Light[]): Light {
  let out: Light = 'blue';
  for (const l of lights) if (SEVERITY[l] > SEVERITY[out]) out = l;
  return out;
}

/** Day of the year (1-based) of an ISO date within `year`, clamped to the year. */
function elapsedDays(asOf: string, year: number): { days: number; total: number } {
  const total = daysInMonth(year, 2) === 29 ? 366 : 365;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  if (!m) return { days: 0, total };
  const y = Number(m[1]);
  if (y < year) return { days: 0, total };
  if (y > year) return { days: total, total };
  let days = Number(m[3]);
  for (let month = 1; month < Number(m[2]); month++) days += daysInMonth(year, month);
  return { days: Math.min(days, total), total };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function byShortfall(shortfall: number, t: MonitoringThresholds['indicator']): Light {
  if (shortfall <= t.yellowShortfall) return 'green';
  return shortfall <= t.redShortfall ? 'yellow' : 'red';
}

/**
 * An indicator's light: the forecast (stated, else projected from the progress: a rate as it
 * stands, a count in proportion to the elapsed share) against the 年度指标值. Blue when the target
 * or the figures cannot be compared.
 */
function indicatorLight(
  target: Expression | undefined,
  progressText: string | undefined,
  forecastText: string | undefined,
  elapsedPercent: number,
  t: MonitoringThresholds['indicator'],
): { light: Light; forecast?: string; projected: boolean; shortfall?: number } {
  const stated = forecastText !== undefined && forecastText.trim() !== '';
  const progress =
    progressText !== undefined && progressText.trim() !== ''
      ? parseExpression(progressText)
      : undefined;
  let forecast = stated ? parseExpression(forecastText) : undefined;
  let projected = false;
  if (
    forecast === undefined &&
    progress?.kind === 'quantity' &&
    target?.kind === 'quantity' &&
    elapsedPercent > 0
  ) {
    const value =
      progress.unit === '%' ? progress.value : round2((progress.value * 100) / elapsedPercent);
    forecast = { kind: 'quantity', text: `${value}${progress.unit}`, value, unit: progress.unit };
    projected = true;
  }
  if (forecast === undefined && progress?.kind === 'done') forecast = progress;
  const base = {
    projected,
    ...(forecast !== undefined ? { forecast: forecast.text } : {}),
  };
  if (target === undefined || forecast === undefined) return { light: 'blue', ...base };
  if (forecast.kind === 'done') return { light: forecast.done ? 'green' : 'red', ...base };
  if (target.kind === 'quantity' && forecast.kind === 'quantity') {
    const a = target.value;
    const f = forecast.value;
    if (a === 0) return { light: f <= 0 ? 'green' : 'red', ...base };
    const lowerIsBetter = target.comparator === '<=' || target.comparator === '<';
    const miss = lowerIsBetter ? Math.max(0, f - a) : Math.max(0, a - f);
    const shortfall = round2((miss * 100) / Math.abs(a));
    return { light: byShortfall(shortfall, t), shortfall, ...base };
  }
  if (target.kind === 'range' && forecast.kind === 'quantity') {
    const f = forecast.value;
    const low =
      target.lower === undefined || (target.lowerInclusive ? f >= target.lower : f > target.lower);
    const high =
      target.upper === undefined || (target.upperInclusive ? f <= target.upper : f < target.upper);
    return { light: low && high ? 'green' : 'red', ...base };
  }
  if (target.kind === 'deadline' && forecast.kind === 'deadline' && target.date && forecast.date)
    return { light: forecast.date <= target.date ? 'green' : 'red', ...base };
  return { light: 'blue', ...base };
}

/**
 * A round's lights for one target form: execution against time (the execution rate against the
 * elapsed share of the year) and each indicator's forecast against its target, with the
 * thresholds' data. `asOf` is the round's date (YYYY-MM-DD).
 */
export function computeMonitoring(
  form: TargetForm,
  figures: MonitoringFigures,
  asOf: string,
  thresholds: MonitoringThresholds,
): MonitoringResult {
  const { days, total } = elapsedDays(asOf, form.year);
  const elapsedPercent = ratioPercent(days, total, 2)?.rounded ?? 0;
  const budget = form.budget.total?.fen;
  const executionPercent =
    budget !== undefined && figures.executed !== undefined
      ? ratioPercent(figures.executed.fen, budget, 2)?.rounded
      : undefined;
  const forecastExecutionPercent =
    budget !== undefined && figures.forecastExecuted !== undefined
      ? ratioPercent(figures.forecastExecuted.fen, budget, 2)?.rounded
      : undefined;
  const gap =
    executionPercent === undefined ? undefined : round2(elapsedPercent - executionPercent);
  const executionLight: Light =
    gap === undefined
      ? 'blue'
      : gap <= thresholds.execution.yellowGap
        ? 'green'
        : gap <= thresholds.execution.redGap
          ? 'yellow'
          : 'red';
  const byPath = new Map(figures.indicators.map((i) => [i.path, i]));
  const indicators: IndicatorLight[] = [];
  for (const leaf of targetLeaves(form.indicators)) {
    // The execution-rate indicator is measured by the execution light.
    if (leaf.node.target === undefined && /执行率/.test(leaf.node.name)) continue;
    const entry = byPath.get(leaf.path);
    const computed = indicatorLight(
      leaf.node.target,
      entry?.progress,
      entry?.forecast,
      elapsedPercent,
      thresholds.indicator,
    );
    indicators.push({
      path: leaf.path,
      name: leaf.node.name,
      target: leaf.node.target?.text,
      progress: entry?.progress,
      ...computed,
      explained: (entry?.explanation ?? '').trim() !== '',
    });
  }
  const executionExplained = (figures.executionExplanation ?? '').trim() !== '';
  const lights = [executionLight, ...indicators.map((i) => i.light)];
  const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0, blue: 0 };
  for (const l of lights) counts[l] += 1;
  const unexplainedRed =
    (executionLight === 'red' && !executionExplained ? 1 : 0) +
    indicators.filter((i) => i.light === 'red' && !i.explained).length;
  return {
    elapsedPercent,
    executionPercent,
    gap,
    executionLight,
    executionExplained,
    forecastExecutionPercent,
    indicators,
    light: worst(lights),
    counts,
    unexplainedRed,
  };
}
