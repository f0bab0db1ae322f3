import { describe, expect, it } from 'vitest';
import type { DepartmentEvaluation } from '../evaluation.ts';
import { amount } from '../money.ts';
import { percent } from '../ratio.ts';
import { checkPlausibility } from './plausibility.ts';
import { clean } from './test-support.ts';

function paragraph(e: DepartmentEvaluation, text: string): void {
  e.chapters.push({ key: 'performance', title: '部门整体支出绩效情况', paragraphs: [text] });
}

describe('implausible', () => {
  it('is silent on ordinary figures', () => {
    const e = clean();
    paragraph(e, '全年发放宣传手册5000本，罚没收入约27.3万元。');
    expect(checkPlausibility(e)).toEqual([]);
  });

  it('warns on a figure far beyond the annual budget (处罚金额约273000万元)', () => {
    const e = clean();
    paragraph(e, '查获超限超载车辆49台，处罚金额约273000万元。');
    const findings = checkPlausibility(e);
    expect(findings.map((f) => [f.code, f.category, f.severity, f.stated])).toEqual([
      ['IMPLAUSIBLE_MAGNITUDE', 'implausible', 'warning', '273000万元'],
    ]);
    expect(findings[0]?.params['factor']).toBe(273);
  });

  it('reads the budget’s own digits in 万元, where the budget is in 元, as a 元/万元 slip', () => {
    const e = clean();
    e.funds.total = { ...e.funds.total, budget: amount('2360000.00', '元') };
    paragraph(e, '项目全年预算2,360,000.00万元，全部为州级财政资金。');
    expect(checkPlausibility(e).map((f) => [f.code, f.category, f.stated, f.expected])).toEqual([
      ['UNIT_BUDGET_AS_WAN', 'unit', '2,360,000.00万元', '2360000.00元'],
    ]);
    // Other digits far beyond the budget are still an implausible magnitude.
    const other = clean();
    other.funds.total = { ...other.funds.total, budget: amount('2360000.00', '元') };
    paragraph(other, '项目全年预算3,360,000.00万元，全部为州级财政资金。');
    expect(checkPlausibility(other).map((f) => f.code)).toEqual(['IMPLAUSIBLE_MAGNITUDE']);
  });

  it('measures by the total’s 执行数 where its 全年预算数 is a hundredth of it (a misread row)', () => {
    const e = clean();
    e.funds.total = {
      ...e.funds.total,
      budget: amount('0.0046'),
      executed: amount('461.73'),
    };
    paragraph(e, '每公里建设成本43.6万元，低于≤45万元的标准。');
    expect(checkPlausibility(e)).toEqual([]);
    // A budget of its own scale is still the yardstick.
    const small = clean();
    small.funds.total = {
      ...small.funds.total,
      initialBudget: amount('4.60'),
      budget: amount('4.60'),
      executed: amount('4.50'),
    };
    paragraph(small, '全年支付工程款43,600万元。');
    expect(checkPlausibility(small).map((f) => `${f.code} ${f.stated}`)).toContain(
      'IMPLAUSIBLE_MAGNITUDE 43,600万元',
    );
  });

  it('leaves region-wide economic figures alone', () => {
    const e = clean();
    paragraph(e, '全区实现地区生产总值300亿元。');
    expect(checkPlausibility(e)).toEqual([]);
  });

  it("leaves a 自治州's tourism figures alone", () => {
    const e = clean();
    paragraph(e, '全年接待游客超4,800万人次，实现旅游收入近520亿元。');
    expect(checkPlausibility(e)).toEqual([]);
    const region = clean();
    paragraph(region, '全州新增市场主体1.2万户，实现营业额520亿元。');
    expect(checkPlausibility(region)).toEqual([]);
  });

  it('leaves money others recovered or gained through the work alone', () => {
    const e = clean();
    paragraph(e, '通过法律援助为困难群众挽回经济损失273000万元。');
    expect(checkPlausibility(e)).toEqual([]);
    const spent = clean();
    paragraph(spent, '通过法律援助为困难群众支付办案补贴273000万元。');
    expect(checkPlausibility(spent).map((f) => f.code)).toEqual(['IMPLAUSIBLE_MAGNITUDE']);
  });

  it('leaves money the unit collects or lends for others alone', () => {
    const e = clean();
    paragraph(e, '中心住房公积金归集额86.42亿元，发放个人住房贷款49.36亿元。');
    expect(checkPlausibility(e)).toEqual([]);
    const spent = clean();
    paragraph(spent, '中心支付信息系统运维费86.42亿元。');
    expect(checkPlausibility(spent).map((f) => f.code)).toEqual(['IMPLAUSIBLE_MAGNITUDE']);
  });

  it('reports negative amounts and shares over 100%', () => {
    const e = clean();
    e.basicExpenditure.personnel = { amount: amount('-5.00') };
    e.projectExpenditure.projects.push({ name: '新项目', statedShare: percent('120%') });
    expect(checkPlausibility(e).map((f) => [f.code, f.severity, f.stated])).toEqual([
      ['IMPLAUSIBLE_NEGATIVE', 'error', '-5.00'],
      ['IMPLAUSIBLE_SHARE', 'error', '120%'],
    ]);
  });
});

describe('rates that cannot pass 100%', () => {
  const satisfaction = (e: DepartmentEvaluation) => {
    const node = e.indicators[3]?.children?.[0]?.children?.[0];
    if (!node) throw new Error('the fixture lost its satisfaction row');
    return node;
  };

  it('warns on a satisfaction done above 100%', () => {
    const e = clean();
    satisfaction(e).actual = { kind: 'quantity', text: '105%', value: 105, unit: '%' };
    expect(
      checkPlausibility(e).map((f) => [f.code, f.category, f.severity, f.stated, f.path]),
    ).toEqual([
      [
        'IMPLAUSIBLE_RATE',
        'implausible',
        'warning',
        '105%',
        'indicators[3].children[0].children[0].actual',
      ],
    ]);
  });

  it('leaves a rise, a completion and a rate of 100% alone', () => {
    for (const [name, value] of [
      ['社会公众或服务对象满意度', 100],
      ['满意度较上年提高率', 120],
      ['年度任务完成率', 108],
    ] as const) {
      const e = clean();
      const node = satisfaction(e);
      node.name = name;
      node.actual = { kind: 'quantity', text: `${value}%`, value, unit: '%' };
      expect(checkPlausibility(e), name).toEqual([]);
    }
  });
});
