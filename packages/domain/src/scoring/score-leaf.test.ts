import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreLeaf, type LeafContext } from './score-leaf.ts';
import { Evaluation, type EvaluationInput, type IndicatorNode } from '../evaluation.ts';
import { LeafRule, RulebookOptions, type LeafRule as LeafRuleType } from '../rulebook.ts';
import { amount } from '../money.ts';
import { parseExpression } from '../parse-expression.ts';

function ctx(
  extra: Partial<EvaluationInput> = {},
  options: Partial<RulebookOptions> = {},
): LeafContext {
  const evaluation = Evaluation.parse({
    kind: 'project',
    projectName: '测试项目',
    rulebookId: 'test',
    meta: { unitName: '测试单位', year: 2024 },
    ...extra,
  });
  return { evaluation, options: { ...RulebookOptions.parse({}), ...options } };
}

/** An indicator from its target and actual as written. */
function ind(
  target: string | undefined,
  actual: string | undefined,
  more: Partial<IndicatorNode> = {},
): IndicatorNode {
  const node: IndicatorNode = { name: '测试指标', ...more };
  if (target !== undefined) node.target = parseExpression(target);
  if (actual !== undefined) node.actual = parseExpression(actual);
  return node;
}

const rule = (r: unknown): LeafRuleType => LeafRule.parse(r);
const score = (r: unknown, node: IndicatorNode, w: number, c: LeafContext = ctx()) =>
  scoreLeaf(rule(r), node, w, c);

function withFunds(budget: string, executed: string): LeafContext {
  return ctx({ funds: { total: { budget: amount(budget), executed: amount(executed) } } });
}

describe('execution-rate: W × min(1, executed/budget), exact and half-up', () => {
  const r = { kind: 'execution-rate' };
  it('gives full marks when executed equals budget', () => {
    expect(score(r, ind(undefined, undefined), 10, withFunds('3385.52', '3385.52')).score).toBe(10);
  });
  it('rounds 97.0687% of 10 half-up to 9.71 (怀化)', () => {
    expect(score(r, ind(undefined, undefined), 10, withFunds('3915.98', '3801.19')).score).toBe(
      9.71,
    );
  });
  it('rounds a half hundredth up: 99.945% of 10 is 9.99 after 9.9945', () => {
    expect(score(r, ind(undefined, undefined), 10, withFunds('100', '99.945')).score).toBe(9.99);
    expect(score(r, ind(undefined, undefined), 10, withFunds('100', '99.95')).score).toBe(10);
  });
  it('caps at W when more than the budget was spent', () => {
    expect(score(r, ind(undefined, undefined), 10, withFunds('100', '120')).score).toBe(10);
  });
  it('requires a reason below the rule threshold (四川 90%), not at it', () => {
    const sichuan = { kind: 'execution-rate', reasonBelow: 0.9 };
    expect(
      score(sichuan, ind(undefined, undefined), 10, withFunds('100', '89.99')).reasonRequired,
    ).toBe(true);
    expect(
      score(sichuan, ind(undefined, undefined), 10, withFunds('100', '90')).reasonRequired,
    ).toBe(false);
  });
  it('reads the rate from the actual when the fund block is missing', () => {
    const s = score(r, ind(undefined, '95%'), 20);
    expect(s).toMatchObject({ score: 19, kind: 'execution-rate', notes: ['rate-from-actual'] });
  });
  it('takes a full score for a rate meeting the row’s own target (≥95%) as that target’s', () => {
    const own = (stated: number, executed: string) =>
      score(r, ind('≥95%', '97.50%', { score: stated }), 10, withFunds('100', executed));
    expect(own(10, '97.5')).toMatchObject({ score: 10, notes: ['own-target-met'] });
    // Scored by the rate instead, the rate's score stands; under the target, so does the rule.
    expect(own(9.75, '97.5').score).toBe(9.75);
    expect(score(r, ind('≥95%', '93%', { score: 10 }), 10, withFunds('100', '93')).score).toBe(9.3);
    // A target of 100% is the rule's own full rate: nothing to take from it.
    expect(score(r, ind('100%', '97.5%', { score: 10 }), 10, withFunds('100', '97.5')).score).toBe(
      9.75,
    );
  });
  it('falls back to the stated score when nothing gives a rate', () => {
    expect(score(r, ind(undefined, undefined, { score: 8 }), 10, withFunds('0', '0'))).toEqual({
      score: 8,
      kind: 'stated',
      notes: ['not-computable'],
      reasonRequired: false,
    });
  });
});

