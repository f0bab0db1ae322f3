import type { Evaluation, IndicatorNode } from '../evaluation.ts';
import type { Finding } from '../finding.ts';
import { normalizeDigits } from '../money.ts';
import { roundPoints, sumPoints, toHundredths } from '../points.ts';
import { formatPercent, ratioPercent } from '../ratio.ts';
import type { Rulebook, RuleNode } from '../rulebook.ts';
import type { ScoreNode, ScoreSheet } from '../score-sheet.ts';
import { percentText, pointsText } from './format.ts';
import { weightsOverBook } from './indicators.ts';
import { makeFinding } from './make-finding.ts';
import { findSentence, evaluationTexts } from './texts.ts';
import { isLeaf, memoInCheck, walkIndicators } from './walk.ts';
import type { VisitedNode } from './walk.ts';

/** Scores are written with one decimal at most in practice: half a tenth is rounding. */
function scoresAgree(a: number, b: number): boolean {
  return Math.abs(toHundredths(a) - toHundredths(b)) <= 5;
}

function sheetByPath(sheet: ScoreSheet): Map<string, ScoreNode> {
  return memoInCheck(sheet, 'by-path', () => new Map(sheet.nodes.map((n) => [n.path, n])));
}

/**
 * The sheet's node for each node of walkIndicators, by position. The sheet lists its nodes in the
 * same pre-order, so the position finds each one; the path map covers a sheet that does not line
 * up (one made for another tree, or by hand). Memoised per sheet and walk for the check run.
 */
function alignedSheetNodes(
  sheet: ScoreSheet,
  visited: readonly VisitedNode[],
): (ScoreNode | undefined)[] {
  const memo = memoInCheck(sheet, 'aligned', () => ({
    visited: undefined as readonly VisitedNode[] | undefined,
    nodes: [] as (ScoreNode | undefined)[],
  }));
  if (memo.visited === visited) return memo.nodes;
  const nodes = visited.map((v, i) => {
    const at = sheet.nodes[i];
    return at !== undefined && at.path === v.path ? at : sheetByPath(sheet).get(v.path);
  });
  memo.visited = visited;
  memo.nodes = nodes;
  return nodes;
}

/**
 * Words that explain points lost, or name the scoring rule that took them ("按满意度计分规则"); a
 * shortfall said as such is one too ("支付进度偏慢", "略低于年度目标", "带动作用仍需加强").
 */
const REASON_WORDS =
  /原因|由于|因为|扣\s*\d|扣分|未能|未完成|未达|偏差|不足|滞后|推迟|延迟|延期|逾期|影响|偏[慢低少]|低于|仍需|有待|(?:计分|评分|打分)(?:规则|标准|办法)/;

const EXECUTION_RATE = /执行率(?:为|达到?|是)?(\d+(?:\.\d+)?)[%％]/g;

/**
 * A leaf scored weight × an execution rate below 100% its own text states (its evidence, the
 * sentence it was read from), or the execution-rate leaf scored so on a rate the evaluation states
 * (its actual, the year's fund sentence, any chapter's text):
 * the rate explains the points lost ("预算执行率98.00%，分值10分，得分9.8分"), as the common rule
 * scores it. A fact of the text, not a reason the unit wrote: nothing is put in its place.
 */
function rateExplainsScore(
  evaluation: Evaluation,
  node: IndicatorNode,
  sheetNode: ScoreNode | undefined,
  weight: number,
  score: number,
): boolean {
  // The execution rule's own threshold for a reason (Sichuan's 90%) stands.
  if (sheetNode?.ruleKind === 'execution-rate' && sheetNode.reasonRequired) return false;
  const explains = (text: string | undefined): boolean => {
    if (text === undefined) return false;
    for (const m of normalizeDigits(text).matchAll(EXECUTION_RATE)) {
      const rate = Number(m[1]);
      if (rate < 100 && Math.abs(score - (weight * rate) / 100) <= 0.05) return true;
    }
    return false;
  };
  // The leaf's own text: whatever its name, the rate it states is what it was scored on.
  if (explains(node.evidence) || explains(node.source?.excerpt)) return true;
  // Elsewhere: only the execution-rate indicator's.
  if (sheetNode?.ruleKind !== 'execution-rate' && !/执行率/.test(node.name)) return false;
  const actual = node.actual?.text;
  if (actual !== undefined && explains(`执行率${actual.trim()}`)) return true;
  if (explains(evaluation.funds.total?.source?.excerpt)) return true;
  return evaluationTexts(evaluation).some((t) => explains(t.text));
}

