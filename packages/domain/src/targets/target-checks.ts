import type { Expression } from '../expression.ts';
import type { Finding } from '../finding.ts';
import { parseDecimalToFen } from '../money.ts';
import type { MoneyUnit } from '../money.ts';
import type { LeafRule, Rulebook } from '../rulebook.ts';
import { bindIndicators, bookIndex, flattenBound } from '../scoring/bind-indicators.ts';
import { normalizeIndicatorName } from '../scoring/bind-indicators.ts';
import { checkIndicatorSums } from '../checks/indicators.ts';
import { fenText } from '../checks/format.ts';
import { makeFinding } from '../checks/make-finding.ts';
import { ruleKindName } from '../messages-zh.ts';
import { evaluationFromTargets } from './from-targets.ts';
import type { TargetForm } from './target-form.ts';

/** What a rule needs the target to be, or null when it reads no target (execution, staffing…). */
function wantedKinds(rule: LeafRule | undefined): readonly Expression['kind'][] | null {
  switch (rule?.kind) {
    case undefined:
    case 'auto':
      return ['quantity', 'range', 'deadline', 'qualitative', 'done'];
    case 'positive':
    case 'negative':
    case 'equal':
      return ['quantity'];
    case 'range':
      return ['range', 'quantity'];
    case 'deadline':
      return ['deadline', 'done'];
    case 'step-bands':
    case 'per-point':
      return rule.measure === 'actual' ? ['quantity'] : null;
    case 'execution-rate':
    case 'qualitative':
    case 'checklist':
    case 'manual':
      return null;
  }
}

/**
 * A rate that cannot pass 100%: a share of something (…率, 满意度). Growth and increase rates
 * (增长率, 提高…个百分点) can, and so can anything stated against a base (同比, 环比).
 */
function isCappedRate(name: string): boolean {
  return /率|满意度/.test(name) && !/增长|增幅|增速|提高|提升|上升|同比|环比|超额|倍/.test(name);
}

function over100(target: Expression): boolean {
  if (target.kind === 'quantity') return target.unit === '%' && target.value > 100;
  if (target.kind === 'range')
    return target.unit === '%' && ((target.lower ?? 0) > 100 || (target.upper ?? 0) > 100);
  return false;
}

const MONEY_UNITS: readonly MoneyUnit[] = ['元', '万元', '亿元'];

/** A money target's amount in 分 ("≤1000万元" → 10^9), else undefined. */
function moneyTargetFen(target: Expression | undefined): number | undefined {
  if (target?.kind !== 'quantity') return undefined;
  const unit = MONEY_UNITS.find((u) => u === target.unit);
  if (unit === undefined) return undefined;
  return parseDecimalToFen(String(target.value), unit);
}

function hasUnit(target: Expression, unit: string | undefined): boolean {
  if ((unit ?? '').trim() !== '') return true;
  if (target.kind === 'quantity' || target.kind === 'range') return target.unit.trim() !== '';
  return true;
}

/**
 * The checks on a 绩效目标表, in the findings' shape: targets the rulebook needs measurable but
 * left empty or unreadable, a rate that cannot pass 100% set above it, weights that do not add up
 * (as in a self-evaluation), a cost target above the form's budget, quality targets without a
 * unit, and the goal, budget or indicators missing.
 */
export function checkTargetForm(form: TargetForm, rulebook: Rulebook): Finding[] {
  const out: Finding[] = [];
  const missing = (path: string, what: string) =>
    out.push(
      makeFinding({ code: 'COMPLETENESS_MISSING', severity: 'error', path, params: { what } }),
    );
  if (form.overallGoal.trim() === '') missing('overallGoal', '年度总体目标');
  if (form.budget.total === undefined) missing('budget.total', '年度资金总额');
  if (form.indicators.length === 0) missing('indicators', '绩效指标');

  const evaluation = evaluationFromTargets(form);
  out.push(...checkIndicatorSums(evaluation, rulebook));

  const bound = flattenBound(
    bindIndicators(form.indicators, rulebook.tree, bookIndex(rulebook.tree)),
  );
  const budgetFen = form.budget.total?.fen;
  for (const b of bound) {
    if ((b.node.children ?? []).length > 0) continue;
    const node = b.node;
    const rule = b.rule?.rule ?? b.inheritedLeafRule;
    const wanted = wantedKinds(rule);
    const target = node.target;
    const groups: string[] = [];
    for (let at = b.parent; at; at = at.parent) groups.push(normalizeIndicatorName(at.node.name));
    if (wanted !== null && (target === undefined || !wanted.includes(target.kind))) {
      out.push(
        makeFinding({
          code: 'TARGET_NOT_MEASURABLE',
          severity: target === undefined ? 'error' : 'warning',
          path: `${b.path}.target`,
          stated: target?.text,
          params: {
            name: node.name,
            rule: ruleKindName(rule?.kind ?? 'auto'),
            empty: target === undefined,
          },
        }),
      );
    }
    if (target === undefined) continue;
    if (over100(target) && isCappedRate(node.name))
      out.push(
        makeFinding({
          code: 'TARGET_RATE_OVER_100',
          severity: 'error',
          path: `${b.path}.target`,
          stated: target.text,
          params: { name: node.name },
        }),
      );
    const isCost = groups.some((g) => g.includes('成本')) || /成本/.test(node.name);
    const targetFen = moneyTargetFen(target);
    if (
      isCost &&
      budgetFen !== undefined &&
      budgetFen > 0 &&
      targetFen !== undefined &&
      targetFen > budgetFen
    )
      out.push(
        makeFinding({
          code: 'TARGET_COST_OVER_BUDGET',
          severity: 'error',
          path: `${b.path}.target`,
          stated: target.text,
          expected: fenText(budgetFen, form.amountUnit),
          params: { name: node.name, unit: form.amountUnit },
        }),
      );
    const isQuality = groups.some((g) => g.includes('质量')) || /质量/.test(node.name);
    if (isQuality && !hasUnit(target, node.unit))
      out.push(
        makeFinding({
          code: 'TARGET_QUALITY_NO_UNIT',
          severity: 'warning',
          path: `${b.path}.target`,
          stated: target.text,
          params: { name: node.name },
        }),
      );
  }
  return out;
}
