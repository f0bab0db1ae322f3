import ExcelJS from 'exceljs';

/** One evaluation of the review list, every value already in the words the page uses. */
export interface ReviewListRow {
  unitName: string;
  year: number;
  /** 部门整体支出 / 项目支出. */
  kind: string;
  title: string;
  /** 已提交, 已退回… */
  status: string;
  statedTotal: number | null;
  /** The grade of the entered total under the evaluation's rulebook ('' where it gives none). */
  grade: string;
  errors: number;
  warnings: number;
  /** Beijing time, "2026-12-04 13:31", or ''. */
  submittedAt: string;
  decidedAt: string;
  /** The reviewers who acted on it, by name, in order. */
  reviewers: string;
}

const COLUMNS: Partial<ExcelJS.Column>[] = [
  { header: '序号', key: 'n', width: 6 },
  { header: '单位', key: 'unit', width: 28 },
  { header: '年度', key: 'year', width: 8 },
  { header: '类型', key: 'kind', width: 14 },
  { header: '标题', key: 'title', width: 44 },
  { header: '状态', key: 'status', width: 10 },
  { header: '填报得分', key: 'total', width: 10, style: { numFmt: '0.00' } },
  { header: '评价等级', key: 'grade', width: 10 },
  { header: '错误', key: 'errors', width: 8 },
  { header: '警告', key: 'warnings', width: 8 },
  { header: '提交时间（北京时间）', key: 'submitted', width: 20 },
  { header: '审核决定时间（北京时间）', key: 'decided', width: 24 },
  { header: '审核人', key: 'reviewers', width: 18 },
];

/** The review list as a workbook: one sheet, a header row, one row per evaluation. */
export async function renderReviewListXlsx(
  sheetTitle: string,
  rows: readonly ReviewListRow[],
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(
    sheetTitle.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || '审核列表',
  );
  sheet.columns = COLUMNS;
  rows.forEach((r, i) =>
    sheet.addRow({
      n: i + 1,
      unit: r.unitName,
      year: r.year,
      kind: r.kind,
      title: r.title,
      status: r.status,
      total: r.statedTotal ?? '',
      grade: r.grade,
      errors: r.errors,
      warnings: r.warnings,
      submitted: r.submittedAt,
      decided: r.decidedAt,
      reviewers: r.reviewers,
    }),
  );
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  return new Uint8Array(await book.xlsx.writeBuffer());
}
