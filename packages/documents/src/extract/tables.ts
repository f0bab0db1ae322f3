import {
  normalizeDigits,
  parseActualCell,
  parseAmount,
  parseExpression,
  parsePercent,
} from '@jixiao/domain';
import type {
  Adjustment,
  Amount,
  BaseData,
  CostRow,
  FundRow,
  FundRowKey,
  Funds,
  IndicatorNode,
  MoneyUnit,
} from '@jixiao/domain';
import { amountIn } from './table-amount.ts';
import {
  columnOf,
  fundRowOf,
  indicatorLevelOf,
  isDistinctiveFundRow,
  isExpenditureLabel,
  isSubtotalRow,
  sameGroupName,
  subtotalGroupOf,
  isTotalRow,
  isFundGroupLabel,
  isRegionGroupLabel,
  fundSplitWordOf,
  pointsInHeader,
  targetWithNature,
} from './table-vocabulary.ts';
import type { ColumnKey, TemplateMatch } from './table-vocabulary.ts';
import type { StreamTable, UncertainReading } from './self-table-stream.ts';
import type { Block, SourceDocument, TableRow } from '../read/block.ts';
import { withoutCoveredColumns } from '../read/block.ts';
import { sourceRef, squash } from './text.ts';
import { subtotalGroup } from './subtotal-group.ts';

const clean = (s: string | undefined): string => (s ?? '').replace(/[\s\u3000]+/g, '');
const rowText = (row: TableRow): string =>
  row.cells
    .map((c) => c.replace(/\s+/g, ''))
    .filter((c) => c !== '')
    .join(' | ');

export function amountCell(text: string | undefined): Amount | undefined {
  const t = normalizeDigits(clean(text)).replace(/^[≤≥<>=]+/, '');
  if (!/^\d/.test(t)) return undefined;
  const a = parseAmount(t, '万元');
  return a ? { fen: a.fen, unit: a.unit, text: t } : undefined;
}
/** A 分值 or 得分 cell: 9.5, also written with its unit (9.5分) or in full-width digits. */
function pointsCell(text: string | undefined): number | undefined {
  const t = normalizeDigits(clean(text)).replace(/分$/, '');
  return /^\d+(?:\.\d+)?$/.test(t) ? Number(t) : undefined;
}

/**
 * Whether a row of the fund block is a source of its own name: a label that is no header word
 * and does not split the money by spending (人员经费, 商品和服务支出), followed by an amount.
 */
function isSourceRow(label: string, cells: readonly string[]): boolean {
  if (label === '' || columnOf(label) !== undefined || isExpenditureLabel(label)) return false;
  if (indicatorLevelOf(label) !== undefined || isTotalRow(label)) return false;
  if (!/[\u4e00-\u9fff]/.test(label) || label.length > 24) return false;
  const at = cells.indexOf(label);
  return cells.slice(at + 1).some((c) => /^\d+(?:,\d{3})*(?:\.\d+)?$/.test(c));
}

/** A 得分系数 cell: 0.9, or 90%, as a share of the weight. */
function coefficientCell(text: string | undefined): number | undefined {
  const t = clean(text);
  const m = /^(\d+(?:\.\d+)?)([%％])?$/.exec(t);
  if (!m?.[1]) return undefined;
  const c = Number(m[1]) / (m[2] ? 100 : 1);
  return c <= 1 ? c : undefined;
}

/** Cells after the row's label, with empty cells dropped ("年度资金总额 | 1105.56 | …"). */
function valuesAfter(row: TableRow, labelIndex: number): string[] {
  return row.cells
    .slice(labelIndex + 1)
    .map(clean)
    .filter((c) => c !== '');
}

/** Where each fund column sits in the table, from its header row (any order, any wording). */
export type FundColumnIndex = Partial<
  Record<'initialBudget' | 'budget' | 'executed' | 'weight' | 'rate' | 'score', number>
>;

const FUND_KEYS = ['initialBudget', 'budget', 'executed', 'weight', 'rate', 'score'] as const;

/** The fund block's header: its columns by meaning, their row and how its rows line up. */
export interface FundHeader {
  index: FundColumnIndex;
  width: number;
  unit: MoneyUnit;
  row: number;
  /** The points a 得分 or 分值 header states ("得分（10分）"): the total row's weight when no cell gives one. */
  points?: number;
  /**
   * Whether the columns are positions on the table's full grid (an amount header spanning the
   * 合计 | 中央补助 | 地方资金 cells of the row below it): data rows are then read on the grid.
   */
  onGrid?: boolean;
  /**
   * The header's cells on the table's full grid, when the table has one with merged cells: each
   * column's first grid position and how many it spans. A row of the block is then read by the
   * positions its cells cover, whatever merged cells either row has at its ends.
   */
  grid?: { at: Partial<Record<(typeof FUND_KEYS)[number], [number, number]>>; width: number };
}

/** A header or unit line naming 元 as the unit: "（元）", "（单位：元）", "单位：元". */
const YUAN_MARK = /[（(](?:单位[：:]\s*)?元[）)]|单位[：:]\s*元(?![\u4e00-\u9fa5])/;
/** The same naming 万元. */
const WAN_MARK = /[（(](?:单位[：:]\s*)?万元[）)]|单位[：:]\s*万元/;
/** The same naming 亿元 (转移支付 and bond-funded projects of a province or city). */
const YI_MARK = /[（(](?:单位[：:]\s*)?亿元[）)]|单位[：:]\s*亿元/;

/**
 * The unit a fund block's header or unit line names ("项目资金（元）", "单位：元"), else the unit
 * named above the table, else 万元: an amount or a 度量单位 of 万元 in an indicator row below says
 * nothing of the fund block's unit.
 */
const blockUnit = (text: string, unitAbove: MoneyUnit | undefined): MoneyUnit =>
  WAN_MARK.test(text)
    ? '万元'
    : YUAN_MARK.test(text)
      ? '元'
      : YI_MARK.test(text)
        ? '亿元'
        : (unitAbove ?? '万元');

/**
 * The fund block's header row mapped by meaning, or undefined when the table has none. Given the
 * full grid, an amount header merged over sub-columns (全年预算数 over 合计 | 中央补助 | 地方资金)
 * is placed on its 合计 sub-column: without the grid its position would count the merged cell
 * once and every later column would shift onto a source's figures.
 */
