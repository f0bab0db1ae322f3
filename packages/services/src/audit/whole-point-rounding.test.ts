import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';

const table = (rows: string[]): string =>
  [
    '2024年度项目支出绩效自评表',
    '项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分',
    '年度资金总额\t43.20\t43.20\t37.24\t10\t86%\t9',
    '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施',
    ...rows,
  ].join('\n');

const ROWS = [
  '产出指标\t数量指标\t维修校舍面积\t≥1200平方米\t1260平方米\t30\t30\t',
  '\t质量指标\t验收合格率\t100%\t100%\t20\t20\t',
  '效益指标\t社会效益指标\t受益学生人数\t≥800人\t850人\t30\t30\t',
  '满意度指标\t服务对象满意度指标\t师生满意度\t≥90%\t95%\t10\t10\t',
];

const severities = (text: string): string[] =>
  auditDocument(new TextEncoder().encode(text), 't.txt')
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity} ${f.code}`);

describe('scores rounded to whole points', () => {
  it('are info in a table that scores every row in whole points, with the deduction and total they cause', () => {
    const a = auditDocument(
      new TextEncoder().encode(table([...ROWS, '总分\t\t\t\t\t100\t99\t'])),
      't.txt',
    );
    expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(a.findings.map((f) => f.code).sort()).toEqual([
      'DEDUCTION_NO_REASON',
      'EXECUTION_SCORE_RULE',
      'TOTAL_MISMATCH',
    ]);
  });

  it('stay warnings where another row has a fraction of a point, or the total is off by more', () => {
    const half = ROWS.map((r) => r.replace('\t30\t30\t', '\t30\t29.5\t'));
    expect(severities(table([...half, '总分\t\t\t\t\t100\t98.5\t']))).toContain(
      'warning EXECUTION_SCORE_RULE',
    );
    expect(severities(table([...ROWS, '总分\t\t\t\t\t100\t98\t']))).toContain(
      'error TOTAL_STATED_PARTS',
    );
  });

  it('do not excuse full marks for a missed target', () => {
    const missed = ROWS.map((r) => r.replace('≥90%\t95%', '≥98%\t94%'));
    expect(severities(table([...missed, '总分\t\t\t\t\t100\t99\t'])).join()).toMatch(
      /SCORE_RULE_TARGET_MISSED/,
    );
  });
});
