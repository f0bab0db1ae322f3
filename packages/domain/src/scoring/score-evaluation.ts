import type { Evaluation } from '../evaluation.ts';
import type { LeafRule, RuleNode, Rulebook, RulebookOptions } from '../rulebook.ts';
import type { ScoreNode, ScoreSheet } from '../score-sheet.ts';
import { ratioPercent } from '../ratio.ts';
import { fromHundredths, roundPoints, sumPoints, toHundredths } from '../points.ts';
import { bindIndicators, bookIndex, flattenBound, type BoundIndicator } from './bind-indicators.ts';
import { scoreLeaf } from './score-leaf.ts';
import { fundsAsMeant } from '../fund-total-slip.ts';
import { reallocateWeights, type WeightWork } from './reallocate-weights.ts';

/**
 * Scores an evaluation by a rulebook: binds the indicator tree to the book, reallocates the
 * weight of not-assessed indicators, scores every leaf by its rule, sums the groups, then applies
 * 加减分 and the book's caps and grades. Pure; the rulebook's lookups are built once per rulebook.
 */
export function scoreEvaluation(written: Evaluation, rulebook: Rulebook): ScoreSheet {
  // A 年度资金总额 in 元 under the 万元 header is a unit finding; the rate is of what it meant.
  const evaluation: Evaluation = { ...written, funds: fundsAsMeant(written.funds) };
  const options = rulebook.options;
  const index = bookIndex(rulebook.tree);
  const roots = bindIndicators(evaluation.indicators, rulebook.tree, index);
  const all = flattenBound(roots);
  const work = new Map<BoundIndicator, WeightWork>();
  for (const b of all) {
    work.set(b, {
      baseWeight: b.node.weight ?? b.rule?.weight,
      scale: 1,
      movedHundredths: 0,
      dropped: false,
      notes: [],
    });
  }
  const get = (b: BoundIndicator): WeightWork => {
    const w = work.get(b);
    if (!w) throw new Error(`unbound indicator ${b.path}`);
    return w;
  };

  reallocateWeights(roots, all, options, get);

  /** Weight after reallocation; `scale` is the product of the ancestors' rescale factors. */
  const weightOf = (
    b: BoundIndicator,
    w: WeightWork,
    scale: number,
    parentWeight: number | undefined,
  ): number | undefined => {
    if (b.node.notAssessed || w.dropped) return 0;
    if (w.baseWeight === undefined) {
      if (w.movedHundredths !== 0) return fromHundredths(w.movedHundredths);
      // An only child without a weight of its own carries its group's (怀化: one leaf per group).
      return b.parent?.children.length === 1 ? parentWeight : undefined;
    }
    if (scale === 1 && w.movedHundredths === 0) return w.baseWeight;
    return roundPoints(w.baseWeight * scale + fromHundredths(w.movedHundredths));
  };

  const ctx = { evaluation, options };
  const nodes: ScoreNode[] = [];

  const score = (
    b: BoundIndicator,
    parentScale: number,
    parentWeight: number | undefined,
  ): ScoreNode => {
    const w = get(b);
    const node = b.node;
    const scale = parentScale * w.scale;
    const weight = weightOf(b, w, scale, parentWeight);
    const notes = [...w.notes];
    const out: ScoreNode = {
      path: b.path,
      name: node.name,
      level: b.level,
      isLeaf: b.children.length === 0,
      reasonRequired: false,
      reasonGiven: (node.deviationReason ?? '').trim() !== '',
      notAssessed: node.notAssessed === true,
      notes,
    };
    nodes.push(out);
    if (b.rule) out.ruleId = b.rule.id;
    if (node.weight !== undefined) out.statedWeight = node.weight;
    if (node.score !== undefined) out.statedScore = node.score;
    if (node.deduction !== undefined) out.statedDeduction = node.deduction;

    const childScores = b.children.map((c) => score(c, scale, weight));
    if (weight !== undefined) out.weight = weight;
    else if (childScores.length > 0 && childScores.every((c) => c.weight !== undefined)) {
      out.weight = sumPoints(childScores.map((c) => c.weight ?? 0));
    }

    if (node.notAssessed) {
      out.computedScore = 0;
      out.ruleKind = 'not-assessed';
    } else if (childScores.length > 0) {
      const values = childScores.map((c) => c.computedScore ?? c.statedScore);
      if (values.some((v) => v !== undefined)) {
        out.computedScore = sumPoints(values.map((v) => v ?? 0));
        out.ruleKind = 'sum';
      } else if (node.score !== undefined) {
        out.computedScore = node.score;
        out.ruleKind = 'stated';
      }
      if (!b.rule) notes.push('unbound');
    } else {
      const rule = ruleFor(b);
      if (rule) {
        const leaf = scoreLeaf(rule, node, out.weight, ctx);
        if (leaf.score !== undefined) out.computedScore = leaf.score;
        out.ruleKind = leaf.kind;
        notes.push(...leaf.notes);
        out.reasonRequired = leaf.reasonRequired;
      } else {
        if (node.score !== undefined) out.computedScore = node.score;
        out.ruleKind = 'stated';
        notes.push(b.rule ? 'no-rule' : 'unbound');
      }
      // An execution score that follows its rate explains itself: only the rule's own threshold
      // (reasonBelow, e.g. Sichuan's 90%) asks for a reason there.
      if (
        options.reasonBelowWeight &&
        out.ruleKind !== 'execution-rate' &&
        out.computedScore !== undefined &&
        out.weight !== undefined &&
        toHundredths(out.computedScore) < toHundredths(out.weight)
      ) {
        out.reasonRequired = true;
      }
    }
    if (out.weight !== undefined && out.computedScore !== undefined && !node.notAssessed) {
      out.computedDeduction = roundPoints(out.weight - out.computedScore);
    }
    return out;
  };
  const top = roots.map((r) => score(r, 1, undefined));

  const treeTotal = sumPoints(top.map((n) => n.computedScore ?? n.statedScore ?? 0));
  return totals(evaluation, rulebook, options, nodes, treeTotal);
}

