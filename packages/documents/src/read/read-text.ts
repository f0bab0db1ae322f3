import type { Block, SourceDocument, TableRow } from './block.ts';
import { readFailure, tableText } from './block.ts';
import type { ReadResult } from './block.ts';
import { headingInfo } from './heading.ts';
import { withoutWebChrome } from './web-chrome.ts';
import { relineGluedText } from './glued-text.ts';
import { usualForms } from './form-variants.ts';
import { furnitureAmong, isPageNumberText } from '../extract/running-headers.ts';
import { SIGN_OFF_FIELD } from '../extract/table-vocabulary.ts';

/**
 * Decodes text bytes: UTF-8 (strict, with or without BOM), else GB18030 — the two encodings
 * Chinese reports are exported in. Returns undefined for binary content.
 */
export function decodeText(
  bytes: Uint8Array,
): { text: string; encoding: 'utf-8' | 'gb18030' } | undefined {
  if (looksBinary(bytes)) return undefined;
  const utf8 = (b: Uint8Array): string | undefined => {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b);
    } catch {
      return undefined;
    }
  };
  // A file cut in the middle of a character (a truncated download) is still UTF-8.
  const text =
    utf8(bytes) ??
    [1, 2, 3]
      .map((n) => (bytes.length > n ? utf8(bytes.subarray(0, bytes.length - n)) : undefined))
      .find((t) => t !== undefined);
  if (text !== undefined) return { text, encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    return undefined;
  }
}

/** NUL bytes or many control characters in the first 8 KB mean the file is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.02;
}

const ARTEFACT = /\[bookmark:[^\]]*\]\s*/g;

/**
 * Reads a plain-text report. Tables exported as one cell per line: a cell starts with a tab, a
 * blank line ends a row, an untabbed line continues the cell above (cells with line breaks).
 */
export function readText(bytes: Uint8Array, fileName: string): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded) return readFailure('binary');
  const notes = decoded.encoding === 'gb18030' ? ['文件按 GB18030 编码读取'] : [];
  // Figures in full-width digits are folded before lines are parted: cells and headings are
  // told apart by their figures.
  return { ok: true, document: parseTextLines(usualForms(decoded.text), fileName, notes) };
}

export function parseTextLines(
  text: string,
  fileName: string,
  notes: string[] = [],
): SourceDocument {
  const relined = relineGluedText(text);
  const blocks = withoutWebChrome(textBlocks(relined.text));
  if (!relined.realLines) return { fileName, format: 'txt', blocks, notes };
  return { fileName, format: 'txt', blocks, notes, realLines: relined.realLines };
}

/**
 * The blocks of a text, its lines numbered from 1: paragraphs, headings and the tables
 * exported one cell per line (also what a web page's <pre> holds).
 */
