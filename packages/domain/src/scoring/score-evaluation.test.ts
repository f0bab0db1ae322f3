import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gradeFor, scoreEvaluation } from './score-evaluation.ts';
import { parseRulebook } from './parse-rulebook.ts';
import { Evaluation, type EvaluationInput, type IndicatorNode } from '../evaluation.ts';
import { Rulebook, RulebookOptions, type RulebookInput } from '../rulebook.ts';
import { amount } from '../money.ts';
import { parseExpression } from '../parse-expression.ts';
import type { ScoreSheet } from '../score-sheet.ts';

function book(id: string): Rulebook {
  const dir = fileURLToPath(new URL('../../../../rulebooks/', import.meta.url));
  const r = parseRulebook(JSON.parse(readFileSync(`${dir}${id}.json`, 'utf8')));
  if (!r.ok) throw new Error(`${id}: ${JSON.stringify(r.issues)}`);
  return r.rulebook;
}

function evaluation(
  input: Partial<EvaluationInput> & { kind?: 'department' | 'project' },
): Evaluation {
  return Evaluation.parse({
    kind: 'department',
    rulebookId: 'test',
    meta: { unitName: '测试单位', year: 2023 },
    ...input,
  });
}

function funds(budget: string, executed: string): EvaluationInput['funds'] {
  return { total: { budget: amount(budget), executed: amount(executed) } };
}

const node = (sheet: ScoreSheet, name: string) => {
  const n = sheet.nodes.find((x) => x.name === name);
  if (!n) throw new Error(`no node ${name}`);
  return n;
};

/** A leaf as a narrative report states it: weight and score, maybe no weight. */
type Row = [
  name: string,
  weight: number | undefined,
  score: number | undefined,
  extra?: Partial<IndicatorNode>,
];
const leaves = (rows: Row[]): IndicatorNode[] =>
  rows.map(([name, weight, score, extra]) => ({
    name,
    ...(weight === undefined ? {} : { weight }),
    ...(score === undefined ? {} : { score }),
    ...extra,
  }));
const group = (
  name: string,
  weight: number | undefined,
  children: IndicatorNode[],
): IndicatorNode => ({
  name,
  ...(weight === undefined ? {} : { weight }),
  children,
});

/** The 乐昌市政府办 2023 self-evaluation as its report states it (corpus 003). */
const lechang = (): Evaluation =>
  evaluation({
    rulebookId: 'guangdong-department',
    funds: funds('912.96', '912.96'),
    adjustments: [{ name: '巾帼文明岗等', kind: 'bonus', points: 3.5 }],
    stated: { total: 100 },
    indicators: [
      group('（一）预算编制情况（28分）', 28, [
        group(
          '预算编制',
          18,
          leaves([
            ['预算编制合理性', 5, 5],
            ['预算编制规范性', 5, 5],
            ['预算编制规划性', 4, 4],
            ['预算编制科学性', 4, 4],
          ]),
        ),
        group(
          '目标设置',
          10,
          leaves([
            ['绩效目标覆盖率', 2, 2],
            ['绩效目标合理性', 4, 4],
            ['绩效指标明确性', 4, 4],
          ]),
        ),
      ]),
      group('（二）预算执行情况（42分）', 42, [
        group(
          '资金管理',
          22,
          leaves([
            ['部门预算资金支出率', 3, 6],
            ['结转结余率', 3, 3],
            ['国库集中支付结转结余存量资金效率性', 3, 3],
            ['政府采购执行率', 2, 0, { deviationReason: '政府采购预算编制不科学' }],
            ['财务合规性', 4, 4],
            ['资金下达合法性', 3, undefined, { notAssessed: true }],
            ['预决算信息,绩效评价结果公开性', 4, 4],
          ]),
        ),
        group(
          '项目管理',
          7,
          leaves([
            ['项目实施程序', 2, 2],
            ['项目监管', 5, 5],
          ]),
        ),
        group(
          '资产管理',
          7,
          leaves([
            ['资产配置合规性', 2, 2],
            ['资产盘点情况', 2, 2],
            ['固定资产利用率', 3, 3],
          ]),
        ),
        ...leaves([
          ['人员管理', undefined, 2],
          ['制度管理', undefined, 4],
        ]),
      ]),
      group('（三）资金使用效益（30分）', 30, [
        ...leaves([['经济性', undefined, 6]]),
        group(
          '效率性',
          undefined,
          leaves([
            ['重点工作完成率', 3, 3],
            ['绩效目标完成率', 3, 3],
            ['项目完成及时性', 3, 3],
          ]),
        ),
        ...leaves([
          ['效果性', undefined, 10],
          ['公平性', undefined, 5],
        ]),
      ]),
    ],
  });

