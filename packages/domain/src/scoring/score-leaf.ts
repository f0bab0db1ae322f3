import type { FundRow, IndicatorNode } from '../evaluation.ts';
import type { LeafRule } from '../rulebook.ts';
import { roundPoints, toHundredths, fromHundredths } from '../points.ts';
import {
  deadline,
  doneRule,
  equal,
  manual,
  negative,
  positive,
  qualitative,
  quantity,
  range,
  type LeafContext,
  type Outcome,
} from './target-rules.ts';

/** What a leaf rule made of one indicator. `score` undefined: nothing stated, nothing computable. */
export interface LeafScore {
  score: number | undefined;
  /** The rule kind that computed the score, after `auto` dispatch; 'stated' for the fallback. */
  kind: string;
  notes: string[];
  reasonRequired: boolean;
}

export type { LeafContext };

/**
 * Scores one indicator by its rule (domain.md §3, A = target, B = actual, W = weight).
 * Falls back to the stated score, noted 'not-computable', when the figures do not allow the rule.
 */
export function scoreLeaf(
  rule: LeafRule,
  node: IndicatorNode,
  weight: number | undefined,
  ctx: LeafContext,
): LeafScore {
  const outcome = weight === undefined ? 'not-computable' : applyRule(rule, node, weight, ctx);
  if (outcome === 'not-computable') {
    return { score: node.score, kind: 'stated', notes: ['not-computable'], reasonRequired: false };
  }
  return {
    score: roundPoints(outcome.score),
    kind: outcome.kind,
    notes: outcome.notes ?? [],
    reasonRequired: outcome.reasonRequired ?? false,
  };
}

function applyRule(rule: LeafRule, node: IndicatorNode, w: number, ctx: LeafContext): Outcome {
  switch (rule.kind) {
    case 'execution-rate':
      return executionRate(rule, node, w, ctx);
    case 'positive':
      return positive(node, w, ctx);
    case 'negative':
      return negative(node, w, rule.mode ?? ctx.options.negativeMode);
    case 'equal':
      return equal(node, w, ctx);
    case 'range':
      return range(node, w, rule.outsideShare);
    case 'deadline':
      return deadline(node, w, rule.lateShare, ctx);
    case 'qualitative':
      return qualitative(node, w, ctx);
    case 'step-bands': {
      // The bands are points of a weight equal to their highest score: an indicator of the same
      // name weighted otherwise (5 where the book's bands give at most 3) is scored by another
      // table, which the book does not hold.
      const top = Math.max(rule.otherwise, ...rule.bands.map((b) => b.score));
      if (toHundredths(top) !== toHundredths(w)) return 'not-computable';
      const value = measure(rule.measure, node, ctx);
      if (value === undefined) return 'not-computable';
      const band = rule.bands.find((b) => value <= b.max + 1e-9);
      return { score: band ? band.score : rule.otherwise, kind: 'step-bands' };
    }
    case 'per-point': {
      const value = measure(rule.measure, node, ctx);
      if (value === undefined) return 'not-computable';
      const over = Math.max(0, value - rule.threshold);
      return { score: Math.max(0, w - rule.perPoint * over), kind: 'per-point' };
    }
    case 'checklist': {
      const met = node.checklistMet;
      if (!met) return 'not-computable';
      const n = rule.items.length;
      const passed = rule.items.filter((_, i) => met[i] === true).length;
      const score =
        rule.mode === 'share' ? (w * passed) / n : Math.max(0, w - rule.penalty * (n - passed));
      return { score, kind: 'checklist' };
    }
    case 'manual':
      return manual(node, w);
    case 'auto':
      return auto(node, w, ctx);
  }
}

/** Dispatch on how the target is written: ≥/> positive, ≤/< negative, = equal, range, date, grade. */
function auto(node: IndicatorNode, w: number, ctx: LeafContext): Outcome {
  const target = node.target;
  if (node.grade !== undefined || node.actual?.kind === 'qualitative') {
    if (target === undefined || target.kind === 'text' || target.kind === 'qualitative') {
      return qualitative(node, w, ctx);
    }
  }
  if (target === undefined) return manual(node, w);
  switch (target.kind) {
    case 'quantity':
      switch (target.comparator) {
        case '<=':
        case '<':
          return negative(node, w, ctx.options.negativeMode);
        case '=':
          return equal(node, w, ctx);
        case '>=':
        case '>':
        case undefined:
          return positive(node, w, ctx);
      }
      return 'not-computable';
    case 'range':
      return range(node, w, 0);
    case 'deadline':
      return deadline(node, w, 0, ctx);
    case 'qualitative':
      return qualitative(node, w, ctx);
    case 'done':
      return doneRule(node, w);
    case 'text':
      return manual(node, w);
  }
}

