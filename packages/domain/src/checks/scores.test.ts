import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DepartmentEvaluation } from '../evaluation.ts';
import type { IndicatorNode } from '../evaluation.ts';
import { Rulebook } from '../rulebook.ts';
import type { RulebookOptions } from '../rulebook.ts';
import { ScoreSheet } from '../score-sheet.ts';
import type { ScoreNode } from '../score-sheet.ts';
import {
  checkExecutionScore,
  checkScoreAgainstWeight,
  checkScoreRules,
  checkTotalAndGrade,
} from './scores.ts';
import { walkIndicators } from './walk.ts';

const read = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8'));
const base = DepartmentEvaluation.parse(read('fixtures/evaluations/clean-hunan-department.json'));
const hunan = Rulebook.parse(read('rulebooks/hunan-department.json'));
const clean = (): DepartmentEvaluation => structuredClone(base);
const book = (options: Partial<RulebookOptions> = {}): Rulebook => ({
  ...hunan,
  options: { ...hunan.options, ...options },
});

function node(e: DepartmentEvaluation, ...path: number[]): IndicatorNode {
  let list = e.indicators;
  let found: IndicatorNode | undefined;
  for (const i of path) {
    found = list[i];
    list = found?.children ?? [];
  }
  if (!found) throw new Error(`no node at ${path.join('.')}`);
  return found;
}

/** A hand-built sheet: every node scored as stated, then the given overrides by path. */
function sheetOf(
  e: DepartmentEvaluation,
  overrides: Record<string, Partial<ScoreNode>> = {},
  extra: Partial<ScoreSheet> = {},
): ScoreSheet {
  const nodes = walkIndicators(e.indicators).map(({ node: n, path, ancestors }) => ({
    path,
    name: n.name,
    level: ancestors.length + 1,
    isLeaf: !n.children || n.children.length === 0,
    weight: n.weight,
    statedWeight: n.weight,
    statedScore: n.score,
    computedScore: n.score,
    ruleKind: path === 'indicators[0]' ? 'execution-rate' : 'stated',
    reasonRequired: false,
    reasonGiven: false,
    notAssessed: false,
    notes: [],
    ...overrides[path],
  }));
  const total = e.stated.total ?? 0;
  return ScoreSheet.parse({
    rulebookId: 'hunan-department',
    nodes,
    treeTotal: total,
    bonus: 0,
    penalty: 0,
    total,
    capsApplied: [],
    grade: '优',
    ...extra,
  });
}

describe('score over weight', () => {
  it('reports a score above its weight', () => {
    const e = clean();
    node(e, 1, 0, 0).score = 12;
    const findings = checkScoreAgainstWeight(e, hunan, sheetOf(e));
    expect(findings.map((f) => [f.code, f.category, f.severity, f.stated, f.expected])).toEqual([
      ['SCORE_OVER_WEIGHT', 'score-over-weight', 'error', '12', '10'],
    ]);
  });

  it('stays silent when the weight of a not-assessed indicator was moved in (乐昌)', () => {
    const e = clean();
    node(e, 1, 0, 0).score = 12;
    const sheet = sheetOf(e, {
      'indicators[1].children[0].children[0]': { weight: 12, notes: ['weight-moved-in'] },
    });
    expect(checkScoreAgainstWeight(e, hunan, sheet)).toEqual([]);
  });
});