export function fundHeaderOf(
  rows: readonly TableRow[],
  grid?: readonly TableRow[],
  unitAbove?: MoneyUnit,
): FundHeader | undefined {
  for (const [at, row] of rows.entries()) {
    const index: FundColumnIndex = {};
    row.cells.forEach((c, i) => {
      const key = columnOf(c);
      const fundKey = FUND_KEYS.find((k) => k === key);
      if (fundKey && index[fundKey] === undefined) index[fundKey] = i;
    });
    if (
      Object.keys(index).length >= 3 &&
      (index.budget !== undefined || index.executed !== undefined)
    ) {
      const text = rows.map((r) => r.cells.join('|')).join('\n');
      const unit = blockUnit(text, unitAbove);
      const points = row.cells.map(pointsInHeader).find((p) => p !== undefined);
      const stated = points === undefined ? {} : { points };
      const split = grid ? splitOnGrid(grid, at) : undefined;
      if (split)
        return { index: split.index, width: split.width, unit, row: at, onGrid: true, ...stated };
      const header: FundHeader = { index, width: row.cells.length, unit, row: at, ...stated };
      // Only a table with merged cells is laid out on one grid: the rows of a ragged one (a text
      // table written out cell for cell) line up from their right ends instead.
      const gridRow = grid?.[at];
      const merged = grid?.some((r) => r.spans?.some((x) => x > 1)) ?? false;
      if (gridRow?.spans && merged) {
        const placed: NonNullable<FundHeader['grid']>['at'] = {};
        for (const k of FUND_KEYS) {
          const i = index[k];
          if (i === undefined) continue;
          const g = gridIndexOf(gridRow, i);
          placed[k] = [g, Math.max(1, gridRow.spans[g] ?? 1)];
        }
        // A header cell over sub-columns named in the row below (预算数 over 年初预算数 |
        // 全年预算数): each sub-column is its own column.
        const below = grid?.[at + 1];
        if (below?.cells.length === gridRow.cells.length) {
          for (const [g, span] of Object.values(placed)) {
            if (span < 2) continue;
            for (let p = g; p < g + span; p++) {
              const sub = FUND_KEYS.find((k) => k === columnOf(clean(below.cells[p])));
              if (sub) placed[sub] = [p, 1];
            }
          }
        }
        header.grid = { at: placed, width: gridRow.cells.length };
      }
      return header;
    }
  }
  return undefined;
}

/**
 * The fund columns on the grid when an amount header of row `at` spans sub-columns whose row
 * below names a 合计 among its sources; undefined when no amount header is split that way.
 */
function splitOnGrid(
  grid: readonly TableRow[],
  at: number,
): { index: FundColumnIndex; width: number } | undefined {
  const head = grid[at];
  const below = grid[at + 1];
  if (!head?.spans || !below) return undefined;
  const index: FundColumnIndex = {};
  let split = false;
  head.cells.forEach((c, i) => {
    const fundKey = FUND_KEYS.find((k) => k === columnOf(clean(c)));
    const span = head.spans?.[i] ?? 1;
    if (!fundKey || index[fundKey] !== undefined || span === 0) return;
    index[fundKey] = i;
    if (span < 2) return;
    const under = below.cells.slice(i, i + span).map((x) => fundSplitWordOf(clean(x)));
    const total = under.indexOf('total');
    if (total >= 0 && under.includes('part')) {
      index[fundKey] = i + total;
      split = true;
    }
  });
  return split ? { index, width: head.cells.length } : undefined;
}

/**
 * The text of a grid row under grid positions [from, from + span): the cell covering `from`
 * (a merged cell may start left of it), else the first non-empty cell starting inside the range.
 */
function textUnder(gridRow: TableRow, from: number, span: number): { text: string; at: number } {
  const spans = gridRow.spans;
  let start = from;
  while (start > 0 && spans?.[start] === 0) start--;
  const first = { text: clean(gridRow.cells[start]), at: start };
  if (first.text !== '') return first;
  for (let p = from + 1; p < from + span; p++) {
    const text = clean(gridRow.cells[p]);
    if ((spans?.[p] ?? 1) > 0 && text !== '') return { text, at: p };
  }
  return first;
}

function fundRow(
  row: TableRow,
  labelIndex: number,
  sourceRow: TableRow,
  header: FundHeader | undefined,
  gridRow?: TableRow,
): FundRow {
  const out: FundRow = { source: sourceRef(sourceRow.line, rowText(sourceRow)) };
  let initial: string | undefined;
  let budget: string | undefined;
  let executed: string | undefined;
  let weight: string | undefined;
  let rate: string | undefined;
  let score: string | undefined;
  const unit = header?.unit ?? '万元';
  const placed = header?.grid;
  if (placed && gridRow && gridRow.cells.length === placed.width) {
    // Both rows lie on one grid: each figure is the cell under its header cell, right of the label.
    const label = gridIndexOf(gridRow, labelIndex);
    const at = (k: (typeof FUND_KEYS)[number]): string | undefined => {
      const p = placed.at[k];
      if (!p) return undefined;
      const under = textUnder(gridRow, p[0], p[1]);
      return under.at <= label ? undefined : under.text;
    };
    [initial, budget, executed, weight, rate, score] = FUND_KEYS.map(at);
  } else if (header) {
    // Rows may lack merged leading cells: align from the right end, as the grid would.
    const shift = row.cells.length - header.width;
    const at = (i: number | undefined): string | undefined =>
      i === undefined || i + shift <= labelIndex ? undefined : clean(row.cells[i + shift]);
    [initial, budget, executed, weight, rate, score] = FUND_KEYS.map((k) => at(header.index[k]));
  } else {
    // No header row: the common order 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分.
    [initial, budget, executed, weight, rate, score] = row.cells
      .slice(labelIndex + 1)
      .map(clean)
      .slice(-6);
  }
  const a1 = amountIn(initial, unit);
  const a2 = amountIn(budget, unit);
  const a3 = amountIn(executed, unit);
  if (a1) out.initialBudget = a1;
  if (a2) out.budget = a2;
  if (a3) out.executed = a3;
  const w = pointsCell(weight);
  if (w !== undefined) out.weight = w;
  const r = rate ? parsePercent(/[%％]/.test(rate) ? rate : `${rate}%`) : undefined;
  if (r) out.statedRate = r;
  const s = pointsCell(score);
  if (s !== undefined) out.statedScore = s;
  return out;
}

const FUND_LABELS: readonly [RegExp, FundRowKey][] = [
  [/^年度资金总额/, 'total'],
  [/^(?:其中[：:])?当年财政拨款/, 'currentAppropriation'],
  [/^(?:其中[：:])?上年结转/, 'carryOver'],
  [/^其他资金/, 'other'],
  // The department form's own rows, as label-only cells (the writer's layout and the template's).
  [/^(?:其中[：:])?一般公共预算(?:拨款)?$/, 'generalPublic'],
  [/^(?:其中[：:])?政府性基金(?:预算)?拨款$/, 'governmentFund'],
  [/^(?:其中[：:])?纳入专户管理的非税收入拨款$/, 'nonTaxSpecialAccount'],
  [/^(?:按支出性质分[：:])?(?:其中[：:])?基本支出$/, 'basic'],
  [/^项目支出$/, 'project'],
];