describe('the 乐昌 case (Guangdong book)', () => {
  const sheet = scoreEvaluation(lechang(), book('guangdong-department'));

  it('moves 资金下达合法性 (3, not assessed) to 部门预算资金支出率, which then scores 6/6', () => {
    expect(node(sheet, '资金下达合法性')).toMatchObject({
      notAssessed: true,
      weight: 0,
      computedScore: 0,
      notes: ['weight-moved-out'],
    });
    expect(node(sheet, '部门预算资金支出率')).toMatchObject({
      ruleId: 'budget-execution.funds.spending-rate',
      statedWeight: 3,
      weight: 6,
      statedScore: 6,
      computedScore: 6,
      ruleKind: 'execution-rate',
      reasonRequired: false,
      notes: ['weight-moved-in'],
    });
    expect(node(sheet, '资金管理')).toMatchObject({ weight: 22, computedScore: 20 });
  });

  it('binds every indicator, numbered and 情况-suffixed names included, and takes book weights', () => {
    expect(sheet.nodes.filter((n) => n.ruleId === undefined)).toEqual([]);
    expect(node(sheet, '（二）预算执行情况（42分）').ruleId).toBe('budget-execution');
    expect(node(sheet, '人员管理')).toMatchObject({
      weight: 2,
      computedScore: 2,
      ruleKind: 'manual',
    });
  });

  it('asks for a reason below the weight and sees the one given', () => {
    expect(node(sheet, '政府采购执行率')).toMatchObject({
      computedScore: 0,
      computedDeduction: 2,
      reasonRequired: true,
      reasonGiven: true,
    });
  });

  it('adds the bonus to 98 and caps the total at 100 (98 + 3.5 → 100)', () => {
    expect(sheet).toMatchObject({
      rulebookId: 'guangdong-department',
      treeTotal: 98,
      bonus: 3.5,
      penalty: 0,
      total: 100,
      capsApplied: ['total-cap'],
      executionRate: 100,
      grade: '优',
      statedTotal: 100,
    });
  });

  it('does not move the weight twice when the report already states 6 for 部门预算资金支出率', () => {
    const e = lechang();
    const spending = e.indicators[1]?.children?.[0]?.children?.[0];
    if (!spending) throw new Error('fixture shape');
    spending.weight = 6;
    const s = scoreEvaluation(e, book('guangdong-department'));
    expect(node(s, '部门预算资金支出率')).toMatchObject({ weight: 6, computedScore: 6 });
    expect(node(s, '资金管理')).toMatchObject({ weight: 22, computedScore: 20 });
  });

  it('lets the report say where the weight went', () => {
    const e = lechang();
    const funds = e.indicators[1]?.children?.[0]?.children?.[5];
    if (!funds) throw new Error('fixture shape');
    funds.weightMovedTo = '结转结余率';
    const s = scoreEvaluation(e, book('guangdong-department'));
    expect(node(s, '结转结余率')).toMatchObject({ weight: 6, notes: ['weight-moved-in'] });
    expect(node(s, '部门预算资金支出率')).toMatchObject({ weight: 3, computedScore: 3 });
  });
});

/** A small book to exercise options: two groups of 50, leaves chosen by the department. */
function smallBook(options: RulebookInput['options'] = {}): Rulebook {
  return Rulebook.parse({
    id: 'small',
    name: '测试指标体系',
    version: '1',
    kind: 'project',
    jurisdiction: '测试',
    confirmed: false,
    sources: [{ title: '测试' }],
    options,
    tree: [
      {
        id: 'execution',
        name: '预算执行率',
        aliases: ['预算执行情况'],
        weight: 10,
        rule: { kind: 'execution-rate' },
      },
      { id: 'output', name: '产出指标', aliases: ['产出'], weight: 50, leafRule: { kind: 'auto' } },
      { id: 'effect', name: '效益指标', weight: 40, leafRule: { kind: 'auto' } },
    ],
  });
}

const q = (
  name: string,
  weight: number,
  target: string,
  actual: string,
  score?: number,
): IndicatorNode => ({
  name,
  weight,
  target: parseExpression(target),
  actual: parseExpression(actual),
  ...(score === undefined ? {} : { score }),
});

