import { normalizeDigits, parseActualCell, parseExpression, parsePercent } from '@jixiao/domain';
import type { Adjustment, FundRow, Funds, IndicatorNode, MoneyUnit } from '@jixiao/domain';
import { alignCells, cellNumber, cellType, fit } from './cell-align.ts';
import { joinCentredNames, planCentredNames } from './centred-names.ts';
import { subtotalGroup } from './subtotal-group.ts';
import type { Alignment, CellType } from './cell-align.ts';
import { looksRunTogether, splitRunTogether } from './run-together.ts';
import { amountIn } from './table-amount.ts';
import {
  columnOf,
  fundRowOf,
  fundSplitWordOf,
  segmentFundSplitWords,
  indicatorLevelOf,
  isDistinctiveFundRow,
  pointsInHeader,
  isFundGroupLabel,
  isRegionGroupLabel,
  isExpenditureLabel,
  groupLevelByStart,
  isGroupContinuation,
  isHeaderPrefix,
  isSubtotalRow,
  isTotalRow,
  isScoringRule,
  matchTemplate,
  normalizeLabel,
  OFTEN_EMPTY,
  sameGroupName,
  segmentHeader,
  subtotalGroupOf,
  targetWithNature,
} from './table-vocabulary.ts';
import type { ColumnKey, FundRowKey, TemplateMatch } from './table-vocabulary.ts';
import { sourceRef } from './text.ts';

/** One cell of a table as read, whatever the source: a grid cell, a line, a run of text. */
export interface Token {
  text: string;
  line: number;
  /** The token begins a row of a real grid (a .docx/.html/.xlsx row, a tab-led text row). */
  rowStart?: boolean;
  /** A label the reader supplied for a row the document left unnamed: read, never quoted. */
  implied?: boolean;
}

/** A figure read with too little certainty to support an error: findings on it are warnings. */
export interface UncertainReading {
  line: number;
  what: string;
  /**
   * A row whose cells ran together: split by fit alone, or left whole (then the tree lacks it,
   * and sums over the tree fall short of what the table states).
   */
  runTogether?: 'split' | 'whole';
}

export interface StreamTable {
  kind: 'department' | 'project';
  line: number;
  endLine: number;
  unitName?: string;
  projectName?: string;
  supervisor?: string;
  implementer?: string;
  funds: Funds;
  indicators: IndicatorNode[];
  statedTotal?: { value: number; line: number; excerpt: string };
  goals: { expected: string; actual?: string; line: number }[];
  /** Columns recognised in the headers, in their order. */
  fundColumns: ColumnKey[];
  indicatorColumns: ColumnKey[];
  template?: TemplateMatch;
  /** Rows whose cells could be fitted to the columns in more than one way. */
  uncertain: UncertainReading[];
  /** Rows seen but not understood (a label with values that fit no column). */
  unread: number;
  /** 加分/减分 rows below the indicators. */
  adjustments?: Adjustment[];
  amountUnit: MoneyUnit;
  /** Nothing in the table said whose it is: `kind` is the default (or the caller's hint). */
  kindGuessed?: true;
}

const HEADER_FIELDS: readonly [
  RegExp,
  'unitName' | 'projectName' | 'supervisor' | 'implementer',
][] = [
  [/^(?:部门名称|预算部门名称|单位名称|预算单位|部门\(单位\)名称)$/, 'unitName'],
  [/^(?:项目名称|项目支出名称|评价项目名称|转移支付名称|转移支付项目名称)$/, 'projectName'],
  [/^主管部门$/, 'supervisor'],
  [/^(?:实施单位|项目实施单位)$/, 'implementer'],
];

/** Whether a cell is the label of a header field (项目名称, 主管部门 …). */
const isHeaderField = (text: string): boolean => {
  const label = normalizeLabel(text);
  return HEADER_FIELDS.some(([re]) => re.test(label));
};

const NAME_PLACEHOLDER = /^指标\d+$|^[.…。·]+$/;

/** A group cell over the rows added to or taken from the total. */
const ADJUSTMENT_GROUP =
  /^(?:(?:加分|减分|加减分)(?:项|事项|指标)?|扣分(?:项|事项))(?:[（(].*[）)])?$/;

/** A 减分项 or 扣分项: points taken from the total. */
const PENALTY = /^(?:减分|扣分)/;

/**
 * Joins header words split over lines or cells ("年初" + "预算数", "经济效益" + "指标") and splits
 * header words run together in one cell ("指标名称目标值分值"), so that each token is one cell.
 */
export function normalizeTokens(tokensIn: readonly Token[]): Token[] {
  const tokens = joinWrappedHeaders(tokensIn);
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const text = t.text.trim();
    // A header word broken over two or three tokens.
    if (columnOf(text) === undefined && isHeaderPrefix(text)) {
      let joined = text;
      let j = i + 1;
      let done = false;
      while (j < tokens.length && j <= i + 2) {
        joined += (tokens[j]?.text ?? '').trim();
        if (columnOf(joined) !== undefined) {
          out.push({ ...t, text: joined });
          i = j;
          done = true;
          break;
        }
        if (!isHeaderPrefix(joined)) break;
        j++;
      }
      if (done) continue;
    }
    // "经济效益" + "指标", "服务对象满意度" + "指标": a group name whose 指标 went to the next line.
    const next = tokens[i + 1];
    if (
      next &&
      normalizeLabel(next.text) === '指标' &&
      cellType(text) === 'text' &&
      !isGroupContinuation(text)
    ) {
      out.push({ ...t, text: `${text}指标` });
      i++;
      continue;
    }
    // "项目支" + "出名称": a field's label wrapped inside its cell, its halves one after the other.
    if (next && text.length <= 4 && !isHeaderField(text)) {
      const joined = `${text}${next.text.trim()}`;
      if (isHeaderField(joined)) {
        out.push({ ...t, text: joined });
        i++;
        continue;
      }
    }
    // "经济效" + "益指标": a group cell wrapped inside its name, its two halves one after the
    // other (a table on one line, parted at the wrap's space; one cell per line).
    if (next && indicatorLevelOf(text) === undefined && groupLevelByStart(text) !== undefined) {
      const joined = `${text}${next.text.trim()}`;
      if (indicatorLevelOf(joined) !== undefined) {
        out.push({ ...t, text: joined });
        i++;
        continue;
      }
    }
    if (columnOf(text) === undefined && text.length >= 6) {
      const parts = segmentHeader(text);
      if (parts) {
        parts.forEach((p, k) =>
          out.push({
            text: p.word,
            line: t.line,
            ...(k === 0 && t.rowStart ? { rowStart: true } : {}),
          }),
        );
        continue;
      }
    }
    out.push({ ...t, text });
  }
  return out;
}

/** A group cell's 分值 alone: "（30分）", "(50分)". */
const GROUP_POINTS = /^[（(][\d０-９]+(?:[.．][\d０-９]+)?分[）)]$/;

/**
 * A header row of PDF text whose cells wrap onto a second line ("一级 二级 三级指标 … 偏差原因分析"
 * over "指标 指标 及改进措施"; "项目资金 年初预 全年预 全年执" over "（万元） 算数 算数 行数"): each
 * piece of the second line completes, in order, a cell of the first into a header word (a unit
 * note in brackets goes to the row label). Joined only when every piece finds its cell.
 */
function joinWrappedHeaders(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    if (!first) break;
    let end = i + 1;
    while (end < tokens.length && tokens[end]?.line === first.line && !tokens[end]?.rowStart) end++;
    const row = tokens.slice(i, end);
    let nextEnd = end;
    const next = tokens[end];
    while (nextEnd < tokens.length && tokens[nextEnd]?.line === next?.line) nextEnd++;
    const pieces = tokens
      .slice(end, nextEnd)
      .flatMap((t) => t.text.split(/[\s\u3000\u00a0]+/))
      .filter((p) => p !== '');
    const joined =
      row.length >= 3 && row.filter((t) => columnOf(t.text) !== undefined).length >= 2
        ? completeHeader(row, pieces)
        : undefined;
    if (joined) {
      out.push(...joined);
      i = nextEnd;
    } else {
      out.push(...row);
      i = end;
    }
  }
  return out;
}

function completeHeader(row: readonly Token[], pieces: readonly string[]): Token[] | undefined {
  if (pieces.length === 0 || pieces.length > row.length) return undefined;
  if (pieces.some((p) => cellType(p) !== 'text' || columnOf(p) !== undefined)) return undefined;
  const out: Token[] = [];
  let p = 0;
  row.forEach((t, k) => {
    const piece = pieces[p];
    const unitNote = piece !== undefined && /^[（(][^）)]*[）)]$/.test(piece);
    const word = piece === undefined ? undefined : columnOf(t.text + piece);
    const completes = word !== undefined && (columnOf(t.text) === undefined || !unitNote);
    if (piece !== undefined && ((unitNote && k === 0) || (!unitNote && completes))) {
      out.push({ ...t, text: t.text + piece });
      p++;
    } else out.push(t);
  });
  return p === pieces.length && out.some((t, k) => t.text !== row[k]?.text) ? out : undefined;
}

/** One figure with its comparison sign and unit, a cell on its own: "≤2,202.21万元", "≥1,500人次". */
const ONE_FIGURE = /^[≤≥<>＜＞=＝]?[\d,，]+(?:\.\d+)?(?:[%％‰]|[\p{Script=Han}]{1,3})?$/u;

/**
 * Rows whose cells were run together with nothing between them, each alone on its line under a
 * fund or indicator header: split into their cells for the header's columns (`splitRunTogether`).
 */
function splitRunTogetherRows(tokens: readonly Token[]): {
  tokens: Token[];
  uncertain: UncertainReading[];
} {
  const out: Token[] = [];
  // Digits cut apart by their fit alone: findings on these rows stay warnings.
  const uncertain: UncertainReading[] = [];
  let columns: ColumnKey[] | undefined;
  // The fund rows split so far under the header: a source row may repeat their figures.
  let fundRows: string[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const header = headerAt(tokens, i);
    const mode = headerMode(header.columns);
    if (mode) {
      columns = mode === 'fund' || mode === 'indicator' ? header.columns : undefined;
      fundRows = [];
      // Amount columns opened into 合计 and its sources below the header: a row's figures fill
      // every sub-column.
      const sub = mode === 'fund' ? splitHeaderAt(tokens, header.end, header.columns) : undefined;
      const end = sub?.end ?? header.end;
      if (sub) columns = splitSlots(header.columns, sub.split).map((x) => x.column);
      out.push(...tokens.slice(i, end));
      i = end - 1;
      continue;
    }
    const alone = tokens[i - 1]?.line !== t.line && tokens[i + 1]?.line !== t.line;
    const cells =
      columns && alone
        ? (splitAsAbove(t.text, fundRows) ?? splitRunTogether(t.text, columns))
        : undefined;
    if (cells && columns?.includes('executed') && !columns.includes('target')) fundRows.push(cells);
    // A row left whole is marked too; a cell of a table one cell per line ("≥95%") is not.
    // Nor is one value alone, however long its figure ("≤2,202.21万元", "≤150000.00元",
    // "≥12,000人次").
    const gluedRow = (x: string): boolean =>
      x.length >= 10 && !ONE_FIGURE.test(x) && !ONE_VALUE.test(x) && looksRunTogether(x);
    if (columns && alone && (cells !== undefined || gluedRow(normalizeLabel(t.text))))
      uncertain.push({
        line: t.line,
        what: t.text.slice(0, 20),
        runTogether: cells && cells.length >= 2 ? 'split' : 'whole',
      });
    if (cells && cells.length >= 2)
      out.push(
        ...cells.map((text, k) => ({ text, line: t.line, ...(k === 0 ? { rowStart: true } : {}) })),
      );
    else out.push(t);
  }
  return { tokens: out, uncertain };
}

