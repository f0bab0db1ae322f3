import {
  fen,
  formatFen,
  gradeFor,
  normalizeDigits,
  parseDecimalToFen,
  RulebookOptions,
} from '@jixiao/domain';
import type { Finding, FindingCategory, MoneyUnit, Severity } from '@jixiao/domain';
import type { Block } from '../read/block.ts';
import { figureIn, isListTable, listHeaderOf, roleOf, rowCells } from '../extract/list-header.ts';
import type { ListHeader, ListRole } from '../extract/list-header.ts';
import { withoutStrayGaps } from '../extract/text-tables.ts';
import { str } from './message-params.ts';
import type { Params } from './message-params.ts';

/**
 * Tables that list items one per row (绩效自评结果公开: 项目名称 | 预算金额 | 执行金额 | 执行率 |
 * 自评得分 | 自评等级, and a 合计 row), found by their header's words whatever the column order:
 * each row's 执行率 against its own amounts, the 合计 row against the rows above it, and each
 * row's 等级 against its 得分. Rows come from real tables (.docx, html, .xlsx, one cell per
 * line) and from lines of text parted by tabs or by runs of two or more spaces.
 */
export type ListTableCode = 'DOC_LIST_RATE' | 'DOC_LIST_SUM' | 'DOC_LIST_GRADE';

const CATEGORY: Record<ListTableCode, FindingCategory> = {
  DOC_LIST_RATE: 'ratio',
  DOC_LIST_SUM: 'sum',
  DOC_LIST_GRADE: 'grade',
};

export function listTableMessage(code: ListTableCode, p: Params): string {
  switch (code) {
    case 'DOC_LIST_RATE':
      return `“${str(p, 'name')}”执行率填写为${str(p, 'stated')}，按执行数${str(p, 'executed')}÷预算数${str(p, 'budget')}应为${str(p, 'expected')}`;
    case 'DOC_LIST_SUM':
      return `${str(p, 'label')}“${str(p, 'column')}”填写为${str(p, 'stated')}，各行合计为${str(p, 'expected')}（共${str(p, 'rows')}行），相差${str(p, 'difference')}`;
    case 'DOC_LIST_GRADE':
      return `“${str(p, 'name')}”自评得分${str(p, 'score')}分，等级写为“${str(p, 'stated')}”；按通行的等级标准（${str(p, 'bands')}）应为“${str(p, 'expected')}”。表中未写明所依据的等级标准，请核实`;
  }
}

const decimals = (figure: string): number =>
  /\.(\d+)$/.exec(normalizeDigits(figure))?.[1]?.length ?? 0;
export const TOTAL_ROW = /^(?:合计|总计|小计|共计)$/;
/** The words a grade is written in, and the grade each one is. */
export const GRADE_WORDS: readonly [RegExp, string][] = [
  [/^优秀?$/, '优'],
  [/^良好?$/, '良'],
  [/^中等?$/, '中'],
  [/^(?:较)?差$/, '差'],
];

export interface Grid {
  rows: string[][];
  line: number;
  /** The line of each row, where the reader knows it. */
  lines: number[];
  /**
   * Whether each cell stands in its column (real tables, cells parted by tabs). Columns aligned
   * with spaces lose their empty cells: a row with fewer cells than the header cannot be placed.
   */
  exact: boolean;
}

/** Consecutive lines of text parted by tabs, or by runs of two or more spaces, into cells. */
export function textGrids(blocks: readonly Block[]): Grid[] {
  const grids: Grid[] = [];
  let run: Grid | undefined;
  for (const b of blocks) {
    const cells =
      b.kind === 'table'
        ? undefined
        : b.text.includes('\t')
          ? b.text.split('\t').map((c) => c.trim())
          : / {2,}|\u3000/.test(b.text.trim())
            ? b.text.trim().split(/(?: {2,}|\u3000+)/)
            : undefined;
    if (cells && cells.length >= 3) {
      run ??= { rows: [], line: b.line, lines: [], exact: b.text.includes('\t') };
      run.rows.push(cells);
      run.lines.push(b.line);
      continue;
    }
    if (run && run.rows.length >= 2) grids.push(run);
    run = undefined;
  }
  if (run && run.rows.length >= 2) grids.push(run);
  return grids;
}

function tableGrids(blocks: readonly Block[]): Grid[] {
  return blocks.flatMap((b) =>
    b.kind === 'table' && b.rows && b.rows.length >= 2
      ? [
          {
            rows: b.rows.map(rowCells),
            line: b.line,
            lines: b.rows.map((r) => r.line ?? b.line),
            exact: true,
          },
        ]
      : [],
  );
}