function smallEvaluation(over: Partial<EvaluationInput> = {}): Evaluation {
  return evaluation({
    kind: 'project',
    projectName: '测试项目',
    rulebookId: 'small',
    funds: funds('100', '100'),
    indicators: [
      { name: '一、预算执行情况', weight: 10, score: 10 },
      group('二、产出指标', 50, [
        q('培训人次', 20, '≥100人次', '100人次', 20),
        q('验收合格率', 20, '=100%', '100%', 20),
        { ...q('完成时间', 10, '2023年12月31日前完成', '2023-12-31', 10) },
      ]),
      group('三、效益指标', 40, [
        q('受益人数', 20, '≥1000人', '1000人', 20),
        q('群众满意度', 20, '≥90%', '95%', 20),
      ]),
    ],
    ...over,
  });
}

describe('scoreEvaluation on a small book', () => {
  it('scores the narrative 预算执行率 node by its own rule and sums the groups', () => {
    const sheet = scoreEvaluation(smallEvaluation({ funds: funds('100', '95') }), smallBook());
    expect(node(sheet, '一、预算执行情况')).toMatchObject({
      ruleId: 'execution',
      isLeaf: true,
      computedScore: 9.5,
      ruleKind: 'execution-rate',
      reasonRequired: false,
      reasonGiven: false,
    });
    expect(node(sheet, '二、产出指标')).toMatchObject({
      ruleId: 'output',
      ruleKind: 'sum',
      computedScore: 50,
    });
    expect(sheet.treeTotal).toBe(99.5);
    expect(sheet.executionRate).toBe(95);
  });

  it('computes what a report states wrongly: a missed target with full marks', () => {
    const e = smallEvaluation();
    const output = e.indicators[1]?.children;
    if (!output) throw new Error('fixture shape');
    output[0] = q('培训人次', 20, '≥100人次', '80人次', 20);
    const sheet = scoreEvaluation(e, smallBook());
    expect(node(sheet, '培训人次')).toMatchObject({
      statedScore: 20,
      computedScore: 16,
      computedDeduction: 4,
      ruleKind: 'positive',
      reasonRequired: true,
    });
    expect(node(sheet, '二、产出指标').computedScore).toBe(46);
    expect(sheet.treeTotal).toBe(96);
  });

  it('binds by ruleRef before name and by position when names do not match', () => {
    const e = smallEvaluation();
    const [, output, effect] = e.indicators;
    if (!output || !effect) throw new Error('fixture shape');
    output.name = '其他名称';
    effect.name = '完全不同';
    effect.ruleRef = 'effect';
    const sheet = scoreEvaluation(e, smallBook());
    expect(node(sheet, '其他名称').ruleId).toBe('output');
    expect(node(sheet, '完全不同').ruleId).toBe('effect');
  });

  it('does not bind a department leaf by position to a book node with a specific rule', () => {
    const e = evaluation({
      rulebookId: 'hunan-department',
      indicators: [
        group('产出指标', 50, [
          group('成本指标', 10, [
            q('三公经费控制率', 5, '≤100%', '71.58%', 5),
            q('公用经费控制率', 5, '≤100%', '100%', 5),
          ]),
        ]),
      ],
    });
    const sheet = scoreEvaluation(e, book('hunan-department'));
    expect(node(sheet, '公用经费控制率')).toMatchObject({ ruleKind: 'negative', computedScore: 5 });
    expect(node(sheet, '公用经费控制率').ruleId).toBeUndefined();
  });

  it('gives unbound indicators a stated score node', () => {
    const e = smallEvaluation();
    e.indicators.push({ name: '额外指标', weight: 5, score: 4 });
    const sheet = scoreEvaluation(e, smallBook());
    expect(node(sheet, '额外指标')).toMatchObject({
      ruleKind: 'stated',
      computedScore: 4,
      notes: ['unbound'],
      level: 1,
      path: 'indicators[3]',
    });
  });

  it('rescales the assessed siblings when the book drops not-assessed weight', () => {
    const e = smallEvaluation();
    const effect = e.indicators[2]?.children;
    if (!effect) throw new Error('fixture shape');
    effect[0] = { name: '受益人数', weight: 20, notAssessed: true };
    const sheet = scoreEvaluation(e, smallBook({ notApplicable: { mode: 'rescale' } }));
    expect(node(sheet, '受益人数')).toMatchObject({ weight: 0, notes: ['weight-rescaled-out'] });
    expect(node(sheet, '群众满意度')).toMatchObject({
      weight: 40,
      computedScore: 40,
      notes: ['weight-rescaled'],
    });
    expect(node(sheet, '三、效益指标')).toMatchObject({ weight: 40, computedScore: 40 });
    expect(sheet.treeTotal).toBe(100);
  });

  it('rescales the whole level above when a group loses every child', () => {
    const e = smallEvaluation();
    const effect = e.indicators[2];
    if (!effect?.children) throw new Error('fixture shape');
    for (const c of effect.children) c.notAssessed = true;
    const sheet = scoreEvaluation(e, smallBook());
    // 效益 (40) drops out: 预算执行率 10 and 产出 50 grow by 100/60.
    expect(node(sheet, '三、效益指标')).toMatchObject({ weight: 0, computedScore: 0 });
    expect(node(sheet, '一、预算执行情况')).toMatchObject({ weight: 16.67, computedScore: 16.67 });
    expect(node(sheet, '二、产出指标').weight).toBe(83.33);
    expect(node(sheet, '培训人次')).toMatchObject({ weight: 33.33, computedScore: 33.33 });
    expect(sheet.treeTotal).toBe(100);
  });

  it('keeps the top level at 100 whatever is not assessed (rescale), and full marks at 100', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (flags) => {
        const e = smallEvaluation();
        const leavesOf = e.indicators.slice(1).flatMap((g) => g.children ?? []);
        leavesOf.forEach((leaf, i) => {
          if (flags[i]) leaf.notAssessed = true;
        });
        const sheet = scoreEvaluation(e, smallBook());
        const top = sheet.nodes.filter((n) => n.level === 1);
        const weights = top.reduce((sum, n) => sum + (n.weight ?? 0), 0);
        expect(Math.abs(weights - 100)).toBeLessThanOrEqual(0.02);
        expect(Math.abs(sheet.treeTotal - 100)).toBeLessThanOrEqual(0.05);
      }),
    );
  });

  it('applies a bonus cap and a penalty', () => {
    const e = smallEvaluation({
      adjustments: [
        { name: '表彰', kind: 'bonus', points: 2 },
        { name: '表彰', kind: 'bonus', points: 1.5 },
        { name: '通报', kind: 'penalty', points: 1 },
      ],
    });
    const sheet = scoreEvaluation(e, smallBook({ bonusCap: 2 }));
    expect(sheet).toMatchObject({ bonus: 2, penalty: 1, total: 101, capsApplied: ['bonus-cap'] });
  });

  describe('caps the total by the execution rate', () => {
    const caps = [
      { below: 80, cap: 89 },
      { below: 70, cap: 79 },
      { below: 60, cap: 69 },
      { below: 50, cap: 59 },
    ];
    it.each([
      ['80', 90, []],
      ['79.99', 89, ['execution-cap:80']],
      ['70', 89, ['execution-cap:80']],
      ['65', 79, ['execution-cap:70']],
      ['55', 69, ['execution-cap:60']],
      ['49.99', 59, ['execution-cap:50']],
    ])('at %s%% executed', (executed, total, applied) => {
      const e = smallEvaluation({
        funds: funds('100', executed),
        adjustments: [{ name: '表彰', kind: 'bonus', points: 100 }],
      });
      const sheet = scoreEvaluation(e, smallBook({ totalCaps: caps, totalCap: 90 }));
      expect(sheet.total).toBe(total);
      expect(sheet.capsApplied.filter((c) => c.startsWith('execution'))).toEqual(applied);
    });
  });

  it('gives no grade when the book has none, and copies what the report states', () => {
    const e = smallEvaluation({ stated: { total: 99, grade: '优' } });
    const sheet = scoreEvaluation(e, smallBook({ grades: null }));
    expect(sheet).toMatchObject({ grade: null, statedTotal: 99, statedGrade: '优' });
  });

  it('scores a 100-indicator evaluation, every node (its speed: npm run bench:score)', () => {
    const e = smallEvaluation();
    const many: IndicatorNode[] = [];
    for (let i = 0; i < 100; i++) {
      many.push(q(`指标${i}`, 0.5, i % 2 ? '≥100件' : '≤100%', i % 3 ? '98件' : '90%', 0.5));
    }
    const output = e.indicators[1];
    if (!output) throw new Error('fixture shape');
    output.children = many;
    const sheet = scoreEvaluation(e, smallBook());
    expect(sheet.nodes).toHaveLength(105);
    // Every one of the 100 leaves gets a computed score by its rule.
    const leaves = sheet.nodes.filter((n) => n.name.startsWith('指标'));
    expect(leaves).toHaveLength(100);
    expect(leaves.every((n) => n.computedScore !== undefined)).toBe(true);
  });
});

