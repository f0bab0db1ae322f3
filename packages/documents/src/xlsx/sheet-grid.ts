import type ExcelJS from 'exceljs';
import { parseAmount, parsePercent } from '@jixiao/domain';
import type { Amount, MoneyUnit, Percent } from '@jixiao/domain';

/** A problem found while reading a workbook: a stable code, where, and a Chinese message. */
export interface XlsxProblem {
  code: 'XLSX_CELL_UNREADABLE' | 'XLSX_ROW_UNKNOWN' | 'XLSX_SHEET_UNKNOWN' | 'XLSX_UNREADABLE';
  sheet?: string;
  /** A1-style address, e.g. "D7". */
  cell?: string;
  message: string;
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'g');

/**
 * A name as written, without the spaces tables put between Chinese characters to spread a
 * label ("产 出 指 标"); spaces beside Latin letters, digits and signs ("A & B", "PM 2.5") are
 * the name's own and stay.
 */
export function cellName(text: string): string {
  return text.replace(SPACE_BETWEEN_CJK, '');
}

/** Column number → letters: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The sheet as plain values; merged cells read as their master's value (exceljs does this). */
export class SheetGrid {
  readonly rows: number;
  readonly cols: number;

  constructor(
    readonly ws: ExcelJS.Worksheet,
    readonly problems: XlsxProblem[],
  ) {
    this.rows = ws.rowCount;
    this.cols = ws.columnCount;
  }

  raw(row: number, col: number): ExcelJS.CellValue {
    return this.ws.getCell(row, col).value;
  }

  /** The cell as trimmed text (numbers as written, rich text joined, formulas by result). */
  text(row: number, col: number): string {
    return valueText(this.raw(row, col))
      .replace(/[\s\u3000]+/g, ' ')
      .trim();
  }

  /**
   * The cell's text with its line breaks kept, each line's spaces collapsed: free text a unit
   * wrote on several lines (a deviation reason, a goal) reads back as written.
   */
  lines(row: number, col: number): string {
    return valueText(this.raw(row, col))
      .split(/\r\n|\r|\n/)
      .map((line) => line.replace(/[\s\u3000]+/g, ' ').trim())
      .join('\n')
      .replace(/^\n+|\n+$/g, '');
  }

  /** The cell's text with every space removed, for matching labels. */
  label(row: number, col: number): string {
    return this.text(row, col).replace(/\s+/g, '');
  }

  rowEmpty(row: number): boolean {
    for (let c = 1; c <= this.cols; c++) if (this.text(row, c) !== '') return false;
    return true;
  }

  /** First row at or after `from` with a cell whose label satisfies `test`. */
  findRow(test: (label: string) => boolean, from = 1): { row: number; col: number } | undefined {
    for (let r = from; r <= this.rows; r++)
      for (let c = 1; c <= this.cols; c++) if (test(this.label(r, c))) return { row: r, col: c };
    return undefined;
  }

  /** First column of `row` whose label satisfies `test`. */
  findCol(row: number, test: (label: string) => boolean, from = 1): number | undefined {
    for (let c = from; c <= this.cols; c++) if (test(this.label(row, c))) return c;
    return undefined;
  }

  private unreadable(row: number, col: number, what: string): void {
    const cell = `${columnLetters(col)}${row}`;
    this.problems.push({
      code: 'XLSX_CELL_UNREADABLE',
      sheet: this.ws.name,
      cell,
      message: `工作表“${this.ws.name}”单元格${cell}的内容“${this.text(row, col)}”无法识别为${what}`,
    });
  }

  /** An amount in `unit`; blank and dash cells are absent; anything else unreadable is a problem. */
  amount(row: number, col: number, unit: MoneyUnit): Amount | undefined {
    const v = this.raw(row, col);
    const numeric = cellNumber(v);
    const text = numeric !== undefined ? numberText(numeric) : this.text(row, col);
    if (isBlank(text)) return undefined;
    const parsed = parseAmount(text, unit);
    if (!parsed) {
      this.unreadable(row, col, '金额');
      return undefined;
    }
    return { fen: parsed.fen, unit: parsed.unit };
  }

  /** A plain number (points, headcount, area). */
  number(row: number, col: number, what = '数字'): number | undefined {
    const v = this.raw(row, col);
    const numeric = cellNumber(v);
    if (numeric !== undefined) return numeric;
    const text = this.text(row, col)
      .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
      .replace(/[,，]/g, '')
      .replace(/分$/, '')
      // A sign typed apart from its figure ("- 1.35", "＋ 2"), or a minus of another font.
      .replace(/^([+\-＋－−﹣])\s+/, '$1')
      .replace(/^[－−﹣]/, '-')
      .replace(/^＋/, '+');
    if (isBlank(text)) return undefined;
    if (!/^[+-]?\d+(\.\d+)?$/.test(text)) {
      this.unreadable(row, col, what);
      return undefined;
    }
    return Number(text);
  }

  /** A percentage: a number formatted as % (0.9707), a number of percent (97.07) or "97.07%". */
  percent(row: number, col: number): Percent | undefined {
    const cell = this.ws.getCell(row, col);
    const numeric = cellNumber(cell.value);
    if (numeric !== undefined) {
      const isFraction = (cell.numFmt ?? '').includes('%');
      const value = isFraction ? Math.round(numeric * 1e6) / 1e4 : numeric;
      const decimals = Math.min(6, (String(value).split('.')[1] ?? '').length);
      return { value, decimals };
    }
    const text = this.text(row, col);
    if (isBlank(text)) return undefined;
    const p = parsePercent(text);
    if (!p) this.unreadable(row, col, '百分比');
    return p;
  }
}

function isBlank(text: string): boolean {
  return /^[\s\u3000—–\-－/／]*$/.test(text);
}

/** A JS number as decimal text without float artefacts: 1013.19 → "1013.19". */
function numberText(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

function cellNumber(v: ExcelJS.CellValue): number | undefined {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'result' in v && typeof v.result === 'number') return v.result;
  return undefined;
}

function valueText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return valueText(v.result);
  if ('text' in v && typeof v.text === 'string') return v.text;
  return '';
}

/** The unit a header names: "经费控制情况（元）" → 元; default 万元. */
export function headerUnit(label: string): MoneyUnit {
  if (/[（(]亿元[)）]/.test(label)) return '亿元';
  if (/[（(]万元[)）]/.test(label)) return '万元';
  if (/[（(]元[)）]/.test(label)) return '元';
  return '万元';
}