/** score = W × min(1, executed / budget), exactly in hundredths of a point, half-up. */
function executionRate(
  rule: Extract<LeafRule, { kind: 'execution-rate' }>,
  node: IndicatorNode,
  w: number,
  ctx: LeafContext,
): Outcome {
  const row = ctx.evaluation.funds[rule.row] ?? ctx.evaluation.funds.total;
  const exact = fundRate(row);
  let rate: number;
  let score: number;
  const notes: string[] = [];
  if (exact) {
    rate = exact.executed / exact.budget;
    score = scaleExact(w, exact.executed, exact.budget);
  } else {
    const actual = quantity(node.actual);
    if (!actual || actual.unit !== '%') return 'not-computable';
    rate = actual.value / 100;
    score = w * Math.min(1, Math.max(0, rate));
    notes.push('rate-from-actual');
  }
  const below = rule.reasonBelow !== undefined && rate < rule.reasonBelow;
  if (below) notes.push('execution-below-threshold');
  // A row that sets its own target ("≥95%") and met it was given its full weight by that target,
  // as any other indicator is: the report scored it so where it states the full weight.
  if (
    ownTargetMet(node, rate) &&
    node.score !== undefined &&
    toHundredths(node.score) === toHundredths(w)
  ) {
    notes.push('own-target-met');
    score = w;
  }
  return { score, kind: 'execution-rate', notes, reasonRequired: below };
}

/** Whether the rate reaches the row's own target of less than 100% ("≥95%", ">90%"). */
function ownTargetMet(node: IndicatorNode, rate: number): boolean {
  const target = quantity(node.target);
  if (!target || target.unit !== '%') return false;
  if (target.comparator !== '>=' && target.comparator !== '>') return false;
  if (target.value >= 100) return false;
  return target.comparator === '>=' ? rate * 100 >= target.value - 1e-9 : rate * 100 > target.value;
}

/** W × min(1, n/d) with integer arithmetic: n and d are 分. */
function scaleExact(w: number, n: number, d: number): number {
  if (n >= d) return w;
  if (n <= 0) return 0;
  const wh = BigInt(toHundredths(w));
  const bn = BigInt(n);
  const bd = BigInt(d);
  const rounded = (wh * bn * 2n + bd) / (2n * bd); // half-up
  return fromHundredths(Number(rounded));
}

function fundRate(row: FundRow | undefined): { executed: number; budget: number } | undefined {
  const budget = row?.budget?.fen;
  const executed = row?.executed?.fen;
  if (budget === undefined || executed === undefined || budget <= 0) return undefined;
  return { executed, budget };
}

/** The rate a step-band or per-point rule measures, in percent. */
function measure(
  kind: 'budget-adjustment-rate' | 'staffing-control-rate' | 'actual',
  node: IndicatorNode,
  ctx: LeafContext,
): number | undefined {
  if (kind === 'budget-adjustment-rate') {
    const total = ctx.evaluation.funds.total;
    const initial = total?.initialBudget?.fen;
    const budget = total?.budget?.fen;
    if (initial !== undefined && budget !== undefined && initial > 0) {
      return (Math.abs(budget - initial) * 100) / initial;
    }
  }
  if (kind === 'staffing-control-rate' && ctx.evaluation.kind === 'department') {
    const s = ctx.evaluation.baseData?.staffing;
    const authorized = s?.authorized ?? ctx.evaluation.staffing.authorized;
    const actual = s?.actual ?? ctx.evaluation.staffing.actual;
    if (authorized !== undefined && actual !== undefined && authorized > 0) {
      return (actual * 100) / authorized;
    }
    const stated = s?.statedControlRate ?? ctx.evaluation.staffing.statedControlRate;
    if (stated) return stated.value;
  }
  return quantity(node.actual)?.value;
}