function hasReason(node: IndicatorNode, sheetNode: ScoreNode | undefined): boolean {
  if (sheetNode?.reasonGiven) return true;
  if (node.deviationReason !== undefined && node.deviationReason.trim() !== '') return true;
  return node.evidence !== undefined && REASON_WORDS.test(node.evidence);
}

/**
 * score-over-weight from the stated figures alone: a table whose rulebook is not the one the
 * evaluation was scored with (a project table attached to a department's report) still cannot
 * give an indicator more than its own 分值.
 */
export function checkStatedScoresOverWeights(evaluation: Evaluation): Finding[] {
  const out: Finding[] = [];
  for (const { node, path } of walkIndicators(evaluation.indicators)) {
    if (node.score === undefined || node.weight === undefined || node.notAssessed) continue;
    if (toHundredths(node.score) <= toHundredths(node.weight)) continue;
    out.push(
      makeFinding({
        code: 'SCORE_OVER_WEIGHT',
        severity: 'error',
        path: `${path}.score`,
        stated: pointsText(node.score),
        expected: pointsText(node.weight),
        source: node.source,
        params: { name: node.name },
      }),
    );
  }
  return out;
}

/** score-over-weight, and points lost without a reason (deduction). */
export function checkScoreAgainstWeight(
  evaluation: Evaluation,
  rulebook: Rulebook,
  sheet: ScoreSheet,
): Finding[] {
  const out: Finding[] = [];
  const visited = walkIndicators(evaluation.indicators);
  const sheetNodes = alignedSheetNodes(sheet, visited);
  for (let i = 0; i < visited.length; i += 1) {
    const visit = visited[i];
    if (visit === undefined) continue;
    const { node, path } = visit;
    const sheetNode = sheetNodes[i];
    const score = node.score ?? sheetNode?.statedScore;
    if (score === undefined || node.notAssessed) continue;
    const statedWeight = node.weight ?? sheetNode?.statedWeight;
    // The weight after reallocation: a not-assessed indicator's weight moved here counts.
    const weight = sheetNode?.weight ?? statedWeight;
    if (statedWeight !== undefined && toHundredths(score) > toHundredths(statedWeight)) {
      const raised =
        (sheetNode?.notes.includes('weight-moved-in') ?? false) ||
        (sheetNode?.weight !== undefined && toHundredths(score) <= toHundredths(sheetNode.weight));
      if (!raised)
        out.push(
          makeFinding({
            code: 'SCORE_OVER_WEIGHT',
            severity: 'error',
            path: `${path}.score`,
            stated: pointsText(score),
            expected: pointsText(weight ?? statedWeight),
            source: node.source,
            params: { name: node.name },
          }),
        );
    }
    // An execution score that follows its rule (9.7 for 97.06%) explains itself; the rule's own
    // threshold for a reason is then the sheet's reasonRequired.
    const explainedByRule =
      sheetNode?.ruleKind === 'execution-rate' &&
      sheetNode.computedScore !== undefined &&
      scoresAgree(score, sheetNode.computedScore) &&
      !sheetNode.reasonRequired;
    if (
      rulebook.options.reasonBelowWeight &&
      isLeaf(node) &&
      !explainedByRule &&
      weight !== undefined &&
      toHundredths(score) < toHundredths(weight) &&
      !hasReason(node, sheetNode) &&
      !rateExplainsScore(evaluation, node, sheetNode, weight, score)
    )
      out.push(
        makeFinding({
          code: 'DEDUCTION_NO_REASON',
          severity: 'warning',
          path: `${path}.deviationReason`,
          stated: pointsText(score),
          source: node.source,
          params: {
            name: node.name,
            weight: pointsText(weight),
            lost: pointsText(sumPoints([weight, -score])),
          },
        }),
      );
    if (sheetNode?.notes.includes('over-completion') && !hasReason(node, sheetNode)) {
      const ratio = rulebook.options.overCompletion?.ratio;
      out.push(
        makeFinding({
          code: 'COMPLETENESS_OVER_COMPLETION_REASON',
          severity: 'warning',
          path: `${path}.deviationReason`,
          stated: node.actual?.text,
          source: node.source,
          params: {
            name: node.name,
            target: node.target?.text,
            ratio: ratio === undefined ? '规定比例' : `${Math.round(ratio * 100)}%`,
          },
        }),
      );
    }
  }
  return out;
}

function findRuleNode(nodes: readonly RuleNode[], id: string): RuleNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = findRuleNode(n.children ?? [], id);
    if (inner) return inner;
  }
  return undefined;
}

const ADJUSTMENT_WORDS = /预算调整|调整预算|追加|调增|调减|调剂/;