export interface SelfEvaluationTable {
  kind: 'department' | 'project';
  line: number;
  unitName?: string;
  projectName?: string;
  supervisor?: string;
  implementer?: string;
  funds: Funds;
  indicators: IndicatorNode[];
  statedTotal?: { value: number; line: number; excerpt: string };
  /** "其中：基本支出：861.24" style income/expenditure splits in the fund block. */
  splits: { label: string; amount: Amount; line: number; excerpt: string }[];
  /** The known layout it matches best, with the confidence (read from text tables). */
  template?: TemplateMatch;
  /** Rows whose cells fitted the columns in more than one way: findings on them are warnings. */
  uncertain?: UncertainReading[];
  /** 年度总体目标: 预期目标 | 实际完成情况. */
  goals?: { expected: string; actual?: string; line: number }[];
  /** Where the table was read from: a grid of cells, or lines of text. */
  origin?: 'grid' | 'text';
  /** Last line the table covers. */
  endLine?: number;
  /** 加分/减分 rows below the indicators. */
  adjustments?: Adjustment[];
  /** Nothing in the table said whether it is a project's or a department's. */
  kindGuessed?: true;
  /**
   * Whether the indicator header has a 偏差原因 column (unset when no indicator header was read):
   * a table without one gives a lost point nowhere to be explained.
   */
  reasonColumn?: boolean;
}

/** A table read from a stream of cells, in the shape the positional reader gives. */
export function fromStream(t: StreamTable, origin: 'grid' | 'text'): SelfEvaluationTable {
  const out: SelfEvaluationTable = {
    kind: t.kind,
    line: t.line,
    funds: t.funds,
    indicators: t.indicators,
    splits: [],
    uncertain: t.uncertain,
    goals: t.goals,
    origin,
    endLine: t.endLine,
  };
  if (t.template) out.template = t.template;
  if (t.unitName !== undefined) out.unitName = t.unitName;
  if (t.projectName !== undefined) out.projectName = t.projectName;
  if (t.supervisor !== undefined) out.supervisor = t.supervisor;
  if (t.implementer !== undefined) out.implementer = t.implementer;
  if (t.statedTotal) out.statedTotal = t.statedTotal;
  if (t.adjustments) out.adjustments = t.adjustments;
  if (t.kindGuessed) out.kindGuessed = true;
  if (t.indicatorColumns.length > 0) out.reasonColumn = t.indicatorColumns.includes('reason');
  return out;
}

/** The ordinal before a group's name on a row of its own: 一、 （二） 3. */
const ORDINAL =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])\s*/;

/** Header columns whose values a form may split over cells: a target's sign and figure. */
const SPLIT_VALUE_COLUMNS = new Set<ColumnKey>(['target', 'actual']);

/**
 * The cells of an indicator header row placed on the full grid, when it needs the grid: one of
 * them spans two or more columns ("年度指标值" over "≥" | "95%"), or the header takes two rows
 * (绩效指标 over 一级/二级/三级 指标, the other header cells merged down both rows: their
 * words stand in the row above). Each cell's grid columns and column word; undefined otherwise.
 */
function headerCellsOnGrid(
  gridRow: TableRow,
  above: TableRow | undefined,
): { from: number; span: number; key: ColumnKey | undefined }[] | undefined {
  // A row without merged cells of its own may still be the lower half of a two-row header.
  const spans =
    gridRow.spans ??
    (above?.cells.length === gridRow.cells.length ? gridRow.cells.map(() => 1) : undefined);
  if (!spans) return undefined;
  const aboveKey = (p: number): ColumnKey | undefined =>
    above && above.cells.length === gridRow.cells.length && (above.spans?.[p] ?? 1) > 0
      ? columnOf(clean(above.cells[p]))
      : undefined;
  // A row under a header is its lower half only when its own cells are header words too: a row
  // of one cell spanning the grid ("一、产出指标") under the header is a group's, not a header's.
  const ownWords = spans.some((x, p) => x > 0 && columnOf(clean(gridRow.cells[p])) !== undefined);
  // Under a header word, a position with no cell (HTML's rowspan) or an empty one (Word's vMerge
  // and a PDF's merged cell continue that way) is the header cell above merged down.
  const underAbove = (p: number): boolean =>
    ((spans[p] ?? 1) === 0 || clean(gridRow.cells[p]) === '') && aboveKey(p) !== undefined;
  const twoRows = ownWords && spans.some((_, p) => underAbove(p));
  // A spanning cell matters where its column's values come split ("≥" | "95%"): a 偏差原因 or
  // name cell spanning a column that ruling lines added (a PDF's grid) is read as before.
  const splitValue = spans.some((x, p) => {
    const key = columnOf(clean(gridRow.cells[p]));
    return x > 1 && key !== undefined && SPLIT_VALUE_COLUMNS.has(key);
  });
  if (!twoRows && !splitValue) return undefined;
  const out: { from: number; span: number; key: ColumnKey | undefined }[] = [];
  spans.forEach((span, from) => {
    if (twoRows && underAbove(from))
      out.push({ from, span: Math.max(1, above?.spans?.[from] ?? 1), key: aboveKey(from) });
    else if (span > 0) out.push({ from, span, key: columnOf(clean(gridRow.cells[from])) });
  });
  return out;
}

/** The grid position of a row's `k`-th own cell (positions covered by a merged cell skipped). */
function gridIndexOf(gridRow: TableRow, k: number): number {
  const spans = gridRow.spans;
  if (!spans) return k;
  let seen = -1;
  for (let i = 0; i < gridRow.cells.length; i++) {
    if (spans[i] !== 0) seen++;
    if (seen === k) return i;
  }
  return k;
}

/** Whether a table is a 自评表 (fund block or indicator block). */
export function isSelfEvaluationTable(block: Block): boolean {
  const t = squash(block.text);
  return (
    /年度资金总额|三级指标/.test(t) ||
    (/实际完成值|完成值/.test(t) && /指标值|目标值/.test(t) && /分值|权重|得分/.test(t))
  );
}

export function isBaseDataTable(block: Block): boolean {
  const t = squash(block.text);
  return /经费控制情况|三公经费|财政供养人员/.test(t) && !/三级指标/.test(t);
}

/** A source column's name: one the fund rows know, or a level of government paying (中央补助). */
const SOURCE_COLUMN = /资金|补助|拨款|结转|自筹|配套/;

/**
 * A fund block laid out the other way round: the sources as columns (资金来源 | 本年财政拨款 |
 * 其他资金 | 上年结转 | 合计) and the figures as rows (全年预算数, 全年执行数, 执行率), in whatever
 * order the columns come. Each column is read as the fund row of its name; undefined when the
 * table opens with no such block.
 */
