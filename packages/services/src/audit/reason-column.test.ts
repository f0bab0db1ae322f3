import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';

const table = (header: string, reasonCell: boolean): string =>
  [
    '项目支出绩效自评表',
    '（2023年度）',
    '项目名称\t城乡居民基本医疗保险参保补助',
    '主管部门\t某区医疗保障局\t实施单位\t某区医疗保障局',
    '项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分',
    '\t年度资金总额\t4,860.00\t4,860.00\t4,812.35\t10\t99.02%\t9.90',
    header,
    '产出指标\t数量指标\t参保人数\t≥52万人\t52.6万人\t30\t30' + (reasonCell ? '\t' : ''),
    '\t质量指标\t参保率\t≥95%\t95.8%\t20\t20' + (reasonCell ? '\t' : ''),
    '效益指标\t社会效益指标\t群众看病就医负担减轻\t有效减轻\t有效减轻\t30\t30' +
      (reasonCell ? '\t' : ''),
    '满意度指标\t服务对象满意度指标\t参保群众满意度\t≥90%\t86%\t10\t8' + (reasonCell ? '\t' : ''),
    '总分\t\t\t\t\t100\t97.90',
  ].join('\n');

const deductions = (text: string): string[] =>
  auditDocument(new TextEncoder().encode(text), 'table.txt')
    .findings.filter((f) => f.code === 'DEDUCTION_NO_REASON')
    .map((f) => f.severity);

describe('points lost without a deviation reason', () => {
  it('is a warning where the table has a 偏差原因 column left empty', () => {
    const header =
      '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施';
    expect(deductions(table(header, true))).toEqual(['warning']);
  });

  it('is at most information where the table has no column to give one in', () => {
    const header = '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分';
    expect(deductions(table(header, false))).toEqual(['info']);
  });
});