function finding(
  code: ListTableCode,
  severity: Severity,
  line: number,
  excerpt: string,
  params: Params,
): Finding {
  return {
    code,
    category: CATEGORY[code],
    severity,
    message: listTableMessage(code, params),
    path: 'tables',
    params,
    stated: str(params, 'stated'),
    expected: str(params, 'expected'),
    line,
    excerpt,
  };
}

/** The rulebooks' default grades (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差), and their bands in words. */
export const DEFAULT_GRADES = RulebookOptions.parse({}).grades ?? [];
/** Grades' bands in words: "90分及以上为优、80–90分为良、…". */
export function bandsText(grades: readonly { label: string; min: number }[]): string {
  return [...grades]
    .sort((a, b) => b.min - a.min)
    .map((g, i, all) =>
      i === 0
        ? `${g.min}分及以上为${g.label}`
        : g.min === 0
          ? `${all[i - 1]?.min ?? ''}分以下为${g.label}`
          : `${g.min}–${all[i - 1]?.min ?? ''}分为${g.label}`,
    )
    .join('、');
}
export const DEFAULT_BANDS = bandsText(DEFAULT_GRADES);

/** Checks every list table of the document, and every table of counts with a 合计 row. */
export function checkListTables(blocks: readonly Block[]): Finding[] {
  const out: Finding[] = [];
  const grids = headedGrids(blocks);
  for (const { grid, header } of grids) {
    if (header) out.push(...checkGrid(grid, header));
    else out.push(...checkCountGrid(grid));
  }
  const read = new Set(grids.flatMap(({ grid }) => grid.lines));
  out.push(...checkHeaderlessTotals(blocks).filter((f) => !read.has(f.line ?? -1)));
  out.push(...checkSideBySideTotals(blocks));
  return out;
}

/** The run of label and figure pairs from `from` up to `to`, as written, for an excerpt. */
const excerptOfRun = (
  pairs: readonly { label: string; figure?: string }[],
  from: number,
  to: number,
): string =>
  pairs
    .slice(from, to)
    .map((p) => (p.figure === undefined ? p.label : `${p.label} ${p.figure}`))
    .join(' ')
    .slice(0, 120);

/** A label of a form's row: a short run of words with no figure in it. */
const ROW_LABEL = /^\p{Script=Han}[\p{Script=Han}（）()、]{0,11}$/u;

/**
 * Blocks of a form printed side by side and read row by row, each label with its figure ("合计
 * 41375 合计 32258 合计 29376.6 省财政投入 41375 省财政投入 32258 省财政投入 29376.6 其他投入
 * 其他投入 其他投入": 投入总金额, 到位金额 and 实际支出, each with its 合计 and sources): a label
 * of totals said k times, then each part's label k times with its figures or none. Each block's
 * 合计 is held against its parts (a warning: the blocks' headers stand elsewhere).
 */
function checkSideBySideTotals(blocks: readonly Block[]): Finding[] {
  const out: Finding[] = [];
  // A total's label standing as a word of its own is said twice at least: most texts hold no
  // run of them, and their words are not split.
  let said = 0;
  for (const b of blocks)
    if (b.kind !== 'table' && b.text.includes('计')) said += b.text.match(TOTAL_WORD)?.length ?? 0;
  if (said < 2) return out;
  // The words of the text in order, each with its line: a PDF's text may give the run on one
  // line or a word a line.
  const words: { word: string; line: number }[] = [];
  for (const b of blocks)
    if (b.kind !== 'table')
      for (const word of b.text.trim().split(/[\s\u3000]+/)) words.push({ word, line: b.line });
  // Label and figure pairs; a label followed by no figure has none.
  const pairs: { label: string; figure?: string; line: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const { word: w, line } = words[i] ?? { word: '', line: 0 };
    if (!ROW_LABEL.test(w)) {
      pairs.push({ label: '', line });
      continue;
    }
    const next = words[i + 1]?.word ?? '';
    if (isAmountCell(next)) {
      pairs.push({ label: w, figure: next, line });
      i++;
    } else pairs.push({ label: w, line });
  }
  for (let t = 0; t < pairs.length; t++) {
    const total = pairs[t];
    if (!total || !TOTAL_ROW.test(total.label)) continue;
    let k = 0;
    while (pairs[t + k]?.label === total.label && pairs[t + k]?.figure !== undefined) k++;
    if (k < 2) continue;
    // The parts: runs of k under one label each, until a run breaks the pattern.
    const parts: { label: string; figures: (string | undefined)[] }[] = [];
    let at = t + k;
    for (;;) {
      const label = pairs[at]?.label ?? '';
      if (label === '' || TOTAL_ROW.test(label)) break;
      const run = pairs.slice(at, at + k);
      if (run.length < k || run.some((p) => p.label !== label)) break;
      parts.push({ label, figures: run.map((p) => p.figure) });
      at += k;
    }
    if (parts.length < 1 || !parts.some((p) => p.figures.some((f) => f !== undefined))) continue;
    for (let c = 0; c < k; c++) {
      const written = pairs[t + c]?.figure ?? '';
      const values = parts.map((p) => p.figures[c]);
      const sum = columnSum(values);
      const stated = cellFen(written);
      if (Number.isNaN(stated) || Number.isNaN(sum) || sum === stated) continue;
      out.push(
        listSumWarning(total.line, excerptOfRun(pairs, t, at), total.label, `第${c + 1}组`, {
          written,
          values,
          rows: parts.length,
        }),
      );
    }
    t = at - 1;
  }
  return out;
}