/**
 * execution-score: the 预算执行率 indicator's stated score against the rule (W × min(1, rate)).
 * Where the book does not deduct for mid-year budget changes but the report mentions them, the
 * deduction is likely that: a warning citing the sentence (domain.md §4).
 */
export function checkExecutionScore(
  evaluation: Evaluation,
  rulebook: Rulebook,
  sheet: ScoreSheet,
): Finding[] {
  const out: Finding[] = [];
  const visited = walkIndicators(evaluation.indicators);
  const sheetNodes = alignedSheetNodes(sheet, visited);
  for (let i = 0; i < visited.length; i += 1) {
    const visit = visited[i];
    if (visit === undefined) continue;
    const { node, path } = visit;
    const sheetNode = sheetNodes[i];
    if (sheetNode?.ruleKind !== 'execution-rate') continue;
    const stated = node.score ?? sheetNode.statedScore;
    const weight = sheetNode.weight ?? node.weight;
    if (stated === undefined || weight === undefined) continue;
    const ruleNode = sheetNode.ruleId ? findRuleNode(rulebook.tree, sheetNode.ruleId) : undefined;
    const rule = ruleNode?.rule ?? ruleNode?.leafRule;
    const rowKey = rule?.kind === 'execution-rate' ? rule.row : 'total';
    const row = evaluation.funds[rowKey] ?? evaluation.funds.total;
    const computedRate =
      row?.executed && row.budget
        ? ratioPercent(row.executed.fen, row.budget.fen, 2)?.rounded
        : sheet.executionRate;
    const rateShare = computedRate === undefined ? undefined : computedRate / 100;
    const expected =
      sheetNode.computedScore ??
      (rateShare === undefined ? undefined : roundPoints(weight * Math.min(1, rateShare)));
    if (expected === undefined || scoresAgree(stated, expected)) continue;
    const rateText = row?.statedRate
      ? percentText(row.statedRate)
      : computedRate === undefined
        ? '未知'
        : formatPercent(computedRate, 2);
    // "执行率已达100%" only where the rate the message shows says so too (a stated 91.83% beside
    // amounts that give 100% is a ratio finding, not a full rate).
    const fullRate =
      rateShare !== undefined && rateShare >= 1 && (row?.statedRate?.value ?? 100) >= 100;
    const params = {
      name: node.name,
      rate: rateText,
      weight: pointsText(weight),
    };
    const adjustment =
      stated < expected
        ? findSentence(evaluationTexts(evaluation), ADJUSTMENT_WORDS, 'chapters')
        : undefined;
    if (adjustment && rulebook.options.deductsForBudgetAdjustment) continue;
    if (adjustment) {
      out.push(
        makeFinding({
          code: 'EXECUTION_BUDGET_ADJUSTMENT',
          severity: 'warning',
          path: `${path}.score`,
          stated: pointsText(stated),
          expected: pointsText(expected),
          source: node.source,
          params: { ...params, adjustment: adjustment.sentence, adjustmentPath: adjustment.path },
        }),
      );
      continue;
    }
    out.push(
      makeFinding({
        code: 'EXECUTION_SCORE_RULE',
        severity: 'error',
        path: `${path}.score`,
        stated: pointsText(stated),
        expected: pointsText(expected),
        source: node.source,
        params: {
          ...params,
          fullRate: fullRate && stated < expected && !hasReason(node, sheetNode),
        },
      }),
    );
  }
  return out;
}

const GRADE_LABELS = { achieved: '达成年度指标', partial: '部分达成', 'not-achieved': '未达成' };

