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

describe('a number the indicators read from the text lack', () => {
  const report = (first: string): string[] => [
    '某急救中心2023年度院前急救项目支出绩效自评报告',
    '一、项目概况',
    '项目总预算260.00万元，全年实际支出251.16万元，执行率96.60%。',
    '二、绩效指标完成及得分情况',
    '本项目按“预算执行率10分、产出指标50分、效益指标30分、满意度指标10分”设置指标体系。',
    first,
    '（二）产出指标（分值50分），得46分。',
    '（三）效益指标（分值30分），得28分。',
    '（四）满意度指标（分值10分）。患者及家属满意度95%，得10分。',
  ];

  it('is no gap where it stands in the text as a heading the reader took for no indicator', () => {
    expect(gaps(report('（一）预算执行率。执行率96.60%，得9.66分。'))).toEqual([]);
  });

  it('is one where no heading carries it', () => {
    expect(gaps(report('预算执行率96.60%，得9.66分。'))).not.toEqual([]);
  });
});
