import type { IndicatorNode } from '../evaluation.ts';
import type { Evaluation } from '../evaluation.ts';
import type { Finding } from '../finding.ts';
import { samePoints, sumPoints, toHundredths } from '../points.ts';
import type { Rulebook } from '../rulebook.ts';
import { pointsText } from './format.ts';
import { makeFinding } from './make-finding.ts';
import { walkIndicators } from './walk.ts';

/** The book's total of its 一级 weights (its fixed top-level weights), else 100. */
function bookTotalOf(rulebook: Rulebook | undefined): number {
  const bookWeights = rulebook?.tree.map((n) => n.weight);
  return bookWeights && bookWeights.every((w) => w !== undefined)
    ? sumPoints(bookWeights.filter((w): w is number => w !== undefined))
    : 100;
}

/**
 * How far the 一级 weights as stated (or added up from their rows) run over the book's total:
 * 0 when they do not, undefined when a weight is missing.
 */
export function weightsOverBook(evaluation: Evaluation, rulebook?: Rulebook): number | undefined {
  const weights = childFigures(evaluation.indicators, 'weight');
  if (!weights) return undefined;
  return Math.max(0, sumPoints([sumPoints(weights), -bookTotalOf(rulebook)]));
}

/** Decimals a score is written with (9.7 → 1, 20 → 0). */
function decimalsOfPoints(points: number): number {
  const h = toHundredths(points);
  if (h % 100 === 0) return 0;
  return h % 10 === 0 ? 1 : 2;
}

/**
 * Whether a stated group figure agrees with the sum of its children: exactly, or as that sum
 * rounded half-up to its last written decimal when the children carry more decimals than the
 * group (29.5 is written 30, never 29).
 */
function agrees(stated: number, sum: number, childDecimals: number): boolean {
  if (samePoints(stated, sum)) return true;
  const d = decimalsOfPoints(stated);
  if (childDecimals <= d) return false;
  const off = (toHundredths(stated) - toHundredths(sum)) * 2;
  const unit = 100 / 10 ** d;
  return Math.abs(off) < unit || off === unit;
}

function childFigures(
  children: readonly IndicatorNode[],
  pick: 'weight' | 'score',
): number[] | undefined {
  const values: number[] = [];
  for (const c of children) {
    const v = c[pick] ?? unstatedGroupFigure(c, pick);
    if (v === undefined) {
      // A not-assessed child without a figure counts as nothing.
      if (c.notAssessed) continue;
      return undefined;
    }
    values.push(v);
  }
  return values.length === 0 ? undefined : values;
}

/**
 * A group that states no figure of its own (a 二级 cell without 分值) counts as the sum of its
 * children's, when every child has one: the parts of the group above are then still known.
 */
function unstatedGroupFigure(node: IndicatorNode, pick: 'weight' | 'score'): number | undefined {
  const children = node.children ?? [];
  if (children.length === 0) return undefined;
  const values = childFigures(children, pick);
  return values ? sumPoints(values) : undefined;
}

/**
 * 得分 against 分值 × 得分系数, within half a unit of the score's last written decimal (15 × 0.93
 * written 14 agrees; 15 × 0.9 written 14.5 does not).
 */
function coefficientFinding(
  node: IndicatorNode,
  weight: number,
  score: number,
  coefficient: number,
  path: string,
): Finding | undefined {
  const expected = Math.round(weight * coefficient * 100) / 100;
  const half = 100 / 10 ** decimalsOfPoints(score) / 2;
  if (Math.abs(toHundredths(score) - toHundredths(expected)) <= half) return undefined;
  return makeFinding({
    code: 'SCORE_COEFFICIENT',
    severity: 'error',
    path: `${path}.score`,
    stated: pointsText(score),
    expected: pointsText(expected),
    source: node.source,
    params: { name: node.name, weight: pointsText(weight), coefficient: String(coefficient) },
  });
}

