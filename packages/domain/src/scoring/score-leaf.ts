import type { Evaluation, FundRow, IndicatorNode } from '../evaluation.ts';
import type { Expression, QualitativeGrade } from '../expression.ts';
import type { LeafRule, RulebookOptions } from '../rulebook.ts';
import { roundPoints, toHundredths, fromHundredths } from '../points.ts';
import { daysInMonth } from '../parse-expression.ts';

/** What a leaf rule made of one indicator. `score` undefined: nothing stated, nothing computable. */
export interface LeafScore {
  score: number | undefined;
  /** The rule kind that computed the score, after `auto` dispatch; 'stated' for the fallback. */
  kind: string;
  notes: string[];
  reasonRequired: boolean;
}

export interface LeafContext {
  evaluation: Evaluation;
  options: RulebookOptions;
}

type Quantity = Extract<Expression, { kind: 'quantity' }>;
type Computed = { score: number; kind: string; notes?: string[]; reasonRequired?: boolean };
type Outcome = Computed | 'not-computable';

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
  return { score, kind: 'execution-rate', notes, reasonRequired: below };
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

function quantity(e: Expression | undefined): Quantity | undefined {
  return e?.kind === 'quantity' ? e : undefined;
}

/** "完成" as an actual against a numeric target: done meets it, 未完成 does not. */
function actualDone(node: IndicatorNode, w: number, kind: string): Outcome | undefined {
  if (node.actual?.kind !== 'done') return undefined;
  return { score: node.actual.done ? w : 0, kind, notes: ['actual-done'] };
}

function positive(node: IndicatorNode, w: number, ctx: LeafContext): Outcome {
  const done = actualDone(node, w, 'positive');
  if (done) return done;
  const a = quantity(node.target)?.value;
  const b = quantity(node.actual)?.value;
  if (a === undefined || b === undefined) return 'not-computable';
  let score = b >= a ? w : a > 0 ? (w * Math.max(0, b)) / a : 0;
  const notes: string[] = [];
  let reasonRequired = false;
  const over = ctx.options.overCompletion;
  if (over && a > 0 && b >= over.ratio * a) {
    notes.push('over-completion');
    if (over.action === 'reason') reasonRequired = true;
    else score = Math.max(0, score - over.points);
  }
  return { score, kind: 'positive', notes, reasonRequired };
}

function negative(node: IndicatorNode, w: number, mode: 'inverse' | 'linear'): Outcome {
  const done = actualDone(node, w, 'negative');
  if (done) return done;
  const a = quantity(node.target)?.value;
  const b = quantity(node.actual)?.value;
  if (a === undefined || b === undefined) return 'not-computable';
  if (b <= a) return { score: w, kind: 'negative' };
  if (a <= 0) return { score: 0, kind: 'negative' };
  const score = mode === 'inverse' ? (w * a) / b : w * Math.max(0, 1 - (b - a) / a);
  return { score, kind: 'negative', notes: [`negative-${mode}`] };
}

function equal(node: IndicatorNode, w: number, ctx: LeafContext): Outcome {
  const done = actualDone(node, w, 'equal');
  if (done) return done;
  const a = quantity(node.target)?.value;
  const b = quantity(node.actual)?.value;
  if (a === undefined || b === undefined) return 'not-computable';
  if (b === a) return { score: w, kind: 'equal' };
  if (a === 0) return { score: b <= 0 ? w : 0, kind: 'equal' };
  const p = positive(node, w, ctx);
  return p === 'not-computable' ? p : { ...p, kind: 'equal' };
}

function range(node: IndicatorNode, w: number, outsideShare: number): Outcome {
  const done = actualDone(node, w, 'range');
  if (done) return done;
  const t = node.target;
  const b = quantity(node.actual)?.value;
  if (t?.kind !== 'range' || b === undefined) return 'not-computable';
  const aboveLower = t.lower === undefined || (t.lowerInclusive ? b >= t.lower : b > t.lower);
  const belowUpper = t.upper === undefined || (t.upperInclusive ? b <= t.upper : b < t.upper);
  if (aboveLower && belowUpper) return { score: w, kind: 'range' };
  return { score: w * outsideShare, kind: 'range', notes: ['outside-range'] };
}

