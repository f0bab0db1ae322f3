import type { Evaluation } from '../evaluation.ts';
import type { Expression } from '../expression.ts';
import type { Finding } from '../finding.ts';
import { normalizeDigits } from '../money.ts';
import { normalizeUnit } from '../parse-expression.ts';
import { samePoints } from '../points.ts';
import { formatPercent, ratioPercent } from '../ratio.ts';
import { normalizeIndicatorName } from '../scoring/bind-indicators.ts';
import { pointsText } from '../checks/format.ts';
import { makeFinding } from '../checks/make-finding.ts';
import type { MonitoringResult } from './monitoring.ts';
import { targetLeaves } from './target-form.ts';
import type { TargetForm, TargetLeaf } from './target-form.ts';

/** The year's last monitoring round of the form, as the tie checks need it. */
export interface LastMonitoring {
  /** The round's date as people write it ("7月31日"). */
  asOfText: string;
  result: MonitoringResult;
  /** Most a year-end execution rate may differ from the round's forecast without a reason. */
  forecastTolerance: number;
}

function textKey(text: string): string {
  return normalizeDigits(text)
    .replace(/[\s\u3000]+/g, '')
    .replace(/>=/g, '≥')
    .replace(/<=/g, '≤')
    .replace(/％/g, '%');
}

/** Whether two 年度指标值 say the same: the same figure, unit and comparator, or the same words. */
export function sameTarget(a: Expression | undefined, b: Expression | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind === 'quantity' && b.kind === 'quantity')
    return (
      a.value === b.value &&
      normalizeUnit(a.unit) === normalizeUnit(b.unit) &&
      (a.comparator ?? '=') === (b.comparator ?? '=')
    );
  if (a.kind === 'range' && b.kind === 'range')
    return (
      a.lower === b.lower &&
      a.upper === b.upper &&
      a.lowerInclusive === b.lowerInclusive &&
      a.upperInclusive === b.upperInclusive &&
      normalizeUnit(a.unit) === normalizeUnit(b.unit)
    );
  if (a.kind === 'deadline' && b.kind === 'deadline' && a.date !== undefined)
    return a.date === b.date;
  return textKey(a.text) === textKey(b.text);
}

function keyOf(leaf: TargetLeaf): string {
  return normalizeIndicatorName(leaf.node.name);
}

/** Leaves by name; a name given twice is matched in order. */
function byName(leaves: readonly TargetLeaf[]): Map<string, TargetLeaf[]> {
  const map = new Map<string, TargetLeaf[]>();
  for (const leaf of leaves) {
    const key = keyOf(leaf);
    const list = map.get(key);
    if (list) list.push(leaf);
    else map.set(key, [leaf]);
  }
  return map;
}

const isExecution = (leaf: TargetLeaf): boolean => /执行率/.test(leaf.node.name);

/**
 * The self-evaluation against its approved targets and the year's monitoring: a 年度指标值 that
 * differs from the approved one (targets rewritten to match what was achieved), indicators dropped
 * or added after approval, full marks on an indicator monitoring showed red with no explanation
 * since, and a year-end execution rate far from the last forecast with no reason given.
 */
export function checkAgainstTargets(
  evaluation: Evaluation,
  approved: TargetForm,
  monitoring?: LastMonitoring,
): Finding[] {
  const out: Finding[] = [];
  const approvedLeaves = targetLeaves(approved.indicators);
  const evaluationLeaves = targetLeaves(evaluation.indicators);
  const remaining = byName(evaluationLeaves);
  const matched = new Map<string, TargetLeaf>();
  for (const target of approvedLeaves) {
    const candidates = remaining.get(keyOf(target));
    const leaf = candidates?.shift();
    if (leaf === undefined) {
      out.push(
        makeFinding({
          code: 'TARGET_INDICATOR_DROPPED',
          severity: 'error',
          path: 'indicators',
          expected: target.node.target?.text,
          params: { name: target.node.name },
        }),
      );
      continue;
    }
    matched.set(target.path, leaf);
    if (isExecution(target) && target.node.target === undefined) continue;
    if (!sameTarget(target.node.target, leaf.node.target))
      out.push(
        makeFinding({
          code: 'TARGET_VALUE_CHANGED',
          severity: 'error',
          path: `${leaf.path}.target`,
          stated: leaf.node.target?.text ?? '（未填写）',
          expected: target.node.target?.text ?? '（未填写）',
          params: { name: leaf.node.name },
        }),
      );
  }
  for (const list of remaining.values())
    for (const leaf of list)
      out.push(
        makeFinding({
          code: 'TARGET_INDICATOR_ADDED',
          severity: 'warning',
          path: leaf.path,
          stated: leaf.node.target?.text,
          params: { name: leaf.node.name },
        }),
      );
  if (monitoring === undefined) return out;
  for (const light of monitoring.result.indicators) {
    if (light.light !== 'red' || light.explained) continue;
    const leaf = matched.get(light.path);
    const node = leaf?.node;
    if (leaf === undefined || node?.score === undefined || node.weight === undefined) continue;
    if (!samePoints(node.score, node.weight) || (node.deviationReason ?? '').trim() !== '')
      continue;
    out.push(
      makeFinding({
        code: 'TARGET_RED_FULL_SCORE',
        severity: 'warning',
        path: `${leaf.path}.score`,
        stated: pointsText(node.score),
        params: {
          name: node.name,
          asOf: monitoring.asOfText,
          forecast: light.forecast ?? '',
          target: light.target ?? '',
        },
      }),
    );
  }
  const forecast = monitoring.result.forecastExecutionPercent;
  const total = evaluation.funds.total;
  const rate =
    total?.budget !== undefined && total.executed !== undefined
      ? ratioPercent(total.executed.fen, total.budget.fen, 2)?.rounded
      : undefined;
  if (forecast !== undefined && rate !== undefined) {
    const gap = Math.round(Math.abs(rate - forecast) * 100) / 100;
    const executionLeaf = evaluationLeaves.find(isExecution);
    const reason = (executionLeaf?.node.deviationReason ?? '').trim();
    if (gap > monitoring.forecastTolerance && reason === '')
      out.push(
        makeFinding({
          code: 'TARGET_FORECAST_OFF',
          severity: 'warning',
          path: executionLeaf ? `${executionLeaf.path}.deviationReason` : 'funds.total.executed',
          stated: formatPercent(rate),
          expected: formatPercent(forecast),
          params: { asOf: monitoring.asOfText, gap: gap.toFixed(2) },
        }),
      );
  }
  return out;
}