/**
 * A source row run together with the very figures of a fund row split above it, the first of its
 * amounts ("其中：财政拨款43.243.237.24" under "年度资金总额43.243.237.241086%9", where all the
 * money is of one source): split as that row was, its label kept. Undefined otherwise.
 */
function splitAsAbove(text: string, above: readonly string[][]): string[] | undefined {
  const row = normalizeDigits(text).trim();
  const label = /^[^\d—–-]*\p{Script=Han}[：:]?/u.exec(row)?.[0];
  if (!label) return undefined;
  const figures = row.slice(label.length);
  if (figures.length < 4) return undefined;
  for (const cells of above) {
    let joined = '';
    for (let k = 1; k < cells.length && joined.length < figures.length; k++) {
      joined += cells[k] ?? '';
      if (joined === figures) return [label, ...cells.slice(1, k + 1)];
    }
  }
  return undefined;
}

/**
 * 预期目标 and 实际完成情况 run together on one line ("完成32个小区改造。完成32个小区改造，惠及
 * 5920户。"): the two texts, parted at the sentence end nearest the middle; undefined for one
 * sentence.
 */
function goalPair(text: string): [string, string] | undefined {
  const t = text.trim();
  const figures = figurePair(t);
  if (figures) return figures;
  let best: number | undefined;
  for (const m of t.matchAll(/[。！？；]/g)) {
    const at = (m.index ?? 0) + 1;
    if (at >= t.length) continue;
    if (best === undefined || Math.abs(at - t.length / 2) < Math.abs(best - t.length / 2))
      best = at;
  }
  return best === undefined ? undefined : [t.slice(0, best), t.slice(best)];
}

/**
 * Two figures run together where 预期目标 and 实际完成情况 hold amounts ("43.237.24"): parted
 * into figures of at most two decimals, of the split whose two figures are nearest in size (a
 * goal and its achievement are of one quantity: 43.2 | 37.24, not 43.23 | 7.24).
 */
function figurePair(t: string): [string, string] | undefined {
  if (!/^[\d.]+$/.test(t) || (t.match(/\./g) ?? []).length !== 2) return undefined;
  const FIGURE = /^(?:0|[1-9]\d*)(?:\.\d{1,2})?$/;
  let best: [string, string] | undefined;
  let gap = Infinity;
  for (let k = 1; k < t.length; k++) {
    const a = t.slice(0, k);
    const b = t.slice(k);
    if (!FIGURE.test(a) || !FIGURE.test(b) || Number(a) <= 0 || Number(b) <= 0) continue;
    const g = Math.abs(Math.log(Number(a) / Number(b)));
    if (g < gap) [best, gap] = [[a, b], g];
  }
  return best;
}

const FUND_COLUMNS = new Set<ColumnKey>([
  'initialBudget',
  'budget',
  'executed',
  'rate',
  'received',
  'receivedRate',
  'weight',
  'score',
]);
const NAME_COLUMNS = new Set<ColumnKey>(['level1', 'level2', 'level3']);

type Mode = 'none' | 'fund' | 'indicator' | 'goals';

/**
 * Fund words each followed by its value, starting at `i` (at least 预算数/执行数 and one more),
 * with where the run ends; undefined when the tokens are not such pairs.
 */
function pairsAt(
  tokens: readonly Token[],
  i: number,
): ({ column: ColumnKey; value: string }[] & { end: number }) | undefined {
  const out: { column: ColumnKey; value: string }[] = [];
  let j = i;
  while (j + 1 < tokens.length) {
    const column = columnOf(tokens[j]?.text ?? '');
    const value = tokens[j + 1]?.text ?? '';
    const type = cellType(value);
    if (!column || !FUND_COLUMNS.has(column) || (type !== 'number' && type !== 'percent')) break;
    out.push({ column, value });
    j += 2;
  }
  const has = (c: ColumnKey): boolean => out.some((p) => p.column === c);
  if (out.length < 3 || !(has('budget') || has('initialBudget')) || !has('executed'))
    return undefined;
  return Object.assign(out, { end: j });
}

/**
 * Amount headers spanning a second header row of sub-columns ("全年预算数 | 全年执行数" over "合计
 * 中央资金 地方资金 合计 中央资金 地方资金", as 转移支付 tables have them): the spanning columns and
 * the words under each.
 */
interface FundSplit {
  spans: ColumnKey[];
  words: string[];
  /**
   * One group of sub-columns under a header of several amount columns (全年执行数 over 合计 中央资金
   * 地方资金 其他资金, 全年预算数 merged down beside it): the columns one of which is parted, chosen
   * by each row's figures (`chooseSplit`); `spans` holds the likeliest until then.
   */
  choices?: ColumnKey[];
}

const AMOUNT_COLUMNS = new Set<ColumnKey>(['initialBudget', 'budget', 'executed']);

/**
 * The sub-column row right after a fund header, when the tokens at `i` are one: the same words
 * under each amount column, one of them 合计, the others sources. Undefined otherwise.
 */
function splitHeaderAt(
  tokens: readonly Token[],
  i: number,
  columns: readonly ColumnKey[],
): { split: FundSplit; end: number } | undefined {
  const spans = columns.filter((c) => AMOUNT_COLUMNS.has(c));
  const words: string[] = [];
  let j = i;
  while (j < tokens.length) {
    const pieces = (tokens[j]?.text ?? '')
      .split(/[\s\u3000\u00a0]+/)
      .filter((p) => p !== '')
      // Words run together with nothing between them ("合计中央补助地方资金") are parted.
      .flatMap((p) => (fundSplitWordOf(p) === undefined ? (segmentFundSplitWords(p) ?? [p]) : [p]));
    if (pieces.length === 0 || pieces.some((p) => fundSplitWordOf(p) === undefined)) break;
    words.push(...pieces.map(normalizeLabel));
    j++;
  }
  if (spans.length === 0 || words.length < 2) return undefined;
  const totals = (ws: readonly string[]): number =>
    ws.filter((w) => fundSplitWordOf(w) === 'total').length;
  if (words.length >= 2 * spans.length && words.length % spans.length === 0) {
    const per = words.length / spans.length;
    const first = words.slice(0, per);
    const same = spans.every(
      (_, k) => words.slice(k * per, (k + 1) * per).join('|') === first.join('|'),
    );
    if (same && totals(first) === 1) return { split: { spans, words: first }, end: j };
  }
  // One group under one of several amount columns: which one, the rows' figures say.
  if (spans.length >= 2 && totals(words) === 1) {
    const likeliest: ColumnKey = spans.includes('executed')
      ? 'executed'
      : (spans.at(-1) ?? 'budget');
    return { split: { spans: [likeliest], words, choices: spans }, end: j };
  }
  return undefined;
}

/**
 * A fund header over two rows whose second names the amounts one cell of the first spans ("预算数"
 * over "年初预算数 | 全年预算数", 资金来源 and the rest merged down): the first row's columns with
 * that cell replaced by the words under it. The header as read otherwise: unless the second row
 * holds only amount words, one of them the spanning cell's own meaning, the others new to it.
 */
function withAmountSubHeader(header: { columns: ColumnKey[]; end: number }): {
  columns: ColumnKey[];
  end: number;
} {
  // The second row may have been joined to the first as a wrapped header: it is the run of
  // amount words at the end, one of which the first row already named.
  const cols = header.columns;
  let r = cols.length;
  while (r > 0 && AMOUNT_COLUMNS.has(cols[r - 1] ?? 'reason')) r--;
  const first = cols.slice(0, r);
  const subs = cols.slice(r);
  if (subs.length < 2 || new Set(subs).size !== subs.length) return header;
  if (headerMode(first) !== 'fund') return header;
  const parents = subs.filter((k) => first.includes(k));
  if (parents.length !== 1 || parents[0] === undefined) return header;
  const at = first.indexOf(parents[0]);
  return { columns: [...first.slice(0, at), ...subs, ...first.slice(at + 1)], end: header.end };
}

/**
 * For a header whose one group of sub-columns may stand under any of several amount columns
 * (`FundSplit.choices`): the reading of a row's cells under which the sources add up to the 合计
 * and the 执行率 is executed ÷ budget. `certain` when exactly one reading fits both (or the one
 * it can check); otherwise the likeliest, uncertain.
 */
function chooseSplit(
  columns: readonly ColumnKey[],
  split: FundSplit,
  cells: readonly string[],
  unit: MoneyUnit,
): { split: FundSplit; certain: boolean } {
  if (!split.choices) return { split, certain: true };
  const tolerance = amountIn('0.01', unit)?.fen ?? 1;
  const fits = split.choices.map((c) => {
    const one: FundSplit = { spans: [c], words: split.words };
    const slots = splitSlots(columns, one);
    if (slots.length !== cells.length) return { one, adds: false, rate: false };
    const own: Partial<Record<ColumnKey, string>> = {};
    const parts: number[] = [];
    slots.forEach((s, k) => {
      const cell = cells[k] ?? '';
      if (s.part === undefined) own[s.column] = cell;
      else parts.push(amountIn(cell, unit)?.fen ?? 0);
    });
    const total = amountIn(own[c], unit)?.fen;
    const adds =
      total !== undefined &&
      Math.abs(total - parts.reduce((a, b) => a + b, 0)) <= tolerance * parts.length;
    const budget = amountIn(own.budget ?? own.initialBudget, unit)?.fen;
    const executed = amountIn(own.executed, unit)?.fen;
    const stated = own.rate === undefined ? undefined : cellNumber(own.rate);
    const rate =
      stated === undefined || Number.isNaN(stated)
        ? undefined
        : budget !== undefined && executed !== undefined && budget > 0
          ? Math.abs((100 * executed) / budget - stated) < 0.5
          : false;
    return { one, adds, rate };
  });
  const both = fits.filter((f) => f.adds && f.rate !== false);
  if (both.length === 1 && both[0]) return { split: both[0].one, certain: true };
  const either = fits.filter((f) => f.adds || f.rate === true);
  if (either.length === 1 && either[0]) return { split: either[0].one, certain: false };
  return { split, certain: false };
}