function transposedFunds(
  rows: readonly TableRow[],
  text: string,
  unitAbove?: MoneyUnit,
): { funds: Funds; rows: Set<number> } | undefined {
  const FIGURE_KEYS = ['initialBudget', 'budget', 'executed', 'rate'] as const;
  for (const [at, row] of rows.entries()) {
    if (at > 6) return undefined;
    const cells = row.cells.map(clean);
    const heads = cells.slice(1);
    const named = heads.filter((c) => c !== '');
    if (named.length < 2 || named.some((c) => amountCell(c) !== undefined)) continue;
    const keys = heads.map((c) => (c === '' ? undefined : fundRowOf(c)));
    if (
      !keys.includes('total') ||
      !heads.every((c, i) => c === '' || keys[i] !== undefined || SOURCE_COLUMN.test(c))
    )
      continue;
    const figureRows: [number, (typeof FIGURE_KEYS)[number]][] = [];
    for (let k = at + 1; k < rows.length; k++) {
      const key = columnOf(clean(rows[k]?.cells[0]));
      const figure = FIGURE_KEYS.find((f) => f === key);
      if (!figure) break;
      figureRows.push([k, figure]);
    }
    if (!figureRows.some(([, f]) => f === 'budget' || f === 'executed')) return undefined;
    const unit = blockUnit(text, unitAbove);
    const funds: Funds = {};
    heads.forEach((name, i) => {
      if (name === '') return;
      const read: FundRow = { source: sourceRef(row.line, rowText(row)) };
      for (const [k, figure] of figureRows) {
        const cell = clean(rows[k]?.cells[i + 1]);
        if (figure === 'rate') {
          const r = cell ? parsePercent(/[%％]/.test(cell) ? cell : `${cell}%`) : undefined;
          if (r) read.statedRate = r;
          continue;
        }
        const a = amountIn(cell, unit);
        if (a) read[figure] = a;
      }
      const key = keys[i];
      if (key && key !== 'basic' && key !== 'project' && funds[key] === undefined)
        funds[key] = read;
      else (funds.sources ??= []).push({ name, ...read });
    });
    return { funds, rows: new Set([at, ...figureRows.map(([k]) => k)]) };
  }
  return undefined;
}

/**
 * Reads a 自评表 or 项目支出绩效自评表: header fields, the fund block, the indicator rows
 * (一级/二级 cells merged downwards read as empty and inherit from above) and the 总分 row.
 */