/** A total's label standing as a word of its own in a line of words. */
const TOTAL_WORD = /(?<![^\s\u3000])(?:合计|总计|小计|共计)(?![^\s\u3000])/g;

/** A cell's figure in 分 of its unit (read as 万元: only the digits matter), NaN when it is none. */
const cellFen = (cell: string): number =>
  parseDecimalToFen(normalizeDigits(cell).replace(/,/g, ''), '万元') ?? NaN;

/** The exact sum of a column's figures: an empty place adds nothing, a place that is no figure makes it NaN. */
const columnSum = (cells: readonly (string | undefined)[]): number =>
  cells.reduce((a: number, f) => a + (f === undefined ? 0 : cellFen(f)), 0);

/** A warning that a column's written total is not the sum of its rows, at the places they are written to. */
function listSumWarning(
  line: number,
  excerpt: string,
  label: string,
  column: string,
  {
    written,
    values,
    rows,
  }: { written: string; values: readonly (string | undefined)[]; rows: number },
): Finding {
  const sum = columnSum(values);
  const places = Math.max(decimals(written), ...values.map((f) => decimals(f ?? '')));
  return finding('DOC_LIST_SUM', 'warning', line, excerpt, {
    label,
    column,
    stated: written,
    expected: formatFen(fen(sum), '万元', places),
    difference: formatFen(fen(Math.abs(sum - cellFen(written))), '万元', places),
    rows,
  });
}

/** A figure of money or measure as a cell holds it alone: "1024.42", "1,265.00", "900". */
const AMOUNT_CELL = /^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
/** Whether a cell holds a figure alone, in half-width or full-width digits (１０２４．４２). */
const isAmountCell = (cell: string): boolean => AMOUNT_CELL.test(normalizeDigits(cell));
/** How far above its 合计 a headerless list is read: a page's worth of cells. */
const HEADERLESS_REACH = 80;

/**
 * A list cut from its header (a page's text that begins mid-table), one cell per line: rows of a
 * label and its figures (perhaps opened by their 序号), then a 合计 and the column totals. The
 * figures of each row are set under the totals from the left; a column is checked only when
 * another one adds up exactly, which shows the columns were set right. A warning: no header
 * says what the columns are.
 */