/** The fund header's columns with each spanning amount column opened into its sub-columns. */
function splitSlots(
  columns: readonly ColumnKey[],
  split: FundSplit,
): { column: ColumnKey; part?: string }[] {
  return columns
    .filter((c) => FUND_COLUMNS.has(c))
    .flatMap((column) =>
      split.spans.includes(column)
        ? split.words.map((w) =>
            fundSplitWordOf(w) === 'total' ? { column } : { column, part: w },
          )
        : [{ column }],
    );
}

/** Whether the cells before a header's first column, on its line, name the rows as spending. */
function namesSpending(tokens: readonly Token[], i: number): boolean {
  const line = tokens[i]?.line;
  for (let j = i - 1; j >= Math.max(0, i - 2) && tokens[j]?.line === line; j--) {
    if (
      /^(?:支出(?:项目|内容|科目|类别|用途)?|用途|经济分类|功能分类|科目名称)$/.test(
        tokens[j]?.text ?? '',
      )
    )
      return true;
  }
  return false;
}

/** A unit of measure alone in its cell ("%", "个", "万元", "人次"). */
const UNIT_CELL =
  /^(?:[%％‰]|[个人户部座所套栋次项家台辆件元吨起条处张册场期份篇间株头只尾亩天日月年米]|人次|万人|万人次|万元|亿元|万亩|公里|千米|平方米|立方米|小时|分钟|批次|万尾|万吨|万户|空方|万空方|工作日|个工作日|平方公里|千瓦)$/;

/** A comparison sign alone in its cell. */
const LONE_SIGN = /^(?:[≥≤<>=＞＜＝≧≦]|>=|<=)$/;

/**
 * Joins a target's comparison sign to its value where the sign has a cell of its own under a
 * 年度指标值 header that spans both ("≥" | "95%"), in a table with no 指标性质 column: the two
 * cells are one target ("≥95%"). A table with a 指标性质 column keeps its signs as cells.
 */
function joinLoneSigns(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  let join: false | 'sign' | 'unit' = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const header = headerAt(tokens, i);
    if (header.end > i && headerMode(header.columns) === 'indicator') {
      join = header.columns.includes('nature')
        ? false
        : header.columns.includes('measure')
          ? 'sign'
          : 'unit';
      out.push(...tokens.slice(i, header.end));
      i = header.end - 1;
      continue;
    }
    const next = tokens[i + 1];
    if (
      join &&
      next &&
      !next.rowStart &&
      LONE_SIGN.test(t.text.trim()) &&
      /^\d/.test(normalizeDigits(next.text.trim()))
    ) {
      // "≥" | "12" | "个": the unit in a third cell of the same target, with no 度量单位 column.
      const unit = tokens[i + 2];
      const withUnit =
        join === 'unit' &&
        unit !== undefined &&
        !unit.rowStart &&
        /^\d+(?:\.\d+)?$/.test(normalizeDigits(next.text.trim())) &&
        UNIT_CELL.test(unit.text.trim());
      out.push({
        ...t,
        text: `${t.text.trim()}${next.text.trim()}${withUnit ? unit.text.trim() : ''}`,
      });
      i += withUnit ? 2 : 1;
      continue;
    }
    out.push(t);
  }
  return out;
}

/** A run of header tokens starting at `i`: the columns and where the run ends. */
function headerAt(tokens: readonly Token[], i: number): { columns: ColumnKey[]; end: number } {
  const columns: ColumnKey[] = [];
  let j = i;
  while (j < tokens.length) {
    const key = columnOf(tokens[j]?.text ?? '');
    if (key === undefined) break;
    // The header ends where a row of figures begins: "预算执行率 | 预算执行率 | 10 | 9.75" under
    // 一级指标 … 得分 is the first indicator row, its names words the header also uses.
    if (j > i && startsRow(tokens, j) && rowHasFigure(tokens, j)) break;
    // An indicator header names each column once and has no 执行率 column: "预算执行率" after
    // 一级指标 … 得分 is the first row's name (one cell per line, no row to tell it by). Texts
    // that explain a row may take two columns (指标解释 | 评价标准).
    const levels = columns.includes('level1') || columns.includes('level3');
    const again = columns.includes(key) && key !== 'description';
    if (levels && (again || key === 'rate')) break;
    columns.push(key);
    j++;
  }
  return { columns, end: j };
}

/** Whether token `j` begins a row: a grid row, or a line of its own. */
const startsRow = (tokens: readonly Token[], j: number): boolean =>
  tokens[j]?.rowStart === true || tokens[j - 1]?.line !== tokens[j]?.line;

/** Whether the row beginning at token `j` holds a figure. */
function rowHasFigure(tokens: readonly Token[], j: number): boolean {
  for (let k = j; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t || (k > j && startsRow(tokens, k))) break;
    if (cellType(t.text) === 'number') return true;
  }
  return false;
}

function headerMode(columns: readonly ColumnKey[]): Mode | undefined {
  if (columns.length < 2) return undefined;
  const has = (c: ColumnKey): boolean => columns.includes(c);
  if (has('level3') || has('level1') || (has('target') && (has('weight') || has('score'))))
    return columns.length >= 3 ? 'indicator' : undefined;
  if (columns.every((c) => c === 'target' || c === 'actual')) return 'goals';
  const fund = columns.filter((c) => FUND_COLUMNS.has(c)).length;
  return fund >= 3 && (has('budget') || has('executed') || has('initialBudget'))
    ? 'fund'
    : undefined;
}

/** The amount columns the total row filled: the ones its sub-rows fill too. */
const fundColumnsFilled = (funds: Funds): Set<ColumnKey> =>
  new Set(
    Object.keys(funds.total ?? {}).flatMap((k): ColumnKey[] =>
      k === 'initialBudget' || k === 'budget' || k === 'executed' ? [k] : [],
    ),
  );

/** Cost of leaving a column empty: sub-rows leave 分值/执行率/得分 empty, most leave 年初预算数. */
const fundSkip =
  (total: boolean, filled: ReadonlySet<ColumnKey>) =>
  (c: ColumnKey): number => {
    // Sub-rows carry no 分值/执行率/得分; their amount columns are those the total row filled.
    if (!total && (c === 'weight' || c === 'rate' || c === 'score')) return -0.3;
    if (c === 'initialBudget') return !total && filled.has(c) ? 0.4 : 0.05;
    return 0.4;
  };
/**
 * What leaving a column of an indicator row empty costs. 分值 and 得分 are filled on a scored row
 * far more often than 年度指标值 and 实际完成值, so two figures after a name ("工程验收合格率 | 10 |
 * 10") are its 分值 and 得分, and a target with two figures ("≥95% | 10 | 10") lost its 实际完成值.
 */
const indicatorSkip = (c: ColumnKey): number =>
  OFTEN_EMPTY.has(c) ? 0.05 : c === 'weight' || c === 'score' ? 0.5 : 0.4;

/**
 * Reads a 自评表 from a stream of cells: header fields, the fund block and the indicator block
 * with columns mapped by meaning (any order, any of the known wordings), rows fitted to the
 * columns even when empty cells were lost, the 总分 row and the 年度总体目标 pair.
 */