export function readSelfEvaluationTable(block: Block, unitAbove?: MoneyUnit): SelfEvaluationTable {
  const grid = block.rows ?? [];
  const rows = grid.map(withoutCoveredColumns);
  // A 转移支付's 区域 table names its transfer where a project's names the project.
  const kind = /项目支出名称|项目名称|转移支付(?:项目)?名称/.test(squash(block.text))
    ? 'project'
    : 'department';
  const table: SelfEvaluationTable = {
    kind,
    line: block.line,
    funds: {},
    indicators: [],
    splits: [],
  };
  let header:
    | {
        first: number;
        second: number;
        third: number;
        target: number;
        actual: number;
        weight: number;
        score: number;
        reason: number;
        deduction: number;
        coefficient: number;
        nature: number;
        measure: number;
        width: number;
        /** The same columns on the table's full grid (merged cells expanded), and its width. */
        onGrid: { first: number; second: number; third: number; width: number };
        /** Where a header cell spans several grid columns: each header cell's grid columns. */
        spanned?: { from: number; span: number }[];
      }
    | undefined;
  let level1: IndicatorNode | undefined;
  let level2: IndicatorNode | undefined;
  // A 一级 row with only 分值 and 得分 (no target, no actual) is read as a leaf, until rows with
  // the 一级 cell empty follow it: it was then the group's own row, its figures the group's.
  let figuresOnly: IndicatorNode | undefined;
  // 小计 rows above the group they name ("效益指标小计" before the 效益 rows): their figures wait
  // for that group to open, as in the text reader.
  const pending: { named: string; weight?: number; score?: number }[] = [];
  const takePending = (group: IndicatorNode): void => {
    const k = pending.findIndex((p) => sameGroupName(group.name, p.named));
    const p = pending[k];
    if (!p) return;
    if (p.weight !== undefined) group.weight ??= p.weight;
    if (p.score !== undefined) group.score ??= p.score;
    pending.splice(k, 1);
  };
  const fundHeader = fundHeaderOf(rows, grid, unitAbove);
  const transposed = fundHeader ? undefined : transposedFunds(rows, block.text, unitAbove);
  if (transposed) table.funds = transposed.funds;
  // Rows under a 分地区 cell: the total parted by place, until another fund row or group.
  let byRegion = false;
  // A 年度总体目标 row naming its columns (预期目标 | 实际完成情况): the next row holds the goal.
  let goalBelow = false;
  for (const [rowIndex, row] of rows.entries()) {
    if (transposed?.rows.has(rowIndex)) continue;
    const cells = row.cells.map(clean);
    const gridRow = grid[rowIndex] ?? row;
    // Header fields.
    cells.forEach((c, i) => {
      const next = cells[i + 1];
      if (!next) return;
      if (/部门(?:[（(]单位[）)])?名称$|预算部门名称|^(?:预算)?单位名称/.test(c))
        table.unitName ??= next;
      if (/^(?:评价)?项目(?:支出)?名称$|^转移支付(?:项目)?名称$/.test(c))
        table.projectName ??= next;
      if (/^主管部门$/.test(c)) table.supervisor ??= next;
      if (/^实施单位$/.test(c)) table.implementer ??= next;
    });
    const firstIndex = cells.findIndex((c) => c !== '');
    // A merged cell that only groups fund rows (按收入性质分) is not the row's name: the next is.
    const grouped =
      (cells[firstIndex + 1] ?? '') !== '' && isFundGroupLabel(cells[firstIndex] ?? '');
    const labelIndex = grouped ? firstIndex + 1 : firstIndex;
    if (grouped) byRegion = isRegionGroupLabel(cells[firstIndex] ?? '');
    // "预算执行情况（万元）| 年初预算数 | … | 得分" over a row of amounts alone (the header's label
    // cell merged down over it): that row is the total's.
    const unlabelled =
      !header &&
      fundHeader !== undefined &&
      rowIndex === fundHeader.row + 1 &&
      table.funds.total === undefined &&
      amountCell(cells[labelIndex] ?? '') !== undefined &&
      cells.slice(labelIndex).filter((c) => c !== '').length >= 4;
    const label = unlabelled ? '年度资金总额' : (cells[labelIndex] ?? '');
    const bare = label.replace(/^其中[：:]/, '');
    // A label too common to start a fund block (资金总额, 其他资金) names a fund row below the
    // fund block's header when amounts follow it.
    const underFundHeader =
      !header &&
      fundHeader !== undefined &&
      rowIndex > fundHeader.row &&
      cells.slice(labelIndex + 1).some((c) => amountCell(c) !== undefined);
    const known = isDistinctiveFundRow(bare) || underFundHeader ? fundRowOf(bare) : undefined;
    const fundKey = FUND_LABELS.find(([re]) => re.test(label))?.[1] ?? known;
    // With a header placed on the grid, the row's figures are read on the grid too.
    const fundCells = (): [TableRow, number] =>
      unlabelled
        ? [row, labelIndex - 1]
        : fundHeader?.onGrid
          ? [gridRow, gridIndexOf(gridRow, labelIndex)]
          : [row, labelIndex];
    const onGrid = fundHeader?.onGrid ? undefined : gridRow;
    if (fundKey && !header) {
      byRegion = false;
      const read = fundRow(...fundCells(), row, fundHeader, onGrid);
      // A fund block scored under "得分（10分）" with no 分值 column: the header gives the weight.
      if (fundKey === 'total' && read.weight === undefined && read.statedScore !== undefined)
        if (fundHeader?.points !== undefined) read.weight = fundHeader.points;
      table.funds[fundKey] = read;
      continue;
    }
    // Below the fund header, a row of another name with amounts is a source of the money
    // (中央补助, 省级资金): a part of the total with its own 执行率.
    if (!header && fundHeader && rowIndex > fundHeader.row && isSourceRow(label, cells)) {
      const name = label.replace(/^其中[：:]/, '');
      const read = { name, ...fundRow(...fundCells(), row, fundHeader, onGrid) };
      if (byRegion) (table.funds.regions ??= []).push(read);
      else (table.funds.sources ??= []).push(read);
      continue;
    }
    if (!header) {
      for (const c of cells) {
        const m =
          /^(?:其中[：:])?(一般公共预算|政府性基金拨款|基本支出|项目支出)[：:](\d+(?:\.\d+)?)$/.exec(
            c.replace(/^其中[：:]/, ''),
          );
        const a = m?.[2] ? amountCell(m[2]) : undefined;
        if (m?.[1] && a)
          table.splits.push({ label: m[1], amount: a, line: row.line, excerpt: rowText(row) });
      }
    }
    if (!header) {
      const goal = readGoalRow(cells, goalBelow);
      goalBelow = goal === 'below';
      if (goal === 'below') continue;
      if (goal) {
        (table.goals ??= []).push({ ...goal, line: row.line });
        continue;
      }
    }
    const onGridHeader = headerCellsOnGrid(gridRow, grid[rowIndex - 1]);
    const keys = onGridHeader?.map((c) => c.key) ?? cells.map((c) => columnOf(c));
    if (
      keys.includes('level3') ||
      (keys.includes('target') &&
        keys.includes('actual') &&
        (keys.includes('weight') || keys.includes('score')))
    ) {
      const idx = (key: string): number => keys.findIndex((k) => k === key);
      // A header of two rows names some columns in the row above (一级指标 over both rows).
      const gridKeys = gridRow.cells.map((c) => columnOf(clean(c)));
      const onGrid = (key: string): number =>
        onGridHeader?.find((c) => c.key === key)?.from ?? gridKeys.findIndex((k) => k === key);
      header = {
        onGrid: {
          first: onGrid('level1'),
          second: onGrid('level2'),
          third: onGrid('level3'),
          width: gridRow.cells.length,
        },
        first: idx('level1'),
        second: idx('level2'),
        third: idx('level3'),
        target: idx('target'),
        actual: idx('actual'),
        weight: idx('weight'),
        score: idx('score'),
        reason: idx('reason'),
        deduction: idx('deduction'),
        coefficient: idx('coefficient'),
        nature: idx('nature'),
        measure: idx('measure'),
        width: keys.length,
      };
      table.reasonColumn = header.reason >= 0;
      if (onGridHeader) header.spanned = onGridHeader;
      continue;
    }
    if (!header) continue;
    // A 一级 group written as a row of its own across the grid ("一、产出指标", the grid then
    // holding no 一级 column): the rows below are its children.
    const lone = cells.filter((c) => c !== '');
    const sectionName = lone.length === 1 ? (lone[0] ?? '').replace(ORDINAL, '') : '';
    if (header.first < 0 && sectionName !== '' && indicatorLevelOf(sectionName) === 1) {
      level1 = { name: sectionName, children: [], source: sourceRef(row.line, rowText(row)) };
      table.indicators.push(level1);
      level2 = undefined;
      continue;
    }
    // The 总分 row (合计, 自评总分 …): 分值 | 得分, or with a 扣分 column its three figures in the
    // header's order (分值 | 扣分 | 得分).
    if (isTotalRow(label)) {
      const v = valuesAfter(row, labelIndex);
      // The figures stand in the header's order: 得分 may come before 分值.
      const order = [header.weight, header.deduction, header.score].filter((k) => k >= 0);
      const rank = [...order].sort((a, b) => a - b).indexOf(header.score);
      const figures = v.filter((c) => pointsCell(c) !== undefined);
      const ranked =
        order.length >= 2 && figures.length === order.length ? figures[rank] : undefined;
      const s = pointsCell(ranked ?? v[1] ?? v[0]);
      if (s !== undefined) table.statedTotal = { value: s, line: row.line, excerpt: rowText(row) };
      continue;
    }
    // Rows may lack the merged leading column: align from the right end.
    // Under a header cell spanning several grid columns ("年度指标值" over "≥" | "95%"), a row of
    // the full grid is read by the header's cells, the texts under each one joined.
    const underHeader =
      header.spanned && gridRow.cells.length === header.onGrid.width
        ? header.spanned.map(({ from, span }) =>
            gridRow.cells
              .slice(from, from + span)
              .map((x) => x.trim())
              .join(''),
          )
        : undefined;
    const own = underHeader ?? row.cells;
    const shift = underHeader ? 0 : cells.length - header.width;
    const at = (i: number): string => (i < 0 ? '' : clean(own[i + shift] ?? ''));
    const rawAt = (i: number): string => (i < 0 ? '' : (own[i + shift] ?? '').trim());
    // The names by their place on the full grid when the table has one: a 二级 name merged
    // across the 三级 column ("人员管理" over 二级 and 三级) is a 二级 indicator, which aligning
    // the row's own cells from the right would shift into the 三级 column.
    const byGrid = gridRow.spans !== undefined && gridRow.cells.length === header.onGrid.width;
    const named = (i: number, onGrid: number): string =>
      byGrid ? (onGrid < 0 ? '' : (gridRow.cells[onGrid] ?? '').trim()) : rawAt(i);
    // A 小计 row whose label spans the name columns ("产出小计" over 一级 to 实际完成值): its
    // figures are its group's, the group it names or else the innermost open one.
    if (isSubtotalRow(label) && labelIndex === firstIndex) {
      const named = subtotalGroupOf(label);
      const open =
        named === undefined
          ? undefined
          : [level2, level1].find((g) => g !== undefined && sameGroupName(g.name, named));
      const w = pointsCell(at(header.weight));
      const s = pointsCell(at(header.score));
      if (named !== undefined && open === undefined) {
        // A group named but not open: one below the row, never the open group of another name.
        pending.push({
          named,
          ...(w !== undefined ? { weight: w } : {}),
          ...(s !== undefined ? { score: s } : {}),
        });
        continue;
      }
      const group = open ?? subtotalGroup(w, level2, level1, s);
      if (group && w !== undefined) group.weight ??= w;
      if (group && s !== undefined) group.score ??= s;
      continue;
    }
    const first = clean(named(header.first, header.onGrid.first));
    const second = clean(named(header.second, header.onGrid.second));
    const third = named(header.third, header.onGrid.third).replace(/\s+/g, '');
    if (first === '' && level1 !== undefined && level1 === figuresOnly) {
      level1.children = [];
      figuresOnly = undefined;
    }
    if (first !== '') {
      figuresOnly = undefined;
      const weight = /(\d+(?:\.\d+)?)分/.exec(first)?.[1];
      level1 = {
        name: first.replace(/[（(].*$/, ''),
        children: [],
        source: sourceRef(row.line, rowText(row)),
      };
      if (weight !== undefined) level1.weight = Number(weight);
      takePending(level1);
      table.indicators.push(level1);
      level2 = undefined;
    }
    if (second !== '') {
      level2 = {
        name: second.replace(/[（(][\d.]+分[）)]$/, ''),
        children: [],
        source: sourceRef(row.line, rowText(row)),
      };
      const w2 = /[（(]([\d.]+)分[）)]$/.exec(second)?.[1];
      if (w2 !== undefined) level2.weight = Number(w2);
      takePending(level2);
      (level1?.children ?? table.indicators).push(level2);
    }
    // A target split over 指标性质 | 指标值 | 度量单位 is read whole ("≥" "12" "公里": ≥12公里), and
    // a bare actual takes the unit ("92" under 度量单位 %), as the text reader does.
    const nature = rawAt(header.nature).trim();
    const measure = rawAt(header.measure).trim();
    const value = rawAt(header.target).trim();
    const unitOf = measure !== '' && !/^[≥≤<>=]/.test(measure) ? measure : '';
    const target = value === '' ? '' : targetWithNature(nature, `${value}${unitOf}`);
    const bareActual = rawAt(header.actual).trim();
    const actual =
      bareActual !== '' && value !== '' && /^\d+(?:\.\d+)?$/.test(bareActual)
        ? `${bareActual}${unitOf}`
        : bareActual;
    const w = pointsCell(at(header.weight));
    const s = pointsCell(at(header.score));
    const reason = rawAt(header.reason).trim();
    const deduction = pointsCell(at(header.deduction));
    const coefficient = coefficientCell(at(header.coefficient));
    const fill = (leaf: IndicatorNode): IndicatorNode => {
      if (target !== '') leaf.target = parseExpression(target);
      // A grade the unit chose, in brackets after the actual, is the leaf's grade.
      if (actual !== '') Object.assign(leaf, parseActualCell(actual));
      if (w !== undefined) leaf.weight = w;
      if (s !== undefined) leaf.score = s;
      if (reason !== '') leaf.deviationReason = reason;
      if (deduction !== undefined) leaf.deduction = deduction;
      if (coefficient !== undefined) leaf.coefficient = coefficient;
      return leaf;
    };
    if (third === '') {
      // A 二级 (or 一级) indicator without 三级 below it, its figures on its own row
      // ("人员管理 | | | 76.67% | | 2"): the indicator is a leaf, not an empty group.
      const values = target !== '' || actual !== '' || w !== undefined || s !== undefined;
      const own = second !== '' ? level2 : first !== '' ? level1 : undefined;
      if (values && own && (own.children ?? []).length === 0) {
        delete own.children;
        fill(own);
        if (own === level2) level2 = undefined;
        else if (target === '' && actual === '') figuresOnly = own;
      }
      continue;
    }
    if (isSubtotalRow(third)) {
      // 小计: the figures of the group the row names, else of the innermost open one.
      const group =
        second !== '' ? level2 : first !== '' ? level1 : subtotalGroup(w, level2, level1, s);
      if (group && w !== undefined) group.weight ??= w;
      if (group && s !== undefined) group.score ??= s;
      continue;
    }
    const leaf = fill({ name: third, source: sourceRef(row.line, rowText(row)) });
    (level2?.children ?? level1?.children ?? table.indicators).push(leaf);
  }
  // A table whose 项目名称 stands on a line above it is still a project's when its fund rows are
  // a project's (当年财政拨款, 上年结转, or the levels of government paying for it: 中央补助, 省级
  // 补助, 区级配套) and nothing in it marks a department: a unit's own income beside its 财政拨款
  // (事业收入, 经营收入, 上级补助收入) does.
  const f = table.funds;
  if (
    kind === 'department' &&
    !(f.sources ?? []).some((x) => UNIT_INCOME.test(x.name)) &&
    (f.currentAppropriation !== undefined ||
      f.carryOver !== undefined ||
      (f.sources ?? []).some((x) => LEVEL_FUND.test(x.name))) &&
    table.unitName === undefined &&
    f.generalPublic === undefined &&
    f.basic === undefined &&
    f.project === undefined &&
    f.governmentFund === undefined &&
    !/部门整体|单位整体/.test(squash(block.text))
  ) {
    table.kind = 'project';
    // Sources as columns follow neither form's rows: whose table it is, the report says.
    if (transposed) table.kindGuessed = true;
  }
  return table;
}

/** A source named by the level of government that pays it ("中央补助", "省级资金", "区级配套"). */
/** A budget unit's own income (a 事业单位's fees, its business), never a project's source. */
const UNIT_INCOME = /事业收入|经营收入|上级补助收入|附属单位上缴/;
const LEVEL_FUND =
  /^(?:中央|省|市|州|盟|县|区|旗|乡|镇|上级|本级)级?(?:财政)?(?:补助|资金|配套|专项|衔接|预算|拨款)/;

const BASE_ROWS: readonly [
  RegExp,
  Exclude<keyof BaseData, 'staffing' | 'projectRows' | 'buildings' | 'savingsMeasures'>,
][] = [
  [/^三公经费/, 'threePublic'],
  [/公务用车购置和维护/, 'vehicles'],
  [/公(?:务用)?车购置(?!和)/, 'vehiclePurchase'],
  [/公(?:务用)?车运行(?:维护)?/, 'vehicleOperation'],
  [/出国经费/, 'overseas'],
  [/公务接待/, 'reception'],
  [/^项目支出/, 'projects'],
  [/^公用经费/, 'publicFunds'],
  [/办公经费/, 'office'],
  [/水费、?电费、?差旅费/, 'utilitiesTravel'],
  [/会议费、?培训费/, 'meetingsTraining'],
  [/^政府采购金额/, 'procurement'],
  [/^部门基本支出预算调整/, 'basicBudgetAdjustment'],
];

const FIGURE_CELL = /^[-—–]?\d[\d,]*(?:\.\d+)?%?$/;

/**
 * A row read as one cell whose figures are separated by spaces (PDF text: "公用经费 271.36 292.40
 * 289.65"): the words before the first figure are the label, each figure a cell.
 */
const GOAL_LABEL = /^(?:年度)?(?:总体)?(?:绩效)?目标$|^年度总体目标/;

/**
 * A row of the 年度总体目标 block: its 预期目标 and 实际完成情况 ("年度总体目标 | A | B", or the
 * row under "年度总体目标 | 预期目标 | 实际完成情况", its label cell merged away or empty);
 * 'below' when the row only names the columns; undefined for any other row.
 */
function readGoalRow(
  cells: readonly string[],
  goalBelow: boolean,
): { expected: string; actual?: string } | 'below' | undefined {
  const filled = cells.filter((c) => c !== '');
  const labelled = GOAL_LABEL.test(filled[0] ?? '');
  if (!labelled && !goalBelow) return undefined;
  const texts = labelled ? filled.slice(1) : filled;
  if (texts.length === 0 || texts.length > 2) return undefined;
  if (texts.every((c) => columnOf(c) !== undefined)) return labelled ? 'below' : undefined;
  if (texts.some((c) => columnOf(c) !== undefined)) return undefined;
  const [expected = '', actual] = texts;
  return actual === undefined ? { expected } : { expected, actual };
}

function spacedCells<R extends { cells: string[] }>(row: R): R {
  const filled = row.cells.filter((c) => c.trim() !== '');
  const only = filled[0];
  if (filled.length !== 1 || only === undefined) return row;
  const tokens = only.trim().split(/[\s\u3000]+/);
  const first = tokens.findIndex((t) => FIGURE_CELL.test(t));
  if (first < 1 || !tokens.slice(first).every((t) => FIGURE_CELL.test(t))) return row;
  return { ...row, cells: [tokens.slice(0, first).join(''), ...tokens.slice(first)] };
}

/** The name of a 基础数据表's column of amounts: 2022年决算数, 2023年预算数, 本年决算. */
const AMOUNT_COLUMN = /决算|预算|执行数|支出数/;

/** A line of a table read one cell per line that holds a figure or an empty cell ("—", " "). */
const BASE_VALUE = /^(?:[-—–]?\d[\d,]*(?:\.\d+)?%?|[-—–/]{1,2}|)$/;

/**
 * The rows of a 基础数据表 written one cell per line (a web page saved as text): from the line
 * that opens it (财政供养人员情况, 经费控制情况) to the one that closes its figures (楼堂馆所,
 * 厉行节约), each run of words and the run of figures after it make rows: the last word is the
 * row's label and the figures its cells, the words before it (a header's column names) a row of
 * their own. The staffing header (编制数 | 实际在职人数 | 控制率) keeps its words together, its
 * figures the row below. Undefined when no such run makes a row of the 经费控制 block, or when a
 * row holds more or fewer figures than the header names columns (the cells were not parted as
 * written: a figure and the next label in one cell).
 */
function cellLineRows(given: readonly TableRow[]): TableRow[] | undefined {
  const lines = given.flatMap(wordsApart);
  const text = (r: TableRow): string => squash(r.cells.join(''));
  const start = lines.findIndex((r) =>
    /^(?:财政供养人员情况|经费控制情况)(?:[（(][^）)]*[）)])?$/.test(text(r)),
  );
  if (start < 0) return undefined;
  const rows: TableRow[] = [];
  let words: TableRow[] = [];
  let figures: string[] = [];
  // How many figures a row of the block under the last header holds (上年决算 | 本年预算 | 本年决算).
  let width = 3;
  let misfit = false;
  const flush = (): void => {
    if (words.length === 0 || figures.length === 0) return;
    const staffing = words.some((w) => /编制数/.test(text(w)));
    const head = staffing ? words : words.slice(0, -1);
    const label = staffing ? undefined : words[words.length - 1];
    // Words naming amounts' columns (2022年决算数 | 2023年预算数 | …) set the width; rows of no
    // figures ("1、业务工作经费", "……": a template's rows left empty) do not.
    if (head.length > 1 && head.slice(1).every((w) => AMOUNT_COLUMN.test(text(w))))
      width = head.length - 1;
    // A row of more or fewer figures than its columns was not parted as written: no row is trusted.
    if (!staffing && figures.length !== width) misfit = true;
    if (head.length > 0) rows.push({ cells: head.map(text), line: head[0]?.line ?? 0 });
    rows.push({
      cells: [label ? text(label) : '', ...figures],
      line: label?.line ?? words[0]?.line ?? 0,
    });
    words = [];
    figures = [];
  };
  for (const r of lines.slice(start)) {
    const t = text(r);
    if (/^(?:楼堂馆所|厉行节约)/.test(t) || t.length > 40) break;
    if (BASE_VALUE.test(t)) {
      if (words.length > 0) figures.push(t);
      continue;
    }
    flush();
    words.push(r);
  }
  flush();
  if (misfit) return undefined;
  return rows.some((r) => BASE_ROWS.some(([re]) => re.test(r.cells[0] ?? ''))) ? rows : undefined;
}