describe('positive: B ≥ A → W, else W × B/A', () => {
  const r = { kind: 'positive' };
  it('gives W when B = A and when B > A', () => {
    expect(score(r, ind('≥100篇', '100篇'), 5).score).toBe(5);
    expect(score(r, ind('≥100篇', '201篇'), 5).score).toBe(5);
  });
  it('scales just below A', () => {
    expect(score(r, ind('≥100篇', '99篇'), 5).score).toBe(4.95);
    expect(score(r, ind('≥98%', '97.99%'), 10).score).toBe(10); // 9.99898… rounds to 10.00
    expect(score(r, ind('≥98%', '97.9%'), 10).score).toBe(9.99);
  });
  it('gives W for A = 0', () => {
    expect(score(r, ind('≥0', '0'), 5).score).toBe(5);
  });
  it('takes 完成 as meeting the target and 未完成 as missing it', () => {
    expect(score(r, ind('1次', '完成'), 4)).toMatchObject({ score: 4, notes: ['actual-done'] });
    expect(score(r, ind('1次', '未完成'), 4).score).toBe(0);
  });
  it('falls back to the stated score when the actual is free text', () => {
    expect(score(r, ind('≥100篇', '大量稿件', { score: 3 }), 5)).toMatchObject({
      score: 3,
      kind: 'stated',
      notes: ['not-computable'],
    });
  });
  it('asks for a reason at B ≥ 130% of A, not below', () => {
    const c = ctx({}, { overCompletion: { ratio: 1.3, action: 'reason', points: 0 } });
    expect(score(r, ind('≥100件', '130件'), 5, c)).toMatchObject({
      score: 5,
      reasonRequired: true,
      notes: ['over-completion'],
    });
    expect(score(r, ind('≥100件', '129件'), 5, c).reasonRequired).toBe(false);
  });
  it('asks no reason of a whole count one over its target (2次 against ≥1次/年)', () => {
    const c = ctx({}, { overCompletion: { ratio: 1.3, action: 'reason', points: 0 } });
    expect(score(r, ind('≥1次/年', '2次'), 5, c).reasonRequired).toBe(false);
    expect(score(r, ind('≥2处', '3处'), 5, c).reasonRequired).toBe(false);
    expect(score(r, ind('≥2处', '4处'), 5, c).reasonRequired).toBe(true);
    expect(score(r, ind('≥1%', '2%'), 5, c).reasonRequired).toBe(true);
  });
  it('deducts points for over-completion where the book says so', () => {
    const c = ctx({}, { overCompletion: { ratio: 1.3, action: 'deduct', points: 2 } });
    expect(score(r, ind('≥100件', '200件'), 5, c).score).toBe(3);
  });
});

describe('negative: B ≤ A → W; linear or inverse above', () => {
  it('gives W at B = A', () => {
    expect(score({ kind: 'negative' }, ind('≤100%', '100%'), 4).score).toBe(4);
  });
  it('linear: W × (1 − (B−A)/A), 0 at 2A and beyond', () => {
    const r = { kind: 'negative', mode: 'linear' };
    expect(score(r, ind('≤100万元', '110万元'), 10).score).toBe(9);
    expect(score(r, ind('≤100万元', '200万元'), 10).score).toBe(0);
    expect(score(r, ind('≤100万元', '250万元'), 10).score).toBe(0);
  });
  it('inverse (湖北): W × A/B, half at 2A', () => {
    const r = { kind: 'negative', mode: 'inverse' };
    expect(score(r, ind('≤100万元', '200万元'), 10).score).toBe(5);
    expect(score(r, ind('≤100万元', '101万元'), 10).score).toBe(9.9);
  });
  it('takes the book-wide mode when the leaf does not say', () => {
    const c = ctx({}, { negativeMode: 'inverse' });
    expect(score({ kind: 'negative' }, ind('≤100', '200'), 10, c).score).toBe(5);
  });
  it('gives 0 above a target of 0', () => {
    expect(score({ kind: 'negative' }, ind('≤0起', '1起'), 5).score).toBe(0);
    expect(score({ kind: 'negative' }, ind('≤0起', '0起'), 5).score).toBe(5);
  });
});

describe('equal: B = A → W; A = 0: W iff B ≤ 0; otherwise as positive', () => {
  const r = { kind: 'equal' };
  it.each([
    ['=100%', '100%', 10],
    ['=100%', '95%', 9.5],
    ['=100%', '105%', 10],
    ['=0', '0', 10],
    ['=0', '-1', 10],
    ['=0', '1', 0],
  ])('target %s, actual %s → %d', (target, actual, expected) => {
    expect(score(r, ind(target, actual), 10).score).toBe(expected);
  });
});

describe('range', () => {
  it('is inside at an inclusive edge and outside at an exclusive one (40>Q≥25)', () => {
    expect(score({ kind: 'range' }, ind('40>Q≥25', '25'), 2).score).toBe(2);
    expect(score({ kind: 'range' }, ind('40>Q≥25', '39.9'), 2).score).toBe(2);
    expect(score({ kind: 'range' }, ind('40>Q≥25', '40'), 2)).toMatchObject({
      score: 0,
      notes: ['outside-range'],
    });
    expect(score({ kind: 'range' }, ind('40>Q≥25', '24'), 2).score).toBe(0);
  });
  it('gives outsideShare × W outside', () => {
    expect(score({ kind: 'range', outsideShare: 0.5 }, ind('25≤Q<40', '41'), 2).score).toBe(1);
  });
});

