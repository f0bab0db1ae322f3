import ExcelJS from 'exceljs';
import { sheetName } from './sheet-name.ts';

/** Where a confirmed finding stands in its rectification. */
export type RectificationState = 'fixed' | 'explained' | 'overdue' | 'pending';

export const RECTIFICATION_LABELS: Record<RectificationState, string> = {
  fixed: '已整改',
  explained: '已说明',
  overdue: '逾期未整改',
  pending: '待整改',
};

/** One confirmed finding of a unit, with its state. */
export interface RectificationRow {
  unitName: string;
  category: string;
  severity: string;
  message: string;
  stated: string | null;
  expected: string | null;
  correction: string | null;
  deadline: string | null;
  state: RectificationState;
  fixedVersion: number | null;
  answer: string | null;
  decidedBy: string;
  decidedAt: string;
}

const COLUMNS = [
  { header: '序号', key: 'n', width: 6 },
  { header: '问题类别', key: 'category', width: 12 },
  { header: '严重程度', key: 'severity', width: 10 },
  { header: '审查发现', key: 'message', width: 60 },
  { header: '报告所写', key: 'stated', width: 14 },
  { header: '应为', key: 'expected', width: 14 },
  { header: '整改要求', key: 'correction', width: 36 },
  { header: '整改期限', key: 'deadline', width: 12 },
  { header: '整改状态', key: 'state', width: 12 },
  { header: '整改版本', key: 'version', width: 10 },
  { header: '情况说明', key: 'answer', width: 40 },
  { header: '认定人', key: 'by', width: 12 },
  { header: '认定时间', key: 'at', width: 18 },
];

/**
 * The 整改清单 of a round: sheet 汇总 with each unit's counts (confirmed, fixed, explained,
 * overdue, pending), then one sheet per unit with each confirmed finding and its state.
 */
export async function renderRectificationXlsx(
  title: string,
  rows: readonly RectificationRow[],
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet('汇总');
  summary.addRow([title]);
  summary.getRow(1).font = { bold: true, size: 14 };
  summary.addRow(['单位', '已确认', '已整改', '已说明', '逾期未整改', '待整改']);
  summary.getRow(2).font = { bold: true };
  summary.columns = [
    { width: 30 },
    { width: 10 },
    { width: 10 },
    { width: 10 },
    { width: 12 },
    { width: 10 },
  ];
  const units = [...new Set(rows.map((r) => r.unitName))];
  const taken = new Set(['汇总']);
  for (const unit of units) {
    const mine = rows.filter((r) => r.unitName === unit);
    const count = (s: RectificationState) => mine.filter((r) => r.state === s).length;
    summary.addRow([
      unit,
      mine.length,
      count('fixed'),
      count('explained'),
      count('overdue'),
      count('pending'),
    ]);
    const sheet = book.addWorksheet(sheetName(unit, taken, '单位'));
    sheet.columns = COLUMNS;
    mine.forEach((r, i) =>
      sheet.addRow({
        n: i + 1,
        category: r.category,
        severity: r.severity,
        message: r.message,
        stated: r.stated ?? '',
        expected: r.expected ?? '',
        correction: r.correction ?? '',
        deadline: r.deadline ?? '',
        state: RECTIFICATION_LABELS[r.state],
        version: r.fixedVersion ?? '',
        answer: r.answer ?? '',
        by: r.decidedBy,
        at: r.decidedAt,
      }),
    );
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.pageSetup = {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    };
  }
  if (units.length === 0) summary.addRow(['（本轮尚无已确认的审查发现）']);
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