describe('binding reports that lost or flattened a level', () => {
  it('finds 产出指标 at the top of a 四川 table without the 绩效指标 wrapper', () => {
    const e = evaluation({
      kind: 'project',
      projectName: '供水工程',
      rulebookId: 'sichuan-project',
      funds: funds('200', '170'),
      indicators: [
        { name: '预算执行', weight: 10, score: 8.5 },
        group('产出指标', 50, [
          group('数量指标', 50, [q('新建管网', 50, '≥10公里', '10公里', 50)]),
        ]),
      ],
    });
    const sheet = scoreEvaluation(e, book('sichuan-project'));
    expect(node(sheet, '产出指标').ruleId).toBe('indicators.output');
    expect(node(sheet, '数量指标').ruleId).toBe('indicators.output.quantity');
    // 85% is below the 90% the 四川 book names: a reason is required even at the right score.
    expect(node(sheet, '预算执行')).toMatchObject({
      ruleId: 'execution',
      computedScore: 8.5,
      notes: ['execution-below-threshold'],
      reasonRequired: true,
    });
  });

  it('gives an only leaf without a weight its group’s weight (怀化 tables)', () => {
    const e = evaluation({
      rulebookId: 'huaihua-department',
      indicators: [
        group('（2）成本指标', 20, [
          {
            name: '1、经济成本指标',
            weight: 10,
            score: 10,
            children: [q('预算成本完成率', 0, '≤100%', '100%')],
          },
        ]),
      ],
    });
    const only = e.indicators[0]?.children?.[0]?.children?.[0];
    if (!only) throw new Error('fixture shape');
    delete only.weight;
    const sheet = scoreEvaluation(e, book('huaihua-department'));
    expect(node(sheet, '预算成本完成率')).toMatchObject({
      weight: 10,
      computedScore: 10,
      ruleKind: 'negative',
    });
    expect(node(sheet, '1、经济成本指标')).toMatchObject({
      ruleId: 'cost.economic',
      computedScore: 10,
    });
  });

  it('keeps the stated score of a book group the report gives without children', () => {
    const e = evaluation({
      rulebookId: 'huaihua-department',
      indicators: [{ name: '（五）满意度指标（分值10分，得10分，未扣分）', weight: 10, score: 10 }],
    });
    const sheet = scoreEvaluation(e, book('huaihua-department'));
    expect(sheet.nodes[0]).toMatchObject({
      ruleId: 'satisfaction',
      isLeaf: true,
      ruleKind: 'stated',
      computedScore: 10,
      notes: ['no-rule'],
    });
  });
});

