import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DepartmentEvaluation } from '../evaluation.ts';
import type { IndicatorNode } from '../evaluation.ts';
import { Rulebook } from '../rulebook.ts';
import { checkIndicatorSums } from './indicators.ts';

const read = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8'));
const base = DepartmentEvaluation.parse(read('fixtures/evaluations/clean-hunan-department.json'));
const hunan = Rulebook.parse(read('rulebooks/hunan-department.json'));
const clean = (): DepartmentEvaluation => structuredClone(base);

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

describe('indicator subtotals', () => {
  it('count a group without a stated weight as its rows’ sum (产出（30分）over 职责履行 10 + 5 + 10)', () => {
    const e = clean();
    delete node(e, 1, 0).weight;
    node(e, 1, 0, 0).weight = 5;
    const codes = checkIndicatorSums(e, hunan).map((f) => [f.code, f.path, f.expected]);
    expect(codes).toContainEqual(['WEIGHT_SUBTOTAL', 'indicators[1].weight', '45']);
  });

  it('check a score against 分值 × 得分系数 within half a unit of its last decimal', () => {
    const e = clean();
    const row = node(e, 1, 0, 0);
    row.coefficient = 0.9;
    row.score = 9;
    expect(checkIndicatorSums(e, hunan).filter((f) => f.code === 'SCORE_COEFFICIENT')).toEqual([]);
    row.score = 9.5;
    const found = checkIndicatorSums(e, hunan).filter((f) => f.code === 'SCORE_COEFFICIENT');
    expect(found.map((f) => [f.category, f.severity, f.stated, f.expected])).toEqual([
      ['score-rule', 'error', '9.5', '9'],
    ]);
    expect(found[0]?.message).toBe(
      '“开展统计调查项目”分值10分、得分系数0.9，应得9分，报告填写9.5分',
    );
  });

  it('are silent when groups add up and the top level makes 100', () => {
    expect(checkIndicatorSums(clean(), hunan)).toEqual([]);
  });

  it('report a group weight and score that differ from their leaves (数量指标 20 vs 19)', () => {
    const e = clean();
    node(e, 1, 0, 0).weight = 9;
    node(e, 1, 0, 0).score = 9;
    const findings = checkIndicatorSums(e, hunan);
    expect(
      findings.map((f) => [f.code, f.category, f.severity, f.path, f.stated, f.expected]),
    ).toEqual([
      [
        'WEIGHT_SUBTOTAL',
        'weight-subtotal',
        'error',
        'indicators[1].children[0].weight',
        '20',
        '19',
      ],
      ['SCORE_SUBTOTAL', 'score-subtotal', 'error', 'indicators[1].children[0].score', '20', '19'],
    ]);
    expect(findings[0]?.message).toBe('“数量指标”分值20分，其下级指标分值合计19分（9 + 10）');
  });

  it('report a top level that does not add up to the book', () => {
    const e = clean();
    for (const n of [node(e, 3), node(e, 3, 0), node(e, 3, 0, 0)]) {
      n.weight = 12;
      n.score = 12;
      n.deduction = 0;
    }
    const findings = checkIndicatorSums(e, hunan);
    expect(findings.map((f) => [f.code, f.stated, f.expected])).toEqual([
      ['WEIGHT_BOOK_TOTAL', '102', '100'],
    ]);
  });

  it('add up 一级 groups without a stated 分值 from their leaves, as a warning', () => {
    const e = clean();
    for (const n of [node(e, 1), node(e, 1, 0), node(e, 2), node(e, 2, 0)]) {
      delete n.weight;
      delete n.score;
      delete n.deduction;
    }
    const leaf = node(e, 3, 0, 0);
    leaf.weight = 5;
    leaf.score = 5;
    for (const n of [node(e, 3), node(e, 3, 0)]) {
      delete n.weight;
      delete n.score;
      delete n.deduction;
    }
    const findings = checkIndicatorSums(e, hunan);
    expect(findings.map((f) => [f.code, f.severity, f.stated, f.expected])).toEqual([
      ['WEIGHT_BOOK_TOTAL', 'warning', '95', '100'],
    ]);
  });

  it('keep a not-assessed child whose weight moved to a sibling silent', () => {
    const e = clean();
    const group = node(e, 1, 0);
    group.children = [
      { name: '开展统计调查项目', weight: 20, score: 20 },
      { name: '资金下达合法性', weight: 10, notAssessed: true },
    ];
    expect(checkIndicatorSums(e, hunan)).toEqual([]);
  });

  it('accept a group rounded to one decimal over children with two', () => {
    const e = clean();
    const group = node(e, 1, 0);
    group.score = 19.4;
    delete group.deduction;
    group.children = [
      { name: 'a', weight: 10, score: 9.71 },
      { name: 'b', weight: 10, score: 9.73 },
    ];
    const group0 = checkIndicatorSums(e, hunan).filter((f) =>
      f.path.startsWith('indicators[1].children[0].'),
    );
    expect(group0).toEqual([]);
  });

  it('report a stated deduction that is not weight − score', () => {
    const e = clean();
    const leaf = node(e, 1, 0, 0);
    leaf.score = 8;
    leaf.deduction = 1;
    Object.assign(node(e, 1, 0), { score: 18, deduction: 2 });
    Object.assign(node(e, 1), { score: 48, deduction: 2 });
    const findings = checkIndicatorSums(e, hunan);
    expect(findings.map((f) => [f.code, f.category, f.stated, f.expected])).toEqual([
      ['DEDUCTION_MISMATCH', 'deduction', '1', '2'],
    ]);
  });
});
