import { readFileSync } from 'node:fs';
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

describe('a table run together in PDF text, titled as an excerpt, before the closing chapters', () => {
  const table = (title: string) =>
    [
      '某县2024年度农产品质量检测项目支出绩效自评报告',
      '一、项目概况',
      '项目预算资金120.00万元，全年实际支出118.20万元，预算执行率98.50%。',
      '二、绩效指标完成情况',
      title,
      '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分',
      '产出指标 数量指标 检测批次 ≥800批次 860批次 20 20',
      '质量指标 检测报告合格率 100% 100% 20 20',
      '效益指标 社会效益 质量安全事故数 0起 0起 20 20',
      '满意度指标 服务对象满意度 农户满意度 ≥90% 94% 10 10',
      '— 2 —',
      '三、存在的问题',
      '一是检测设备老化；二是基层检测人员不足。',
      '四、下一步改进措施',
      '一是更新检测设备；二是加强人员培训。',
      '',
    ].join('\n');

  it('ends the table at the chapter after it, whose heading and text are read as a chapter', () => {
    const audit = auditDocument(new TextEncoder().encode(table('项目支出绩效自评表')), 'x.txt');
    const problems = audit.evaluation?.chapters.find((c) => c.key === 'problems');
    expect(problems?.paragraphs.join('')).toContain('检测设备老化');
    expect(audit.findings.map((f) => f.code)).not.toContain('NUMBERING_GAP');
  });

  it("holds the weights of an excerpt of a table to no book's total", () => {
    expect(codes(table('项目支出绩效自评表（节选）'))).not.toContain('WEIGHT_BOOK_TOTAL');
    expect(codes(table('项目支出绩效自评表'))).toContain('WEIGHT_BOOK_TOTAL');
  });
});

describe('a 基础数据表 written on one line, its cells parted at single spaces', () => {
  const text = readFileSync(
    new URL(
      './invented-tables/holdout-aa/aa12-chengkou-base-data-sangong-sum.tabs.txt',
      import.meta.url,
    ),
    'utf8',
  );
  const glued = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ')
    .replace(/[\t ]+/g, ' ');
  const severityOf = (t: string) =>
    auditDocument(new TextEncoder().encode(t), 'x.txt').findings.find(
      (f) => f.code === 'SUM_THREE_PUBLIC',
    )?.severity;

  it('reports its wrong sum as a warning, an error when written row by row', () => {
    expect(severityOf(text)).toBe('error');
    expect(severityOf(glued)).toBe('warning');
  });
});

describe('a report whose line breaks were all lost, its 自评表 with them', () => {
  const text = readFileSync(
    new URL('./invented-reports/r1-suzhou-education-department.pdf.txt', import.meta.url),
    'utf8',
  );
  const glued = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('');
  const findings = auditDocument(new TextEncoder().encode(glued), 'x.txt').findings;

  // Measured before: the rows put back by guess gave a group's weights as 24 of 30, an error the
  // report as written does not have.
  it('reports what rests on the table re-lined by guess as a warning that says so', () => {
    const subtotals = findings.filter((f) => f.code === 'WEIGHT_SUBTOTAL');
    expect(subtotals.length).toBeGreaterThan(0);
    for (const f of subtotals) {
      expect(f.severity).toBe('warning');
      expect(f.message).toContain('表格文字连排');
    }
    const written = auditDocument(new TextEncoder().encode(text), 'x.txt').findings;
    expect(written.filter((f) => f.code === 'WEIGHT_SUBTOTAL')).toEqual([]);
  });
});
