import ExcelJS from 'exceljs';
import type { Evaluation, ScoreSheet } from '@jixiao/domain';
import { departmentReportBlocks } from '../write/department-report.ts';
import type { Block, Cell, TableModel } from '../write/model.ts';
import { resolveOptions } from '../write/options.ts';
import type { ReportOptions } from '../write/options.ts';
import { projectReportBlocks } from '../write/project-report.ts';
import { sheetName } from './sheet-name.ts';

type Attachment = Extract<Block, { kind: 'attachment' }>;

const NUMBER_FORMATS: Record<NonNullable<Cell['format']>, string> = {
  amount: '0.00',
  percent: '0.00%',
  points: 'General',
  count: '0',
};

/** A cell's number format; a percentage keeps the decimals it was written with (87.5%, 88%). */
function numberFormat(c: Cell): string {
  if (c.format === 'percent' && c.decimals !== undefined)
    return c.decimals === 0 ? '0%' : `0.${'0'.repeat(c.decimals)}%`;
  return c.format ? NUMBER_FORMATS[c.format] : 'General';
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const BODY_FONT = { name: '仿宋_GB2312', size: 11 };

/**
 * Writes a table model at `top`, tracking cells covered by earlier row spans, merging spans.
 * Returns the next free row.
 */
function writeTable(ws: ExcelJS.Worksheet, t: TableModel, top: number): number {
  const covered = new Set<string>();
  t.rows.forEach((row, r) => {
    const rowNo = top + r;
    let col = 1;
    for (const c of row) {
      while (covered.has(`${rowNo}:${col}`)) col++;
      const span = c.colSpan ?? 1;
      const down = c.rowSpan ?? 1;
      const cell = ws.getCell(rowNo, col);
      cell.value = c.value !== undefined ? c.value : c.text;
      if (c.value !== undefined && c.format) cell.numFmt = numberFormat(c);
      for (let dr = 0; dr < down; dr++)
        for (let dc = 0; dc < span; dc++) {
          covered.add(`${rowNo + dr}:${col + dc}`);
          const part = ws.getCell(rowNo + dr, col + dc);
          part.border = BORDER;
          part.font = BODY_FONT;
          part.alignment = {
            vertical: 'middle',
            horizontal: c.align ?? 'left',
            wrapText: true,
          };
        }
      if (span > 1 || down > 1) ws.mergeCells(rowNo, col, rowNo + down - 1, col + span - 1);
      col += span;
    }
  });
  return top + t.rows.length;
}

/** One attachment as one sheet: label, title, its tables one under the other, notes, sign-off. */
export function writeAttachment(wb: ExcelJS.Workbook, a: Attachment, name: string): void {
  const ws = wb.addWorksheet(name);
  const columns = a.tables[0]?.columns ?? [1];
  const total = columns.reduce((s, w) => s + w, 0);
  ws.columns = columns.map((w) => ({ width: Math.max(6, Math.round((w / total) * 110)) }));
  const last = columns.length;
  ws.getCell(1, 1).value = a.label;
  ws.getCell(1, 1).font = { name: '黑体', size: 14 };
  ws.mergeCells(2, 1, 2, last);
  const title = ws.getCell(2, 1);
  title.value = a.title;
  title.font = { name: '方正小标宋简体', size: 18 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(2).height = 32;
  let row = 3;
  let headerRow: number | undefined;
  for (const t of a.tables) {
    if (t.headerRows > 0 && headerRow === undefined) headerRow = row;
    row = writeTable(ws, t, row);
  }
  row++;
  for (const text of [...a.notes, a.signOff]) {
    ws.mergeCells(row, 1, row, last);
    const c = ws.getCell(row, 1);
    c.value = text;
    c.font = BODY_FONT;
    c.alignment = { wrapText: true };
    row++;
  }
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: last >= 8 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    // The indicator block's header row repeats on every printed page.
    ...(headerRow !== undefined ? { printTitlesRow: `${headerRow}:${headerRow}` } : {}),
  };
  ws.headerFooter = { oddFooter: '&C— &P —' };
}

/**
 * Writes the attachment tables of an evaluation as an .xlsx workbook: one sheet per table
 * (附件1 基础数据表, 附件2 部门整体支出绩效自评表, 附件3 one per project), merged headers,
 * number formats (万元 with two decimals, percentages), A4 print setup fitted to the width.
 */
export async function renderTablesXlsx(
  evaluation: Evaluation,
  scoreSheet: ScoreSheet | undefined,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  const o = resolveOptions(options);
  const blocks =
    evaluation.kind === 'department'
      ? departmentReportBlocks(evaluation, scoreSheet, o)
      : projectReportBlocks(evaluation, scoreSheet, o);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const taken = new Set<string>();
  const projectNames =
    evaluation.kind === 'department'
      ? evaluation.projectEvaluations.map((p) => p.projectName)
      : [evaluation.projectName];
  let projectIndex = 0;
  for (const b of blocks) {
    if (b.kind !== 'attachment') continue;
    const kindName = b.title.replace(/^\d{4}年度/, '').replace('部门整体支出绩效评价', '');
    const isProject = b.title.includes('项目支出绩效自评表');
    const name = isProject
      ? `${b.label} ${projectNames[projectIndex++] ?? ''}`
      : `${b.label} ${kindName}`;
    writeAttachment(wb, b, sheetName(name.trim(), taken));
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