export function textBlocks(text: string): Block[] {
  // pdftotext opens each page with a form feed: a page break, not text.
  const lines = withoutPipes(
    text
      .replace(/^\uFEFF/, '')
      .replace(/\f/g, '')
      .split(/\r?\n/),
  );
  const blocks: Block[] = [];
  const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';
  // Only a truly empty line separates rows: a whitespace-only line belongs to the cell above.
  const nextNonEmpty = (from: number): number => {
    let j = from;
    while (j < lines.length && (lines[j] ?? '').replace(/\r$/, '') === '') j++;
    return j;
  };
  const furniture = pageFurniture(lines);
  /**
   * Where a table goes on after a page break inside it: from a blank line or a page's furniture
   * (its number, the running header or footer beside it), over blank lines and furniture, to the
   * next cell; with whether a blank line stood among them (a row ended before the break).
   */
  const pageBreakEnd = (from: number): { to: number; blank: boolean } | undefined => {
    let j = from;
    let blank = false;
    let broke = false;
    for (; j < lines.length; j++) {
      const l = lines[j] ?? '';
      if (l.replace(/\r$/, '') === '') blank = true;
      else if (furniture.has(j)) broke = true;
      else break;
    }
    return broke && cellLine(lines[j] ?? '') ? { to: j, blank } : undefined;
  };
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i] ?? '';
    if (cellLine(raw)) {
      const start = i;
      const rows: TableRow[] = [];
      // The line each cell starts on.
      const cellLines: number[] = [];
      let row: TableRow | undefined;
      while (i < lines.length) {
        const line = lines[i] ?? '';
        const broken = line === '' || furniture.has(i) ? pageBreakEnd(i) : undefined;
        if (broken) {
          // A page broke the table: its furniture is no cell, and a row ended before it ends.
          if (broken.blank) row = undefined;
          i = broken.to;
        } else if (cellLine(line)) {
          if (!row) {
            row = { cells: [], line: i + 1 };
            rows.push(row);
          }
          row.cells.push(clean(line.slice(1)));
          cellLines.push(i + 1);
          i++;
        } else if (isPageNumberText(line) && continuesTable(lines, i + 1)) {
          // A page's number printed where the page broke the table, inside a row or between two.
          i++;
        } else if (line === '') {
          const j = nextNonEmpty(i);
          const next = lines[j];
          if (next !== undefined && cellLine(next)) {
            row = undefined;
            i = j;
          } else if (
            next !== undefined &&
            isPageNumberText(next) &&
            (lines[j + 1] === '' || cellLine(lines[j + 1] ?? ''))
          ) {
            // A page's number alone between a blank line and a blank line or a cell: read on as
            // if it were not there (the blank line before it still parts a row from a cell right
            // after it). A running header after it ends the table, as other text does.
            if (cellLine(lines[j + 1] ?? '')) row = undefined;
            i = j + 1;
          } else if (
            next !== undefined &&
            row &&
            next.trim().length <= 20 &&
            continuesTable(lines, j + 1)
          ) {
            appendToLastCell(row, next);
            i = j + 1;
          } else break;
        } else if (row && !endsTable(line)) {
          appendToLastCell(row, line);
          i++;
        } else break;
      }
      const only = rows.length === 1 ? rows[0] : undefined;
      if (only && only.cells.length > ONE_ROW_CELLS) {
        // No empty line parted its rows: the cells of a whole table one after another, read as
        // lines of text one cell each (as a table exported one cell per line), not as one row.
        only.cells.forEach((cell, k) => {
          // A cell's text wrapped onto lines of its own ("年度" over "指标值") is one cell.
          const text = cell.replace(/\s*\n\s*/g, '');
          if (text !== '')
            blocks.push({ ...textBlock(text, cellLines[k] ?? start + 1), cell: true });
        });
        continue;
      }
      blocks.push({ kind: 'table', text: tableText(rows), line: start + 1, rows });
      continue;
    }
    if (!blank(raw)) {
      const t = clean(raw);
      if (t !== '') blocks.push(textBlock(t, i + 1));
    }
    i++;
  }
  return blocks;
}

/** More cells than a row of any table has: a "row" this long is a whole table's cells. */
const ONE_ROW_CELLS = 16;

/** A line of text as a heading or a paragraph. */
function textBlock(text: string, line: number): Block {
  const h = headingInfo(text);
  return { kind: h && !h.runIn ? 'heading' : 'paragraph', text, line };
}

/** A row of a table written with pipes: "| 分值 | 得分 |", "分值 | 得分 | 偏差原因". */
const PIPE_ROW = /^\s*\|?[^|\t\n]*(?:\|[^|\t\n]*){2,}$/;
/** The rule under a pipe table's header: "|---|:---:|". */
const PIPE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
/** A cell written on a line of its own and closed by a pipe ("分值 |"), or an empty one ("|"). */
const PIPED_CELL = /^([^|]*?)\s*\|\s*$/;
/** How many piped cells in a row make a table rather than lines that end in a pipe. */
const PIPED_RUN = 4;

/** The cells of a pipe row, without the pipes that open and close it. */
function pipeCells(line: string): string[] {
  const t = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return t.split('|').map((c) => c.trim());
}

