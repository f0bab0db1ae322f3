import { describe, expect, it } from 'vitest';
import type { DepartmentEvaluation } from '../evaluation.ts';
import { checkYears } from './years.ts';
import { clean } from './test-support.ts';

function paragraph(e: DepartmentEvaluation, text: string): void {
  e.chapters.push({ key: 'performance', title: '部门整体支出绩效情况', paragraphs: [text] });
}

describe('years', () => {
  it('are silent on comparisons, law titles, plans and the next year', () => {
    const e = clean();
    paragraph(
      e,
      '依据《湖南省预算绩效管理办法（2021年修订）》开展自评。全年支出较2023年增长5%。2023年决算数为900万元。2025年6月30日前公开自评结果。2024年，我局全面完成统计调查。',
    );
    expect(checkYears(e)).toEqual([]);
  });

  it('warn on a statement of the current state dated a year early', () => {
    const e = clean();
    paragraph(e, '自评得分3分，2023年，我局所有固定资产基本均为实际在用固定资产。');
    const findings = checkYears(e);
    expect(findings.map((f) => [f.code, f.category, f.severity, f.stated, f.expected])).toEqual([
      ['YEAR_CONTRADICTION', 'year', 'warning', '2023年', '2024年'],
    ]);
    expect(findings[0]?.excerpt).toContain('2023年，我局所有固定资产');
  });

  it('warn on a report dated before the year it evaluates and a title naming another year', () => {
    const e = clean();
    e.meta.reportDate = '2023-04-15';
    e.meta.title = '2023年度湘中市示范区统计局部门整体支出绩效自评报告';
    expect(checkYears(e).map((f) => [f.code, f.path])).toEqual([
      ['YEAR_CONTRADICTION', 'meta.title'],
      ['YEAR_REPORT_DATE', 'meta.reportDate'],
    ]);
  });
});