export function readTableStream(
  tokensIn: readonly Token[],
  kindHint?: 'department' | 'project',
  unitAbove?: MoneyUnit,
): StreamTable | undefined {
  const split0 = splitRunTogetherRows(normalizeTokens(tokensIn));
  const joined = joinLoneSigns(split0.tokens);
  // PDF text whose names wrap around their rows' figures: the rows are read without the lines
  // holding only a piece of a name, which are put back into the names once read.
  const namePlan = planCentredNames(joined);
  const tokens = namePlan ? joined.filter((t) => !namePlan.pieceLines.has(t.line)) : joined;
  const runTogether = split0.uncertain;
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last) return undefined;
  const all = tokens.map((t) => t.text).join('|');
  const unit = amountUnitOf(tokens, unitAbove);
  const table: StreamTable = {
    kind: 'department',
    line: first.line,
    endLine: last.line,
    funds: {},
    indicators: [],
    goals: [],
    fundColumns: [],
    indicatorColumns: [],
    uncertain: [...runTogether],
    unread: 0,
    amountUnit: unit,
  };
  let mode: Mode = 'none';
  let columns: ColumnKey[] = [];
  let level1: IndicatorNode | undefined;
  let level2: IndicatorNode | undefined;
  let split: FundSplit | undefined;
  // The fund header's row names its rows as spending ("支出项目 全年预算数 …"): rows of names the
  // vocabulary does not know are then items of spending, not sources of the total.
  let rowsBySpending = false;
  // Rows under a 分地区 cell: the total parted by place, until another fund row or group.
  let byRegion = false;
  let fundHeaderPoints: number | undefined;
  // Where the rows under the last fund header begin.
  let fundHeaderEnd = -1;
  // Under a 加分项/减分项 group cell read one cell per line: the rows are adjustments.
  let adjusting: 'bonus' | 'penalty' | undefined;
  // 小计 rows above the group they name ("过程指标小计 | 20 | 19.8" before the 过程 rows): their
  // figures wait for that group to open.
  const pendingSubtotals: { name: string; aligned: Alignment }[] = [];
  const takeSubtotal = (node: IndicatorNode): void => {
    const k = pendingSubtotals.findIndex((p) => {
      const named = subtotalGroupOf(p.name);
      return named !== undefined && sameGroupName(node.name, named);
    });
    const pending = pendingSubtotals[k];
    if (!pending) return;
    setGroupFigures(node, pending.aligned);
    pendingSubtotals.splice(k, 1);
  };
  // Whether the group a 小计 row names opens within the next few cells: the row is above it.
  const subtotalAhead = (label: string, from: number): boolean => {
    const named = subtotalGroupOf(label);
    if (named === undefined) return false;
    for (let j = from; j < Math.min(tokens.length, from + 4); j++) {
      const x = tokens[j]?.text ?? '';
      if (sameGroupName(x, named) || sameGroupName(groupNode(x, 0).name, named)) return true;
    }
    return false;
  };
  let i = 0;
  const valueRun = (from: number, max: number, stopAtText: boolean, skipEmpty = false): number => {
    // Tokens after a label that are values of its row: up to `max`, stopping at a label. With
    // `skipEmpty`, empty cells are passed over without counting: a 合计 row of a table whose
    // 权重 column stands before 年度指标值 and 实际完成值 has its 得分 three cells after its 权重.
    let j = from;
    let taken = 0;
    while (j < tokens.length && taken < max) {
      const t = tokens[j];
      if (!t || (t.rowStart && j > from)) break;
      const text = t.text;
      if (fundRowOf(text) || isTotalRow(text) || columnOf(text) || indicatorLevelOf(text)) break;
      if (stopAtText && cellType(text) === 'text') break;
      if (!skipEmpty || cellType(text) !== 'empty') taken++;
      j++;
    }
    return j;
  };
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t) break;
    const text = t.text;
    const label = normalizeLabel(text);
    const field = HEADER_FIELDS.find(([re]) => re.test(label))?.[1];
    const nextText = tokens[i + 1]?.text;
    if (field && nextText !== undefined && cellType(nextText) === 'text' && !columnOf(nextText)) {
      table[field] ??= nextText.trim();
      i += 2;
      continue;
    }
    // "预算数 96.00 执行数 84.00 执行率 87.50% 分值 20 得分 19": the fund total as word–value
    // pairs (Hubei's 预算执行情况 row), read when no total row was read.
    const pairs = pairsAt(tokens, i);
    if (pairs && !table.funds.total) {
      const cols = pairs.map((p) => p.column);
      const aligned = alignCells(
        pairs.map((p) => p.value),
        cols,
        () => 1,
      );
      if (aligned)
        table.funds.total = fundRowFrom(aligned, unit, t.line, tokens.slice(i, pairs.end));
      i = pairs.end;
      continue;
    }
    const header = withAmountSubHeader(headerAt(tokens, i));
    const newMode = headerMode(header.columns);
    if (newMode) {
      mode = newMode;
      columns = header.columns;
      if (mode === 'fund') table.fundColumns = columns;
      if (mode === 'fund')
        fundHeaderPoints = tokens
          .slice(i, header.end)
          .map((x) => pointsInHeader(x.text))
          .find((p) => p !== undefined);
      if (mode === 'fund') rowsBySpending = namesSpending(tokens, i);
      byRegion = false;
      if (mode === 'indicator') table.indicatorColumns = columns;
      i = header.end;
      split = undefined;
      if (mode === 'fund') {
        const sub = splitHeaderAt(tokens, i, columns);
        if (sub) {
          split = sub.split;
          i = sub.end;
        }
        fundHeaderEnd = i;
      }
      continue;
    }
    if (/^年度总体目标|^总体目标/.test(label)) {
      // The row run together with its header words and its two cells ("年度总体目标预期目标实际
      // 完成情况43.237.24"): the pair is what follows the words.
      const rest = text
        .trim()
        .replace(/^(?:年度)?总体目标(?:预期目标)?(?:实际完成情况)?/, '')
        .trim();
      const pair = rest !== '' && text.trim() !== rest ? figurePair(rest) : undefined;
      if (pair) {
        table.goals.push({ expected: pair[0], actual: pair[1], line: t.line });
        i++;
        continue;
      }
      mode = 'goals';
      i++;
      continue;
    }
    // "预算执行情况（万元） 年初预算数 … 得分" then the amounts alone, the header's label cell
    // merged down over them: the row is the total's, and is read as if it said so.
    if (
      mode === 'fund' &&
      i === fundHeaderEnd &&
      !table.funds.total &&
      cellType(text) === 'number' &&
      tokens.slice(i, i + 4).every((x) => cellType(x.text) !== 'text')
    ) {
      tokens.splice(
        i,
        1,
        { text: '年度资金总额', line: t.line, rowStart: t.rowStart === true, implied: true },
        { ...t, rowStart: false },
      );
      fundHeaderEnd = -1;
      continue;
    }
    // A merged cell that only groups the fund rows beside it (按收入性质分): the next is the row.
    if (mode === 'fund' && isFundGroupLabel(text)) {
      byRegion = isRegionGroupLabel(text);
      i++;
      continue;
    }
    if (mode === 'fund' || (mode === 'none' && isDistinctiveFundRow(text))) {
      const wrapped = mode === 'fund' ? wrappedFundLabel(tokens, i) : undefined;
      const key = fundRowOf(text) ?? wrapped?.key;
      if (key) byRegion = false;
      if (key && split) {
        // Amount columns split into 合计 and its sources: every cell must be there to say
        // which is which.
        const end = valueRun(i + 1, splitSlots(columns, split).length, true);
        const cells = tokens.slice(i + 1, end).map((x) => x.text);
        const rowTokens = tokens.slice(i, end);
        const chosen = chooseSplit(columns, split, cells, unit);
        if (!chosen.certain) table.uncertain.push({ line: t.line, what: normalizeLabel(text) });
        const slots = splitSlots(columns, chosen.split);
        if (cells.length === slots.length) {
          const own: Partial<Record<ColumnKey, string>> = {};
          const parts = new Map<string, Partial<Record<ColumnKey, string>>>();
          slots.forEach((s, k) => {
            const cell = cells[k] ?? '';
            if (cellType(cell) === 'empty') return;
            if (s.part === undefined) own[s.column] = cell;
            else parts.set(s.part, { ...parts.get(s.part), [s.column]: cell });
          });
          const row = fundRowFrom({ values: own, margin: Infinity }, unit, t.line, rowTokens);
          if (!table.funds[key]) table.funds[key] = row;
          if (key === 'total')
            for (const [name, values] of parts) {
              const part = fundRowFrom({ values, margin: Infinity }, unit, t.line, rowTokens);
              (table.funds.sources ??= []).push({ name, ...part });
            }
        } else if (cells.length > 0) table.unread++;
        i = Math.max(end, i + 1);
        continue;
      }
      if (key) {
        const cols =
          columns.length > 0
            ? columns
            : (['initialBudget', 'budget', 'executed', 'weight', 'rate', 'score'] as ColumnKey[]);
        const fundCols = cols.filter((c) => FUND_COLUMNS.has(c));
        const end = valueRun(i + 1, fundCols.length, true);
        const cells = tokens.slice(i + 1, end).map((x) => x.text);
        const filled = fundColumnsFilled(table.funds);
        const aligned = alignCells(cells, fundCols, fundSkip(key === 'total', filled));
        if (aligned && cells.length > 0) {
          const row = fundRowFrom(aligned, unit, t.line, tokens.slice(i, end));
          if (aligned.margin < 0.5)
            table.uncertain.push({ line: t.line, what: normalizeLabel(text) });
          if (!table.funds[key]) table.funds[key] = row;
        } else if (cells.length > 0) table.unread++;
        i = Math.max(end, i + 1);
        // The rest of the label, wrapped onto the next line, is read with it.
        if (wrapped && i === wrapped.rest) i++;
        continue;
      }
      if (mode === 'fund' && isTotalRow(text)) {
        i++;
        continue;
      }
      // A source row of a name the vocabulary does not know (中央补助, 市级衔接资金, 自治区资金):
      // a part of the total by income, with amounts and 执行率 of its own.
      if (mode === 'fund' && cellType(text) === 'text' && indicatorLevelOf(text) === undefined) {
        const end = valueRun(i + 1, columns.length || 6, true);
        const cells = tokens.slice(i + 1, end).map((x) => x.text);
        if (cells.some((x) => cellType(x) === 'number')) {
          const name = normalizeLabel(text);
          const fundCols = columns.filter((c) => FUND_COLUMNS.has(c));
          const aligned =
            isExpenditureLabel(name) || rowsBySpending
              ? undefined
              : alignCells(cells, fundCols, fundSkip(false, fundColumnsFilled(table.funds)));
          if (aligned) {
            const row = fundRowFrom(aligned, unit, t.line, tokens.slice(i, end));
            if (aligned.margin < 0.5) table.uncertain.push({ line: t.line, what: name });
            if (byRegion) (table.funds.regions ??= []).push({ name, ...row });
            else (table.funds.sources ??= []).push({ name, ...row });
          }
          i = end;
          continue;
        }
      }
    }
    if (mode === 'goals') {
      const cells: string[] = [];
      let j = i;
      while (j < tokens.length && cells.length < 2) {
        const x = tokens[j]?.text ?? '';
        if (columnOf(x) || indicatorLevelOf(x)) break;
        // The corner cell of the indicator header ("绩效指标" before 一级指标 …).
        if (cellType(x) === 'text' && x.length <= 6 && headerMode(headerAt(tokens, j + 1).columns))
          break;
        if (cells.length > 0 && tokens[j]?.rowStart) break;
        cells.push(x);
        j++;
      }
      // The two cells run together on one line: parted at the sentence end nearest its middle.
      const alone = tokens[j]?.line !== t.line && tokens[i - 1]?.line !== t.line;
      const pair = cells.length === 1 && alone ? goalPair(cells[0] ?? '') : undefined;
      if (pair) cells.splice(0, 1, ...pair);
      if (cells.length > 0 && cells[0] !== undefined) {
        table.goals.push({
          expected: cells[0],
          ...(cells[1] !== undefined ? { actual: cells[1] } : {}),
          line: t.line,
        });
        i = j;
        mode = 'none';
        continue;
      }
      mode = 'none';
    }
    if (mode === 'indicator') {
      if (isTotalRow(text)) {
        adjusting = undefined;
        const end = valueRun(i + 1, 3, true, true);
        const nums = tokens
          .slice(i + 1, end)
          .map((x) => x.text)
          .filter((x) => cellType(x) === 'number');
        // 分值 and 得分 both stated: the header says which is which.
        const w = columns.indexOf('weight');
        const sc = columns.indexOf('score');
        const value =
          nums.length >= 2 && w >= 0 && sc >= 0 && sc < w ? nums[0] : nums[nums.length - 1];
        if (value !== undefined) {
          table.statedTotal = {
            value: cellNumber(value),
            line: t.line,
            excerpt: tokens
              .slice(i, end)
              .map((x) => x.text)
              .join(' | '),
          };
        }
        i = Math.max(end, i + 1);
        continue;
      }
      // A row whose cells are known to belong together (a grid row, a line of PDF text): its
      // names and values fitted to the header's columns at once, group cells included.
      const rowEnd = rowEndAt(tokens, i);
      const row = rowEnd - i >= 2 ? readIndicatorRow(tokens.slice(i, rowEnd), columns) : undefined;
      if (row) {
        const { values } = row.aligned;
        // A row under a 加分项/减分项 group cell ("加分项 | 获省级表彰 | | 5 | … | 3") is added to
        // (taken from) the tree's total, not a child of the group above it.
        const adjustmentGroup = [values.level1, values.level2].find(
          (v) => v !== undefined && ADJUSTMENT_GROUP.test(normalizeLabel(v)),
        );
        if (adjustmentGroup !== undefined && row.leaf !== undefined) {
          const leaf = leafFrom(row.leaf, row.aligned, t.line, tokens.slice(i, rowEnd));
          const points = leaf.score ?? leaf.weight;
          if (points !== undefined) {
            const penalty = PENALTY.test(normalizeLabel(adjustmentGroup));
            (table.adjustments ??= []).push({
              name: row.leaf,
              kind: penalty ? 'penalty' : 'bonus',
              points: Math.abs(points),
              ...(leaf.source ? { source: leaf.source } : {}),
            });
          }
          i = rowEnd;
          continue;
        }
        // A row of a 小计 naming its group ("过程指标小计 | | | 20 | 19.8") in a group column: the
        // group's figures, not a group of that name.
        const subtotalCell =
          row.leaf === undefined && (values.level1 === undefined) !== (values.level2 === undefined)
            ? (values.level1 ?? values.level2)
            : undefined;
        if (subtotalCell !== undefined && subtotalGroupOf(subtotalCell) !== undefined) {
          const group = namedGroup(subtotalCell, level1, level2);
          if (!group && subtotalAhead(subtotalCell, rowEnd))
            pendingSubtotals.push({ name: subtotalCell, aligned: row.aligned });
          else setGroupFigures(group ?? level2 ?? level1, row.aligned);
          i = rowEnd;
          continue;
        }
        if (values.level1 !== undefined) {
          const node = groupNode(values.level1, t.line);
          const rowWeight = values.weight === undefined ? 0 : cellNumber(values.weight);
          // A row that writes a 二级 cell of its own beside the group cell ("成本指标 | 经济成本指标
          // | …") opens a 一级, unless the open group holds 一级 groups (绩效指标).
          const nested =
            nestsUnder(level1?.name ?? '', node.name) &&
            (values.level2 === undefined || holdsFirstLevels(level1?.name ?? ''));
          if (
            level1 !== undefined &&
            !subtotalled.has(level1) &&
            (nested || (values.level2 === undefined && hasRoomFor(level1, node, rowWeight)))
          ) {
            if (level2?.name !== node.name) {
              level2 = node;
              level1.children?.push(level2);
            }
          } else if (level1?.name !== node.name) {
            level1 = node;
            takeSubtotal(node);
            level2 = undefined;
            table.indicators.push(level1);
          }
        }
        if (values.level2 !== undefined) {
          const node = groupNode(values.level2, t.line);
          if (level2?.name !== node.name) {
            level2 = node;
            (level1?.children ?? table.indicators).push(level2);
          }
        }
        if (row.leaf !== undefined && isSubtotalRow(row.leaf)) {
          // 小计: the figures of the group the row names, else of the innermost open one.
          const group =
            namedGroup(row.leaf, level1, level2) ??
            (values.level2 !== undefined
              ? level2
              : values.level1 !== undefined
                ? level1
                : subtotalGroup(weightOf(row.aligned), level2, level1, scoreOf(row.aligned)));
          if (row.aligned.margin < 0.5) table.uncertain.push({ line: t.line, what: row.leaf });
          if (!namedGroup(row.leaf, level1, level2) && subtotalAhead(row.leaf, rowEnd))
            pendingSubtotals.push({ name: row.leaf, aligned: row.aligned });
          else setGroupFigures(group ?? level1, row.aligned);
        } else if (row.leaf !== undefined) {
          if (row.aligned.margin < 0.5) table.uncertain.push({ line: t.line, what: row.leaf });
          const leaf = leafFrom(row.leaf, row.aligned, t.line, tokens.slice(i, rowEnd));
          (level2?.children ?? level1?.children ?? table.indicators).push(leaf);
        }
        i = rowEnd;
        continue;
      }
      const next = cellType(tokens[i + 1]?.text ?? '');
      const nextIsFigure = next !== 'text' && next !== 'empty' && next !== 'placeholder';
      // A 评分标准 cell after a name stands where figures would: the name is a leaf's.
      const nextIsRule =
        columns.includes('description') && isScoringRule(tokens[i + 1]?.text ?? '');
      // 预算执行率 followed by its figures is the execution-rate leaf, whatever column it is in
      // (a first-level name in some forms, the third-level cell of its row in others).
      // So is a group's name followed by figures where the header names no level below the
      // first (一级指标 | 分值 | 得分, a summary of the groups): each row is a group's own figures.
      const onlyLevel1 = !columns.includes('level2') && !columns.includes('level3');
      // A group's word right after a second-level cell that holds nothing yet is that group's
      // first leaf (预算执行 → 预算执行率, 履职效益 → 社会效益), in a header with a third level;
      // so is the second-level name repeated in the third-level cell (预算执行率 | 预算执行率)
      // where cells of words (指标解释, 评分标准) rather than figures follow it.
      const repeated =
        normalizeLabel(level2?.name ?? '') === normalizeLabel(text) &&
        !nextIsFigure &&
        columns.includes('description');
      const leafOfLevel2 =
        level2 !== undefined &&
        (level2.children?.length ?? 0) === 0 &&
        columns.includes('level3') &&
        normalizeLabel(tokens[i - 1]?.text ?? '') === normalizeLabel(level2.name) &&
        (normalizeLabel(level2.name) !== normalizeLabel(text) || repeated);
      const level =
        ((/执行率$/.test(label) || onlyLevel1) && (nextIsFigure || nextIsRule)) ||
        (leafOfLevel2 && indicatorLevelOf(text) !== undefined)
          ? undefined
          : indicatorLevelOf(text);
      const type = cellType(text);
      // A first-level name right after a first-level cell that holds nothing yet is its second
      // level (过程 → 预算执行): a group cell is followed by its own children.
      const justOpened =
        level1 !== undefined &&
        (level1.children?.length ?? 0) === 0 &&
        columns.includes('level2') &&
        normalizeLabel(level1.name) !== normalizeLabel(text);
      const asLevel2 =
        level === 1 &&
        level1 !== undefined &&
        (justOpened ||
          nestsUnder(level1.name, text) ||
          satisfactionOfBenefit(table.indicators, level1.name, text) ||
          (columns.includes('level2') &&
            !subtotalled.has(level1) &&
            hasRoomFor(level1, groupNode(text, t.line))));
      // "（20分）" alone right after a group cell that has no 分值 and no rows yet: its 分值, wrapped
      // onto a line of its own or parted from the name at the cell's own space (a table on one
      // line split at its spaces), not a group.
      const open = level2 ?? level1;
      const pointsOfOpen =
        GROUP_POINTS.test(text) &&
        open !== undefined &&
        open.weight === undefined &&
        (open.children?.length ?? 0) === 0;
      if (
        (level === 1 && !asLevel2) ||
        pointsOfOpen ||
        (level === undefined &&
          columns.includes('level1') &&
          /[（(]\d+(?:\.\d+)?分[）)]$/.test(label) &&
          !level1)
      ) {
        const node = groupNode(text, t.line);
        if (node.name === '') {
          if (open && open.weight === undefined && node.weight !== undefined)
            open.weight = node.weight;
          i++;
          continue;
        }
        // A group cell repeated on the next page (or after a merged cell) continues its group.
        if (level1?.name !== node.name) {
          level1 = node;
          takeSubtotal(node);
          table.indicators.push(level1);
        }
        level2 = undefined;
        i++;
        continue;
      }
      // A group cell that states its 分值 ("资金使用效益（30分）", "资产管理（7分）") and is followed
      // by a name, not figures: a 一级 once the open 一级's 分值 is reached by its children, a 二级
      // under it when its 分值 fits in what the children read so far leave. Its name need not be
      // known.
      if (
        level1 !== undefined &&
        !asLevel2 &&
        level !== 1 &&
        type === 'text' &&
        !nextIsFigure &&
        columns.includes('level2') &&
        /[（(][\d０-９]+(?:[.．][\d０-９]+)?分[）)]$/.test(label)
      ) {
        const node = groupNode(text, t.line);
        if (node.name !== '' && node.weight !== undefined) {
          const filled = filledWeight(level1);
          if (level1.weight !== undefined && filled >= level1.weight) {
            level1 = node;
            takeSubtotal(node);
            level2 = undefined;
            table.indicators.push(level1);
            i++;
            continue;
          }
          if (level1.weight !== undefined && filled > 0 && filled + node.weight <= level1.weight) {
            if (!sameGroupName(level1.name, node.name)) {
              level2 = node;
              (level1.children ??= []).push(level2);
            }
            i++;
            continue;
          }
        }
      }
      // A group's name followed by figures is a leaf of that name (服务对象满意度 under
      // 服务对象满意度指标): a group cell carries no figures.
      // So is a 二级 name followed by figures in a table with no 三级 column (一级指标 | 二级指标 |
      // 分值 | 得分): the 二级 indicators are its leaves.
      const leafNamedAsGroup =
        level === 2 &&
        (nextIsFigure || nextIsRule) &&
        (level2 !== undefined || (columns.includes('level2') && !columns.includes('level3')));
      if ((level === 2 || asLevel2) && !leafNamedAsGroup && groupNode(text, t.line).name !== '') {
        level2 = groupNode(text, t.line);
        (level1?.children ?? table.indicators).push(level2);
        i++;
        continue;
      }
      // A line holding only the rest of wrapped group cells ("指标 益指标", "度指标").
      if (
        type === 'placeholder' ||
        type === 'empty' ||
        text.split(/[\s\u3000]+/).every((p) => p === '' || isGroupContinuation(p))
      ) {
        i++;
        continue;
      }
      if (type !== 'text') {
        // A value with no indicator before it: a cell we could not place.
        table.unread++;
        i++;
        continue;
      }
      // A 加分项/减分项 group cell followed by a row's name (one cell per line): the rows below it
      // are added to (taken from) the total.
      if (ADJUSTMENT_GROUP.test(label) && cellType(tokens[i + 1]?.text ?? '') === 'text') {
        adjusting = PENALTY.test(label) ? 'penalty' : 'bonus';
        i++;
        continue;
      }
      // A leaf: its name, then its values.
      const valueCols = columns.filter((c) => !NAME_COLUMNS.has(c));
      const wrapped = wrappedNameEnd(tokens, i, valueCols);
      // A row under a 加分项/扣分项 cell may state its points once (its 分值 cell left empty):
      // one figure before the next such row or the total.
      let figuresAhead = 0;
      for (
        let k = wrapped;
        adjusting && k < Math.min(tokens.length, wrapped + valueCols.length);
        k++
      ) {
        const x = tokens[k]?.text ?? '';
        if (ADJUSTMENT_GROUP.test(normalizeLabel(x)) || isTotalRow(x)) break;
        if (cellType(x) === 'number') figuresAhead++;
      }
      const end = leafValuesEnd(
        tokens,
        wrapped,
        valueCols,
        adjusting && figuresAhead < 2 ? 1 : undefined,
      );
      const cells = tokens.slice(wrapped, end).map((x) => x.text);
      const pieces = tokens.slice(i, wrapped).map((x) => x.text.replace(/[\s\u3000]+/g, ''));
      // A 二级 cell named as its only leaf ("群众满意度" | "群众满意度" | ≥95% …) is one name, not a
      // name wrapped over two lines.
      const name =
        pieces.length === 2 && pieces[0] === pieces[1] ? (pieces[0] ?? '') : pieces.join('');
      i = Math.max(end, i + 1);
      if (NAME_PLACEHOLDER.test(name) && cells.every((c) => cellType(c) === 'empty')) continue;
      if (cells.length === 0) {
        // A name with no figures: a group this vocabulary does not know, or an empty template row;
        // or a row whose figures ran into its name ("示范基地个数12个10"), which the tree lacks.
        if (/\p{Script=Han}[\d.]*\d[%％]?$/u.test(name) && /\d.*\d/.test(name))
          table.uncertain.push({ line: t.line, what: name, runTogether: 'whole' });
        continue;
      }
      const aligned = alignCells(cells, valueCols, indicatorSkip);
      if (!aligned) {
        table.unread++;
        continue;
      }
      if (Object.keys(aligned.values).length === 0) continue;
      if (aligned.margin < 0.5) table.uncertain.push({ line: t.line, what: name });
      if (isSubtotalRow(name)) {
        const group = namedGroup(name, level1, level2);
        if (!group && subtotalAhead(name, i)) pendingSubtotals.push({ name, aligned });
        else
          setGroupFigures(
            group ?? subtotalGroup(weightOf(aligned), level2, level1, scoreOf(aligned)),
            aligned,
          );
        continue;
      }
      const leaf = leafFrom(name, aligned, t.line, [t, ...tokens.slice(i - cells.length, i)]);
      // A 二级 whose stated 分值 its children already reach takes no more: the leaf is the 一级's
      // own (人员管理 after 资产管理（7分）'s three rows of 2 + 2 + 3).
      if (
        level2?.weight !== undefined &&
        level1?.weight !== undefined &&
        (level2.children?.length ?? 0) > 0 &&
        filledWeight(level2) >= level2.weight &&
        filledWeight(level1) + (leaf.weight ?? 0) <= level1.weight
      )
        level2 = undefined;
      // A 加分/减分 row is no indicator: it is added to (taken from) the tree's total.
      const adjustment = /^(加分|减分|加减分|扣分(?=项|事项))(?:项|事项)?(?:[：:](.*)|$)/.exec(
        name,
      );
      const points = leaf.score ?? leaf.weight;
      if ((adjustment || adjusting) && points !== undefined) {
        (table.adjustments ??= []).push({
          name: adjustment ? adjustment[2] || `${adjustment[1]}项` : name,
          kind: adjustment
            ? PENALTY.test(adjustment[1] ?? '')
              ? 'penalty'
              : 'bonus'
            : (adjusting ?? 'bonus'),
          points: Math.abs(points),
          ...(leaf.source ? { source: leaf.source } : {}),
        });
        continue;
      }
      (level2?.children ?? level1?.children ?? table.indicators).push(leaf);
      continue;
    }
    i++;
  }
  const kinds = new Set<ColumnKey>([...table.fundColumns, ...table.indicatorColumns]);
  const f = table.funds;
  // A fund block scored under "得分（10分）" with no 分值 column: the header gives the weight.
  if (f.total && f.total.weight === undefined && f.total.statedScore !== undefined)
    if (fundHeaderPoints !== undefined) f.total.weight = fundHeaderPoints;
  const isDepartment =
    table.unitName !== undefined ||
    f.generalPublic !== undefined ||
    f.basic !== undefined ||
    f.project !== undefined ||
    f.governmentFund !== undefined ||
    /部门整体/.test(all);
  // A project's fund rows (当年财政拨款, 上年结转) mark a project unless the table names its unit or
  // a department's rows: a 事业单位's 部门整体 table parts its money into 财政拨款 and 事业收入.
  const isProject =
    table.projectName !== undefined ||
    ((f.currentAppropriation !== undefined || f.carryOver !== undefined) && !isDepartment);
  table.kind = isProject ? 'project' : isDepartment ? 'department' : (kindHint ?? 'project');
  if (!isProject && !isDepartment) table.kindGuessed = true;
  const match = matchTemplate(kinds, all, table.kind);
  if (match) table.template = match;
  if (namePlan) joinCentredNames(table.indicators, namePlan);
  return table;
}