/** How many lines from i on are of a kind (rules under a header count with pipe rows). */
function runOf(lines: readonly string[], i: number, test: (line: string) => boolean): number {
  let j = i;
  while (j < lines.length && test(lines[j] ?? '')) j++;
  return j - i;
}

const isRule = (line: string): boolean => PIPE_RULE.test(line) && line.includes('-');

/**
 * How many lines from i on are a pipe table's rows: blank lines between two rows (a copy's
 * spacing between paragraphs) do not end it, or a row alone between them would be left unread.
 */
function pipeRun(lines: readonly string[], i: number): number {
  const pipeLine = (l: string): boolean => PIPE_ROW.test(l) || isRule(l);
  let end = i + runOf(lines, i, pipeLine);
  if (end === i) return 0;
  for (;;) {
    let k = end;
    while (k < lines.length && (lines[k] ?? '').trim() === '') k++;
    const more = k === end ? 0 : runOf(lines, k, pipeLine);
    if (more === 0) return end - i;
    end = k + more;
  }
}

/**
 * Tables that copies of web pages write with pipes, made the text the table reader knows (line
 * numbers kept):
 * - Markdown rows ("| 分值 | 得分 |", two or more in a row): a row of tab-parted cells, the rule
 *   under the header an empty line;
 * - one cell per line closed by " |", an empty cell a lone "|" (rows not marked; four or more in
 *   a row): the cells one per line, an empty one an empty line.
 */
function withoutPipes(lines: string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < lines.length;) {
    const rows = pipeRun(lines, i);
    const cells = rows > 0 ? 0 : runOf(lines, i, (l) => PIPED_CELL.test(l));
    const real =
      rows > 0 && lines.slice(i, i + rows).filter((l) => !isRule(l) && l.trim() !== '').length >= 2;
    if (real || cells >= PIPED_RUN) {
      out ??= [...lines];
      for (let k = i; k < i + rows + cells; k++) {
        const line = lines[k] ?? '';
        out[k] = real
          ? isRule(line)
            ? ''
            : pipeCells(line).join('\t')
          : (PIPED_CELL.exec(line)?.[1] ?? '');
      }
    }
    i += Math.max(1, rows + cells);
  }
  return out ?? lines;
}

/**
 * Whether a line is one cell of a table exported one cell per line (a tab, then the cell). A line
 * that holds more tabs after text is a row of tab-separated cells whose first cell is empty (a
 * merged 一级 cell): a row of its own, read like any other line.
 */
const cellLine = (line: string): boolean => {
  if (!line.startsWith('\t')) return false;
  const rest = line.slice(1);
  return !(rest.includes('\t') && rest.trim() !== '');
};

/**
 * A line right after a cell that is no part of it: the table's sign-off (填表人：…), a note under
 * it (说明：…), the next attachment's label or a table's title. With the empty lines between
 * rows dropped, such a line would otherwise be read as the last cell wrapped.
 */
const SIGN_OFF_START = new RegExp(`^${SIGN_OFF_FIELD}`);

function endsTable(line: string): boolean {
  const t = line.trim();
  return (
    SIGN_OFF_START.test(t) ||
    /^(?:说明|备注|注)\s*\d*[：:]/.test(t) ||
    /^附[件表]\s*[\d０-９]{0,2}[：:]?$/.test(t) ||
    (t.length <= 40 && /(?:自评|评价|数据|指标|目标|情况)表[)）]?$/.test(t))
  );
}

/** Whether the table goes on after a line: the next non-blank line starts a cell. */
function continuesTable(lines: readonly string[], from: number): boolean {
  for (let j = from; j < lines.length; j++) {
    const l = lines[j] ?? '';
    if (cellLine(l)) return true;
    if (l.trim() !== '') return false;
  }
  return false;
}

