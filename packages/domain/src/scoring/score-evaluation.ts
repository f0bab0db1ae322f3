import type { Evaluation } from '../evaluation.ts';
import type { LeafRule, RuleNode, Rulebook, RulebookOptions } from '../rulebook.ts';
import type { ScoreNode, ScoreSheet } from '../score-sheet.ts';
import { ratioPercent } from '../ratio.ts';
import { fromHundredths, roundPoints, sumPoints, toHundredths } from '../points.ts';
import {
  bindIndicators,
  indexRulebook,
  normalizeIndicatorName,
  walkBound,
  type BoundIndicator,
} from './bind-indicators.ts';
import { scoreLeaf } from './score-leaf.ts';

/** Per-indicator working state while scoring. */
interface Work {
  /** Weight before reallocation: stated, else the rulebook's. */
  baseWeight: number | undefined;
  /** Multiplier from rescaling (own and ancestors'). */
  scale: number;
  /** Points moved in (+) or out (−) in hundredths. */
  movedHundredths: number;
  /** Dropped by rescaling: not assessed, or a group whose children all were not. */
  dropped: boolean;
  notes: string[];
}

/**
 * Scores an evaluation by a rulebook: binds the indicator tree to the book, reallocates the
 * weight of not-assessed indicators, scores every leaf by its rule, sums the groups, then applies
 * 加减分 and the book's caps and grades. Pure; lookups are built once per call.
 */
export function scoreEvaluation(evaluation: Evaluation, rulebook: Rulebook): ScoreSheet {
  const options = rulebook.options;
  const index = indexRulebook(rulebook.tree);
  const roots = bindIndicators(evaluation.indicators, rulebook.tree, index);
  const all = [...walkBound(roots)];
  const work = new Map<BoundIndicator, Work>();
  for (const b of all) {
    work.set(b, {
      baseWeight: b.node.weight ?? b.rule?.weight,
      scale: 1,
      movedHundredths: 0,
      dropped: false,
      notes: [],
    });
  }
  const get = (b: BoundIndicator): Work => {
    const w = work.get(b);
    if (!w) throw new Error(`unbound indicator ${b.path}`);
    return w;
  };

  reallocate(roots, all, options, get);

  const weightOf = (b: BoundIndicator): number | undefined => {
    const w = get(b);
    if (b.node.notAssessed || w.dropped) return 0;
    let scale = 1;
    for (let at: BoundIndicator | undefined = b; at; at = at.parent) scale *= get(at).scale;
    if (w.baseWeight === undefined) {
      if (w.movedHundredths !== 0) return fromHundredths(w.movedHundredths);
      // An only child without a weight of its own carries its group's (怀化: one leaf per group).
      return b.parent?.children.length === 1 ? weightOf(b.parent) : undefined;
    }
    return roundPoints(w.baseWeight * scale + fromHundredths(w.movedHundredths));
  };

  const ctx = { evaluation, options };
  const nodes: ScoreNode[] = [];

  const score = (b: BoundIndicator): ScoreNode => {
    const w = get(b);
    const node = b.node;
    const weight = weightOf(b);
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

    const childScores = b.children.map(score);
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
      if (
        options.reasonBelowWeight &&
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
  const top = roots.map(score);

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

/**
 * Moves the weight of not-assessed indicators where the report or the book says ('move'), or
 * drops them and rescales the assessed siblings so that their parent keeps its weight
 * ('rescale'); a group left with no assessed child drops out of its own level the same way.
 */
function reallocate(
  roots: readonly BoundIndicator[],
  all: readonly BoundIndicator[],
  options: RulebookOptions,
  get: (b: BoundIndicator) => Work,
): void {
  const notAssessed = all.filter((b) => b.node.notAssessed === true);
  if (notAssessed.length === 0) return;
  const byRuleId = new Map<string, BoundIndicator>();
  const byName = new Map<string, BoundIndicator>();
  for (const b of all) {
    if (b.rule) byRuleId.set(b.rule.id, b);
    byName.set(normalizeIndicatorName(b.node.name), b);
  }
  const na = options.notApplicable;
  const dropped = new Set<BoundIndicator>();
  for (const b of notAssessed) {
    const w = get(b);
    const to = b.node.weightMovedTo ?? (na.mode === 'move' ? na.to : undefined);
    const target =
      to === undefined ? undefined : (byRuleId.get(to) ?? byName.get(normalizeIndicatorName(to)));
    if (target && !target.node.notAssessed && target !== b) {
      const h = toHundredths(w.baseWeight ?? 0);
      for (let at = b.parent; at; at = at.parent) get(at).movedHundredths -= h;
      for (let at: BoundIndicator | undefined = target; at; at = at.parent) {
        get(at).movedHundredths += h;
      }
      get(target).notes.push('weight-moved-in');
      w.notes.push('weight-moved-out');
    } else {
      dropped.add(b);
    }
  }
  if (dropped.size === 0) return;
  // Children come before their parents in reversed pre-order: a group whose children all
  // dropped out drops out itself.
  for (let i = all.length - 1; i >= 0; i--) {
    const b = all[i];
    if (b && b.children.length > 0 && b.children.every((c) => dropped.has(c))) dropped.add(b);
  }
  const levels = new Set<BoundIndicator | undefined>();
  for (const b of dropped) {
    if (b.parent === undefined || !dropped.has(b.parent)) levels.add(b.parent);
    get(b).dropped = true;
    get(b).notes.push('weight-rescaled-out');
  }
  for (const parent of levels) {
    const siblings = parent ? parent.children : roots;
    const weightOf = (s: BoundIndicator): number => get(s).baseWeight ?? 0;
    const kept = siblings.filter((s) => !dropped.has(s));
    const total = siblings.reduce((sum, s) => sum + weightOf(s), 0);
    const remaining = kept.reduce((sum, s) => sum + weightOf(s), 0);
    if (remaining <= 0) continue;
    for (const s of kept) {
      get(s).scale *= total / remaining;
      get(s).notes.push('weight-rescaled');
    }
  }
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