const ON_TIME_TEXT = /(?:前|按时|按期|如期|及时)完成|^(?:已|均已|全部)?完成/;

/** On time → W; late → lateShare × W; "完成"/"前完成" as the actual counts as on time. */
function deadline(node: IndicatorNode, w: number, lateShare: number, ctx: LeafContext): Outcome {
  const due = deadlineDate(node.target, ctx.evaluation.meta.year);
  if (due === undefined) return 'not-computable';
  const actual = node.actual;
  if (actual === undefined) return 'not-computable';
  switch (actual.kind) {
    case 'done':
      return { score: actual.done ? w : 0, kind: 'deadline', notes: ['actual-done'] };
    case 'deadline': {
      const at = deadlineDate(actual, ctx.evaluation.meta.year);
      if (at === undefined) return 'not-computable';
      const onTime =
        node.target?.kind === 'deadline' && node.target.comparator === 'on'
          ? at === due
          : at <= due;
      return onTime
        ? { score: w, kind: 'deadline' }
        : { score: w * lateShare, kind: 'deadline', notes: ['late'] };
    }
    case 'text':
      if (/未完成|没有完成|尚未完成/.test(actual.text)) return { score: 0, kind: 'deadline' };
      if (ON_TIME_TEXT.test(actual.text.trim())) return { score: w, kind: 'deadline' };
      return 'not-computable';
    case 'quantity':
    case 'range':
    case 'qualitative':
      return 'not-computable';
  }
}

/** ISO date of a deadline expression; month-only deadlines end on the month's last day. */
function deadlineDate(e: Expression | undefined, year: number): string | undefined {
  if (e?.kind !== 'deadline') return undefined;
  if (e.date !== undefined) return e.date;
  if (e.month === undefined) return undefined;
  const last = daysInMonth(year, e.month);
  return `${year}-${String(e.month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

const GRADE_ORDER: readonly QualitativeGrade[] = ['achieved', 'partial', 'not-achieved'];

/**
 * The score must lie in the chosen grade's band: [achieved×W, W], [partial×W, achieved×W),
 * [notAchieved×W, partial×W). A stated score outside is clamped into the band.
 */
function qualitative(node: IndicatorNode, w: number, ctx: LeafContext): Outcome {
  const grade = node.grade ?? (node.actual?.kind === 'qualitative' ? node.actual.grade : undefined);
  if (grade === undefined) return 'not-computable';
  const bands = ctx.options.qualitativeBands;
  const lowerShare = {
    achieved: bands.achieved,
    partial: bands.partial,
    'not-achieved': bands.notAchieved,
  };
  const lower = toHundredths(w * lowerShare[grade]);
  const higher = GRADE_ORDER[GRADE_ORDER.indexOf(grade) - 1];
  // The upper edge is exclusive below 达成: a score of exactly 80% of W belongs to 达成.
  const upper = higher === undefined ? toHundredths(w) : toHundredths(w * lowerShare[higher]) - 1;
  const stated = node.score;
  if (stated === undefined) {
    const score = fromHundredths(grade === 'achieved' ? upper : lower);
    return { score, kind: 'qualitative', notes: ['band-default'] };
  }
  const s = toHundredths(stated);
  if (s >= lower && s <= upper) return { score: stated, kind: 'qualitative' };
  const clamped = fromHundredths(Math.min(upper, Math.max(lower, s)));
  return { score: clamped, kind: 'qualitative', notes: ['outside-band'] };
}

function doneRule(node: IndicatorNode, w: number): Outcome {
  const done = actualDone(node, w, 'done');
  if (done) return done;
  const actual = node.actual;
  if (actual?.kind === 'text') {
    if (/未完成|没有完成|尚未完成/.test(actual.text)) return { score: 0, kind: 'done' };
    if (ON_TIME_TEXT.test(actual.text.trim())) return { score: w, kind: 'done' };
  }
  return 'not-computable';
}

/** Self-assessed: the stated score, kept within [0, W]. */
function manual(node: IndicatorNode, w: number): Outcome {
  const stated = node.score;
  if (stated === undefined) return 'not-computable';
  const clamped = Math.min(w, Math.max(0, stated));
  return clamped === stated
    ? { score: stated, kind: 'manual' }
    : { score: clamped, kind: 'manual', notes: ['clamped'] };
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