function checkHeaderlessTotals(blocks: readonly Block[]): Finding[] {
  const lines = blocks.filter(
    (b) => b.kind === 'paragraph' && b.text.trim() !== '' && !PAGE_NUMBER.test(b.text.trim()),
  );
  const text = (k: number): string => (lines[k]?.text ?? '').trim();
  const out: Finding[] = [];
  for (let t = 0; t < lines.length; t++) {
    if (!TOTAL_ROW.test(text(t).replace(/[\s\u3000]+/g, ''))) continue;
    const totals: string[] = [];
    for (let k = t + 1; isAmountCell(text(k)); k++) totals.push(text(k));
    if (totals.length < 2) continue;
    // Back over rows: figures, each run opened by a label of words.
    const rows: { label: string; cells: string[] }[] = [];
    let cells: string[] = [];
    for (let k = t - 1; k >= Math.max(0, t - HEADERLESS_REACH); k--) {
      const cell = text(k);
      if (isAmountCell(cell)) cells.unshift(cell);
      else if (
        /\p{Script=Han}/u.test(cell) &&
        !/\d{2,}/.test(cell.replace(/(?:19|20)\d{2}年/g, ''))
      ) {
        if (cells.length === 0) break;
        rows.unshift({ label: cell, cells });
        cells = [];
      } else break;
    }
    if (rows.length < 3) continue;
    // A whole number closing every row but the last, counting up by one, is the next row's 序号.
    const tail = rows.slice(0, -1).map((r) => r.cells[r.cells.length - 1] ?? '');
    const numbered =
      tail.every((c) => /^\d{1,3}$/.test(c)) &&
      tail.every((c, i) => i === 0 || Number(c) === Number(tail[i - 1]) + 1);
    const figures = rows.map((r, i) =>
      numbered && i < rows.length - 1 ? r.cells.slice(0, -1) : r.cells,
    );
    if (figures.some((f) => f.length < totals.length)) continue;
    // Every figure under a column is there: none is missing from a row.
    const columns = totals.map((_, c) => figures.map((f) => f[c] ?? ''));
    const sums = columns.map(columnSum);
    const stated = totals.map(cellFen);
    if (sums.some((v) => Number.isNaN(v)) || stated.some((v) => Number.isNaN(v))) continue;
    if (!sums.some((v, c) => v === stated[c])) continue;
    totals.forEach((written, c) => {
      if (sums[c] === stated[c]) return;
      out.push(
        listSumWarning(
          lines[t]?.line ?? 0,
          [text(t), ...totals].join(' | '),
          text(t),
          `第${c + 1}列数字`,
          {
            written,
            values: columns[c] ?? [],
            rows: rows.length,
          },
        ),
      );
    });
  }
  return out;
}

/** Every grid of a document: real tables, lines parted by tabs or spaces, cells one per line. */
function allGrids(blocks: readonly Block[]): Grid[] {
  return [
    ...tableGrids(blocks),
    ...textGrids(blocks),
    ...spacedGrids(blocks),
    ...cellPerLineGrids(blocks),
  ];
}

/** The list tables of a document (items one per row with their figures), with their headers. */
export function listGrids(blocks: readonly Block[]): { grid: Grid; header: ListHeader }[] {
  return headedGrids(blocks).flatMap(({ grid, header }) => (header ? [{ grid, header }] : []));
}

/** Grids and headers read once per document: three checks ask for them (none changes them). */
const headed = new WeakMap<readonly Block[], { grid: Grid; header: ListHeader | undefined }[]>();
function headedGrids(blocks: readonly Block[]): { grid: Grid; header: ListHeader | undefined }[] {
  let hit = headed.get(blocks);
  if (!hit) {
    hit = allGrids(blocks).map((grid) => {
      if (isListTable(grid.rows)) return { grid, header: listHeaderOf(grid.rows) };
      // Items as columns and figures as rows (项目 | 上年结转 | 本年财政拨款 | 其他资金 | 合计 over
      // rows 全年预算数 | 全年执行数 | 执行率): the same list turned on its side.
      const turned = transposed(grid);
      return turned && isListTable(turned.rows, true)
        ? { grid: turned, header: listHeaderOf(turned.rows) }
        : { grid, header: undefined };
    });
    headed.set(blocks, hit);
  }
  return hit;
}

/** A grid whose cells all stand in their columns, its rows made columns; else undefined. */
function transposed(grid: Grid): Grid | undefined {
  const width = grid.rows[0]?.length ?? 0;
  if (!grid.exact || width < 3 || grid.rows.some((r) => r.length !== width)) return undefined;
  const rows = Array.from({ length: width }, (_, c) => grid.rows.map((r) => r[c] ?? ''));
  return { rows, line: grid.line, lines: rows.map(() => grid.line), exact: true };
}

/**
 * Lines of a table printed with its cells parted by single spaces ("行政编制 42 40", "基本支出
 * 1,486.20 1,552.40 1,532.18 98.70%"), as a PDF's text gives a small table: a label and figures
 * on each line, the same count of them on every line, with the header line above when it has as
 * many words.
 */