/**
 * Whether the cells of a 基础数据表 were parted by guess: rows re-lined from one line of the file
 * (a table flattened onto one line, its spaces taken for the ends of cells), or a line read one
 * cell per line that holds a figure and a label between spaces. A cell's own words have spaces
 * too, so a figure may have gone to the wrong row.
 */
export function basePartedByGuess(block: Block, source: SourceDocument): boolean {
  const rows = block.rows ?? [];
  const realLines = source.realLines;
  if (realLines) {
    const real = new Set(rows.map((r) => realLines[r.line - 1] ?? r.line));
    if (real.size < rows.length) return true;
  }
  const oneCell = rows.every((r) => r.cells.filter((c) => c.trim() !== '').length <= 1);
  // A tab parts cells for certain; only spaces leave where a cell ends to a guess.
  const spacedApart = (r: TableRow): boolean =>
    !r.cells.some((c) => c.includes('\t')) && wordsApart(r).length > 1;
  return oneCell && rows.some(spacedApart);
}

/**
 * A line of a table read one cell per line that holds a figure and a label between spaces, as
 * a table flattened and re-lined gives it ("2.14 项目支出：", "政府采购金额 —— 99.19 99.19"): its
 * figures and its runs of words apart, one line each, in order.
 */
function wordsApart(line: TableRow): TableRow[] {
  const cell = line.cells.find((c) => c.trim() !== '');
  const words = cell?.trim().split(/[\s\u3000]+/) ?? [];
  if (words.length < 2 || !words.some((w) => BASE_VALUE.test(w) && w !== '')) return [line];
  const parts: string[] = [];
  for (const word of words) {
    const previous = parts[parts.length - 1];
    if (!BASE_VALUE.test(word) && previous !== undefined && !BASE_VALUE.test(previous))
      parts[parts.length - 1] = `${previous}${word}`;
    else parts.push(word);
  }
  return parts.map((part) => ({ ...line, cells: [part] }));
}