/**
 * The unit of the fund block's amounts: what its header or the unit line above it says
 * ("项目资金（元）", "单位：元"), else what the sentence introducing the table says ("见下表（单位：
 * 元）。", `unitAbove`); 万元, the common unit, when none says.
 */
function amountUnitOf(tokens: readonly Token[], unitAbove: MoneyUnit = '万元'): MoneyUnit {
  for (const t of tokens) {
    const text = t.text
      .replace(/[\s\u3000]+/g, '')
      .replace(/（/g, '(')
      .replace(/）/g, ')');
    const stated = /(?:单位[:：]|\()(万元|元|亿元)\)?$/.exec(text);
    if (stated?.[1]) return stated[1] === '元' ? '元' : stated[1] === '亿元' ? '亿元' : '万元';
    if (columnOf(t.text) === 'executed' || columnOf(t.text) === 'budget') {
      const inHeader = /\((万元|元)\)/.exec(text);
      return inHeader?.[1] === '元' ? '元' : inHeader ? '万元' : unitAbove;
    }
  }
  return unitAbove;
}

/**
 * Whether a group name that is first-level in some layouts is second-level under the open group:
 * 成本指标 under 产出指标 (财预〔2020〕10号), a first-level group of its own in later forms.
 */
/**
 * Whether a first-level group still has room for a group named like a first-level one: its 分值
 * written in its cell ("效益（30分）") is not yet reached by its children, and the new name
 * carries no 分值 of its own ("满意度" as the last 二级 of 效益, in a table whose every 一级 cell
 * states its 分值).
 */
