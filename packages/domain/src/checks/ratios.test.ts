import { describe, expect, it } from 'vitest';
import { amount } from '../money.ts';
import { percent } from '../ratio.ts';
import { checkDepartmentRatios, checkFundRatios } from './ratios.ts';
import { clean } from './test-support.ts';

describe('ratio checks', () => {
  it('are silent when every stated percentage agrees with its amounts', () => {
    const e = clean();
    expect([...checkFundRatios(e), ...checkDepartmentRatios(e)]).toEqual([]);
  });

  it('report a project share computed against the wrong whole (12% for 8.37%)', () => {
    const e = clean();
    e.projectExpenditure.actual = amount('904.93');
    e.projectExpenditure.projects = [
      { name: '治超交通经费', actual: amount('75.71'), statedShare: percent('12%') },
      { name: '重点民生实事', actual: amount('36.17'), statedShare: percent('4.00%') },
    ];
    const findings = checkDepartmentRatios(e).filter((f) => f.path.includes('projects'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'RATIO_SHARE',
      category: 'ratio',
      severity: 'error',
      path: 'projectExpenditure.projects[0].statedShare',
      stated: '12%',
      expected: '8.37%',
    });
    expect(findings[0]?.message).toBe(
      '治超交通经费75.71万元占项目支出904.93万元的比例应为8.37%，报告填写12%',
    );
  });

  it('take shares of 人员经费 and 公用经费 against 基本支出 actual', () => {
    const e = clean();
    e.basicExpenditure.personnel = { amount: amount('560.00'), statedShare: percent('56.00%') };
    const [f] = checkDepartmentRatios(e);
    expect(f).toMatchObject({ stated: '56.00%', expected: '80.00%' });
  });

  it('note a truncated execution rate (97.06% for 97.0687%) as info only', () => {
    const e = clean();
    e.funds.total = {
      ...e.funds.total,
      budget: amount('3915.98'),
      executed: amount('3801.19'),
      statedRate: percent('97.06%'),
    };
    const findings = checkFundRatios(e);
    expect(findings.map((f) => [f.code, f.severity, f.stated, f.expected])).toEqual([
      ['RATIO_ROUNDING_STYLE', 'info', '97.06%', '97.07%'],
    ]);
  });

  it('accept an 执行率 over 100% written capped at 100% with a note, and no other figure for it', () => {
    const e = clean();
    const over = (rate: string): void => {
      e.funds.total = {
        ...e.funds.total,
        budget: amount('318.00'),
        executed: amount('320.50'),
        statedRate: percent(rate),
      };
    };
    over('100.00%');
    const capped = checkFundRatios(e);
    expect(capped.map((f) => [f.code, f.category, f.severity, f.expected])).toEqual([
      ['RATIO_CAPPED_OVER_BUDGET', 'ratio', 'info', '100.79%'],
    ]);
    expect(capped[0]?.message).toBe(
      '年度资金总额执行数320.50万元超过预算数318.00万元（执行率100.79%），报告按100.00%封顶填写，请核实超预算执行的原因',
    );
    over('99.00%');
    expect(checkFundRatios(e).map((f) => [f.code, f.expected])).toEqual([
      ['RATIO_COMPLETION', '100.79%'],
    ]);
  });

  it('accept a percentage off by rounding of its inputs', () => {
    const e = clean();
    // 1/3 stated as 33.34%: within one unit of the last written place
    e.basicExpenditure.budget = amount('300.00');
    e.basicExpenditure.actual = amount('100.00');
    e.basicExpenditure.statedCompletion = percent('33.34%');
    e.basicExpenditure.personnel = undefined;
    e.basicExpenditure.publicFunds = undefined;
    expect(checkDepartmentRatios(e)).toEqual([]);
  });

  it('report a wrong completion rate and a wrong staffing control rate', () => {
    const e = clean();
    e.basicExpenditure.statedCompletion = percent('98%');
    e.staffing.statedControlRate = percent('90.00%');
    const codes = checkDepartmentRatios(e).map((f) => [f.code, f.path, f.expected]);
    expect(codes).toEqual([
      ['RATIO_COMPLETION', 'basicExpenditure.statedCompletion', '100.00%'],
      ['RATIO_CONTROL_RATE', 'staffing.statedControlRate', '95.00%'],
    ]);
  });

  it('hold a stated 资金到位率 against 资金到位数 ÷ 全年预算数, and leave a right one alone', () => {
    const e = clean();
    e.funds.sources = [
      {
        name: '省级资金',
        budget: amount('300.00'),
        received: amount('270.00'),
        statedReceivedRate: percent('100.00%'),
      },
      {
        name: '县级资金',
        budget: amount('180.00'),
        received: amount('180.00'),
        statedReceivedRate: percent('100.00%'),
      },
    ];
    const found = checkFundRatios(e).map((f) => [f.code, f.path, f.expected]);
    expect(found).toEqual([['RATIO_CONTROL_RATE', 'funds.sources.0.statedReceivedRate', '90.00%']]);
  });
});