function spacedGrids(source: readonly Block[]): Grid[] {
  // A table read from lines of text (a row a line, its cells not parted) gives its lines back.
  const blocks: Block[] = source.flatMap((b): Block[] =>
    b.kind === 'table' && b.rows?.every((r) => r.cells.length === 1 && !r.cells[0]?.includes('\t'))
      ? b.rows.map((r) => ({ kind: 'paragraph', text: r.cells[0] ?? '', line: r.line ?? b.line }))
      : [b],
  );
  const grids: Grid[] = [];
  let run: Grid | undefined;
  const close = (): void => {
    if (run && run.rows.length >= 3) grids.push(run);
    run = undefined;
  };
  // The line of a header whose last word is 备注: its rows may end on a remark, set aside.
  let remarks = false;
  for (const [k, b] of blocks.entries()) {
    let cells = b.kind === 'table' ? [] : labelJoined(b.text.trim().split(/[ \u3000]+/));
    if (
      cells.length >= 3 &&
      REMARKS.test(cells[cells.length - 1] ?? '') &&
      cells.every((c) => figureIn(c) === undefined)
    ) {
      close();
      remarks = true;
      continue;
    }
    const last = cells[cells.length - 1] ?? '';
    if (
      remarks &&
      cells.length >= 4 &&
      figureIn(last) === undefined &&
      !/^\d+(?:\.\d+)?%$/.test(last)
    )
      cells = cells.slice(0, -1);
    // A change on the year before may be written with its sign ("-1.35").
    const counts =
      cells.length >= 2 &&
      /^\p{Script=Han}[^\d]*$/u.test(cells[0] ?? '') &&
      cells
        .slice(1)
        .every((c) => /^[-−]?\d/.test(c) && figureIn(c.replace(/^[-−]/, '')) !== undefined);
    if (!counts) {
      close();
      remarks = false;
      continue;
    }
    if (run && (run.rows[run.rows.length - 1]?.length ?? 0) !== cells.length) close();
    if (!run) {
      run = { rows: [], line: b.line, lines: [], exact: true };
      // The header line may stand before a page's footer that parts it from the rows.
      let a = k - 1;
      while (a > 0 && blocks[a]?.kind !== 'table' && PAGE_NUMBER.test(blocks[a]?.text.trim() ?? ''))
        a--;
      const above = blocks[a];
      // A header word a stray space parted ("全年预 算数", "全年 执行") is one word.
      const words =
        above && above.kind !== 'table'
          ? headerFitted(above.text.trim().split(/[ \u3000]+/), cells.length)
          : [];
      const head =
        remarks && REMARKS.test(words[words.length - 1] ?? '') ? words.slice(0, -1) : words;
      if (head.length === cells.length && head.every((c) => figureIn(c) === undefined)) {
        run.rows.push(head);
        run.lines.push(above?.line ?? b.line);
        run.line = above?.line ?? b.line;
      }
    }
    run.rows.push(cells);
    run.lines.push(b.line);
  }
  close();
  return grids;
}

/**
 * A header line's words with the stray spaces inside its cells mended, down to the rows' count
 * of cells: two words are one where together they name a column ("全年 执行", "支 出金额（万元）")
 * and the first names none alone.
 */
function headerFitted(given: readonly string[], cells: number): string[] {
  const words = withoutStrayGaps(given);
  while (words.length > cells) {
    const at = words.findIndex(
      (w, i) =>
        i + 1 < words.length &&
        /\p{Script=Han}$/u.test(w) &&
        /^\p{Script=Han}/u.test(words[i + 1] ?? '') &&
        roleOf(w) === undefined &&
        roleOf(`${w}${words[i + 1] ?? ''}`) !== undefined,
    );
    if (at < 0) break;
    words.splice(at, 2, `${words[at] ?? ''}${words[at + 1] ?? ''}`);
  }
  return words;
}

/**
 * A row's label that a stray space parted ("八五三 农场 10.20 1,530.00…", as a PDF's or a web
 * page's text spaces a cell's words) is one label: the words of Chinese before its first figure.
 */
function labelJoined(words: readonly string[]): string[] {
  const first = words.findIndex((w) => !/^\p{Script=Han}[^\d]*$/u.test(w));
  if (first <= 1 || first === words.length) return [...words];
  return [words.slice(0, first).join(''), ...words.slice(first)];
}

/** A page's number on a line of its own ("— 3 —", "第3页"). */
const PAGE_NUMBER = /^[—–-]\s*\d+\s*[—–-]$|^第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?$/;
/** A header word or a row's label: a short text without figures. */
const LABEL = /^\p{Script=Han}[^\d]{0,11}$/u;
const FIGURE_CELL = /^\d/;

/**
 * A small table a PDF's text gives one cell per line ("年级" | "班级数" | "学生人数" | "高一" | "16"
 * | "812" …): k header words, then at least two rows of a label and k − 1 figures, read until a
 * line breaks the pattern (a page's number between them is passed over).
 */