/** "10 + 5 + 5", written only for a finding. */
function partsText(values: readonly number[]): string {
  return values.map(pointsText).join(' + ');
}

function maxDecimals(values: readonly number[]): number {
  let max = 0;
  for (const v of values) max = Math.max(max, decimalsOfPoints(v));
  return max;
}

/** Sum of the weights of the children that are assessed and state one. */
function assessedWeight(children: readonly IndicatorNode[]): number {
  const weights: number[] = [];
  for (const c of children) if (!c.notAssessed && c.weight !== undefined) weights.push(c.weight);
  return sumPoints(weights);
}

/** weight-subtotal, score-subtotal and stated deductions over the indicator tree. */
export function checkIndicatorSums(evaluation: Evaluation, rulebook?: Rulebook): Finding[] {
  const out: Finding[] = [];
  for (const { node, path } of walkIndicators(evaluation.indicators)) {
    const children = node.children ?? [];
    if (children.length > 0) {
      const weights = childFigures(children, 'weight');
      if (node.weight !== undefined && weights) {
        const sum = sumPoints(weights);
        const childDecimals = maxDecimals(weights);
        if (
          !agrees(node.weight, sum, childDecimals) &&
          // A not-assessed child's weight may have moved to a sibling: the rest then adds up.
          !agrees(node.weight, assessedWeight(children), childDecimals)
        )
          out.push(
            makeFinding({
              code: 'WEIGHT_SUBTOTAL',
              severity: 'error',
              path: `${path}.weight`,
              stated: pointsText(node.weight),
              expected: pointsText(sum),
              source: node.source,
              params: { name: node.name, parts: partsText(weights) },
            }),
          );
      }
      const scores = childFigures(children, 'score');
      if (node.score !== undefined && scores) {
        const sum = sumPoints(scores);
        if (!agrees(node.score, sum, maxDecimals(scores)))
          out.push(
            makeFinding({
              code: 'SCORE_SUBTOTAL',
              severity: 'error',
              path: `${path}.score`,
              stated: pointsText(node.score),
              expected: pointsText(sum),
              source: node.source,
              params: { name: node.name, parts: partsText(scores) },
            }),
          );
      }
    }
    if (node.coefficient !== undefined && node.weight !== undefined && node.score !== undefined) {
      const f = coefficientFinding(node, node.weight, node.score, node.coefficient, path);
      if (f) out.push(f);
    }
    if (node.deduction !== undefined && node.weight !== undefined && node.score !== undefined) {
      const expected = sumPoints([node.weight, -node.score]);
      if (!samePoints(node.deduction, expected))
        out.push(
          makeFinding({
            code: 'DEDUCTION_MISMATCH',
            severity: 'error',
            path: `${path}.deduction`,
            stated: pointsText(node.deduction),
            expected: pointsText(expected),
            source: node.source,
            params: {
              name: node.name,
              weight: pointsText(node.weight),
              score: pointsText(node.score),
            },
          }),
        );
    }
  }
  // The top level adds up to the book's total (its fixed top-level weights), else to 100.
  const top = evaluation.indicators;
  const topWeights = childFigures(top, 'weight');
  if (top.length > 0 && topWeights) {
    const stated = sumPoints(topWeights);
    const bookTotal = bookTotalOf(rulebook);
    if (!samePoints(stated, bookTotal))
      out.push(
        makeFinding({
          code: 'WEIGHT_BOOK_TOTAL',
          // A 一级 weight added up from its leaves (no group 分值 stated) falls short when a leaf
          // row was not read: likely, not certain.
          severity: top.every((n) => n.weight !== undefined || n.notAssessed) ? 'error' : 'warning',
          path: 'indicators',
          // Where the tree starts: its first 一级 indicator.
          ...(top[0]?.source ? { source: top[0].source } : {}),
          stated: pointsText(stated),
          expected: pointsText(bookTotal),
          params: { parts: partsText(topWeights) },
        }),
      );
  }
  return out;
}