describe('deadline', () => {
  const r = { kind: 'deadline' };
  it('is on time on the same day and late a day after', () => {
    expect(score(r, ind('2024-12-31', '2024-12-31'), 10).score).toBe(10);
    expect(score(r, ind('2024年12月31日前完成', '2025-01-01'), 10)).toMatchObject({
      score: 0,
      notes: ['late'],
    });
  });
  it('gives lateShare × W when late', () => {
    expect(
      score({ kind: 'deadline', lateShare: 0.6 }, ind('2024-06-30', '2024-07-01'), 10).score,
    ).toBe(6);
  });
  it('reads 12月底前 in the report year', () => {
    expect(score(r, ind('12月底前', '2024年12月31日'), 10).score).toBe(10);
    expect(score(r, ind('12月底前', '2025年1月1日'), 10).score).toBe(0);
  });
  it('counts 完成 and 12月31日前完成 as on time, 未完成 as not', () => {
    expect(score(r, ind('2024年12月31日前完成', '完成'), 10).score).toBe(10);
    expect(score(r, ind('2024年12月31日前完成', '2024年12月31日前完成'), 10).score).toBe(10);
    expect(score(r, ind('2024年12月31日前完成', '按期完成全部任务'), 10).score).toBe(10);
    expect(score(r, ind('2024年12月31日前完成', '未完成'), 10).score).toBe(0);
  });
});

describe('qualitative: the score must lie in its grade band', () => {
  const r = { kind: 'qualitative' };
  const q = (grade: string, stated: number, c?: LeafContext) =>
    score(r, ind('达成年度指标', grade, { score: stated }), 10, c);
  it('keeps a score inside the band, edges included', () => {
    expect(q('达成年度指标', 8).score).toBe(8);
    expect(q('达成年度指标', 10).score).toBe(10);
    expect(q('部分达成年度指标并具有一定效果', 6).score).toBe(6);
    expect(q('部分达成年度指标并具有一定效果', 7.99).score).toBe(7.99);
    expect(q('未达成年度指标且效果较差', 5.99).score).toBe(5.99);
  });
  it('clamps a score outside its band and notes it', () => {
    expect(q('达成年度指标', 7.99)).toMatchObject({ score: 8, notes: ['outside-band'] });
    expect(q('部分达成年度指标并具有一定效果', 8)).toMatchObject({
      score: 7.99,
      notes: ['outside-band'],
    });
    expect(q('未达成年度指标且效果较差', 6).score).toBe(5.99);
  });
  it('uses the book bands (湖北 80/50/0)', () => {
    const hubei = ctx({}, { qualitativeBands: { achieved: 0.8, partial: 0.5, notAchieved: 0 } });
    expect(q('部分达成年度指标并具有一定效果', 5, hubei).score).toBe(5);
    expect(q('部分达成年度指标并具有一定效果', 4.99, hubei).score).toBe(5);
  });
  it('takes the grade from the indicator when the actual is not a label', () => {
    const node = ind('有效', '效果良好', { grade: 'partial', score: 10 });
    expect(score(r, node, 10).score).toBe(7.99);
  });
  it('cannot score without a grade', () => {
    expect(score(r, ind('有效', '效果良好', { score: 9 }), 10).kind).toBe('stated');
  });
});

describe('step-bands (岳阳 预算调整率)', () => {
  const r = {
    kind: 'step-bands',
    bands: [
      { max: 0, score: 3 },
      { max: 10, score: 2 },
      { max: 20, score: 1 },
      { max: 30, score: 0.5 },
    ],
    otherwise: 0,
  };
  it.each([
    ['0%', 3],
    ['10%', 2],
    ['10.01%', 1],
    ['20%', 1],
    ['30%', 0.5],
    ['30.5%', 0],
  ])('an adjustment of %s scores %d', (actual, expected) => {
    expect(score(r, ind(undefined, actual), 3).score).toBe(expected);
  });
  it('leaves an indicator weighted otherwise than the bands to its stated score', () => {
    const stated = score(r, ind(undefined, '7.09%', { score: 3 }), 5);
    expect(stated.kind).toBe('stated');
    expect(stated.score).toBe(3);
  });
  it('measures the adjustment from 年初预算数 and 全年预算数', () => {
    const c = ctx({
      funds: {
        total: { initialBudget: amount('1000'), budget: amount('1150'), executed: amount('1150') },
      },
    });
    expect(
      score({ ...r, measure: 'budget-adjustment-rate' }, ind(undefined, undefined), 3, c).score,
    ).toBe(1);
  });
});