describe('points lost without a reason', () => {
  it('warns when a leaf loses points and says nowhere why', () => {
    const e = clean();
    node(e, 1, 0, 0).score = 8;
    const findings = checkScoreAgainstWeight(e, hunan, sheetOf(e));
    expect(findings.map((f) => [f.code, f.category, f.severity, f.path])).toEqual([
      [
        'DEDUCTION_NO_REASON',
        'deduction',
        'warning',
        'indicators[1].children[0].children[0].deviationReason',
      ],
    ]);
    expect(findings[0]?.message).toBe(
      '“开展统计调查项目”分值10分、得分8分，扣2分但未说明偏差原因及改进措施',
    );
  });

  it('is silent when a reason is given, in its column or in the evidence', () => {
    const e = clean();
    const leaf = node(e, 1, 0, 0);
    leaf.score = 8;
    leaf.deviationReason = '受疫情影响，两项调查延期。';
    expect(checkScoreAgainstWeight(e, hunan, sheetOf(e))).toEqual([]);
    delete leaf.deviationReason;
    leaf.evidence = '完成10项，因上级部署调整，2项未能开展，扣2分。';
    expect(checkScoreAgainstWeight(e, hunan, sheetOf(e))).toEqual([]);
    // Work done later than planned is the reason a 时效 score says.
    leaf.evidence = '时效指标得8分，调度系统升级较计划推迟1个月完成。';
    expect(checkScoreAgainstWeight(e, hunan, sheetOf(e))).toEqual([]);
    leaf.evidence = '时效指标得8分，调度系统升级已完成。';
    expect(checkScoreAgainstWeight(e, hunan, sheetOf(e)).map((f) => f.code)).toEqual([
      'DEDUCTION_NO_REASON',
    ]);
  });

  it('takes an execution rate the leaf’s text states as the reason of a score in proportion to it', () => {
    const e = clean();
    const leaf = node(e, 1, 0, 0);
    leaf.evidence = '项目预算资金880.00万元，实际支出862.40万元，执行率９８．００％。';
    leaf.score = 9.8;
    // A sheet that scores the leaf as stated (no rule of the rate): the text's rate explains 9.8.
    expect(checkScoreAgainstWeight(e, hunan, sheetOf(e))).toEqual([]);
    leaf.score = 9;
    expect(checkScoreAgainstWeight(e, hunan, sheetOf(e)).map((f) => f.code)).toEqual([
      'DEDUCTION_NO_REASON',
    ]);
    // Nothing was written in the reason's place.
    expect(leaf.deviationReason).toBeUndefined();
  });

  it('takes a rate stated elsewhere only for the execution-rate indicator', () => {
    const e = clean();
    e.chapters.push({
      key: 'budget',
      paragraphs: ['全年预算数100万元，执行数97万元，预算执行率97.00%。'],
    });
    node(e, 0).score = 9.7;
    expect(checkScoreAgainstWeight(e, hunan, sheetOf(e))).toEqual([]);
    node(e, 0).score = 10;
    node(e, 1, 0, 0).score = 9.7;
    expect(checkScoreAgainstWeight(e, hunan, sheetOf(e)).map((f) => f.path)).toEqual([
      'indicators[1].children[0].children[0].deviationReason',
    ]);
    // The rule's own threshold for a reason (Sichuan's 90%) stands.
    node(e, 1, 0, 0).score = 10;
    node(e, 0).score = 9.7;
    const sheet = sheetOf(e, { 'indicators[0]': { reasonRequired: true } });
    expect(checkScoreAgainstWeight(e, hunan, sheet).map((f) => f.path)).toEqual([
      'indicators[0].deviationReason',
    ]);
  });

  it('is silent where the book does not require reasons', () => {
    const e = clean();
    node(e, 1, 0, 0).score = 8;
    expect(checkScoreAgainstWeight(e, book({ reasonBelowWeight: false }), sheetOf(e))).toEqual([]);
  });
});

