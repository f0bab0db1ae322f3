import { describe, expect, it } from 'vitest';
import { cellType } from '../extract/cell-align.ts';
import { extractEvaluation } from '../extract/extract-evaluation.ts';
import { parseTextLines } from '../read/read-text.ts';
import { checkClaims } from './claim-checks.ts';

const brief = (text: string) =>
  checkClaims(extractEvaluation(parseTextLines(text, 'x.txt'))).map(
    (f) => `${f.severity} ${f.code} ${f.stated ?? ''}→${f.expected ?? ''}`,
  );

describe('claims of whole reports', () => {
  it('takes a budget changed to a new level for the plan a rate is of', () => {
    for (const plan of [
      '全年预算调减为760.00万元',
      '全年预算调整为760.00万元',
      '年中调减预算后全年预算760.00万元',
    ])
      expect(
        brief(`项目年初预算800.00万元，${plan}，全年支出748.60万元，执行率98.50%。`),
        plan,
      ).toEqual([]);
    expect(
      brief('项目年初预算650.00万元，全年预算追加至682.40万元，全年支出682.40万元，执行率100%。'),
    ).toEqual([]);
    // A rate that agrees with neither plan is still wrong.
    expect(
      brief('项目年初预算800.00万元，全年预算调减为760.00万元，全年支出748.60万元，执行率96.50%。'),
    ).toEqual(['error DOC_CLAIM_RATE 96.50%→98.50%']);
  });

  it('reads "项目年初预算" under each project heading as that project’s', () => {
    const report = (second: string) =>
      brief(
        [
          '某学院2024年度项目支出绩效自评报告',
          '二、项目实施情况',
          '（一）实训基地建设项目',
          '项目年初预算800.00万元，全年支出748.60万元。',
          second,
          '项目年初预算650.00万元，全年支出640.00万元。',
        ].join('\n'),
      );
    expect(report('（二）学生资助项目')).toEqual([]);
    expect(report('（二）实施情况')).toEqual(['warning DOC_CLAIM_RESTATED 650.00万元→800.00万元']);
  });

  it('compares a goal set for the year with no count of what was done', () => {
    const report = (heading: string) =>
      brief(
        [
          '某局2024年度部门整体支出绩效自评报告',
          '一、基本情况',
          heading,
          '完成老旧小区改造12个，群众满意度90%以上。',
          '二、绩效情况',
          '全年完成老旧小区改造10个。',
        ].join('\n'),
      );
    expect(report('（一）部门年度绩效目标')).toEqual([]);
  });

  it('reads a cell that opens with a figure and goes on as a sentence as text', () => {
    expect(cellType('2个小区因居民意见未统一，延至2025年实施')).toBe('text');
    expect(cellType('40套因配套设施验收延期')).toBe('text');
    expect(cellType('2024年12月底前')).toBe('expression');
    expect(cellType('≥1200人次')).toBe('expression');
  });
});
