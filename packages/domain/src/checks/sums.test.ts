import { describe, expect, it } from 'vitest';
import { amount } from '../money.ts';
import { checkBaseDataSums, checkExpenditureSums, checkFundSums } from './sums.ts';
import { clean } from './test-support.ts';

describe('fund block sums', () => {
  it('is silent when the total equals its parts', () => {
    expect(checkFundSums(clean())).toEqual([]);
  });

  it('reports a total that differs from 基本 + 项目 as an error citing both figures', () => {
    const e = clean();
    e.funds.total = { ...e.funds.total, executed: amount('3385.52') };
    e.funds.generalPublic = { ...e.funds.generalPublic, executed: amount('3385.52') };
    e.funds.basic = { ...e.funds.basic, executed: amount('2477.1') };
    e.funds.project = { ...e.funds.project, executed: amount('904.93') };
    const [f, ...rest] = checkFundSums(e);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      code: 'SUM_FUND_TOTAL',
      category: 'sum',
      severity: 'error',
      path: 'funds.total.executed',
      stated: '3385.52',
      expected: '3382.03',
    });
    expect(f?.message).toBe(
      '年度资金总额（按支出类别）全年执行数合计应为3382.03万元（基本支出2477.10 + 项目支出904.93），报告填写3385.52万元，相差3.49万元',
    );
  });

  it('treats a difference of one step (0.01 万元) as rounding: info', () => {
    const e = clean();
    e.funds.total = { ...e.funds.total, executed: amount('912.96') };
    e.funds.generalPublic = { ...e.funds.generalPublic, executed: amount('912.96') };
    e.funds.basic = { ...e.funds.basic, executed: amount('795.87') };
    e.funds.project = { ...e.funds.project, executed: amount('117.10') };
    const findings = checkFundSums(e);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', stated: '912.96', expected: '912.97' });
    expect(findings[0]?.message).toContain('四舍五入');
  });

  it('says nothing of a difference that reads 0.00 万元 (parts kept to the 元)', () => {
    const e = clean();
    e.funds.total = { ...e.funds.total, executed: amount('912.97') };
    e.funds.generalPublic = { ...e.funds.generalPublic, executed: amount('912.97') };
    e.funds.basic = { ...e.funds.basic, executed: amount('795.8735') };
    e.funds.project = { ...e.funds.project, executed: amount('117.0999') };
    expect(checkFundSums(e)).toEqual([]);
  });

  it('compares the total with its income rows too', () => {
    const e = clean();
    e.funds.generalPublic = { ...e.funds.generalPublic, budget: amount('990.00') };
    e.funds.governmentFund = { budget: amount('0.00') };
    const findings = checkFundSums(e);
    expect(findings.map((f) => [f.path, f.severity, f.params['label']])).toEqual([
      ['funds.total.budget', 'error', '年度资金总额（按资金来源）'],
    ]);
  });
});

describe('expenditure sums', () => {
  it('is silent on the clean evaluation', () => {
    expect(checkExpenditureSums(clean())).toEqual([]);
  });

  it('reports 基本支出 that is not 人员 + 公用', () => {
    const e = clean();
    e.basicExpenditure.publicFunds = { amount: amount('150.00') };
    const findings = checkExpenditureSums(e);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'SUM_EXPENDITURE_SPLIT',
      severity: 'error',
      stated: '700.00',
      expected: '710.00',
    });
  });

  it('compares project lines only when the stated count says the list is complete', () => {
    const e = clean();
    const first = e.projectExpenditure.projects[0];
    if (!first) throw new Error('fixture has projects');
    first.actual = amount('160.00');
    expect(checkExpenditureSums(e).map((f) => f.code)).toEqual(['SUM_PROJECT_LINES']);
    e.projectExpenditure.statedCount = 5; // "项目共5项" but three listed: a partial list
    expect(checkExpenditureSums(e)).toEqual([]);
  });
});

describe('base data sums', () => {
  it('is silent on the clean base data', () => {
    expect(checkBaseDataSums(clean().baseData)).toEqual([]);
  });

  it('reports 三公 ≠ 车辆 + 出国 + 接待 and 车辆 ≠ 购置 + 运行', () => {
    const e = clean();
    const b = e.baseData;
    if (!b) throw new Error('fixture has base data');
    b.threePublic = { ...b.threePublic, actual: amount('6.50') };
    b.vehicleOperation = { ...b.vehicleOperation, actual: amount('2.00') };
    const codes = checkBaseDataSums(b).map((f) => `${f.code} ${f.path} ${f.severity}`);
    expect(codes).toEqual([
      'SUM_THREE_PUBLIC baseData.threePublic.actual error',
      'SUM_VEHICLES baseData.vehicles.actual error',
    ]);
  });

  it('warns when the listed 公用经费 items exceed 公用经费, not when they fall short', () => {
    const e = clean();
    const b = e.baseData;
    if (!b) throw new Error('fixture has base data');
    b.publicFunds = { actual: amount('10.00') };
    b.office = { actual: amount('4.00') };
    b.utilitiesTravel = { actual: amount('3.00') };
    b.meetingsTraining = { actual: amount('1.00') };
    expect(checkBaseDataSums(b)).toEqual([]);
    b.utilitiesTravel = { actual: amount('8.00') };
    const findings = checkBaseDataSums(b);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['SUM_PUBLIC_FUNDS_ITEMS', 'warning'],
    ]);
  });
});