function hasRoomFor(open: IndicatorNode, node: IndicatorNode, rowWeight = 0): boolean {
  if (open.weight === undefined || node.weight !== undefined) return false;
  const filled = filledWeight(open);
  return filled > 0 && filled + rowWeight <= open.weight && filled < open.weight;
}

/** The 分值 a group's children take: each child's stated 分值, or its own children's. */
function filledWeight(group: IndicatorNode): number {
  const weightOf = (n: IndicatorNode): number =>
    n.weight ?? (n.children ?? []).reduce((sum, c) => sum + weightOf(c), 0);
  return (group.children ?? []).reduce((sum, c) => sum + weightOf(c), 0);
}

const bareGroup = (x: string): string =>
  normalizeLabel(x)
    .replace(/\(\d+(?:\.\d+)?分\)$/, '')
    .replace(/指标$/, '');

/** Whether a group holds first-level groups (四川: 绩效指标 over 产出/效益/满意度). */
const holdsFirstLevels = (open: string): boolean => bareGroup(open) === '绩效';

/**
 * 满意度 after 效益 in a tree opened by 决策 or 过程 (the 决策 · 过程 · 产出 · 效益 frame of a project
 * evaluation, whose 效益 holds 社会效益 … 满意度): a 二级 of 效益, not a 一级 of its own.
 */
function satisfactionOfBenefit(
  tree: readonly IndicatorNode[],
  open: string,
  name: string,
): boolean {
  return (
    bareGroup(open) === '效益' &&
    bareGroup(name) === '满意度' &&
    tree.some((n) => /^(?:决策|过程)$/.test(bareGroup(n.name)))
  );
}

function nestsUnder(open: string, name: string): boolean {
  const bare = bareGroup;
  const o = bare(open);
  const n = bare(name);
  // 绩效指标 (四川: 预算执行 10 · 绩效指标 90) holds the 产出/效益/满意度 groups.
  return o === '绩效' || (o === '产出' && n === '成本') || (o === '满意度' && n === '满意度');
}

/**
 * Where the row that starts at `i` ends, when `i` starts one: the cells of a grid row, or of one
 * line of text split at its spaces. A line holding a single cell says nothing about rows.
 */
function rowEndAt(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (!t || (i > 0 && !t.rowStart && tokens[i - 1]?.line === t.line)) return i;
  let j = i + 1;
  while (j < tokens.length && tokens[j]?.line === t.line && !tokens[j]?.rowStart) j++;
  return j;
}

const LEVEL_COLUMNS: readonly ColumnKey[] = ['level1', 'level2', 'level3'];

/** Fit of a cell to a column of the indicator block, knowing the usual group names. */
function rowFit(leafColumn: ColumnKey) {
  return (column: ColumnKey, text: string, type: CellType): number | undefined => {
    if (!LEVEL_COLUMNS.includes(column)) return fit(column, text, type);
    if (type === 'empty' || type === 'placeholder') return 0;
    if (type !== 'text') return undefined;
    // "完成目标得满分，否则按比例得分": a 评分标准 cell, in its own column.
    if (isScoringRule(text)) return undefined;
    const level = indicatorLevelOf(text);
    const name = normalizeLabel(text);
    if (column === leafColumn) return level === undefined ? 0.6 : 0.1;
    // A group cell: a known group name of its level, or a short unknown one.
    if (column === 'level1' && level === 1) return 2;
    if (column === 'level2' && level === 2) return 2;
    if (column === 'level2' && level === 1) return 0.5;
    if (level === 2 || name.length > 20 || /[，。；]/.test(name)) return undefined;
    if (level !== undefined) return undefined;
    // The start of a known group name whose rest wrapped to the next line ("社会效", "可持续").
    const started = groupLevelByStart(name);
    // An unknown name in a row short of one group cell is its 二级 rather than its 一级: a row
    // loses the 一级 cell merged down from a row above, never a 二级 under a new 一级.
    if (started === undefined) return column === 'level1' ? 0.25 : 0.3;
    return (column === 'level1') === (started === 1) ? 1 : 0.2;
  };
}

/**
 * The names and values of one indicator row: group cells (when not merged away), the leaf's
 * name and its figures, fitted to the columns together. Undefined when the row does not fit,
 * or holds no name at all (the reader then goes cell by cell).
 */
function readIndicatorRow(
  row: readonly Token[],
  columns: readonly ColumnKey[],
): { aligned: Alignment; leaf?: string } | undefined {
  const levels = columns.filter((c) => LEVEL_COLUMNS.includes(c));
  const leafColumn = levels[levels.length - 1];
  if (!leafColumn) return undefined;
  let cells = row.map((x) => x.text);
  // The 绩效指标 corner cell, merged down the indicator block, repeated on a row.
  if (normalizeLabel(cells[0] ?? '') === '绩效指标' && cells.length > 1) cells = cells.slice(1);
  // The rest of the group cells above, wrapped onto this line of PDF text ("指标 指标 保洁道路面积
  // …" under "产出 数量 垃圾清运量 …"): not cells of this row.
  while (cells.length > 1 && isGroupContinuation(cells[0] ?? '')) cells = cells.slice(1);
  if (cells.length > columns.length) return undefined;
  const skip = (c: ColumnKey): number =>
    c === leafColumn ? 1.5 : LEVEL_COLUMNS.includes(c) ? 0.05 : indicatorSkip(c);
  const fitted = alignCells(cells, columns, skip, rowFit(leafColumn));
  if (!fitted) return undefined;
  const hasFigures = Object.entries(fitted.values).some(
    ([k, x]) => !LEVEL_COLUMNS.includes(k as ColumnKey) && x !== undefined && x.trim() !== '',
  );
  // A group's name alone before the figures ("社会公众满意度 | 评分标准 | 10 | …", the group cells
  // merged away): a group carries no figures, so it is the leaf of that name.
  const above = levels[levels.length - 2];
  const groupAsLeaf =
    hasFigures &&
    fitted.values[leafColumn] === undefined &&
    above !== undefined &&
    fitted.values[above] !== undefined &&
    levels.slice(0, -2).every((c) => fitted.values[c] === undefined);
  const aligned = fitted;
  const group = above === undefined ? undefined : fitted.values[above];
  if (groupAsLeaf && above !== undefined && group !== undefined) {
    const values = { ...fitted.values, [leafColumn]: group };
    delete values[above];
    aligned.values = values;
  }
  const v = aligned.values;
  const leafText = v[leafColumn];
  if (leafText === undefined && !levels.some((c) => c !== leafColumn && v[c] !== undefined))
    return undefined;
  if (leafText === undefined && hasFigures) return undefined;
  const name = leafText?.replace(/[\s\u3000]+/g, '');
  if (name !== undefined && NAME_PLACEHOLDER.test(name) && !hasFigures)
    return { aligned: { ...aligned, values: {} } };
  return name !== undefined && hasFigures ? { aligned, leaf: name } : { aligned };
}

