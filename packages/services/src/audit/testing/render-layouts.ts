import { formatFen, parseAmount } from '@jixiao/domain';
import type { WriterBlock } from './writer-types.ts';

/**
 * Other provinces' renderings of the same report, for tests that the reader understands a table
 * by meaning and not by the writer's layout: how cells are written out, header wordings, column
 * order, amounts in 元, and the target split into 指标性质 | 指标值 | 度量单位.
 */
export interface Layout {
  /**
   * `cell-per-line`: a web page saved as text, one cell per line with blank lines between and
   * empty cells dropped; `flattened`: PDF text, a row's cells run together on one line;
   * `pipe-rows`: a web page's table as Markdown, a row per line, cells parted by pipes (merged
   * cells empty) under a header rule; `piped-cells`: as some copies of web pages keep a table, one
   * cell per line closed by " |", an empty cell a lone "|", rows not marked.
   */
  cells: 'cell-per-line' | 'flattened' | 'pipe-rows' | 'piped-cells';
  synonyms?: boolean;
  swapColumns?: boolean;
  yuan?: boolean;
  splitTarget?: boolean;
  /** Changes a row of a table before it is written (for planted errors). */
  mutate?: (row: readonly string[], block: 'fund' | 'indicator' | 'none') => string[];
}

const SYNONYMS: Readonly<Record<string, string>> = {
  年初预算数: '年初预算',
  全年预算数: '调整后预算数',
  全年执行数: '实际支出',
  执行率: '预算执行率',
  分值: '权重',
  得分: '自评得分',
  年度指标值: '指标值',
  实际完成值: '全年完成值',
  偏差原因分析及改进措施: '未完成原因分析',
};

type Grid = string[][];

/** The table with merged cells spelt out: a covered position is an empty string. */
function grid(rows: readonly { text: string; rowSpan?: number; colSpan?: number }[][]): Grid {
  const out: Grid = [];
  const covered = new Map<number, number>();
  for (const row of rows) {
    const cells: string[] = [];
    let col = 0;
    const skip = (): void => {
      while ((covered.get(col) ?? 0) > 0) {
        covered.set(col, (covered.get(col) ?? 0) - 1);
        cells.push('');
        col++;
      }
    };
    for (const c of row) {
      skip();
      cells.push(c.text);
      if ((c.rowSpan ?? 1) > 1) covered.set(col, (c.rowSpan ?? 1) - 1);
      for (let k = 1; k < (c.colSpan ?? 1); k++) cells.push('');
      col += c.colSpan ?? 1;
    }
    skip();
    out.push(cells);
  }
  return out;
}

const swap = (row: string[], a: number, b: number): void => {
  if (a < 0 || b < 0) return;
  const x = row[a] ?? '';
  row[a] = row[b] ?? '';
  row[b] = x;
};

function toYuan(text: string): string {
  const a = /^\d/.test(text) ? parseAmount(text.replace(/,/g, ''), '万元') : undefined;
  return a ? formatFen(a.fen, '元') : text;
}

function splitExpression(text: string): [string, string, string] {
  // Only a figure with a short unit splits ("≥40个", "=100%"); a date or a phrase stays whole.
  const m = /^([≥≤=<>]?)(\d+(?:\.\d+)?)([^\d]{0,3})$/.exec(text.trim());
  return m ? [m[1] ?? '', m[2] ?? '', m[3] ?? ''] : ['', text, ''];
}

/** Rewrites one table's grid by the layout, block by block (fund rows, then indicator rows). */
function transform(g: Grid, layout: Layout): Grid {
  let block: 'none' | 'fund' | 'indicator' = 'none';
  let fundCols: Record<string, number> = {};
  let indCols: Record<string, number> = {};
  const out: Grid = [];
  for (const original of g) {
    let row = [...original];
    const at = (word: string): number => row.findIndex((c) => c === word);
    if (row.includes('全年执行数')) {
      block = 'fund';
      fundCols = { weight: at('分值'), rate: at('执行率') };
    } else if (row.includes('三级指标')) {
      block = 'indicator';
      indCols = {
        target: at('年度指标值'),
        actual: at('实际完成值'),
        weight: at('分值'),
        score: at('得分'),
      };
    } else if (row.some((c) => /年度总体目标/.test(c))) block = 'none';
    const header = row.includes('全年执行数') || row.includes('三级指标');
    if (block === 'fund') {
      if (layout.swapColumns) swap(row, fundCols['weight'] ?? -1, fundCols['rate'] ?? -1);
      if (layout.yuan && !header) {
        const rate = fundCols['rate'] ?? -1;
        const weight = fundCols['weight'] ?? -1;
        row = row.map((c, i) => (i > 0 && i < Math.min(rate, weight) ? toYuan(c) : c));
      }
    }
    if (block === 'indicator') {
      if (layout.swapColumns) swap(row, indCols['weight'] ?? -1, indCols['score'] ?? -1);
      if (layout.splitTarget) {
        const t = indCols['target'] ?? -1;
        const a = indCols['actual'] ?? -1;
        if (t >= 0 && a >= 0) {
          if (header) row.splice(t, 1, '指标性质', '年度指标值', '度量单位');
          else {
            const [nature, value, unit] = splitExpression(row[t] ?? '');
            const actual = splitExpression(row[a] ?? '');
            row[a] =
              unit !== '' && actual[2] === unit ? `${actual[0]}${actual[1]}` : (row[a] ?? '');
            row.splice(t, 1, nature, value, unit);
          }
        }
      }
    }
    if (layout.synonyms && header) row = row.map((c) => SYNONYMS[c] ?? c);
    if (layout.yuan) row = row.map((c) => c.replace(/（万元）/g, '（元）'));
    out.push(layout.mutate ? layout.mutate(row, block) : row);
  }
  return out;
}

/** The report as text in the layout: narrative lines as they are, tables as the layout writes them. */
export function renderLayout(blocks: readonly WriterBlock[], layout: Layout): string {
  const lines: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
      case 'paragraph':
        lines.push(b.text);
        break;
      case 'heading':
        lines.push(`${b.number}${b.text}`);
        break;
      case 'attachment':
        lines.push(b.label, b.title);
        if (b.unitLine) lines.push(layout.yuan ? b.unitLine.replace('万元', '元') : b.unitLine);
        for (const table of b.tables) {
          if (layout.cells === 'pipe-rows' || layout.cells === 'piped-cells') {
            lines.push(...pipedTable(transform(grid(table.rows), layout), layout.cells));
            continue;
          }
          for (const row of transform(grid(table.rows), layout)) {
            const cells = row.map((c) => c.replace(/\n/g, '')).filter((c) => c.trim() !== '');
            if (cells.length === 0) continue;
            if (layout.cells === 'flattened') lines.push(cells.join(' '));
            else for (const c of cells) lines.push(c, '');
          }
        }
        lines.push(...b.notes, b.signOff);
        break;
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A table's grid in pipes: a Markdown row per line, or one piped cell per line. */
function pipedTable(rows: Grid, style: 'pipe-rows' | 'piped-cells'): string[] {
  const text = (c: string): string => c.replace(/\n/g, '').trim();
  if (style === 'piped-cells')
    return rows.flatMap((row) => row.map((c) => (text(c) === '' ? '|' : `${text(c)} |`)));
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: readonly string[]): string =>
    `| ${Array.from({ length: width }, (_, i) => text(cells[i] ?? '')).join(' | ')} |`;
  const [head, ...rest] = rows;
  if (!head) return [];
  return [line(head), `|${' --- |'.repeat(width)}`, ...rest.map(line)];
}
