import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditHtml } from './audit-html.ts';
import type { FileAudit } from './audit-types.ts';
import { auditWorkbook } from './audit-xlsx.ts';

const FILE: FileAudit = {
  file: '示范市教育局2024年度部门整体支出绩效自评报告.docx',
  ok: true,
  summary: {
    title: '2024年度部门整体支出绩效自评报告',
    department: '示范市教育局',
    year: 2024,
    rulebook: 'hunan-department',
    rulebookName: '湖南省部门整体支出绩效评价指标体系',
    rulebookInferred: false,
    rulebookBasis: null,
    claimedTotal: 92.2,
    computedTotal: 91.58,
    understanding: null,
  },
  findings: [
    {
      code: 'RATIO_SHARE',
      category: 'ratio',
      severity: 'error',
      message: '人员经费占基本支出的比例应为80.00%，报告填写85.00%',
      stated: '85.00%',
      expected: '80.00%',
      excerpt: '人员经费336.01万元，占基本支出的85.00%',
      line: 12,
    },
    {
      code: 'SUM_FUND_TOTAL',
      category: 'sum',
      severity: 'warning',
      message: '年度资金总额与分项合计不符',
      stated: '570.17',
      expected: '600.01',
      excerpt: null,
      line: 8,
    },
    {
      code: 'TOTAL_MISMATCH',
      category: 'total',
      severity: 'warning',
      message: '自评总分按评价指标体系计算应为91.58分，报告填写92.2分',
      stated: '92.2',
      expected: '91.58',
      excerpt: null,
      line: 40,
    },
  ],
  notes: [],
};

// What must never reach a reader: a category or check code, a rulebook id.
const CODE = /\b(ratio|sum|total|RATIO_SHARE|SUM_FUND_TOTAL|TOTAL_MISMATCH|hunan-department)\b/;

describe('batch-audit exports speak Chinese', () => {
  it('the workbook names categories, checks and the rulebook in Chinese', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await auditWorkbook([FILE])) as unknown as ArrayBuffer);
    const cells: string[] = [];
    for (const sheet of book.worksheets)
      sheet.eachRow((row) => row.eachCell((c) => cells.push(c.text)));
    expect(cells.filter((t) => CODE.test(t))).toEqual([]);
    const row = book.getWorksheet('问题')?.getRow(2);
    expect(row?.getCell(4).text).toBe('比率');
    expect(row?.getCell(5).text).toBe('占比与金额不符');
    expect(book.getWorksheet('问题')?.getRow(3).getCell(4).text).toBe('合计');
    expect(book.getWorksheet('文件')?.getRow(2).getCell(7).text).toBe(
      '湖南省部门整体支出绩效评价指标体系',
    );
  });

  it('the HTML page names categories, checks and the rulebook in Chinese', () => {
    const html = auditHtml([FILE], '批量审查结果');
    const text = html.replace(/<[^>]+>/g, ' ');
    expect(text).not.toMatch(CODE);
    expect(text).toContain('比率');
    expect(text).toContain('占比与金额不符');
    expect(text).toContain('湖南省部门整体支出绩效评价指标体系');
  });
});

describe('a rulebook only inferred from the table is said as assumed', () => {
  const inferred: FileAudit = {
    ...FILE,
    summary: {
      ...FILE.summary,
      rulebookInferred: true,
      rulebookBasis: '报告属湖北省，依指标结构推断',
    },
  };
  const said = '按“湖南省部门整体支出绩效评价指标体系”推定（报告属湖北省';

  it('in the HTML page, in the summary table and beside the findings', () => {
    const text = auditHtml([inferred]).replace(/<[^>]+>/g, ' ');
    expect(text.split(said).length - 1).toBe(2);
  });

  it('in the workbook', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await auditWorkbook([inferred])) as unknown as ArrayBuffer);
    expect(book.getWorksheet('文件')?.getRow(2).getCell(7).text).toContain(said);
  });

  it('and a book the report bears out by its name alone', () => {
    const text = auditHtml([FILE]).replace(/<[^>]+>/g, ' ');
    expect(text).not.toContain('推定');
  });
});
