import { describe, expect, it } from 'vitest';
import { parseTextLines } from '../read/read-text.ts';
import { extractEvaluation } from './extract-evaluation.ts';
import { fundLineOf } from './fund-line.ts';

const GRID = [
  '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因',
  '产出指标\t数量指标\t农村公路日常养护里程\t≥860公里\t860公里\t50\t50',
  '效益指标\t社会效益指标\t农村群众出行条件改善\t明显改善\t明显改善\t30\t30',
  '满意度指标\t服务对象满意度\t沿线群众满意度\t≥90%\t93%\t10\t10',
  '总分\t\t\t\t\t100\t99.83',
];

describe('a fund block written as one line of labelled figures', () => {
  it('reads the plan, what was spent, the rate, the weight and the score', () => {
    const row = fundLineOf({
      line: 3,
      text: '项目资金（万元）：全年预算数 1,260.00  全年执行数 1,238.40  执行率 98.29%  分值 10  得分 9.83',
    });
    expect(row?.budget?.fen).toBe(1_260_000_000);
    expect(row?.executed?.fen).toBe(1_238_400_000);
    expect(row?.statedRate?.value).toBe(98.29);
    expect([row?.weight, row?.statedScore]).toEqual([10, 9.83]);
    // In 元 when the line says so.
    expect(
      fundLineOf({ line: 1, text: '项目资金（元）：全年预算数 12600 全年执行数 12384' })?.budget
        ?.fen,
    ).toBe(1_260_000);
    // A sentence that names a budget and no spending is no fund line.
    expect(fundLineOf({ line: 1, text: '项目资金：全年预算数 1,260.00' })).toBeUndefined();
  });

  it('gives the 自评表 below it its fund block, so its weights make the book', () => {
    const text = [
      '2023年度农村公路养护工程项目绩效自评表',
      '项目名称：农村公路养护工程    主管部门：通化县交通运输局',
      '项目资金（万元）：全年预算数 1,260.00  全年执行数 1,238.40  执行率 98.29%  分值 10  得分 9.83',
      ...GRID,
    ].join('\n');
    const report = extractEvaluation(parseTextLines(text, 'x.txt'));
    const total = report.selfEvaluationTables[0]?.funds.total;
    expect([total?.weight, total?.statedScore, total?.executed?.fen]).toEqual([
      10, 9.83, 1_238_400_000,
    ]);
    const withoutLine = extractEvaluation(
      parseTextLines(text.replace(/项目资金（万元）[^\n]*\n/, ''), 'x.txt'),
    );
    expect(withoutLine.selfEvaluationTables[0]?.funds.total).toBeUndefined();
  });
});
