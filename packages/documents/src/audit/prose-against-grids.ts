import type { PartWhole } from '../extract/claim-relations.ts';
import { keyOf, plainFigure } from '../extract/claims.ts';
import type { Claim, Role, Statement } from '../extract/claims.ts';
import { figureIn } from '../extract/list-header.ts';
import { excerptOf } from '../extract/text.ts';
import type { Block } from '../read/block.ts';
import { textGrids } from './list-tables.ts';

/** A column of a grid by its header's words: a plan (预算) or an outcome (执行, 支出). */
function roleOfColumn(cell: string): Role | undefined {
  const t = cell.replace(/[\s\u3000]+/g, '').replace(/[（(][^）)]*[）)]/g, '');
  if (/率|比例|占比|得分|分值|权重/.test(t)) return undefined;
  if (/执行(?:数|金额)?$|实际支出|支出(?:数|金额)$|决算数/.test(t)) return 'actual';
  if (/预算(?:数|金额)?$|批复(?:数|金额)?$|安排(?:数|金额)?$/.test(t)) return 'budget';
  return undefined;
}

/** The figures of one row of a text grid under a header of plan and outcome columns. */
interface GridRow {
  key: string;
  line: number;
  /** The row's figures by role, as written (a plan may have 年初 and 全年 columns). */
  figures: Map<Role, string[]>;
}

/** Tables read from lines of text whose cells are parted by runs of spaces or tabs. */
function spacedTables(
  blocks: readonly Block[],
): { rows: string[][]; line: number; lines: number[] }[] {
  const out: { rows: string[][]; line: number; lines: number[] }[] = [];
  for (const b of blocks) {
    if (b.kind !== 'table' || !b.rows) continue;
    const rows = b.rows.map((r) =>
      r.cells.length === 1
        ? (r.cells[0] ?? '').trim().split(/(?: {2,}|\t|\u3000+)/)
        : r.cells.map((c) => c.trim()),
    );
    out.push({ rows, line: b.line, lines: b.rows.map((r) => r.line) });
  }
  return out;
}

function gridRows(blocks: readonly Block[]): GridRow[] {
  const out: GridRow[] = [];
  for (const grid of [...textGrids(blocks), ...spacedTables(blocks)]) {
    const header = grid.rows[0] ?? [];
    const roles = header.map(roleOfColumn);
    if (!roles.includes('budget') && !roles.includes('actual')) continue;
    grid.rows.slice(1).forEach((row, r) => {
      const label = row[0] ?? '';
      // A header with no word over the rows' names has one cell fewer than each row.
      const shift = row.length === header.length + 1 ? 1 : 0;
      // Columns aligned by spaces keep their order only when no cell is empty.
      if (/\d/.test(label) || row.length !== header.length + shift) return;
      const figures = new Map<Role, string[]>();
      row.forEach((cell, c) => {
        const role = roles[c - shift];
        const figure = figureIn(cell);
        if (!role || figure === undefined) return;
        figures.set(role, [...(figures.get(role) ?? []), figure]);
      });
      const key = keyOf(label.replace(/\s+/g, ''));
      if (key.length >= 2 && figures.size > 0)
        out.push({ key, line: grid.lines[r + 1] ?? grid.line, figures });
    });
  }
  return out;
}

/** A prose figure and the grid row that states it otherwise (the finding is claim-checks'). */
export interface GridRestatement {
  line: number;
  excerpt: string;
  name: string;
  stated: string;
  /** The row's figures of the role, as written. */
  expected: string;
  lineA: number;
}

/** "项目支出预算" names the row "项目支出" in its plan column. */
const ROLE_WORDS = /(?:全年|年度)?(?:预算|执行|决算|实际支出)数?$/;

/** The grid's row of the whole year's money. */
const TOTAL_ROW = /^(?:年度资金总额|资金总额|资金合计|合计|总计)$/;
/**
 * A prose name of the whole year's money once its role words are left out ("全年预算数",
 * "部门预算", "财政拨款全年预算数" where the grid has no row of 财政拨款 of its own).
 */
const WHOLE_NAME = /^(?:部门|单位|财政拨款|财政资金|部门预算|年度)?$/;

/** A figure as written in 万元, from a claim in 元, 万元 or 亿元. */
function inWan(c: Claim): number {
  return c.value / 1_000_000;
}

/**
 * A figure of the prose that a grid of the same report states again in its row of the same name
 * and role ("全年预算数…，其中项目支出3,260.00万元" and a row "项目支出 3,100.00 3,620.00 3,482.45" under
 * 年初预算数 全年预算数 全年执行数): a plan equal to none of the row's plan columns, of the same
 * magnitude, is one quantity stated two ways. A warning: the row may speak of another scope.
 */
export function checkProseAgainstGrids(
  blocks: readonly Block[],
  groups: readonly { s: Statement; groups: PartWhole[] }[],
  reportYear: string,
): GridRestatement[] {
  const rows = gridRows(blocks);
  if (rows.length === 0) return [];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const total = rows.find((r) => TOTAL_ROW.test(r.key));
  const out: GridRestatement[] = [];
  for (const { s, groups: g } of groups) {
    const wholeOf = new Map<Claim, Claim>();
    for (const pw of g) for (const p of pw.parts) wholeOf.set(p, pw.whole);
    const years = [...s.text.matchAll(/((?:19|20)\d{2})年/g)].map((m) => m[1]);
    if (years.some((y) => y !== reportYear)) continue;
    for (const c of s.claims) {
      if (c.kind !== 'money' || c.approximate || c.value <= 0) continue;
      const own = c.key.replace(ROLE_WORDS, '');
      const row = byKey.get(c.key) ?? byKey.get(own) ?? (WHOLE_NAME.test(own) ? total : undefined);
      if (!row || Math.abs(row.line - s.line) < 1) continue;
      const role = c.role || wholeOf.get(c)?.role || '';
      const written = role ? row.figures.get(role) : undefined;
      if (!written || written.length === 0) continue;
      const mine = inWan(c);
      const values = written.map(Number);
      // The row's figures in 万元 (or the prose's in the row's unit): the same magnitude only.
      if (values.some((v) => Math.abs(v - mine) < 0.005)) continue;
      if (!values.every((v) => v > mine / 2 && v < mine * 2)) continue;
      out.push({
        line: s.line,
        excerpt: excerptOf(s.raw, c.number),
        name: c.name,
        stated: plainFigure(c),
        expected: written.join('、'),
        lineA: row.line,
      });
    }
  }
  return out;
}