/** The rule that scores an indicator with no children of its own. */
function ruleFor(b: BoundIndicator): LeafRule | undefined {
  if (b.rule) {
    if (b.rule.rule) return b.rule.rule;
    // A book leaf that only names a rule for the department's leaves: that rule fits it too.
    if ((b.rule.children ?? []).length === 0) return b.rule.leafRule;
    return undefined;
  }
  return b.inheritedLeafRule;
}

function totals(
  evaluation: Evaluation,
  rulebook: Rulebook,
  options: RulebookOptions,
  nodes: ScoreNode[],
  treeTotal: number,
): ScoreSheet {
  const capsApplied: string[] = [];
  let bonus = sumPoints(
    evaluation.adjustments.filter((a) => a.kind === 'bonus').map((a) => a.points),
  );
  const penalty = sumPoints(
    evaluation.adjustments.filter((a) => a.kind === 'penalty').map((a) => a.points),
  );
  if (options.bonusCap !== null && bonus > options.bonusCap) {
    bonus = options.bonusCap;
    capsApplied.push('bonus-cap');
  }
  let total = sumPoints([treeTotal, bonus, -penalty]);

  const executionRate = bookExecutionRate(evaluation, rulebook.tree);
  if (executionRate !== undefined) {
    const applicable = options.totalCaps.filter((c) => executionRate < c.below);
    const tightest = applicable.reduce<(typeof applicable)[number] | undefined>(
      (min, c) => (min === undefined || c.cap < min.cap ? c : min),
      undefined,
    );
    if (tightest && total > tightest.cap) {
      total = tightest.cap;
      capsApplied.push(`execution-cap:${tightest.below}`);
    }
  }
  if (options.totalCap !== null && total > options.totalCap) {
    total = options.totalCap;
    capsApplied.push('total-cap');
  }

  const sheet: ScoreSheet = {
    rulebookId: rulebook.id,
    nodes,
    treeTotal,
    bonus,
    penalty,
    total,
    capsApplied,
    grade: gradeFor(total, options.grades),
  };
  if (executionRate !== undefined) sheet.executionRate = executionRate;
  if (evaluation.stated.total !== undefined) sheet.statedTotal = evaluation.stated.total;
  if (evaluation.stated.grade !== undefined) sheet.statedGrade = evaluation.stated.grade;
  return sheet;
}

/** The first grade whose minimum the total reaches; null when the book gives no grades. */
export function gradeFor(total: number, grades: RulebookOptions['grades']): string | null {
  if (grades === null) return null;
  const sorted = [...grades].sort((a, b) => b.min - a.min);
  const t = toHundredths(total);
  return sorted.find((g) => t >= toHundredths(g.min))?.label ?? null;
}

/** Execution rate in percent (two decimals, half-up) from the fund row the book's rule names. */
function bookExecutionRate(evaluation: Evaluation, tree: readonly RuleNode[]): number | undefined {
  const rule = findExecutionRule(tree);
  const row = (rule ? evaluation.funds[rule.row] : undefined) ?? evaluation.funds.total;
  const budget = row?.budget?.fen;
  const executed = row?.executed?.fen;
  if (budget === undefined || executed === undefined) return undefined;
  return ratioPercent(executed, budget, 2)?.rounded;
}

function findExecutionRule(
  tree: readonly RuleNode[],
): Extract<LeafRule, { kind: 'execution-rate' }> | undefined {
  for (const n of tree) {
    if (n.rule?.kind === 'execution-rate') return n.rule;
    const inner = findExecutionRule(n.children ?? []);
    if (inner) return inner;
  }
  return undefined;
}
