import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';

const codes = (text: string) =>
  auditDocument(new TextEncoder().encode(text), 'x.txt').findings.map((f) => f.code);

describe("the book's total against indicators read from prose", () => {
  const head = '某区2024年度专项债券项目绩效自评报告\n一、绩效指标完成情况\n';
  const tail = '二、存在的问题\n部分设备到货较晚。\n';

  it('adds no leaves under group headings without weights up to the book of 100', () => {
    const leaves =
      '（一）产出指标\n1.道路建成里程：年度指标值6公里，实际完成值6公里，分值20分，得分20分。\n（二）效益指标\n1.入驻企业数：年度指标值≥30家，实际完成值36家，分值20分，得分20分。\n（三）满意度指标\n企业满意度：年度指标值≥90%，实际完成值93%，分值10分，得分10分。\n';
    expect(codes(`${head}${leaves}${tail}`)).not.toContain('WEIGHT_BOOK_TOTAL');
  });

  it('still adds groups that state their weights', () => {
    const groups =
      '（一）预算执行率（分值10分，得分10分）\n（二）产出指标（分值50分，得分50分）\n（三）效益指标（分值25分，得分25分）\n（四）满意度指标（分值10分，得分10分）\n';
    expect(codes(`${head}${groups}${tail}`)).toContain('WEIGHT_BOOK_TOTAL');
  });
});