/** score-rule: a leaf's stated score against what the rulebook computes for it. */
export function checkScoreRules(
  evaluation: Evaluation,
  rulebook: Rulebook,
  sheet: ScoreSheet,
): Finding[] {
  const out: Finding[] = [];
  const bands = rulebook.options.qualitativeBands;
  const visited = walkIndicators(evaluation.indicators);
  const sheetNodes = alignedSheetNodes(sheet, visited);
  for (let i = 0; i < visited.length; i += 1) {
    const visit = visited[i];
    if (visit === undefined) continue;
    const { node, path } = visit;
    if (!isLeaf(node) || node.notAssessed) continue;
    const sheetNode = sheetNodes[i];
    const stated = node.score ?? sheetNode?.statedScore;
    const weight = sheetNode?.weight ?? node.weight;
    if (stated === undefined || weight === undefined) continue;
    const kind = sheetNode?.ruleKind;
    const grade =
      node.grade ?? (node.actual?.kind === 'qualitative' ? node.actual.grade : undefined);
    if (grade !== undefined && (kind === 'qualitative' || node.grade !== undefined)) {
      const [low, high] =
        grade === 'achieved'
          ? [bands.achieved, 1]
          : grade === 'partial'
            ? [bands.partial, bands.achieved]
            : [bands.notAchieved, bands.partial];
      const lowPts = roundPoints(weight * low);
      const highPts = roundPoints(weight * high);
      const h = toHundredths(stated);
      // The top of a band is open except for 达成 (full marks belong to it).
      const inside =
        h >= toHundredths(lowPts) &&
        (grade === 'achieved' ? h <= toHundredths(highPts) : h < toHundredths(highPts));
      if (!inside)
        out.push(
          makeFinding({
            code: 'SCORE_RULE_QUALITATIVE_BAND',
            severity: 'error',
            path: `${path}.score`,
            stated: pointsText(stated),
            expected: `${pointsText(lowPts)}–${pointsText(highPts)}`,
            source: node.source,
            params: {
              name: node.name,
              grade: GRADE_LABELS[grade],
              band: `${pointsText(lowPts)}至${pointsText(highPts)}`,
              weight: pointsText(weight),
            },
          }),
        );
      continue;
    }
    const computed = sheetNode?.computedScore;
    if (
      computed === undefined ||
      kind === undefined ||
      kind === 'stated' ||
      kind === 'manual' ||
      kind === 'execution-rate' ||
      kind === 'qualitative' ||
      scoresAgree(stated, computed)
    )
      continue;
    // "未达年度指标值" only where the rule gave less than full marks: a target that was met
    // (computed at the full weight) differs for another reason, said by SCORE_RULE_MISMATCH.
    const targetMet = sheetNode?.weight !== undefined && computed >= sheetNode.weight - 0.005;
    if (stated > computed && node.target && node.actual && !targetMet) {
      out.push(
        makeFinding({
          code: 'SCORE_RULE_TARGET_MISSED',
          severity: 'warning',
          path: `${path}.score`,
          stated: pointsText(stated),
          expected: pointsText(computed),
          source: node.source,
          params: {
            name: node.name,
            target: node.target.text,
            actual: node.actual.text,
            weight: pointsText(weight),
          },
        }),
      );
      continue;
    }
    out.push(
      makeFinding({
        code: 'SCORE_RULE_MISMATCH',
        // Giving oneself less than the rule allows is unusual but not wrong.
        severity: stated > computed ? 'warning' : 'info',
        path: `${path}.score`,
        stated: pointsText(stated),
        expected: pointsText(computed),
        source: node.source,
        params: { name: node.name, rule: kind },
      }),
    );
  }
  return out;
}

function capsText(caps: readonly string[]): string {
  return caps
    .map((c) => {
      if (c === 'bonus-cap') return '加分封顶';
      if (c === 'total-cap') return '总分封顶';
      const m = /^execution-cap:(.+)$/.exec(c);
      return m ? `执行率低于${m[1] ?? ''}%封顶` : c;
    })
    .join('，');
}

/** A node's stated score, or for a group without one, the sum of its assessed children's. */
function statedScoreOf(node: IndicatorNode): number | undefined {
  if (node.score !== undefined) return node.score;
  const children = (node.children ?? []).filter((c) => !c.notAssessed);
  if (children.length === 0) return undefined;
  const scores = children.map(statedScoreOf);
  return scores.every((x): x is number => x !== undefined) ? sumPoints(scores) : undefined;
}

/** The sum of the stated scores of a node's rows (its leaves), whatever its groups state. */
function leafScoreSum(node: IndicatorNode): number | undefined {
  const children = (node.children ?? []).filter((c) => !c.notAssessed);
  if (children.length === 0) return node.score;
  const scores = children.map(leafScoreSum);
  return scores.every((x): x is number => x !== undefined) ? sumPoints(scores) : undefined;
}

