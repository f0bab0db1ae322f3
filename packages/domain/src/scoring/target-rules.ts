import type { IndicatorNode, Evaluation } from '../evaluation.ts';
import type { Expression, QualitativeGrade } from '../expression.ts';
import type { RulebookOptions } from '../rulebook.ts';
import { toHundredths, fromHundredths } from '../points.ts';
import { actualInTargetUnit, daysInMonth } from '../parse-expression.ts';

/** The rules that compare an indicator's actual (B) with its target (A), domain.md §3. */

export interface LeafContext {
  evaluation: Evaluation;
  options: RulebookOptions;
}

type Quantity = Extract<Expression, { kind: 'quantity' }>;
type Computed = { score: number; kind: string; notes?: string[]; reasonRequired?: boolean };
/** A computed score, or the signal to fall back to the stated one. */
export type Outcome = Computed | 'not-computable';

export function quantity(e: Expression | undefined): Quantity | undefined {
  return e?.kind === 'quantity' ? e : undefined;
}

/**
 * The actual in the target's unit, or undefined where the unit it is written in is a slip: money
 * of the target's size as written and far from it converted (2.46元 against ≥2万元). The unit
 * check reports the slip; a score computed from either reading would only repeat it.
 */
function actualValue(node: IndicatorNode): number | undefined {
  const b = actualInTargetUnit(node.target, node.actual);
  const a = quantity(node.target)?.value;
  const raw = quantity(node.actual)?.value;
  if (b === undefined || raw === undefined || a === undefined || a <= 0 || raw === b) return b;
  const near = (x: number): boolean => x >= a / 10 && x <= a * 10;
  return !near(b) && near(raw) ? undefined : b;
}

/** "完成" as an actual against a numeric target: done meets it, 未完成 does not. */
function actualDone(node: IndicatorNode, w: number, kind: string): Outcome | undefined {
  if (node.actual?.kind !== 'done') return undefined;
  return { score: node.actual.done ? w : 0, kind, notes: ['actual-done'] };
}

export function positive(node: IndicatorNode, w: number, ctx: LeafContext): Outcome {
  const done = actualDone(node, w, 'positive');
  if (done) return done;
  const a = quantity(node.target)?.value;
  const b = actualValue(node);
  if (a === undefined || b === undefined) return 'not-computable';
  let score = b >= a ? w : a > 0 ? (w * Math.max(0, b)) / a : 0;
  const notes: string[] = [];
  let reasonRequired = false;
  const over = ctx.options.overCompletion;
  // One more than a whole count (2次 against ≥1次/年) is the least a count can exceed it by: no
  // sign of a target set too low.
  const unit = quantity(node.target)?.unit ?? '';
  const oneMore = Number.isInteger(a) && Number.isInteger(b) && b - a <= 1 && !unit.includes('%');
  if (over && a > 0 && b >= over.ratio * a && !oneMore) {
    notes.push('over-completion');
    if (over.action === 'reason') reasonRequired = true;
    else score = Math.max(0, score - over.points);
  }
  return { score, kind: 'positive', notes, reasonRequired };
}

export function negative(node: IndicatorNode, w: number, mode: 'inverse' | 'linear'): Outcome {
  const done = actualDone(node, w, 'negative');
  if (done) return done;
  const a = quantity(node.target)?.value;
  const b = actualValue(node);
  if (a === undefined || b === undefined) return 'not-computable';
  if (b <= a) return { score: w, kind: 'negative' };
  if (a <= 0) return { score: 0, kind: 'negative' };
  const score = mode === 'inverse' ? (w * a) / b : w * Math.max(0, 1 - (b - a) / a);
  return { score, kind: 'negative', notes: [`negative-${mode}`] };
}

export function equal(node: IndicatorNode, w: number, ctx: LeafContext): Outcome {
  const done = actualDone(node, w, 'equal');
  if (done) return done;
  const a = quantity(node.target)?.value;
  const b = actualValue(node);
  if (a === undefined || b === undefined) return 'not-computable';
  if (b === a) return { score: w, kind: 'equal' };
  if (a === 0) return { score: b <= 0 ? w : 0, kind: 'equal' };
  const p = positive(node, w, ctx);
  return p === 'not-computable' ? p : { ...p, kind: 'equal' };
}

export function range(node: IndicatorNode, w: number, outsideShare: number): Outcome {
  const done = actualDone(node, w, 'range');
  if (done) return done;
  const t = node.target;
  const b = actualValue(node);
  if (t?.kind !== 'range' || b === undefined) return 'not-computable';
  const aboveLower = t.lower === undefined || (t.lowerInclusive ? b >= t.lower : b > t.lower);
  const belowUpper = t.upper === undefined || (t.upperInclusive ? b <= t.upper : b < t.upper);
  if (aboveLower && belowUpper) return { score: w, kind: 'range' };
  return { score: w * outsideShare, kind: 'range', notes: ['outside-range'] };
}

const ON_TIME_TEXT = /(?:前|按时|按期|如期|及时)完成|^(?:已|均已|全部)?完成/;

/** On time → W; late → lateShare × W; "完成"/"前完成" as the actual counts as on time. */
export function deadline(
  node: IndicatorNode,
  w: number,
  lateShare: number,
  ctx: LeafContext,
): Outcome {
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
export function qualitative(node: IndicatorNode, w: number, ctx: LeafContext): Outcome {
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

export function doneRule(node: IndicatorNode, w: number): Outcome {
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
export function manual(node: IndicatorNode, w: number): Outcome {
  const stated = node.score;
  if (stated === undefined) return 'not-computable';
  const clamped = Math.min(w, Math.max(0, stated));
  return clamped === stated
    ? { score: stated, kind: 'manual' }
    : { score: clamped, kind: 'manual', notes: ['clamped'] };
}
