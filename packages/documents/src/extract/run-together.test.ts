import { describe, expect, it } from 'vitest';
import { splitRunTogether } from './run-together.ts';
import type { ColumnKey } from './table-vocabulary.ts';

const FUND: ColumnKey[] = ['initialBudget', 'budget', 'executed', 'weight', 'rate', 'score'];
const INDICATOR: ColumnKey[] = [
  'level1',
  'level2',
  'level3',
  'target',
  'actual',
  'weight',
  'score',
  'reason',
];

describe('rows whose cells ran together with nothing between them', () => {
  it('splits a fund row by how its amounts, 分值, 执行率 and 得分 are written', () => {
    expect(splitRunTogether('年度资金总额180.00180.00176.401098.00%9.8', FUND)).toEqual([
      '年度资金总额',
      '180.00',
      '180.00',
      '176.40',
      '10',
      '98.00%',
      '9.8',
    ]);
    // A source row has no 分值 or 得分: 660.08 and 97.07%, not 660.08, 9 and 7.07%.
    expect(splitRunTogether('其中：本年财政拨款680.00680.00660.0897.07%', FUND)).toEqual([
      '其中：本年财政拨款',
      '680.00',
      '680.00',
      '660.08',
      '97.07%',
    ]);
  });

  it('splits an indicator row into its groups, name, target, actual, 分值 and 得分', () => {
    expect(splitRunTogether('产出指标数量指标培训人次≥1200人次1260人次2020', INDICATOR)).toEqual([
      '产出指标',
      '数量指标',
      '培训人次',
      '≥1200人次',
      '1260人次',
      '20',
      '20',
    ]);
    expect(splitRunTogether('可持续影响指标长效机制健全健全1515', INDICATOR)).toEqual([
      '可持续影响指标',
      '长效机制',
      '健全',
      '健全',
      '15',
      '15',
    ]);
    // 成本 begins the name here; it is no group cell.
    expect(splitRunTogether('成本控制率≤100%98%55', INDICATOR)?.slice(0, 2)).toEqual([
      '成本控制率',
      '≤100%',
    ]);
  });

  it('leaves alone what splits more than one way, and cells of a table one cell per line', () => {
    // 2100 | 10 or 21001 | 0: no sign or unit tells.
    expect(splitRunTogether('享受资助人数达到预计值210010', INDICATOR)).toBeUndefined();
    expect(splitRunTogether('完成率×10', INDICATOR)).toBeUndefined();
    expect(splitRunTogether('≥1200人次', INDICATOR)).toBeUndefined();
    expect(splitRunTogether('培训人次 ≥1200人次 1260人次 20 20', INDICATOR)).toBeUndefined();
  });
});

describe('amounts with thousands separators run together', () => {
  it('end where their groups of three digits say', () => {
    expect(
      splitRunTogether('其中：本年财政拨款2,400,000.002,400,000.002,040,000.0085.00%', FUND),
    ).toEqual(['其中：本年财政拨款', '2,400,000.00', '2,400,000.00', '2,040,000.00', '85.00%']);
  });
});