/**
 * A row's label cut by a wrap in PDF text ("1.公务用车购置" with its figures, "和维护经费" alone on
 * the next line): the rest, a line of words naming no row of its own, is joined to the label.
 */
function withWrappedLabels<R extends { cells: string[] }>(rows: readonly R[]): R[] {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    const filled = row.cells.filter((c) => c.trim() !== '');
    const rest = rows[i + 1]?.cells.filter((c) => c.trim() !== '') ?? [];
    const tail = clean(rest[0] ?? '');
    const labelIndex = row.cells.findIndex((c) => c.trim() !== '');
    if (
      labelIndex >= 0 &&
      filled.length >= 2 &&
      filled.slice(1).every((c) => FIGURE_CELL.test(clean(c)) || /^[-—–/]$/.test(clean(c))) &&
      rest.length === 1 &&
      tail.length <= 12 &&
      !FIGURE_CELL.test(tail) &&
      !/情况|措施|合计|编制/.test(tail) &&
      !BASE_ROWS.some(([re]) => re.test(tail))
    ) {
      const cells = [...row.cells];
      cells[labelIndex] = `${clean(cells[labelIndex] ?? '')}${tail}`;
      out.push({ ...row, cells });
      i++;
      continue;
    }
    out.push(row);
  }
  return out;
}

