import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';

const gaps = (lines: string[]): string[] =>
  auditDocument(new TextEncoder().encode(lines.join('\n')), 'report.txt')
    .findings.filter((f) => f.code === 'NUMBERING_GAP')
    .map((f) => f.severity);

const body = [
  '二、部门预算执行情况',
  '2023年全年预算数为2,034.60万元，全年执行数为2,009.56万元，执行率98.77%。',
  '三、绩效目标完成情况',
  '完成各类执法检查1,260次，办结投诉举报案件438件。',
];

describe('a first number missing', () => {
  it('is information where the text opens on it: an excerpt of a longer report', () => {
    expect(gaps(['某局2023年度部门整体支出绩效自评报告', ...body])).toEqual(['info']);
  });

  it('stays a warning for a number missing after the first', () => {
    const report = [
      '某局2023年度部门整体支出绩效自评报告',
      '一、部门基本情况',
      '我局内设科室5个。',
      ...body.slice(2),
    ];
    expect(gaps(report)).toEqual(['warning']);
  });
});
