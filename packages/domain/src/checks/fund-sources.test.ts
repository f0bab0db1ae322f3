import { describe, expect, it } from 'vitest';
import { amount } from '../money.ts';
import { percent } from '../ratio.ts';
import type { Funds } from '../evaluation.ts';
import { checkFundRatios } from './ratios.ts';
import { checkFundSums } from './sums.ts';
import { clean } from './test-support.ts';

/** The clean evaluation with only the fund block given. */
function withFunds(funds: Funds) {
  const e = clean();
  e.funds = funds;
  return e;
}

describe('fund source rows of other names (中央补助, 地方资金, 衔接资金)', () => {
  it('sums the named sources against the total when no fixed income row is stated', () => {
    const e = withFunds({
      total: { budget: amount('1500.00'), executed: amount('1380.00') },
      sources: [
        { name: '中央补助', budget: amount('1200.00'), executed: amount('1140.00') },
        { name: '地方资金', budget: amount('200.00'), executed: amount('190.00') },
      ],
    });
    const found = checkFundSums(e);
    expect(found.map((f) => [f.code, f.severity, f.stated, f.expected])).toEqual([
      ['SUM_FUND_TOTAL', 'error', '1500.00', '1400.00'],
      ['SUM_FUND_TOTAL', 'error', '1380.00', '1330.00'],
    ]);
    expect(found[0]?.message).toContain('中央补助1200.00 + 地方资金200.00');
  });

  it('is silent when the sources add up', () => {
    const e = withFunds({
      total: { budget: amount('1400.00') },
      sources: [
        { name: '中央补助', budget: amount('1200.00') },
        { name: '地方资金', budget: amount('200.00') },
      ],
    });
    expect(checkFundSums(e)).toEqual([]);
  });

  it('takes sources beside fixed rows that already make the total for a breakdown, not parts', () => {
    const e = withFunds({
      total: { budget: amount('450.00') },
      currentAppropriation: { budget: amount('450.00') },
      sources: [{ name: '省级资金', budget: amount('450.00') }],
    });
    expect(checkFundSums(e)).toEqual([]);
  });

  it('checks each source row’s 执行率 against its own amounts', () => {
    const e = withFunds({
      total: {
        budget: amount('1000.00'),
        executed: amount('900.00'),
        statedRate: percent('90.00%'),
      },
      sources: [
        {
          name: '中央衔接资金',
          budget: amount('680.00'),
          executed: amount('612.00'),
          statedRate: percent('92.00%'),
        },
        {
          name: '市级衔接资金',
          budget: amount('320.00'),
          executed: amount('288.00'),
          statedRate: percent('90.00%'),
        },
      ],
    });
    const found = checkFundRatios(e);
    expect(found.map((f) => [f.code, f.path, f.stated, f.expected])).toEqual([
      ['RATIO_COMPLETION', 'funds.sources.0.statedRate', '92.00%', '90.00%'],
    ]);
    expect(found[0]?.message).toContain('中央衔接资金');
  });
});

describe('a part written in 元 under a 万元 header', () => {
  it('is a unit finding, and the sum is checked with the part as meant', () => {
    const e = withFunds({
      total: { budget: amount('86.50') },
      currentAppropriation: { budget: amount('865000') },
    });
    const found = checkFundSums(e);
    expect(found.map((f) => [f.code, f.category, f.severity, f.stated, f.expected])).toEqual([
      ['UNIT_FUND_YUAN', 'unit', 'error', '865000', '86.50'],
    ]);
    expect(found[0]?.message).toContain('疑似以元填写');
  });

  it('checks the row’s 执行率 with the part as meant, not read in 万元', () => {
    const e = withFunds({
      total: { budget: amount('1350.00'), executed: amount('1296.00') },
      currentAppropriation: { budget: amount('1200.00'), executed: amount('1152.00') },
      carryOver: {
        budget: amount('150.00'),
        executed: amount('1440000.00'),
        statedRate: percent('96.00%'),
      },
    });
    expect(checkFundRatios(e)).toEqual([]);
    e.funds.carryOver = { ...e.funds.carryOver, statedRate: percent('98.00%') };
    expect(checkFundRatios(e).map((f) => [f.code, f.stated, f.expected])).toEqual([
      ['RATIO_COMPLETION', '98.00%', '96.00%'],
    ]);
  });

  it('leaves a part merely larger than the total to the sum check', () => {
    const e = withFunds({
      total: { budget: amount('86.50') },
      currentAppropriation: { budget: amount('96.50') },
    });
    expect(checkFundSums(e).map((f) => f.code)).toEqual(['SUM_FUND_TOTAL']);
  });
});