/** Reads a 基础数据表: staffing, 经费控制 rows (上年决算 | 本年预算 | 本年决算). */
export function readBaseDataTable(block: Block): BaseData {
  const data: BaseData = { projectRows: [], buildings: [] };
  const grid = block.rows ?? [];
  // Read one cell per line, every row holds one cell: the rows are made from the runs of lines.
  const oneCell =
    grid.length > 3 && grid.every((r) => r.cells.filter((c) => c.trim() !== '').length <= 1);
  const rows = withWrappedLabels(
    ((oneCell ? cellLineRows(grid) : undefined) ?? grid)
      .map(withoutCoveredColumns)
      .map(spacedCells),
  );
  let inProjects = false;
  rows.forEach((row, i) => {
    const cells = row.cells.map(clean);
    const labelIndex = cells.findIndex((c) => c !== '');
    const label = (cells[labelIndex] ?? '').replace(/^(其中[：:])/, '');
    if (/编制数/.test(cells.join('|'))) {
      const next = rows[i + 1];
      // The figures in cells of their own, or in one cell between tabs or spaces (text).
      const v = next
        ? next.cells
            .flatMap((c) => normalizeDigits(c.trim()).split(/[\s\u3000]+/))
            .filter((c) => c !== '')
        : [];
      const authorized = Number(v[0]);
      const actual = Number(v[1]);
      const staffing: NonNullable<BaseData['staffing']> = {};
      if (Number.isInteger(authorized)) staffing.authorized = authorized;
      if (Number.isInteger(actual)) staffing.actual = actual;
      const rate = v[2] ? parsePercent(v[2]) : undefined;
      if (rate) staffing.statedControlRate = rate;
      data.staffing = staffing;
      return;
    }
    if (/^厉行节约/.test(label)) {
      const text = row.cells
        .slice(labelIndex + 1)
        .join('')
        .trim();
      if (text) data.savingsMeasures = text;
      return;
    }
    const key = BASE_ROWS.find(([re]) =>
      re.test(label.replace(/^\d+、/, '').replace(/[“”"「」]/g, '')),
    )?.[1];
    if (key) inProjects = key === 'projects';
    // Below 项目支出, rows of no name of their own are its projects (or project classes).
    if (!key && !(inProjects && label !== '' && !/合计|小计|情况/.test(label))) return;
    const v = row.cells.slice(labelIndex + 1).map(clean);
    const cost: CostRow = { source: sourceRef(row.line, rowText(row)) };
    const [previous, budget, actual] = v;
    const a0 = amountCell(previous);
    const a1 = amountCell(budget);
    const a2 = amountCell(actual);
    if (a0) cost.previousActual = a0;
    if (a1) cost.budget = a1;
    if (a2) cost.actual = a2;
    if (key) data[key] ??= cost;
    else if (a0 || a1 || a2)
      data.projectRows.push({
        name: label.replace(/^[\d一二三四五六七八九十]+[、.．]/, ''),
        ...cost,
      });
  });
  return data;
}

export { rowText };

const GRADE_LABEL = /^(?:自评|评价|绩效|综合|自评结果)?(?:等级|评级|结果|评价等级|评定等级)[：:]?$/;
const GRADE_LABEL_WORD = /等级|评级|结果/;
const GRADE_WORD = /^(优秀|良好|优|良|中|差|合格|不合格)$/;

/**
 * The grade a 自评表 states on a row of its own (自评等级 | 良), in a grid, on a line of text or
 * one cell per line; undefined when none is stated.
 */
export function findStatedGrade(
  blocks: readonly Block[],
): { grade: string; line: number; excerpt: string } | undefined {
  const squashCell = (c: string): string => c.replace(/[\s\u3000]+/g, '');
  for (const block of blocks) {
    // Every label names 等级, 评级 or 结果: a block without one states no grade.
    const rows = block.rows ?? [{ cells: [block.text], line: block.line }];
    if (!rows.some((row) => row.cells.some((c) => GRADE_LABEL_WORD.test(c)))) continue;
    // Every cell of the block in order (a line of text split at its spaces): a label, then the
    // grade, on one row or the next (one cell per line).
    const cells = rows.flatMap((row) =>
      row.cells
        .flatMap((c) => c.split(/[\s\u3000|]+/))
        .filter((c) => c !== '')
        .map((c) => ({ text: squashCell(c), line: row.line })),
    );
    for (let k = 0; k + 1 < cells.length; k++) {
      const label = cells[k];
      const grade = cells[k + 1];
      if (label && grade && GRADE_LABEL.test(label.text) && GRADE_WORD.test(grade.text))
        return { grade: grade.text, line: grade.line, excerpt: `${label.text} ${grade.text}` };
    }
  }
  return undefined;
}