function cellPerLineGrids(blocks: readonly Block[]): Grid[] {
  const lines = blocks.filter(
    (b) => b.kind !== 'table' && !PAGE_NUMBER.test(b.text.trim()) && b.text.trim() !== '',
  );
  const text = (k: number): string => lines[k]?.text.trim() ?? '';
  const isLabel = (k: number): boolean => LABEL.test(text(k));
  const isFigure = (k: number): boolean =>
    FIGURE_CELL.test(text(k)) && figureIn(text(k)) !== undefined;
  const grids: Grid[] = [];
  let i = 0;
  while (i < lines.length) {
    let found: Grid | undefined;
    let next = i + 1;
    for (let width = 2; width <= 5 && !found; width++) {
      if (![...Array(width).keys()].every((c) => isLabel(i + c))) break;
      // A last column of 备注: a row's remark, when written, is the line after its figures.
      const remarks = width >= 3 && REMARKS.test(text(i + width - 1));
      const cells = remarks ? width - 1 : width;
      const startsRow = (k: number): boolean =>
        isLabel(k) && [...Array(cells - 1).keys()].every((c) => isFigure(k + 1 + c));
      const rows: string[][] = [];
      const at: number[] = [];
      let k = i + width;
      while (startsRow(k)) {
        rows.push([...Array(cells).keys()].map((c) => text(k + c)));
        at.push(lines[k]?.line ?? 0);
        k += cells;
        if (remarks && !startsRow(k) && text(k) !== '' && !isFigure(k) && startsRow(k + 1)) k++;
      }
      if (rows.length >= 3) {
        found = {
          rows: [[...Array(cells).keys()].map((c) => text(i + c)), ...rows],
          line: lines[i]?.line ?? 0,
          lines: [lines[i]?.line ?? 0, ...at],
          exact: true,
        };
        next = k;
      }
    }
    if (found) grids.push(found);
    i = next;
  }
  return grids;
}

/** A header's words of things counted: 编制数, 实有人数, 户数, or a count's unit in brackets. */
const COUNT_HEADER =
  /人数|编制|名额|个数|数量|户数|人次|床位|[（(](?:人|名|个|户|所|家|辆|台|套|项|次|张|间)[）)]/;
/** A list's column of things counted (补贴人次, 受益户数, 学校数（所）), summed by its 合计. */
export const COUNTED =
  /人数|人次|户数|个数|数量|[（(](?:人|名|个|户|所|家|辆|台|套|项|次|张|间|人次|户次)[）)]$/;
/** Per head, rates, standards, ranks: figures that no 合计 adds. */
export const NOT_COUNTED = /率|比|均|标准|单价|得分|分值|权重|序号|排名|名次|年/;

/** Header words of money, scores or rates: such a table is not one of counts. */
const NOT_COUNTS = /万元|元|预算|支出|金额|资金|得分|分值|权重|率|%|％|指标/;
const WHOLE = /^\d{1,3}(?:,\d{3})+$|^\d+$/;

/** A last column of remarks (备注, 说明): words beside the counts, none of them. */
const REMARKS = /^(?:备注|说明|备注说明)$/;

/** The grid without its last column when that column is one of remarks. */
function withoutRemarks(grid: Grid): Grid {
  const width = grid.rows[0]?.length ?? 0;
  const last = (grid.rows[0]?.[width - 1] ?? '').replace(/[\s\u3000]+/g, '');
  if (width < 3 || !REMARKS.test(last) || grid.rows.some((r) => r.length !== width)) return grid;
  return { ...grid, rows: grid.rows.map((r) => r.slice(0, width - 1)) };
}

/**
 * A table of counts (人员类别 | 编制数 | 实有人数, and a 合计 row): each column's 合计 against the
 * rows above it. Only a flat table is checked: no 其中 or 小计 row, no row that is the sum of the
 * rows after it (a class and its parts), every figure a whole number; a last column of 备注 is
 * left aside.
 */
