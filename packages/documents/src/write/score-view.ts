import { fromHundredths, sumPoints, toHundredths } from '@jixiao/domain';
import type { IndicatorNode, ScoreNode, ScoreSheet } from '@jixiao/domain';

/** Which figures the report writes: computed by the rulebook (default) or as the data states them. */
export type FigureSource = 'computed' | 'stated';

/** One indicator with the figures the report prints for it. */
export interface ScoredIndicator {
  node: IndicatorNode;
  path: string;
  level: number;
  weight: number | undefined;
  score: number | undefined;
  deduction: number | undefined;
  children: ScoredIndicator[];
}

/** The evaluation's indicator tree with the figures to print, read from the score sheet. */
export interface ScoreView {
  indicators: ScoredIndicator[];
  total: number | undefined;
  grade: string | undefined;
  /** Bonus and penalty points after caps, as the score sheet computed them. */
  bonus: number;
  penalty: number;
}

/**
 * Joins the indicator tree with the score sheet by path ("indicators[1].children[0]").
 * With 'computed', the sheet's weights and scores win and stated ones fill gaps; with 'stated',
 * the other way round. A missing sheet means stated figures only.
 */
export function scoreView(
  indicators: readonly IndicatorNode[],
  sheet: ScoreSheet | undefined,
  stated: { total?: number | undefined; grade?: string | undefined },
  figures: FigureSource,
): ScoreView {
  const byPath = new Map<string, ScoreNode>();
  for (const n of sheet?.nodes ?? []) byPath.set(n.path, n);
  const pick = (computed: number | undefined, statedValue: number | undefined) =>
    figures === 'computed' ? (computed ?? statedValue) : (statedValue ?? computed);

  // Sums in hundredths (points.ts), without an array per group.
  const walk = (
    nodes: readonly IndicatorNode[],
    prefix: string,
    level: number,
  ): ScoredIndicator[] =>
    nodes.map((node, i): ScoredIndicator => {
      const path = `${prefix}[${i}]`;
      const s = byPath.size > 0 ? byPath.get(path) : undefined;
      const children = node.children?.length
        ? walk(node.children, `${path}.children`, level + 1)
        : [];
      let weight = pick(s?.weight, node.weight);
      let score = pick(s?.computedScore, node.score);
      if (children.length > 0 && (weight === undefined || score === undefined)) {
        // A group without figures of its own adds up its children.
        let weights = 0;
        let scores = 0;
        let allWeights = true;
        let allScores = true;
        for (const c of children) {
          if (c.weight === undefined) allWeights = false;
          else weights += toHundredths(c.weight);
          if (c.score === undefined) allScores = false;
          else scores += toHundredths(c.score);
        }
        if (weight === undefined && allWeights) weight = fromHundredths(weights);
        if (score === undefined && allScores) score = fromHundredths(scores);
      }
      const deduction =
        figures === 'stated' && node.deduction !== undefined
          ? node.deduction
          : weight !== undefined && score !== undefined
            ? fromHundredths(Math.max(0, toHundredths(weight) + toHundredths(-score)))
            : (s?.computedDeduction ?? node.deduction);
      return { node, path, level, weight, score, deduction, children };
    });

  const tree = walk(indicators, 'indicators', 1);
  const treeTotal = tree.every((t) => t.score !== undefined)
    ? sumPoints(tree.map((t) => t.score ?? 0))
    : undefined;
  const computedTotal = sheet ? sheet.total : treeTotal;
  const total =
    figures === 'computed' ? (computedTotal ?? stated.total) : (stated.total ?? computedTotal);
  const computedGrade = sheet?.grade ?? undefined;
  const grade =
    figures === 'computed' ? (computedGrade ?? stated.grade) : (stated.grade ?? computedGrade);
  return {
    indicators: tree,
    total,
    grade,
    bonus: sheet?.bonus ?? 0,
    penalty: sheet?.penalty ?? 0,
  };
}

/** The execution-rate indicator, which the tables show in the fund block rather than the tree. */
export function isExecutionIndicator(ind: ScoredIndicator, sheet: ScoreSheet | undefined): boolean {
  if (ind.level !== 1 || ind.children.length > 0) return false;
  const s = sheet?.nodes.find((n) => n.path === ind.path);
  if (s?.ruleKind === 'execution-rate') return true;
  return /预算执行率|预算执行情况|资金执行率/.test(ind.node.name);
}

/** Visits every indicator depth-first. */
export function* eachIndicator(list: readonly ScoredIndicator[]): Generator<ScoredIndicator> {
  for (const i of list) {
    yield i;
    yield* eachIndicator(i.children);
  }
}