function appendToLastCell(row: TableRow, line: string): void {
  const last = row.cells.length - 1;
  const add = clean(line);
  if (last < 0 || add === '') return;
  row.cells[last] = `${row.cells[last] ?? ''}\n${add}`.trim();
}

function clean(s: string): string {
  const t = s.replace(ARTEFACT, '').trim();
  return SPREAD.test(t) ? t.split('\t').map(unspread).join('\t') : t;
}

/**
 * Text a PDF justified or spread across a cell comes out one character at a time ("项 目 名 称",
 * "分 值", "（ 一 ） 部 门 概 况", "2 0 2 3 年 度"). A cell (a line, or a part between tabs) made
 * only of single characters (Chinese, CJK punctuation, digits or signs, one of them Chinese)
 * parted by single spaces is one word; inside a longer cell, such a run of at least four
 * characters, three of them Chinese, standing between spaces or the cell's ends. Columns aligned
 * with spaces are parted by two or more, and prose has no spaces between its characters, so
 * neither is touched.
 */
const SPREAD_UNIT = '[\\p{Script=Han}（）()《》【】〔〕、，,：；。“”\\d.．%％×÷≥≤=＝<>＜＞/／+-]';
const SPREAD = /[\p{Script=Han}（）\d][ \u3000][\p{Script=Han}（）\d]/u;
const HAS_HAN = /\p{Script=Han}/u;
const SPREAD_CELL = new RegExp(`^${SPREAD_UNIT}(?:[ \\u3000]${SPREAD_UNIT})+$`, 'u');
const SPREAD_RUN = new RegExp(
  `(?<=^|[ \\u3000])${SPREAD_UNIT}(?:[ \\u3000]${SPREAD_UNIT}){3,}(?=$|[ \\u3000])`,
  'gu',
);
const HAN = /\p{Script=Han}/gu;

/** A page's number written with its spaces ("第 1 页 共 2 页") inside a longer line. */
const SPACED_PAGE_MARK = /第[ \u3000]\d{1,3}[ \u3000]页/;

function unspread(cell: string): string {
  const t = cell.trim();
  if (SPREAD_CELL.test(t) && HAS_HAN.test(t)) return t.replace(/[ \u3000]/g, '');
  // A page's footer copied into a line of cells ("… 6 6 第 1 页 共 2 页 …") is no word spread
  // out: joining it would glue the figures before it ("66第1页").
  // Nor is a run that a figure goes on past ("合 计 ： 3 , 6 5 2 . 1 4" with more digits after
  // it): where the figure ends is not known, and a figure cut in two is worse than one left spread.
  return cell.replace(SPREAD_RUN, (run, at: number) =>
    (run.match(HAN)?.length ?? 0) >= 3 &&
    !SPACED_PAGE_MARK.test(run) &&
    !(FIGURE_END.test(run) && FIGURE_START.test(cell.slice(at + run.length))) &&
    !(FIGURE_START.test(run) && FIGURE_END.test(cell.slice(0, at)))
      ? run.replace(/[ \u3000]/g, '')
      : run,
  );
}

/** A figure's last character before a space, or its first after one. */
const FIGURE_END = /[\d,.，．][ \u3000]*$/;
const FIGURE_START = /^[ \u3000]*[\d,.，．]/;

/**
 * The lines that are a page's furniture: page numbers and the running header or footer beside
 * them, judged among the lines that are not blank (a table's cell lines are never furniture).
 */
function pageFurniture(lines: readonly string[]): Set<number> {
  // Only a truly empty line is blank: a line of a tab alone is an empty cell.
  const filled = lines.flatMap((l, i) => (l.replace(/\r$/, '') === '' ? [] : [i]));
  // Most texts have no page number: nothing to judge.
  if (!filled.some((i) => (lines[i] ?? '').length <= 24 && isPageNumberText(lines[i] ?? '')))
    return new Set();
  const found = furnitureAmong(
    filled.map((i) => (cellLine(lines[i] ?? '') ? undefined : lines[i])),
  );
  return new Set([...found].map((k) => filled[k] ?? -1));
}
