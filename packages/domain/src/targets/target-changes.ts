import { formatFen } from '../money.ts';
import type { Amount } from '../money.ts';
import { formatPoints } from '../points.ts';
import { normalizeIndicatorName } from '../scoring/bind-indicators.ts';
import { targetLeaves } from './target-form.ts';
import type { TargetForm, TargetLeaf } from './target-form.ts';
import { sameTarget } from './target-tie.ts';

/** One difference between two versions of a form, as people read it. */
export interface TargetChange {
  what: string;
  before: string;
  after: string;
}

const money = (a: Amount | undefined): string =>
  a === undefined ? '—' : `${formatFen(a.fen, '万元')}万元`;
const weight = (w: number | undefined): string => (w === undefined ? '—' : `${formatPoints(w)}分`);

/**
 * What a 目标调整 changed against the approved version: goal, budget, each indicator's 年度指标值
 * and weight, indicators added and dropped (matched by name).
 */
export function targetChanges(before: TargetForm, after: TargetForm): TargetChange[] {
  const out: TargetChange[] = [];
  if (before.overallGoal.trim() !== after.overallGoal.trim())
    out.push({ what: '年度总体目标', before: before.overallGoal, after: after.overallGoal });
  for (const [key, label] of [
    ['total', '年度资金总额'],
    ['fiscal', '财政拨款'],
    ['other', '其他资金'],
  ] as const) {
    if (before.budget[key]?.fen !== after.budget[key]?.fen)
      out.push({ what: label, before: money(before.budget[key]), after: money(after.budget[key]) });
  }
  const remaining = new Map<string, TargetLeaf[]>();
  for (const leaf of targetLeaves(after.indicators)) {
    const key = normalizeIndicatorName(leaf.node.name);
    remaining.set(key, [...(remaining.get(key) ?? []), leaf]);
  }
  for (const old of targetLeaves(before.indicators)) {
    const now = remaining.get(normalizeIndicatorName(old.node.name))?.shift();
    const name = old.node.name;
    if (now === undefined) {
      out.push({ what: `删除指标“${name}”`, before: old.node.target?.text ?? '—', after: '—' });
      continue;
    }
    if (!sameTarget(old.node.target, now.node.target))
      out.push({
        what: `“${name}”年度指标值`,
        before: old.node.target?.text ?? '—',
        after: now.node.target?.text ?? '—',
      });
    if (old.node.weight !== now.node.weight)
      out.push({
        what: `“${name}”分值`,
        before: weight(old.node.weight),
        after: weight(now.node.weight),
      });
  }
  for (const list of remaining.values())
    for (const leaf of list)
      out.push({
        what: `新增指标“${leaf.node.name}”`,
        before: '—',
        after: leaf.node.target?.text ?? '—',
      });
  return out;
}