describe('execution score', () => {
  function deducted(): DepartmentEvaluation {
    const e = clean();
    node(e, 0).score = 8;
    return e;
  }
  const computedFull = { 'indicators[0]': { computedScore: 10 } };

  it('is silent when the stated score follows the rule (9.7 for 97.06%)', () => {
    const e = clean();
    node(e, 0).score = 9.7;
    const sheet = sheetOf(e, { 'indicators[0]': { computedScore: 9.71 } });
    expect(checkExecutionScore(e, hunan, sheet)).toEqual([]);
  });

  it('reports points lost at a 100% rate as an error', () => {
    const e = deducted();
    const findings = checkExecutionScore(e, hunan, sheetOf(e, computedFull));
    expect(findings.map((f) => [f.code, f.category, f.severity, f.stated, f.expected])).toEqual([
      ['EXECUTION_SCORE_RULE', 'execution-score', 'error', '8', '10'],
    ]);
    expect(findings[0]?.message).toContain('执行率已达100%却扣分');
  });

  it('does not call a stated 91.83% a full rate, whatever the amounts give', () => {
    const e = deducted();
    const total = e.funds.total;
    if (!total?.executed) throw new Error('fixture has a total row');
    total.budget = total.executed;
    total.statedRate = { value: 91.83, decimals: 2, text: '91.83%' };
    const findings = checkExecutionScore(e, hunan, sheetOf(e, computedFull));
    expect(findings[0]?.message).toContain('预算执行率91.83%');
    expect(findings[0]?.message).not.toContain('执行率已达100%');
  });

  it('warns instead, citing the sentence, when the report mentions a budget addition', () => {
    const e = deducted();
    e.chapters.push({
      key: 'problems',
      paragraphs: ['二是年初部门预算前瞻性有待加强。年初预算编制不够精准，年中追加了部分预算。'],
    });
    const findings = checkExecutionScore(e, hunan, sheetOf(e, computedFull));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['EXECUTION_BUDGET_ADJUSTMENT', 'warning'],
    ]);
    expect(findings[0]?.params['adjustment']).toBe('年初预算编制不够精准，年中追加了部分预算。');
    // and where the book does deduct for adjustments, the deduction is legitimate
    const deducts = book({ deductsForBudgetAdjustment: true });
    expect(checkExecutionScore(e, deducts, sheetOf(e, computedFull))).toEqual([]);
  });
});

describe('score rules', () => {
  it('warns when a missed target still gets full marks', () => {
    const e = clean();
    const sheet = sheetOf(e, {
      'indicators[1].children[0].children[0]': { computedScore: 6, ruleKind: 'positive' },
    });
    const findings = checkScoreRules(e, hunan, sheet);
    expect(findings.map((f) => [f.code, f.category, f.severity, f.stated, f.expected])).toEqual([
      ['SCORE_RULE_TARGET_MISSED', 'score-rule', 'warning', '10', '6'],
    ]);
  });

  it('does not say the target was missed when the rule gave full marks at another weight', () => {
    const e = clean();
    // The rulebook weighs this indicator 8 (full marks at 8); the report gives it 10 of 10.
    const sheet = sheetOf(e, {
      'indicators[1].children[0].children[0]': {
        computedScore: 8,
        weight: 8,
        ruleKind: 'positive',
      },
    });
    const findings = checkScoreRules(e, hunan, sheet);
    expect(findings.map((f) => f.code)).toEqual(['SCORE_RULE_MISMATCH']);
    expect(findings[0]?.message).not.toContain('未达');
    expect(findings[0]?.message).toContain('正向指标');
  });

  it('ignores nodes the sheet could not compute (stated, manual)', () => {
    const e = clean();
    const sheet = sheetOf(e, {
      'indicators[1].children[0].children[0]': { computedScore: 6, ruleKind: 'manual' },
    });
    expect(checkScoreRules(e, hunan, sheet)).toEqual([]);
  });

  it('reports a qualitative score outside the band of its grade', () => {
    const e = clean();
    const leaf = node(e, 1, 0, 0);
    leaf.grade = 'partial';
    leaf.score = 9;
    const findings = checkScoreRules(e, hunan, sheetOf(e));
    expect(findings.map((f) => [f.code, f.severity, f.stated, f.expected])).toEqual([
      ['SCORE_RULE_QUALITATIVE_BAND', 'error', '9', '6–8'],
    ]);
    leaf.score = 7;
    expect(checkScoreRules(e, hunan, sheetOf(e))).toEqual([]);
  });
});

