import { describe, expect, it } from 'vitest';
import { parseExpression } from '@jixiao/domain';
import type { IndicatorNode } from '@jixiao/domain';
import { checkGoalActuals, checkIndicatorParagraphs } from './goal-actuals.ts';

const leaf = (name: string, actual: string): IndicatorNode => ({
  name,
  target: parseExpression('≥1'),
  actual: parseExpression(actual),
  weight: 10,
  score: 10,
});

const table = (actual: string, ...leaves: IndicatorNode[]) => ({
  goals: [{ expected: '开展培训。', actual, line: 3 }],
  indicators: [{ name: '产出指标', children: leaves }],
});

describe('the goal block against the indicators', () => {
  it('warns when the achievement restates an indicator with another figure', () => {
    const found = checkGoalActuals([
      table(
        '完成农牧民职业技能培训3050人次，培训后转移就业率64%。',
        leaf('职业技能培训人次', '3260人次'),
        leaf('培训后转移就业率', '64%'),
      ),
    ]);
    expect(found.map((f) => [f.code, f.category, f.severity, f.stated, f.expected])).toEqual([
      ['DOC_GOAL_ACTUAL_DIFFERS', 'cross-section', 'warning', '3050人次', '3260人次'],
    ]);
  });

  it('is silent on other units, names sharing too little, and the same figure written finer', () => {
    const found = checkGoalActuals([
      table(
        '铺设管网63.5公里，惠及居民2.45万户，满意度94.0%，新建站点7个。',
        leaf('配套管网铺设长度', '60公里'),
        leaf('受益居民户数', '24500户'),
        leaf('服务对象满意度', '94%'),
        leaf('新建嵌入式养老服务站点', '6个'),
      ),
    ]);
    expect(found).toEqual([]);
  });

  it('is silent on figures shared out by 分别, a wrapped line and the goal restated', () => {
    const found = checkGoalActuals([
      table(
        '高血压、糖尿病患者规范管理率分别为63.5%、64.1%，远程医疗协作网覆盖12个乡镇卫生院，患者满意度90%',
        leaf('高血压患者规范管理率', '63.5%'),
        leaf('糖尿病患者规范管理率', '64.1%'),
        leaf('患者满意度', '94.1%'),
      ),
    ]);
    expect(found).toEqual([]);
  });
});

describe('an indicator written as prose against the rest of its paragraph', () => {
  const paragraph = (rate: string, more = '') => ({
    kind: 'paragraph',
    line: 7,
    text: `⑶“三公经费”控制率，年度指标值：≤100%，实际完成值：71.58%，分值2分，得分2分。2024年“三公”经费预算安排12万元，实际支出8.59万元，“三公”经费控制率${rate}。${more}`,
  });
  const indicators = (...leaves: IndicatorNode[]): IndicatorNode[] => [
    { name: '成本指标', children: leaves.map((l) => ({ ...l, source: { line: 7 } })) },
  ];
  const rate = leaf('“三公经费”控制率', '71.58%');

  it('warns when the paragraph restates what was done with another figure', () => {
    const found = checkIndicatorParagraphs(indicators(rate), [paragraph('72.58%')]);
    expect(found.map((f) => [f.code, f.severity, f.stated, f.expected, f.line])).toEqual([
      ['DOC_INDICATOR_PARAGRAPH', 'warning', '72.58%', '71.58%', 7],
    ]);
    expect(checkIndicatorParagraphs(indicators(rate), [paragraph('71.58%')])).toEqual([]);
  });

  it('is silent on goals, comparisons, other units and a table of indicators', () => {
    const quiet = [
      paragraph('71.58%', '年度目标“三公”经费控制率90%，较上年“三公”经费控制率80%。'),
      paragraph('71.58%', '“三公”经费控制在8.59万元。'),
    ];
    for (const p of quiet) expect(checkIndicatorParagraphs(indicators(rate), [p])).toEqual([]);
    const table = { ...paragraph('72.58%'), kind: 'table' };
    expect(checkIndicatorParagraphs(indicators(rate), [table])).toEqual([]);
  });
});