/**
 * Where the name of the leaf at `i` ends, in a table read one cell per line: a long name wrapped
 * in its cell comes as two lines ("草原综合植被" | "盖度"), and the row then holds one text more
 * before its first figure than its target and actual columns can take ("禁牧补助" | "面积" |
 * "≥1200万亩" | "1200万亩" | 15 | 15). The second piece is joined to the name when it holds no
 * digit and reads as no reason.
 */
function wrappedNameEnd(
  tokens: readonly Token[],
  i: number,
  columns: readonly ColumnKey[],
): number {
  const next = tokens[i + 1];
  const t = tokens[i];
  if (!t || !next || next.rowStart || next.line === t.line) return i + 1;
  const firstFigure = columns.findIndex((c) => c === 'weight' || c === 'score');
  if (firstFigure <= 0) return i + 1;
  const piece = next.text.trim();
  if (
    cellType(piece) !== 'text' ||
    /\d|[，,。；;：:]/.test(piece) ||
    piece.length > 10 ||
    REASON_WORDS.test(piece) ||
    columnOf(piece) !== undefined ||
    indicatorLevelOf(piece) !== undefined ||
    isTotalRow(piece) ||
    isSubtotalRow(piece)
  )
    return i + 1;
  // The cells between the name and its first figure.
  let j = i + 1;
  while (j < tokens.length && j - i <= firstFigure + 1) {
    const x = tokens[j];
    if (!x || x.rowStart) return i + 1;
    if (cellType(x.text) === 'number') break;
    if (columnOf(x.text) !== undefined || indicatorLevelOf(x.text) !== undefined) return i + 1;
    j++;
  }
  if (cellType(tokens[j]?.text ?? '') !== 'number') return i + 1;
  return j - (i + 1) > firstFigure ? i + 2 : i + 1;
}

/**
 * Whether the text at `j`, after a row's scores, is the next leaf's name: a whole row follows it.
 * Read as this row's reason, the next row would have no name. Two shapes of a row:
 * - figures only (target, actual, 分值, 得分), at least three and more than the scores, after a
 *   text with no punctuation whatever words it holds ("因灾死亡人数" | 0人 | 0人 | 10 | 10);
 * - after a short text with no cause in it, even with a comma ("起草文稿，报送信息"), each value
 *   before the scores with a figure in it ("800篇、条", "≥95%"), then the scores, and after them a
 *   text or the row's end.
 */
function nameOfWholeRow(
  tokens: readonly Token[],
  j: number,
  columns: readonly ColumnKey[],
  scoreCols: number,
): boolean {
  const text = (tokens[j]?.text ?? '').trim();
  let k = j + 1;
  while (
    k < tokens.length &&
    !tokens[k]?.rowStart &&
    ['number', 'percent', 'expression'].includes(cellType(tokens[k]?.text ?? ''))
  )
    k++;
  if (!/[，,。；;、：:]/.test(text) && k - (j + 1) >= Math.max(3, scoreCols + 1)) return true;
  if (text.length > 20 || /[。；;\d]/.test(text) || REASON_WORDS.test(text)) return false;
  if (SHORTFALL_WORDS.test(text)) return false;
  const firstScore = columns.findIndex((c) => c === 'weight' || c === 'score');
  const lastName = columns.reduce((at, c, k) => (NAME_COLUMNS.has(c) ? k : at), -1);
  const values = columns.slice(lastName + 1, firstScore).filter((c) => !OFTEN_EMPTY.has(c)).length;
  if (scoreCols === 0 || firstScore < 0 || values === 0) return false;
  const row = tokens.slice(j + 1, j + 1 + values + scoreCols);
  if (row.length < values + scoreCols || row.some((x) => x.rowStart)) return false;
  const valuesHaveFigures = row.slice(0, values).every((x) => /\d/.test(x.text));
  const scores = row.slice(values).every((x) => cellType(x.text) === 'number');
  const after = tokens[j + 1 + values + scoreCols];
  return (
    valuesHaveFigures &&
    scores &&
    (after === undefined || after.rowStart === true || cellType(after.text) === 'text')
  );
}

/** Words of a cause or a remedy: a short cell holding one is a deviation reason, not a name. */
export const REASON_WORDS =
  /因|由于|受(?!益|助|资|理)|未(?!成年)|不足|偏[高低少多长短]|略[高低少多]|减少|延期|延迟|影响|滞后|尚未|原因|导致|难度|加强|改进|有待|个别|部分|闲置/;

/**
 * More words of a shortfall or its cause (不够及时, 不到位, 年中追加…): enough for a text after a
 * row's scores to be its reason, never to make a name before figures one.
 */
const SHORTFALL_WORDS = /不够|不及时|不到位|不充分|不完善|不规范|不均衡|追加|跨年|超支|结余/;

/** Words of a target stated against a baseline or a bound ("较上年提高2个百分点", "不低于90%"). */
const TARGET_WORDS =
  /较上年|比上年|同比|提高|降低|增长|下降|以上|以下|以内|不低于|不高于|不少于|不超过|不多于/;

/** The start of a target stated as a standard to keep ("按序时进度", "符合规定", "达到标准"). */
const STANDARD_START = /^(?:按|符合|达到)/;

/** Whether a text is a row's 指标性质/指标方向 cell under a header that has that column. */
const directionCell = (text: string, columns: readonly ColumnKey[]): boolean =>
  columns.includes('nature') && fit('nature', text.trim(), 'text') !== undefined;

/**
 * Whether token `j`, read from a leaf's first value at `from`, is its 度量单位 cell: in that
 * column's place, a short unit with no figure ("个", "万元/个", "元/公里"), right after the
 * target's figure.
 */
function unitInPlace(
  tokens: readonly Token[],
  j: number,
  from: number,
  columns: readonly ColumnKey[],
): boolean {
  if (columns[j - from] !== 'measure' || columns[j - from - 1] !== 'target') return false;
  const text = (tokens[j]?.text ?? '').trim();
  const before = tokens[j - 1]?.text ?? '';
  return (
    (UNIT_CELL.test(text) ||
      /^[^\d\s，,。；;：:（）()]{1,3}\/[^\d\s，,。；;：:]{1,4}$/.test(text)) &&
    /^[≥≤<>=＞＜＝]?\d/.test(normalizeDigits(before.trim()))
  );
}

/**
 * Where a leaf's values end: at most one cell per value column, stopping at the next name;
 * `scoreFigures` is how many of 分值 and 得分 the row states when not both.
 */