/** total and grade: the stated total against the computed one and against its stated parts. */
export function checkTotalAndGrade(
  evaluation: Evaluation,
  rulebook: Rulebook,
  sheet: ScoreSheet,
): Finding[] {
  const out: Finding[] = [];
  const stated = evaluation.stated.total ?? sheet.statedTotal;
  const source = evaluation.stated.source;
  const options = rulebook.options;
  if (stated !== undefined) {
    const top = evaluation.indicators;
    // A group whose score is not stated (a 产出指标 cell over its rows) counts as its rows' sum.
    const topScores = top.filter((n) => !n.notAssessed).map(statedScoreOf);
    const complete = topScores.length > 0 && topScores.every((s) => s !== undefined);
    // The stated total is the sum of its own stated parts.
    let addsUp = false;
    if (complete) {
      const scores = topScores.filter((s): s is number => s !== undefined);
      const bonusRaw = sumPoints(
        evaluation.adjustments.filter((a) => a.kind === 'bonus').map((a) => a.points),
      );
      const bonus = options.bonusCap === null ? bonusRaw : Math.min(bonusRaw, options.bonusCap);
      const penalty = sumPoints(
        evaluation.adjustments.filter((a) => a.kind === 'penalty').map((a) => a.points),
      );
      const raw = sumPoints([...scores, bonus, -penalty]);
      const capped = options.totalCap === null ? raw : Math.min(raw, options.totalCap);
      // The rows' own scores: a wrong group subtotal must not make a right total look wrong.
      const leafScores = top.filter((n) => !n.notAssessed).map(leafScoreSum);
      const rows = leafScores.every((x): x is number => x !== undefined)
        ? sumPoints([...leafScores, bonus, -penalty])
        : undefined;
      // 98 + 3.5 = 101.5 stated as 100 is right only when the book caps the total at 100, and
      // only a bonus can carry a total over it: without one, the parts are simply more.
      const overByBonus = bonus > 0;
      const cappedRows =
        rows === undefined || options.totalCap === null || !overByBonus
          ? rows
          : Math.min(rows, options.totalCap);
      const partsAgree =
        scoresAgree(stated, raw) ||
        (overByBonus && scoresAgree(stated, capped)) ||
        (rows !== undefined && scoresAgree(stated, rows)) ||
        (cappedRows !== undefined && scoresAgree(stated, cappedRows)) ||
        (rows === undefined && scoresAgree(stated, sheet.total));
      addsUp = partsAgree;
      if (!partsAgree) {
        const parts = [
          ...top
            .filter((n) => !n.notAssessed)
            .map((n) => `${n.name}${pointsText(statedScoreOf(n) ?? 0)}`),
          ...evaluation.adjustments.map(
            (a) => `${a.kind === 'bonus' ? '加' : '减'}${a.name}${pointsText(a.points)}`,
          ),
        ].join(' + ');
        out.push(
          makeFinding({
            code: 'TOTAL_STATED_PARTS',
            severity: 'error',
            path: 'stated.total',
            stated: pointsText(stated),
            expected: pointsText(capped),
            source,
            params: {
              parts,
              cap: options.totalCap === null ? '' : pointsText(options.totalCap),
            },
          }),
        );
      }
    }
    // 一级 weights over the book's total put some weight in doubt: a rule's full marks on the
    // wrong one credit more than any score can be; a total that adds up its parts and falls
    // short of the computed one by no more than that excess is not held against it.
    const excess = weightsOverBook(evaluation, rulebook) ?? 0;
    const gap = sumPoints([sheet.total, -stated]);
    const inDoubt = addsUp && excess > 0 && gap > 0 && toHundredths(gap) <= toHundredths(excess);
    if (!scoresAgree(stated, sheet.total) && !inDoubt)
      out.push(
        makeFinding({
          code: 'TOTAL_MISMATCH',
          // A total that adds up its own parts and stays below the rule's: the gap is in scores
          // given below what the rule allows, each said as such (info), not a wrong total.
          severity: addsUp && stated < sheet.total ? 'info' : 'warning',
          path: 'stated.total',
          stated: pointsText(stated),
          expected: pointsText(sheet.total),
          source,
          params: { caps: capsText(sheet.capsApplied) },
        }),
      );
  }
  const statedGrade = evaluation.stated.grade ?? sheet.statedGrade;
  const grades = options.grades;
  if (statedGrade !== undefined && grades !== null && grades.length > 0) {
    const gradeOf = (total: number): string | undefined =>
      grades.find((g) => toHundredths(total) >= toHundredths(g.min))?.label;
    const matches = (label: string | undefined | null): boolean =>
      label !== undefined &&
      label !== null &&
      (statedGrade.trim() === label || statedGrade.trim().replace(/秀|好|等|较/g, '') === label);
    // Against the stated total first (arithmetic), else against the computed grade.
    const basis = stated ?? sheet.total;
    const expected = stated !== undefined ? gradeOf(stated) : (sheet.grade ?? gradeOf(basis));
    if (expected !== undefined && !matches(expected))
      out.push(
        makeFinding({
          code: 'GRADE_MISMATCH',
          severity: stated !== undefined ? 'error' : 'warning',
          path: 'stated.grade',
          stated: statedGrade,
          expected,
          source,
          params: { total: pointsText(basis) },
        }),
      );
  }
  return out;
}
