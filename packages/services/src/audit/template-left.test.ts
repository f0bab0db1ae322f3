import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';

describe('a template prompt left in a report cut short', () => {
  it('is reported: it lies in what was read, not beyond the cut', () => {
    const text =
      '部门整体支出绩效评价报告\n(参考提纲)\n一、部门基本情况\n（一）部门职能与机构设置\n本院内设机构2个，即办公室、政治部，负责本院的日常工作和队伍建设以及';
    const audit = auditDocument(new TextEncoder().encode(text), 'cut.txt');
    expect(audit.findings.map((f) => [f.category, f.stated])).toContainEqual([
      'completeness',
      '(参考提纲)',
    ]);
  });
});
