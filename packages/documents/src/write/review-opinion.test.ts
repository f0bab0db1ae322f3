import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readDocument } from '../read/index.ts';
import { renderRectificationXlsx } from '../xlsx/rectification-xlsx.ts';
import { renderReviewOpinionDocx } from './review-opinion.ts';

const opinion = {
  bureau: '示范市财政局',
  unitName: '甲单位',
  year: 2024,
  reportTitle: '2024年度甲单位部门整体支出绩效自评报告',
  date: '2025-05-20',
  deadline: '2025-06-30',
  items: [
    {
      message: '年度资金总额执行率填报95%，按全年预算数和全年执行数计算应为100%',
      excerpt: '全年执行数1000.00万元，执行率95%',
      stated: '95%',
      expected: '100%',
      correction: '应为100%',
      deadline: '2025-06-30',
    },
  ],
};

describe('the 审核意见书', () => {
  it('states each confirmed finding with its excerpt, correction and deadline, in the report layout', () => {
    const bytes = renderReviewOpinionDocx(opinion);
    const read = readDocument(bytes, '审核意见书.docx');
    if (!read.ok) throw new Error(read.error.message);
    const text = read.document.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('关于甲单位2024年度绩效自评报告的审核意见');
    expect(text).toContain('发现以下1个问题须予整改');
    expect(text).toContain('（一）年度资金总额执行率填报95%');
    expect(text).toContain('原文：“全年执行数1000.00万元，执行率95%”');
    expect(text).toContain('整改要求：应为100%，请于2025年6月30日前完成');
    expect(text).toContain('示范市财政局');
    // The GB/T 9704 styles of the report: the title style and the page-number footer.
    const zip = Buffer.from(bytes).toString('latin1');
    expect(zip).toContain('word/footer');
  });

  it('says so when nothing is to be rectified', () => {
    const read = readDocument(renderReviewOpinionDocx({ ...opinion, items: [] }), 'a.docx');
    if (!read.ok) throw new Error(read.error.message);
    expect(read.document.blocks.map((b) => b.text).join('')).toContain('未发现须予整改的问题');
  });
});

describe('the 整改清单', () => {
  it('sums each unit and lists its findings with their state on a sheet of its own', async () => {
    const row = {
      category: '比率',
      severity: '错误',
      message: '执行率不符',
      stated: '95%',
      expected: '100%',
      correction: '应为100%',
      deadline: '2025-06-30',
      fixedVersion: null,
      answer: null,
      decidedBy: '审核人',
      decidedAt: '2025-05-20 10:00',
    };
    const bytes = await renderRectificationXlsx('2024年度自评整改清单', [
      { ...row, unitName: '甲单位', state: 'fixed', fixedVersion: 5 },
      { ...row, unitName: '甲单位', state: 'overdue' },
      { ...row, unitName: '乙单位', state: 'explained', answer: '已说明' },
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '甲单位', '乙单位']);
    const summary = book.getWorksheet('汇总');
    expect(summary?.getRow(3).values).toEqual([undefined, '甲单位', 2, 1, 0, 1, 0]);
    expect(summary?.getRow(4).values).toEqual([undefined, '乙单位', 1, 0, 1, 0, 0]);
    const unit = book.getWorksheet('甲单位');
    expect(unit?.getRow(2).getCell(9).value).toBe('已整改');
    expect(unit?.getRow(2).getCell(10).value).toBe(5);
    expect(unit?.getRow(3).getCell(9).value).toBe('逾期未整改');
  });
});