describe('total and grade', () => {
  /** 98 in the tree, +3.5 bonus, stated 100 (乐昌). */
  function withBonus(): DepartmentEvaluation {
    const e = clean();
    for (const n of [node(e, 3), node(e, 3, 0), node(e, 3, 0, 0)]) {
      n.score = 8;
      n.deduction = 2;
    }
    e.adjustments = [{ name: '创新工作加分', kind: 'bonus', points: 3.5 }];
    e.stated = { total: 100, grade: '优' };
    return e;
  }

  it('is silent when the book caps the total at 100', () => {
    const e = withBonus();
    const sheet = sheetOf(
      e,
      {},
      { treeTotal: 98, bonus: 3.5, total: 100, capsApplied: ['total-cap'] },
    );
    expect(checkTotalAndGrade(e, book({ totalCap: 100 }), sheet)).toEqual([]);
  });

  it('reports 100 for 98 + 3.5 when nothing caps it', () => {
    const e = withBonus();
    const sheet = sheetOf(e, {}, { treeTotal: 98, bonus: 3.5, total: 101.5 });
    const findings = checkTotalAndGrade(e, book(), sheet);
    expect(findings.map((f) => [f.code, f.category, f.severity, f.stated, f.expected])).toEqual([
      ['TOTAL_STATED_PARTS', 'total', 'error', '100', '101.5'],
      ['TOTAL_MISMATCH', 'total', 'warning', '100', '101.5'],
    ]);
  });

  it("says only as info a total that adds up its parts and stays below the rule's", () => {
    const e = withBonus();
    e.adjustments = [];
    e.stated = { total: 98, grade: '优' };
    // The rule would give 100; the rows were scored 98 by the unit itself, with its reasons.
    const sheet = sheetOf(e, {}, { treeTotal: 100, bonus: 0, total: 100 });
    expect(
      checkTotalAndGrade(e, book(), sheet).map((f) => [f.code, f.severity, f.stated, f.expected]),
    ).toEqual([['TOTAL_MISMATCH', 'info', '98', '100']]);
    // A total that is not its parts' sum is still a warning against the rule's.
    e.stated = { total: 99, grade: '优' };
    expect(checkTotalAndGrade(e, book(), sheet).map((f) => [f.code, f.severity])).toEqual([
      ['TOTAL_STATED_PARTS', 'error'],
      ['TOTAL_MISMATCH', 'warning'],
    ]);
  });

  it('holds no total against full marks on a weight that puts the weights over the book', () => {
    const e = clean();
    // 产出指标 51 of a 101-point tree: its first row weighs 11, scored 10 as if it weighed 10.
    const group = node(e, 1);
    const row = node(e, 1, 0, 0);
    group.weight = 51;
    row.weight = (row.weight ?? 0) + 1;
    row.score = (row.weight ?? 0) - 1;
    group.score = 50;
    // The rule gives the row its 11: one point more than the stated total, itself its parts'.
    expect(checkTotalAndGrade(e, hunan, sheetOf(e, {}, { total: 101 }))).toEqual([]);
    // A gap wider than the weights' excess is still said.
    expect(
      checkTotalAndGrade(e, hunan, sheetOf(e, {}, { total: 102 })).map((f) => [
        f.code,
        f.severity,
        f.expected,
      ]),
    ).toEqual([['TOTAL_MISMATCH', 'info', '102']]);
  });

  it('reports a total that the rows add up to differently, though the rule caps a row at its weight', () => {
    const e = clean();
    // 数量指标 has no stated figures of its own; its first row claims 11 of 10 points.
    const group = node(e, 1);
    delete group.score;
    delete node(e, 1, 0).score;
    node(e, 1, 0, 0).score = 11;
    // The rulebook's total (each row capped at its weight) is the stated 100.
    const findings = checkTotalAndGrade(e, hunan, sheetOf(e, {}, { total: 100 }));
    expect(findings.map((f) => [f.code, f.severity, f.stated, f.expected])).toEqual([
      ['TOTAL_STATED_PARTS', 'error', '100', '101'],
    ]);
  });

  it('takes a total that matches its rows for right when a group subtotal is the wrong figure', () => {
    const e = clean();
    node(e, 1).score = 49;
    expect(checkTotalAndGrade(e, hunan, sheetOf(e, {}, { total: 100 }))).toEqual([]);
  });

  it('reports a grade that does not follow from the stated total', () => {
    const e = clean();
    e.stated = { total: 100, grade: '良' };
    const findings = checkTotalAndGrade(e, hunan, sheetOf(e));
    expect(findings.map((f) => [f.code, f.category, f.severity, f.stated, f.expected])).toEqual([
      ['GRADE_MISMATCH', 'grade', 'error', '良', '优'],
    ]);
    e.stated = { total: 100, grade: '优秀' };
    expect(checkTotalAndGrade(e, hunan, sheetOf(e))).toEqual([]);
  });
});