function leafValuesEnd(
  tokens: readonly Token[],
  from: number,
  columns: readonly ColumnKey[],
  scoreFigures?: number,
): number {
  let j = from;
  let numbers = 0;
  const figures: number[] = [];
  const scoreCols = scoreFigures ?? columns.filter((c) => c === 'weight' || c === 'score').length;
  // Each 评分标准 (指标解释) column takes one text of any length before the scores are complete.
  let descriptions = columns.filter((c) => c === 'description').length;
  const reasonAt = columns.indexOf('reason');
  const reasonFirst =
    reasonAt >= 0 && columns.every((c, k) => (c !== 'weight' && c !== 'score') || k > reasonAt);
  while (j < tokens.length && j - from < columns.length) {
    const t = tokens[j];
    if (!t || t.rowStart) break;
    const text = t.text;
    if (isTotalRow(text) || columnOf(text) || indicatorLevelOf(text) !== undefined) break;
    const type = cellType(text);
    // A cell split from the leaf's own line or grid row belongs to that row whatever it says.
    const sameRow = tokens[from - 1]?.line === t.line;
    if (type === 'text' && sameRow) {
      if (numbers >= scoreCols && scoreCols > 0) {
        j++;
        break;
      }
    } else if (type === 'text' && unitInPlace(tokens, j, from, columns)) {
      // The 度量单位 cell of a target split over three cells, in its column's place: with 分值
      // before the target (分值 | 指标性质 | 指标值 | 度量单位 | …) the row's figures so far may
      // already number its scores, yet the unit is no next leaf's name.
    } else if (type === 'text' && numbers < scoreCols && directionCell(text, columns)) {
      // The 指标方向 cell (正向, 反向, 定性) of a row, not its 评分标准.
    } else if (type === 'text' && descriptions > 0 && numbers < scoreCols) {
      descriptions--;
    } else if (type === 'text') {
      const short = text.replace(/\s+/g, '').length <= 8;
      const reasonLike =
        /[，,。；;]/.test(text) ||
        text.length > 12 ||
        /^无$/.test(text.trim()) ||
        REASON_WORDS.test(text) ||
        SHORTFALL_WORDS.test(text);
      // After the weight and score, a text is the deviation reason; before them a short text is
      // a qualitative target or actual ("是", "优", "按时完成"); anything else starts the next leaf.
      if (numbers >= scoreCols && scoreCols > 0 && columns.includes('reason')) {
        // With the reason before 分值 and 得分, the row ended with its 得分.
        if (reasonFirst) break;
        // A long text with no cause in it, right before a figure, is the next leaf's name
        // ("野生动物疫源疫病监测点位数" | 10 | ≥120个 …, its reason cell left empty), not a reason.
        const after = tokens[j + 1];
        const figureAfter =
          after !== undefined &&
          !after.rowStart &&
          ['number', 'percent', 'expression'].includes(cellType(after.text));
        if (figureAfter && !/[，,。；;、：:]/.test(text) && !REASON_WORDS.test(text)) break;
        // Nor is a text a reason that a whole row follows: a reason is followed by the next
        // name, never by a row's values and scores.
        if (nameOfWholeRow(tokens, j, columns, scoreCols)) break;
        // A text that nothing of a row follows (the 总分 row, a group's 小计 row, a 加分项/扣分项
        // cell, a header repeated, the table's end) is no leaf's name: it is this row's reason
        // ("满意度95%", "完成" before "产出指标小计").
        const nameOfNothing =
          after === undefined ||
          isTotalRow(after.text) ||
          subtotalGroupOf(after.text) !== undefined ||
          columnOf(after.text) !== undefined ||
          ADJUSTMENT_GROUP.test(normalizeLabel(after.text));
        // In a table whose rows go name | 分值 … (no target before the scores), a text with a
        // figure ("执行率92%") followed by a text cannot be a name: it is this row's reason.
        const firstValue = columns.find((c) => !NAME_COLUMNS.has(c));
        const noName =
          (firstValue === 'weight' || firstValue === 'score') &&
          /\d/.test(text) &&
          after !== undefined &&
          !after.rowStart &&
          cellType(after.text) === 'text';
        if ((nameOfNothing || noName) && !NAME_PLACEHOLDER.test(text.trim())) {
          j++;
          break;
        }
        if (!reasonLike && NAME_PLACEHOLDER.test(text.trim())) break;
        // A row that lost points owes a reason: a short text after its 得分 and before another
        // text that the figures follow ("生源质量下降" | "学生体质健康达标率" | ≥92% …) is that
        // reason, not the first line of the next leaf's name.
        const [weight, score] = figures.slice(-2);
        const lost =
          scoreCols === 2 &&
          weight !== undefined &&
          score !== undefined &&
          score < weight &&
          columns.indexOf('weight') < columns.indexOf('score');
        const nameNext =
          after !== undefined && !after.rowStart && cellType(after.text) === 'text' && !figureAfter;
        if (!reasonLike && !(lost && short && nameNext) && !/^(?:无|0)$/.test(text.trim())) break;
        j++;
        break;
      }
      // A template with its 偏差原因 column before 分值 and 得分: the reason comes mid-row.
      if (reasonFirst && reasonLike && j > from) {
        j++;
        continue;
      }
      // A target taken, then a longer text right before the row's figures ("较上年提高" |
      // "提高2.1个百分点" | 5 | 5): the actual, not the next leaf, which would own no target.
      const figuresNext =
        scoreCols > 0 &&
        tokens
          .slice(j + 1, j + 1 + scoreCols)
          .filter((x) => !x.rowStart && cellType(x.text) === 'number').length === scoreCols;
      const actualBeforeFigures =
        numbers === 0 &&
        j - from === 1 &&
        figuresNext &&
        (!/指标|率$|数$|度$|量$|性$/.test(text) ||
          (STANDARD_START.test(text) && !/指标|率$|数$/.test(text)));
      if (actualBeforeFigures) {
        j++;
        continue;
      }
      // A target written as words with its figure ("较上年提高2个百分点", "不低于上年水平") right
      // after the name, then the actual and the row's figures: the row's target, however long.
      const figuresAfterActual =
        scoreCols > 0 &&
        tokens[j + 1] !== undefined &&
        !tokens[j + 1]?.rowStart &&
        cellType(tokens[j + 1]?.text ?? '') !== 'empty' &&
        tokens
          .slice(j + 2, j + 2 + scoreCols)
          .filter((x) => !x.rowStart && cellType(x.text) === 'number').length === scoreCols;
      if (
        numbers === 0 &&
        j === from &&
        figuresAfterActual &&
        ((TARGET_WORDS.test(text) && !/指标|率$|数$|度$|量$|性$/.test(text)) ||
          (STANDARD_START.test(text) && !/指标|率$|数$/.test(text)))
      ) {
        j++;
        continue;
      }
      // With 分值 before the target (name | 分值 | 年度目标值 | 实际完成情况 | 评分), a text in the
      // target's or actual's place, the row's other scores right after it, is that value
      // however long ("较上年减少0.6次"), not the next leaf.
      const place = columns[j - from];
      const rest = scoreCols - numbers;
      const scoresNext =
        numbers > 0 &&
        rest > 0 &&
        tokens
          .slice(j + 1, j + 1 + rest)
          .filter((x) => !x.rowStart && cellType(x.text) === 'number').length === rest;
      if (
        (place === 'target' || place === 'actual') &&
        scoresNext &&
        !/指标|率$|数$|度$|量$|性$/.test(text)
      ) {
        j++;
        continue;
      }
      if (!short || /指标\d|率$|数$|度$|量$|性$/.test(text)) break;
    }
    if (type === 'number') {
      numbers++;
      figures.push(Number(text.replace(/,/g, '')));
    }
    j++;
  }
  return j;
}

/** The open group a 小计 row names ("产出指标小计" under 产出指标 / 时效指标): its first level. */
function namedGroup(
  label: string,
  level1: IndicatorNode | undefined,
  level2: IndicatorNode | undefined,
): IndicatorNode | undefined {
  const named = subtotalGroupOf(label);
  if (named === undefined) return undefined;
  return [level2, level1].find((g) => g !== undefined && sameGroupName(g.name, named));
}

const weightOf = (aligned: Alignment): number | undefined =>
  aligned.values.weight === undefined ? undefined : cellNumber(aligned.values.weight);
const scoreOf = (aligned: Alignment): number | undefined =>
  aligned.values.score === undefined ? undefined : cellNumber(aligned.values.score);

/** Groups a 小计 row has closed: a group cell after it opens a group of its own level. */
const subtotalled = new WeakSet<IndicatorNode>();

/** A 小计 row's 分值 and 得分 as its group's own, unless the group's cell stated them. */
function setGroupFigures(group: IndicatorNode | undefined, aligned: Alignment): void {
  if (!group) return;
  subtotalled.add(group);
  const { weight, score } = aligned.values;
  if (weight !== undefined && group.weight === undefined) group.weight = cellNumber(weight);
  if (score !== undefined && group.score === undefined) group.score = cellNumber(score);
}

function groupNode(text: string, line: number): IndicatorNode {
  const clean = text.replace(/[\s\u3000]+/g, '');
  // "投入（２０分）": the group's 分值 in full-width digits too.
  const points = /[（(]([\d０-９]+(?:[.．][\d０-９]+)?)分[）)]$/.exec(clean)?.[1];
  const weight = points === undefined ? undefined : normalizeDigits(points);
  const node: IndicatorNode = {
    name: clean.replace(/[（(][\d０-９]+(?:[.．][\d０-９]+)?分[）)]$/, ''),
    children: [],
    source: sourceRef(line, clean),
  };
  if (weight !== undefined) node.weight = Number(weight);
  return node;
}

function fundRowFrom(
  aligned: Alignment,
  unit: MoneyUnit,
  line: number,
  row: readonly Token[],
): FundRow {
  const v = aligned.values;
  const out: FundRow = {
    source: sourceRef(
      line,
      row
        .filter((x) => x.implied !== true)
        .map((x) => x.text.trim())
        .filter((x) => x !== '')
        .join(' | '),
    ),
  };
  const a1 = amountIn(v.initialBudget, unit);
  const a2 = amountIn(v.budget, unit);
  const a3 = amountIn(v.executed, unit);
  if (a1) out.initialBudget = a1;
  if (a2) out.budget = a2;
  if (a3) out.executed = a3;
  if (v.weight !== undefined) out.weight = cellNumber(v.weight);
  if (v.rate !== undefined) {
    const r = parsePercent(/%|％/.test(v.rate) ? v.rate : `${v.rate}%`);
    if (r) out.statedRate = r;
  }
  if (v.score !== undefined) out.statedScore = cellNumber(v.score);
  const received = amountIn(v.received, unit);
  if (received) out.received = received;
  const receivedRate =
    v.receivedRate === undefined
      ? undefined
      : parsePercent(/%|％/.test(v.receivedRate) ? v.receivedRate : `${v.receivedRate}%`);
  if (receivedRate) out.statedReceivedRate = receivedRate;
  return out;
}

function leafFrom(
  name: string,
  aligned: Alignment,
  line: number,
  row: readonly Token[],
): IndicatorNode {
  const v = aligned.values;
  const leaf: IndicatorNode = {
    name,
    source: sourceRef(
      line,
      row
        .map((x) => x.text.trim())
        .filter((x) => x !== '')
        .join(' | '),
    ),
  };
  const target = targetWithNature(
    v.nature,
    [v.target, v.measure && !/^[≥≤<>=]/.test(v.measure) ? v.measure : undefined]
      .filter((x): x is string => x !== undefined && x.trim() !== '')
      .join(''),
  );
  if (target !== '') leaf.target = parseExpression(target);
  if (v.actual !== undefined) {
    const unitSuffix = v.measure && v.target && cellType(v.actual) === 'number' ? v.measure : '';
    Object.assign(leaf, parseActualCell(`${v.actual}${unitSuffix}`));
  }
  if (v.weight !== undefined) leaf.weight = cellNumber(v.weight);
  if (v.score !== undefined) leaf.score = cellNumber(v.score);
  if (v.deduction !== undefined) leaf.deduction = cellNumber(v.deduction);
  if (v.coefficient !== undefined) {
    const c = cellNumber(v.coefficient) / (cellType(v.coefficient) === 'percent' ? 100 : 1);
    if (c >= 0 && c <= 1) leaf.coefficient = c;
  }
  if (v.reason !== undefined && !/^0$/.test(v.reason.trim()))
    leaf.deviationReason = v.reason.trim();
  return leaf;
}

/**
 * A fund row's label cut by a wrap in PDF text: "按支出性质分：基" with the row's figures, then
 * "本支出" alone on the next line (or the start alone above the row). The label and that rest
 * together name a fund row; the rest stands alone (the next token begins another line), so it
 * is no row of its own.
 */
function wrappedFundLabel(
  tokens: readonly Token[],
  i: number,
): { key: FundRowKey; rest: number } | undefined {
  const t = tokens[i];
  if (!t || cellType(t.text) !== 'text') return undefined;
  let j = i + 1;
  while (j < tokens.length && tokens[j]?.line === t.line && !tokens[j]?.rowStart) {
    if (cellType(tokens[j]?.text ?? '') === 'text') return undefined;
    j++;
  }
  if (j === i + 1) return undefined;
  // Its start alone on the line above, the row's figures beside the rest ("按支出性质分：基",
  // then "本支出 1,960.00 …"): the start was passed over as a line of no figures.
  const start = tokens[i - 1];
  if (
    start &&
    start.line !== t.line &&
    tokens[i - 2]?.line !== start.line &&
    cellType(start.text) === 'text'
  ) {
    const key = fundRowOf(`${start.text}${t.text}`);
    if (key !== undefined) return { key, rest: -1 };
  }
  const rest = tokens[j];
  if (!rest || rest.rowStart || cellType(rest.text) !== 'text') return undefined;
  const after = tokens[j + 1];
  if (after && after.line === rest.line && !after.rowStart) return undefined;
  const key = fundRowOf(`${t.text}${rest.text}`);
  return key === undefined ? undefined : { key, rest: j };
}

/** A cell of one value: a comparison sign, one figure (with its thousands commas) and its unit. */
const ONE_VALUE = /^[≥≤＞＜≧≦<>=＝]?\d[\d,]*(?:\.\d+)?[^\d]{0,6}$/u;