describe('年度资金总额 written in 元 under a 万元 header', () => {
  const slipped = (): Funds => ({
    total: {
      initialBudget: amount('860.00'),
      budget: amount('8600000.00'),
      executed: amount('842.80'),
      statedRate: percent('98.00%'),
    },
    currentAppropriation: { budget: amount('800.00'), executed: amount('785.20') },
    other: { budget: amount('60.00'), executed: amount('57.60') },
  });

  it('is one unit finding, not a sum that fails and a rate of 0.01%', () => {
    const e = withFunds(slipped());
    const found = [...checkFundSums(e), ...checkFundRatios(e)];
    expect(found.map((f) => [f.code, f.category, f.severity, f.stated, f.expected])).toEqual([
      ['UNIT_FUND_TOTAL_YUAN', 'unit', 'error', '8600000.00', '860.00'],
    ]);
    expect(found[0]?.message).toBe(
      '“年度资金总额”全年预算数填写8600000.00，按表头的万元计是其各项合计860.00万元的一万倍，疑似以元填写',
    );
  });

  it('checks the total’s 执行率 against the total as meant', () => {
    const funds = slipped();
    const e = withFunds({ ...funds, total: { ...funds.total, statedRate: percent('97.00%') } });
    expect(checkFundRatios(e).map((f) => [f.code, f.stated, f.expected])).toEqual([
      ['RATIO_COMPLETION', '97.00%', '98.00%'],
    ]);
  });

  it('is no slip when the total divided down is not what its parts make', () => {
    const funds = slipped();
    const e = withFunds({ ...funds, total: { ...funds.total, budget: amount('8700000.00') } });
    expect(checkFundSums(e).map((f) => f.code)).toEqual(['SUM_FUND_TOTAL']);
  });
});

describe('income rows that cannot be the whole of the total', () => {
  it('says nothing when the only income rows stated are zero', () => {
    const e = withFunds({
      total: { budget: amount('1520.60') },
      governmentFund: { budget: amount('0.00') },
    });
    expect(checkFundSums(e)).toEqual([]);
  });

  it('warns when a lone income row falls short of the total, and errs when it exceeds it', () => {
    const short = withFunds({
      total: { budget: amount('874.00') },
      currentAppropriation: { budget: amount('820.00') },
    });
    expect(checkFundSums(short).map((f) => [f.code, f.severity])).toEqual([
      ['SUM_FUND_TOTAL', 'warning'],
    ]);
    const two = withFunds({
      total: { budget: amount('874.00') },
      currentAppropriation: { budget: amount('820.00') },
      carryOver: { budget: amount('0.00') },
    });
    expect(checkFundSums(two).map((f) => [f.code, f.severity])).toEqual([
      ['SUM_FUND_TOTAL', 'error'],
    ]);
  });
});

describe('fund rows by place (分地区)', () => {
  it('sums the places against the total, apart from the sources by income', () => {
    const e = withFunds({
      total: { budget: amount('1000.00'), executed: amount('950.00') },
      sources: [
        { name: '中央资金', budget: amount('700.00'), executed: amount('660.00') },
        { name: '地方资金', budget: amount('300.00'), executed: amount('290.00') },
      ],
      regions: [
        { name: '甲县', budget: amount('600.00'), executed: amount('580.00') },
        { name: '乙县', budget: amount('400.00'), executed: amount('380.00') },
      ],
    });
    const found = checkFundSums(e);
    expect(found.map((f) => [f.code, f.path, f.stated, f.expected])).toEqual([
      ['SUM_FUND_TOTAL', 'funds.total.executed', '950.00', '960.00'],
    ]);
    expect(found[0]?.message).toContain('分地区');
  });

  it('checks a place’s 执行率 against its own amounts', () => {
    const e = withFunds({
      total: { budget: amount('1000.00'), executed: amount('900.00') },
      regions: [
        {
          name: '甲县',
          budget: amount('500.00'),
          executed: amount('450.00'),
          statedRate: percent('91.00%'),
        },
      ],
    });
    expect(checkFundRatios(e).map((f) => [f.path, f.expected])).toEqual([
      ['funds.regions.0.statedRate', '90.00%'],
    ]);
  });
});