function checkCountGrid(given: Grid): Finding[] {
  const grid = withoutRemarks(given);
  const [header, ...rest] = grid.rows;
  if (!header || header.length < 2) return [];
  const heads = header.map((c) => c.replace(/[\s\u3000]+/g, ''));
  if (heads.some((c) => figureIn(c) !== undefined)) return [];
  if (!heads.slice(1).some((c) => COUNT_HEADER.test(c))) return [];
  if (grid.rows.some((r) => r.some((c) => NOT_COUNTS.test(c)))) return [];
  const items: { row: string[]; line: number }[] = [];
  let total: { row: string[]; line: number } | undefined;
  for (const [k, row] of rest.entries()) {
    const line = grid.lines[k + 1] ?? grid.line;
    const label = (row[0] ?? '').replace(/[\s\u3000]+/g, '');
    if (row.length !== header.length) return [];
    if (/小计|^其中|^含/.test(label)) return [];
    const figures = row.slice(1).map((c) => c.trim());
    if (figures.some((c) => !WHOLE.test(c))) return [];
    if (/^(?:合计|总计|共计)$/.test(label)) {
      total = { row, line };
      break;
    }
    if (!/\p{Script=Han}/u.test(label)) return [];
    items.push({ row, line });
  }
  if (!total || items.length < 2) return [];
  const value = (row: readonly string[], c: number): number => Number(row[c]?.replace(/,/g, ''));
  // A row that is the sum of the rows right after it is their class: not a flat table.
  for (let i = 0; i < items.length; i++)
    for (let j = i + 2; j < items.length; j++) {
      const sums = header.every(
        (_, c) =>
          c === 0 ||
          value(items[i]?.row ?? [], c) ===
            items.slice(i + 1, j + 1).reduce((a, it) => a + value(it.row, c), 0),
      );
      if (sums) return [];
    }
  const out: Finding[] = [];
  for (let c = 1; c < header.length; c++) {
    const stated = value(total.row, c);
    const sum = items.reduce((a, it) => a + value(it.row, c), 0);
    if (sum === stated) continue;
    out.push(
      finding('DOC_LIST_SUM', 'warning', total.line, total.row.join(' | ').slice(0, 120), {
        label: (total.row[0] ?? '合计').trim(),
        column: heads[c] ?? '',
        stated: String(stated),
        expected: String(sum),
        difference: String(Math.abs(sum - stated)),
        rows: items.length,
      }),
    );
  }
  return out;
}