describe('grades at their boundaries (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差)', () => {
  const grades = RulebookOptions.parse({}).grades;
  it.each([
    [100, '优'],
    [90, '优'],
    [89.99, '良'],
    [80, '良'],
    [79.99, '中'],
    [60, '中'],
    [59.99, '差'],
    [0, '差'],
  ])('%d is %s', (total, grade) => {
    expect(gradeFor(total, grades)).toBe(grade);
  });
  it('is null without grades', () => {
    expect(gradeFor(95, null)).toBeNull();
  });
});

describe('the Hunan book on the 雁峰区 figures (corpus 000)', () => {
  it('scores 预算执行率 at 100% as 10 where the report gave 8, and sums 数量指标 leaves to 19', () => {
    const e = evaluation({
      rulebookId: 'hunan-department',
      funds: funds('3385.52', '3385.52'),
      indicators: [
        { name: '(一)预算执行率', weight: 10, score: 8 },
        group('(二)产出指标', 50, [
          group('1、数量指标', 20, [
            { ...q('⑴人大代表建议和政协提案办理', 5, '138件', '138万件', 5) },
            { ...q('⑵毒情大排查', 4, '1次', '完成', 4) },
            { ...q('⑶值班值守工作', 5, '全年24小时值班', '全年24小时值班个', 5) },
            { ...q('⑷督办督查转交办结率', 5, '100%', '100%', 5) },
          ]),
        ]),
      ],
    });
    const sheet = scoreEvaluation(e, book('hunan-department'));
    expect(node(sheet, '(一)预算执行率')).toMatchObject({
      ruleId: 'execution',
      statedScore: 8,
      computedScore: 10,
    });
    expect(node(sheet, '1、数量指标')).toMatchObject({
      ruleId: 'output.quantity',
      computedScore: 19,
    });
    expect(node(sheet, '⑶值班值守工作').ruleKind).toBe('manual');
    expect(node(sheet, '⑵毒情大排查').ruleKind).toBe('positive');
  });
});
