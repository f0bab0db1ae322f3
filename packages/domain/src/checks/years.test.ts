import { describe, expect, it } from 'vitest';
import type { DepartmentEvaluation } from '../evaluation.ts';
import { parseExpression } from '../parse-expression.ts';
import { checkYears, staleYearClauses } from './years.ts';
import { clean, leaf } from './test-support.ts';

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

describe('a deadline indicator', () => {
  it('warns when its actual date lies in the year before the one evaluated', () => {
    const e = clean();
    const n = leaf(e, 1, 0, 0);
    n.target = parseExpression('2024年9月底前');
    n.actual = parseExpression('2023年9月20日');
    expect(checkYears(e).map((f) => [f.code, f.path.endsWith('.actual'), f.stated])).toEqual([
      ['YEAR_CONTRADICTION', true, '2023年9月20日'],
    ]);
  });

  it('is silent when the date lies in the year evaluated', () => {
    const e = clean();
    const n = leaf(e, 1, 0, 0);
    n.target = parseExpression('2024年9月底前');
    n.actual = parseExpression('2024年9月20日');
    expect(checkYears(e)).toEqual([]);
  });
});

describe('staleYearClauses', () => {
  it('reads each part of a list parted by ； on its own', () => {
    expect(
      staleYearClauses(
        '1.数量指标。建档率91.6%；2023年，为辖区内老年人提供健康体检3.62万人次；管理率63.5%。',
        2024,
      ),
    ).toEqual([2023]);
    // A comparison excuses the part it stands in, not the others.
    expect(
      staleYearClauses('门诊人次较上年增长5%；2023年，医院选派医务人员进修共326人次。', 2024),
    ).toEqual([2023]);
    expect(staleYearClauses('2023年，门诊人次较上年增长5%；管理率63.5%。', 2024)).toEqual([]);
  });

  it('reads a date opening a statement whose next clause says the work was done', () => {
    expect(
      staleYearClauses('2023年10月，11座水库完成主体工程施工，剩余1座延至2025年汛前完工。', 2024),
    ).toEqual([2023]);
    expect(staleYearClauses('2023年12月底，项目通过竣工验收。', 2024)).toEqual([2023]);
    // Money handed down, a plan or a start in an earlier month is no slip.
    expect(staleYearClauses('2023年11月，省财政厅提前下达资金，全部完成分配。', 2024)).toEqual([]);
    expect(staleYearClauses('2023年10月，项目完成招标并开工建设。', 2024)).toEqual([]);
    expect(staleYearClauses('2023年10月，项目立项。', 2024)).toEqual([]);
    expect(staleYearClauses('2024年10月，11座水库完成主体工程施工。', 2024)).toEqual([]);
  });

  it('reads a year that runs on into who did the work and what they did', () => {
    expect(staleYearClauses('2023年全区新建供水管网86.4公里，新建蓄水池12座。', 2024)).toEqual([
      2023,
    ]);
    expect(staleYearClauses('2023年我局完成农村公路养护126公里。', 2024)).toEqual([2023]);
    // Not a comparison, nor history, nor a year inside a clause, nor the year itself.
    expect(staleYearClauses('2023年全区新建管网80公里，今年又新建86.4公里。', 2024)).toEqual([
      2023,
    ]);
    expect(staleYearClauses('较2023年全区新建管网增加6.4公里。', 2024)).toEqual([]);
    expect(staleYearClauses('自2019年全区开展河长制以来，水质持续改善。', 2024)).toEqual([]);
    expect(staleYearClauses('新建管网86.4公里，2023年全区完成的工程已验收。', 2024)).toEqual([]);
    expect(staleYearClauses('2024年全区新建供水管网86.4公里。', 2024)).toEqual([]);
  });

  it('reads a year opening a statement that headings joined by nothing run into', () => {
    const glued = (year: string): string =>
      `(一)资金保障1. 市县履行支出责任情况${year}年巩义市共投入各级财政衔接资金14380万元。`;
    expect(staleYearClauses(glued('2022'), 2023)).toEqual([2022]);
    expect(staleYearClauses(glued('2023'), 2023)).toEqual([]);
    // A figure or a stop in the words before the year: no heading, the year opens nothing.
    expect(staleYearClauses('1. 新建管网8公里2022年巩义市共投入资金14380万元。', 2023)).toEqual([]);
  });
});

describe('staleYearClauses, a whole earlier year of work', () => {
  it('reads "2023年全年共开展…" as dating the work wherever it stands', () => {
    expect(
      staleYearClauses('年度目标120场以上，2023年全年共开展送戏下乡演出126场，得10分。', 2024),
    ).toEqual([2023]);
    expect(
      staleYearClauses('年度目标120场以上，较2023年全年共开展的演出增加6场，得10分。', 2024),
    ).toEqual([]);
  });
});