function checkGrid(grid: Grid, header: ListHeader): Finding[] {
  const out: Finding[] = [];
  const col = (role: ListRole): number | undefined => header.columns.get(role);
  const cell = (row: readonly string[], role: ListRole): string | undefined => {
    const c = col(role);
    return c === undefined ? undefined : row[c];
  };
  const width = grid.rows[header.row]?.length ?? 0;
  const items: { row: string[]; line: number }[] = [];
  let total: { row: string[]; line: number } | undefined;
  let subtotals = false;
  let unplaced = false;
  for (let r = header.row + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const line = grid.lines[r] ?? grid.line;
    // A row with more cells than the header's is not one of its rows (merged or cut): stop.
    // Fewer: the empty cells at its end were dropped.
    if (row.length > width) break;
    const placed = grid.exact || row.length === width;
    const label = (row.find((c) => c.trim() !== '') ?? '').replace(/[\s\u3000]+/g, '');
    if (TOTAL_ROW.test(label) || TOTAL_ROW.test((cell(row, 'name') ?? '').replace(/\s+/g, ''))) {
      if (/小计/.test(label)) subtotals = true;
      if (placed) total = { row, line };
      break;
    }
    if (!placed) {
      unplaced = true;
      continue;
    }
    if (/^其中/.test((cell(row, 'name') ?? '').trim())) subtotals = true;
    items.push({ row, line });
  }
  const excerpt = (row: readonly string[]): string => row.join(' | ').slice(0, 120);
  const unitOf = (role: ListRole): MoneyUnit => header.units.get(role) ?? '万元';

  // Each row's 执行率, the 合计 row's too.
  for (const { row, line } of total ? [...items, total] : items) {
    const budget = figureIn(cell(row, 'budget'));
    const executed = figureIn(cell(row, 'executed'));
    const rate = figureIn(cell(row, 'rate'));
    if (budget === undefined || executed === undefined || rate === undefined) continue;
    const b = Number(budget);
    const e = Number(executed);
    if (b <= 0) continue;
    const computed = (100 * e) / b;
    // Half a step of the rate as written, and what half a step of each amount can move it.
    const tolerance =
      0.5 * 10 ** -decimals(rate) +
      computed *
        ((0.5 * 10 ** -decimals(executed)) / Math.max(e, 1e-9) +
          (0.5 * 10 ** -decimals(budget)) / b) +
      1e-9;
    if (Math.abs(computed - Number(rate)) <= tolerance) continue;
    const shown = `${computed.toFixed(Math.max(2, decimals(rate)))}%`;
    out.push(
      finding('DOC_LIST_RATE', 'error', line, excerpt(row), {
        name: (cell(row, 'name') ?? '').trim() || '合计',
        stated: `${rate}%`,
        expected: shown,
        executed,
        budget,
      }),
    );
  }

  // The 合计 row against the rows above it (not where 小计 or 其中 rows would count twice).
  if (total && !subtotals && !unplaced && items.length >= 2) {
    for (const role of ['budget', 'executed'] as const) {
      const stated = figureIn(cell(total.row, role));
      const parts = items.map(({ row }) => cell(row, role));
      if (
        stated === undefined ||
        parts.some((p) => figureIn(p) === undefined && (p ?? '').trim() !== '')
      )
        continue;
      const unit = unitOf(role);
      // Exact in 分 (BigInt: a long list in 元 may pass 2^53 分).
      const fen = (f: string | undefined): bigint | undefined => {
        const v = f === undefined ? 0 : parseDecimalToFen(f, unit);
        return v === undefined ? undefined : BigInt(v);
      };
      const values = parts.map((p) => fen(figureIn(p)));
      const whole = fen(stated);
      if (whole === undefined || values.some((v) => v === undefined)) continue;
      const sum = values.reduce<bigint>((a, v) => a + (v ?? 0n), 0n);
      // Half a step of the last decimal written, for the total and for each row.
      const places = Math.max(decimals(stated), ...parts.map((p) => decimals(figureIn(p) ?? '')));
      const step =
        parseDecimalToFen(places === 0 ? '1' : `0.${'0'.repeat(places - 1)}1`, unit) ?? 1;
      const tolerance = BigInt(Math.max(1, Math.ceil((step / 2) * (parts.length + 1))));
      const difference = sum > whole ? sum - whole : whole - sum;
      if (difference <= tolerance) continue;
      const show = (v: bigint): string =>
        `${formatFen(v, unit, Math.min(4, Math.max(2, places)))}${unit}`;
      out.push(
        finding('DOC_LIST_SUM', 'error', total.line, excerpt(total.row), {
          label: (total.row.find((c) => c.trim() !== '') ?? '合计').trim(),
          column: (grid.rows[header.row]?.[col(role) ?? 0] ?? '').trim(),
          stated: show(whole),
          expected: show(sum),
          difference: show(difference),
          rows: items.length,
        }),
      );
    }
  }

  // Columns of things counted beside the money (补贴人次, 受益户数): their 合计 too, in whole numbers.
  if (total && !subtotals && !unplaced && items.length >= 2) {
    const taken = new Set(header.columns.values());
    (grid.rows[header.row] ?? []).forEach((head, c) => {
      const words = head.replace(/[\s\u3000]+/g, '');
      if (taken.has(c) || !COUNTED.test(words) || NOT_COUNTED.test(words)) return;
      const stated = total.row[c]?.replace(/[,，\s]/g, '') ?? '';
      const parts = items.map(({ row }) => row[c]?.replace(/[,，\s]/g, '') ?? '');
      if (!WHOLE.test(stated) || !parts.every((p) => WHOLE.test(p))) return;
      const sum = parts.reduce((a, p) => a + Number(p), 0);
      if (sum === Number(stated)) return;
      out.push(
        finding('DOC_LIST_SUM', 'error', total.line, excerpt(total.row), {
          label: (total.row.find((x) => x.trim() !== '') ?? '合计').trim(),
          column: head.trim(),
          stated,
          expected: String(sum),
          difference: String(Math.abs(sum - Number(stated))),
          rows: items.length,
        }),
      );
    });
  }

  // Each row's 等级 against its 得分, by the bands most rulebooks use.
  for (const { row, line } of items) {
    const score = figureIn(cell(row, 'score'));
    const written = (cell(row, 'grade') ?? '').replace(/[\s\u3000]+/g, '');
    const stated = GRADE_WORDS.find(([re]) => re.test(written))?.[1];
    if (score === undefined || stated === undefined || Number(score) > 100) continue;
    const expected = gradeFor(Number(score), DEFAULT_GRADES);
    if (expected === null || expected === stated) continue;
    out.push(
      finding('DOC_LIST_GRADE', 'warning', line, excerpt(row), {
        name: (cell(row, 'name') ?? '').trim(),
        score,
        stated: written,
        expected,
        bands: DEFAULT_BANDS,
      }),
    );
  }
  return out;
}