describe('per-point (在职人员控制率 ≤100% → 5, −0.5 per point over)', () => {
  const r = { kind: 'per-point', threshold: 100, perPoint: 0.5 };
  it.each([
    ['100%', 5],
    ['99%', 5],
    ['102%', 4],
    ['101.5%', 4.25],
    ['110%', 0],
    ['130%', 0],
  ])('a rate of %s scores %d', (actual, expected) => {
    expect(score(r, ind(undefined, actual), 5).score).toBe(expected);
  });
  it('measures the control rate from staffing', () => {
    const c = Evaluation.parse({
      kind: 'department',
      rulebookId: 'test',
      meta: { unitName: '测试单位', year: 2024 },
      staffing: { authorized: 30, actual: 31 },
    });
    const s = scoreLeaf(
      rule({ ...r, measure: 'staffing-control-rate' }),
      ind(undefined, undefined),
      5,
      { evaluation: c, options: RulebookOptions.parse({}) },
    );
    expect(s.score).toBe(3.33); // 103.33% → 5 − 1.67
  });
});

describe('checklist', () => {
  const items = ['制度健全', '执行有效', '档案完整', '公开及时'];
  it('gives each met condition a share of W', () => {
    const node = ind(undefined, undefined, { checklistMet: [true, true, false, true] });
    expect(score({ kind: 'checklist', items }, node, 4).score).toBe(3);
  });
  it('deducts per failure, floor 0', () => {
    const node = ind(undefined, undefined, { checklistMet: [false, false, false, true] });
    expect(score({ kind: 'checklist', items, mode: 'deduct', penalty: 1 }, node, 2).score).toBe(0);
    const one = ind(undefined, undefined, { checklistMet: [true, true, false, true] });
    expect(score({ kind: 'checklist', items, mode: 'deduct', penalty: 1 }, one, 4).score).toBe(3);
  });
  it('is not computable without the conditions', () => {
    expect(score({ kind: 'checklist', items }, ind(undefined, undefined), 4).kind).toBe('stated');
  });
});

describe('manual', () => {
  it('keeps the stated score inside [0, W]', () => {
    expect(score({ kind: 'manual' }, ind(undefined, undefined, { score: 3 }), 4).score).toBe(3);
    expect(score({ kind: 'manual' }, ind(undefined, undefined, { score: 5 }), 4)).toMatchObject({
      score: 4,
      notes: ['clamped'],
    });
  });
  it('has nothing to keep without a stated score', () => {
    expect(score({ kind: 'manual' }, ind(undefined, undefined), 4).score).toBeUndefined();
  });
});

describe('auto dispatches on the target', () => {
  it.each([
    ['≥100篇', '201篇', 'positive'],
    ['100%', '100%', 'positive'],
    ['≤100%', '71.58%', 'negative'],
    ['=100%', '100%', 'equal'],
    ['40>Q≥25', '30', 'range'],
    ['2024年12月31日前完成', '完成', 'deadline'],
    ['达成年度指标', '达成年度指标', 'qualitative'],
    ['完成', '已完成', 'done'],
    ['全年24小时值班', '全年24小时值班', 'manual'],
  ])('%s → %s', (target, actual, kind) => {
    expect(score({ kind: 'auto' }, ind(target, actual, { score: 5 }), 5).kind).toBe(kind);
  });
  it('treats a missing target as self-assessed', () => {
    expect(score({ kind: 'auto' }, ind(undefined, undefined, { score: 5 }), 5).kind).toBe('manual');
  });
});

describe('rounding', () => {
  it('rounds to two decimals half-up', () => {
    // 10 × 2/3 = 6.666… → 6.67
    expect(score({ kind: 'positive' }, ind('≥3', '2'), 10).score).toBe(6.67);
    // 5 × 0.9 / 1 … 1.005 × 1 → 1.01 (not 1.00 from float rounding)
    expect(score({ kind: 'positive' }, ind('≥200', '201'), 1.005).score).toBe(1.01);
  });
});

describe('every comparing rule stays within [0, W]', () => {
  it('for any target, actual and weight', () => {
    const value = fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100);
    fc.assert(
      fc.property(
        fc.constantFrom('≥', '≤', '=', ''),
        value,
        value,
        fc.integer({ min: 1, max: 5000 }).map((n) => n / 100),
        fc.constantFrom(
          { kind: 'auto' },
          { kind: 'positive' },
          { kind: 'negative', mode: 'linear' },
          { kind: 'negative', mode: 'inverse' },
          { kind: 'equal' },
        ),
        (cmp, a, b, w, r) => {
          const s = score(r, ind(`${cmp}${a}件`, `${b}件`), w);
          expect(s.kind).not.toBe('stated');
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(w);
        },
      ),
    );
  });
});
