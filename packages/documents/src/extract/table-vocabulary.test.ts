import { describe, expect, it } from 'vitest';
import {
  columnOf,
  fundRowOf,
  isFundGroupLabel,
  isRegionGroupLabel,
  isTotalRow,
  pointsInHeader,
  segmentHeader,
  targetWithNature,
  isScoringRule,
} from './table-vocabulary.ts';

describe('header words run together in one cell', () => {
  it('are parted by the known words, a unit note in brackets staying with its word', () => {
    expect(segmentHeader('全年执行数执行率权重(%)得分')?.map((p) => p.key)).toEqual([
      'executed',
      'rate',
      'weight',
      'score',
    ]);
    // 得分率 is 得分 ÷ 分值: the 系数 column.
    expect(segmentHeader('实际完成值权重得分得分率')?.map((p) => p.key)).toEqual([
      'actual',
      'weight',
      'score',
      'coefficient',
    ]);
  });

  it('are no scoring rule that names columns', () => {
    expect(segmentHeader('达到目标值得满分')).toBeUndefined();
    // An 指标解释 cell defines its indicator by the columns' words, in a relation.
    expect(segmentHeader('全年执行数占全年预算数的比例')).toBeUndefined();
    expect(segmentHeader('全部完成得满分，未完成按比例得分')).toBeUndefined();
    expect(segmentHeader('分值扣分得分')?.map((p) => p.key)).toEqual([
      'weight',
      'deduction',
      'score',
    ]);
  });
});

describe('column and fund-row words', () => {
  it('read 实得分 as the 得分 and a fund row after its group word', () => {
    expect(columnOf('实得分')).toBe('score');
    expect(columnOf('标准分')).toBe('weight');
    expect(fundRowOf('按支出性质分：基本支出')).toBe('basic');
    expect(fundRowOf('按收入性质分：一般公共预算')).toBe('generalPublic');
    expect(fundRowOf('产出指标：基本支出')).toBeUndefined();
  });

  it('read 实际支付数/支付进度 as executed and its rate, 资金到位数/资金到位率 as columns of their own', () => {
    expect(columnOf('实际支付数')).toBe('executed');
    expect(columnOf('支付进度')).toBe('rate');
    expect(columnOf('资金到位数')).toBe('received');
    expect(columnOf('资金到位率')).toBe('receivedRate');
  });
});

describe('a target and its 指标性质 or 指标方向 cell', () => {
  it('writes a sign cell before the value, and a direction as the sign a bare figure lacks', () => {
    expect(targetWithNature('≥', '12个')).toBe('≥12个');
    expect(targetWithNature('反向', '40万元')).toBe('≤40万元');
    expect(targetWithNature('正向', '95%')).toBe('≥95%');
    expect(targetWithNature('反向', '≤40万元')).toBe('≤40万元');
    expect(targetWithNature('定性', '健全')).toBe('健全');
    expect(targetWithNature('正向', '健全')).toBe('健全');
    expect(targetWithNature(undefined, '100%')).toBe('100%');
  });
});

describe('points, places, grades and totals in a 自评表', () => {
  it('reads the weight a 得分 header states, and none from a plain one', () => {
    expect(pointsInHeader('得分（10分）')).toBe(10);
    expect(pointsInHeader('得分(满分10分)')).toBe(10);
    expect(pointsInHeader('分值（20分）')).toBe(20);
    expect(pointsInHeader('得分')).toBeUndefined();
    expect(pointsInHeader('全年预算数（10分）')).toBeUndefined();
  });

  it('groups rows by place apart from rows by income', () => {
    expect(isRegionGroupLabel('分地区')).toBe(true);
    expect(isFundGroupLabel('分地区')).toBe(true);
    expect(isRegionGroupLabel('按收入性质分')).toBe(false);
    expect(isRegionGroupLabel('城中区')).toBe(false);
  });

  it('knows 自评等级 as a column and 总计 as a total row', () => {
    expect(columnOf('自评等级')).toBe('grade');
    expect(isTotalRow('总计')).toBe(true);
  });
});

describe('a 评分标准 cell', () => {
  it('is told by its rule or its formula, and never by a name', () => {
    expect(isScoringRule('完成目标得满分，否则按比例得分')).toBe(true);
    expect(isScoringRule('执行率×分值')).toBe(true);
    expect(isScoringRule('得分（分值×执行率）')).toBe(false);
    expect(isScoringRule('社会公众满意度')).toBe(false);
  });
});
