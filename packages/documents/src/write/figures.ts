import {
  fenToNumber,
  formatFen,
  formatPoints,
  qualitativeGradeText,
  ratioPercent,
} from '@jixiao/domain';
import type { Amount, IndicatorNode, MoneyUnit, Percent } from '@jixiao/domain';
import type { Cell } from './model.ts';

/** Formats an amount in the report's unit with two decimals: "2477.10". Empty when absent. */
export function amountText(a: Amount | undefined, unit: MoneyUnit): string {
  return a ? formatFen(a.fen, unit, 2) : '';
}

/** "2477.10万元" */
export function amountWithUnit(a: Amount | undefined, unit: MoneyUnit): string {
  return a ? `${formatFen(a.fen, unit, 2)}${unit}` : '';
}

/** A ratio of two amounts as a two-decimal percentage, half-up: "97.07%"; undefined when 0/0. */
export function shareText(part: number, whole: number): string | undefined {
  const r = ratioPercent(part, whole, 2);
  return r ? `${r.rounded.toFixed(2)}%` : undefined;
}

/** The same ratio as a number (97.07), for tables and scoring sentences. */
export function shareValue(part: number, whole: number): number | undefined {
  return ratioPercent(part, whole, 2)?.rounded;
}

/** Points as reports write them: 5, 9.7, 0.5. Empty when absent. */
export function pointsText(p: number | undefined): string {
  return p === undefined ? '' : formatPoints(p);
}

/**
 * Table cells of figures. Called for every cell of every table, so they build one object
 * literal each; `extra` (a span) is copied over it only when given.
 */
function withExtra(c: Cell, extra: Partial<Cell> | undefined): Cell {
  return extra ? Object.assign(c, extra) : c;
}

/** A table cell holding an amount. */
export function amountCell(a: Amount | undefined, unit: MoneyUnit, extra?: Partial<Cell>): Cell {
  if (!a) return withExtra({ text: '' }, extra);
  const text = formatFen(a.fen, unit, 2);
  return withExtra({ text, value: Number(text), format: 'amount', align: 'right' }, extra);
}

/** A table cell holding a percentage given as a number of percent (97.07). */
export function percentCell(pct: number | undefined, extra?: Partial<Cell>, decimals = 2): Cell {
  if (pct === undefined) return withExtra({ text: '' }, extra);
  const scale = 10 ** decimals;
  const c: Cell = {
    text: `${pct.toFixed(decimals)}%`,
    value: Math.round(pct * scale) / (scale * 100),
    format: 'percent',
    align: 'center',
  };
  if (decimals !== 2) c.decimals = decimals;
  return withExtra(c, extra);
}

export function pointsCell(p: number | undefined, extra?: Partial<Cell>): Cell {
  if (p === undefined) return withExtra({ text: '' }, extra);
  return withExtra({ text: formatPoints(p), value: p, format: 'points', align: 'center' }, extra);
}

export function countCell(n: number | undefined, extra?: Partial<Cell>): Cell {
  if (n === undefined) return withExtra({ text: '' }, extra);
  return withExtra({ text: String(n), value: n, format: 'count', align: 'center' }, extra);
}

/** The float of an amount in a unit, for spreadsheets only. */
export function amountNumber(a: Amount, unit: MoneyUnit): number {
  return fenToNumber(a.fen, unit);
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (enough for chapter and item numbers). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${ones === 0 ? '' : (DIGITS[ones] ?? '')}`;
  }
  return String(n);
}

/** Heading numbers of the four levels: 一、 （一） 1. （1） */
export function headingNumber(level: 1 | 2 | 3 | 4, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumber(n)}、`;
    case 2:
      return `（${chineseNumber(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/** What a fund row's rate is written from. */
interface RatedRow {
  budget?: Amount | undefined;
  executed?: Amount | undefined;
  statedRate?: Percent | undefined;
}

/**
 * An entered percentage its amounts do not give (neither rounded half-up nor truncated to the
 * decimals entered), or given with no amounts to compare: the document states that one, as
 * entered, and the checks say where it disagrees. One the amounts give is written as any
 * computed rate is (two decimals), so documents whose figures agree read as before.
 */
function enteredApart(
  stated: Percent | undefined,
  part: number | undefined,
  whole: number | undefined,
): Percent | undefined {
  if (!stated) return undefined;
  const r =
    part !== undefined && whole !== undefined
      ? ratioPercent(part, whole, stated.decimals)
      : undefined;
  return r && (r.rounded === stated.value || r.truncated === stated.value) ? undefined : stated;
}

/**
 * A percentage as a document states it: the one entered where its amounts do not give it, else
 * the amounts' ratio (two decimals, half-up); undefined when neither is known. Amounts are
 * integers: 分, heads, hundredths of a ㎡.
 */
export function statedRateText(
  stated: Percent | undefined,
  part: number | undefined,
  whole: number | undefined,
): string | undefined {
  const apart = enteredApart(stated, part, whole);
  if (apart) return `${apart.value.toFixed(apart.decimals)}%`;
  return part !== undefined && whole !== undefined ? shareText(part, whole) : undefined;
}

/** The same as a table cell (the .xlsx shows it to the decimals written). */
export function statedRateCell(
  stated: Percent | undefined,
  part: number | undefined,
  whole: number | undefined,
  extra?: Partial<Cell>,
): Cell {
  const apart = enteredApart(stated, part, whole);
  if (apart) return percentCell(apart.value, extra, apart.decimals);
  return percentCell(
    part !== undefined && whole !== undefined && whole !== 0 ? shareValue(part, whole) : undefined,
    extra,
  );
}

/** A fund row's 执行率 cell: the amounts' rate, or an entered rate they do not give. */
export function rowRateCell(row: RatedRow, extra?: Partial<Cell>): Cell {
  return statedRateCell(row.statedRate, row.executed?.fen, row.budget?.fen, extra);
}

/** The same as text for a sentence ("97.06%"). */
export function rowRateText(row: RatedRow): string | undefined {
  return statedRateText(row.statedRate, row.executed?.fen, row.budget?.fen);
}

/**
 * A leaf's 年度指标值 or 实际完成值 as written: its text, followed by the 度量单位 entered in a
 * column of its own when the figure names no unit ("≥95" with "%" is "≥95%"). A text that names
 * its unit, or is no figure (达到预期, 12月底前), is written as it is.
 */
export function expressionText(node: IndicatorNode, which: 'target' | 'actual'): string {
  const e = node[which];
  if (!e) return '';
  const unit = node.unit?.trim();
  if (!unit || (e.kind !== 'quantity' && e.kind !== 'range') || e.unit !== '') return e.text;
  return e.text.trimEnd().endsWith(unit) ? e.text : `${e.text}${unit}`;
}

/**
 * A leaf's 实际完成值 cell: the actual as written, and the qualitative grade the unit chose
 * (`grade`) where the actual does not state it: alone when there is no actual, else after it in
 * brackets ("完成率较高（部分达成年度指标）"), so a 定性 indicator's grade is in the document.
 */
export function actualCellText(node: IndicatorNode): string {
  const text = expressionText(node, 'actual');
  const grade = node.grade;
  if (grade === undefined) return text;
  if (node.actual?.kind === 'qualitative' && node.actual.grade === grade) return text;
  const label = qualitativeGradeText(grade);
  return text === '' ? label : `${text}（${label}）`;
}
