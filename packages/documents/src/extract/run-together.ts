import { normalizeDigits } from '@jixiao/domain';
import { alignCells, cellNumber, cellType, fit } from './cell-align.ts';
import type { CellType } from './cell-align.ts';
import { fundRowOf, indicatorLevelOf, isTotalRow } from './table-vocabulary.ts';
import type { ColumnKey } from './table-vocabulary.ts';

/**
 * Rows of a table whose cells were run together with nothing between them, as html tables
 * flattened to text give them ("产出指标数量指标培训人次≥1200人次1260人次2020", "年度资金总额
 * 180.00180.00176.401098.00%9.8"): the row's labels, its name and its figures split apart, the
 * figures in every way their digits allow, and the split whose cells fit the table's columns
 * best taken — only when no other split comes close.
 */

const COMPARATOR = /[≥≤<>=＞＜≧≦]/;
/** A figure's own text: an optional comparator, digits, a decimal part, then % or a unit. */
const UNIT_RUN = /^[^\d≥≤<>=＞＜≧≦—–.-]+/;
const LEVEL_NAMES_MAX = 12;
const MAX_SPLITS = 400;
/** Each cell costs this much, so that a split is not preferred for its number of cells alone. */
const CELL_COST = 0.3;

/**
 * Whether a line looks like a row whose cells ran together: no stops, and figures glued to one
 * another (a % or two decimals followed by a digit, a target's sign before its figure, a dash
 * for an empty cell beside a figure, a word followed by 分值 and 得分: "健全1515").
 */
export const looksRunTogether = (t: string): boolean =>
  t.length <= 160 &&
  !/[，。；！？]/.test(t) &&
  (/[%％]\d|\.\d{2}\d|[≥≤＞＜≧≦]\d|\d—|—\d/.test(t) || /\p{Script=Han}\d{3,}(?:\.\d+)?$/u.test(t));

/** The known labels at the start of a row: a fund row's or total row's, or group names. */
function leadingLabels(text: string): { labels: string[]; rest: string; kind: 'fund' | 'row' } {
  for (let n = Math.min(text.length, 16); n >= 2; n--) {
    const head = text.slice(0, n);
    if (fundRowOf(head) !== undefined || isTotalRow(head))
      return { labels: [head], rest: text.slice(n), kind: 'fund' };
  }
  const labels: string[] = [];
  let rest = text;
  while (labels.length < 2) {
    let found: string | undefined;
    for (let n = Math.min(rest.length - 1, LEVEL_NAMES_MAX); n >= 2; n--) {
      const head = rest.slice(0, n);
      if (indicatorLevelOf(head) === undefined) continue;
      // A bare group word (成本) may begin a leaf's name (成本控制率): only a name that says 指标,
      // or one followed by another group name, is a group cell.
      if (head.endsWith('指标') || leadingLabels(rest.slice(n)).labels.length > 0) found = head;
      break;
    }
    if (found === undefined) break;
    labels.push(found);
    rest = rest.slice(found.length);
  }
  return { labels, rest, kind: 'row' };
}

/** Every way to cut a run of figures into cells (a qualitative pair "健全健全" into its halves). */
function figureSplits(text: string, maxCells: number): string[][] {
  const out: string[][] = [];
  const walk = (at: number, cells: string[]): void => {
    if (out.length >= MAX_SPLITS || cells.length > maxCells) return;
    if (at === text.length) {
      out.push([...cells]);
      return;
    }
    const rest = text.slice(at);
    const dash = /^[—–-]/.exec(rest);
    if (dash) {
      walk(at + 1, [...cells, '—']);
      return;
    }
    if (!/^[\d≥≤<>=＞＜≧≦]/.test(rest)) {
      const words = UNIT_RUN.exec(rest)?.[0] ?? rest.slice(0, 1);
      for (const part of qualitativePairs(words)) walk(at + words.length, [...cells, ...part]);
      return;
    }
    const comparator = COMPARATOR.test(rest[0] ?? '') ? (rest[0] ?? '') : '';
    const after0 = rest.slice(comparator.length);
    // Thousands separators fix where a figure's whole part ends ("2,400,000.002,600,000.00").
    const grouped = /^\d{1,3}(?:,\d{3})+/.exec(after0)?.[0];
    const digits = grouped ?? /^\d+/.exec(after0)?.[0] ?? '';
    for (let n = grouped ? digits.length : 1; n <= digits.length; n++) {
      const whole = digits.slice(0, n);
      if (whole.length > 1 && whole.startsWith('0')) break;
      const after = rest.slice(comparator.length + n);
      const decimals =
        n === digits.length && after.startsWith('.') ? (/^\.(\d+)/.exec(after)?.[1] ?? '') : '';
      // A decimal part of one or two digits (or all of them, when a figure follows no digit).
      const decimalChoices =
        decimals === ''
          ? ['']
          : [1, 2].filter((d) => d <= decimals.length).map((d) => decimals.slice(0, d));
      for (const d of decimalChoices) {
        const numberText = `${comparator}${whole}${d === '' ? '' : `.${d}`}`;
        const tail = rest.slice(numberText.length);
        const unit = /^[%％‰]/.test(tail) ? (tail[0] ?? '') : (UNIT_RUN.exec(tail)?.[0] ?? '');
        // A unit ends where the next figure or qualitative word could not start: take it whole.
        walk(at + numberText.length + unit.length, [...cells, numberText + unit]);
      }
    }
  };
  walk(0, []);
  return out;
}

/** "健全健全" → 健全 | 健全, "建立已建立" → 建立 | 已建立: a target and its actual run together. */
function qualitativePairs(words: string): string[][] {
  const half = words.length / 2;
  if (Number.isInteger(half) && half >= 1 && words.slice(0, half) === words.slice(half))
    return [[words.slice(0, half), words.slice(half)]];
  const done = /^(.+)已\1$/.exec(words);
  if (done?.[1]) return [[done[1], `已${done[1]}`]];
  return [[words]];
}

/** Fit of a figure split out of a run: a text column takes no bare number, a 分值 is not 0. */
function splitFit(
  column: ColumnKey,
  text: string,
  type: CellType,
  splitTarget: boolean,
): number | undefined {
  if ((column === 'reason' || column === 'description') && type === 'number') return undefined;
  // Digits cut out of a run are a target or an actual only with their sign, unit or % (a bare
  // "1" and "0" cut from "1010" are not), unless the table splits its targets from their units.
  if ((column === 'target' || column === 'actual') && type === 'number' && !splitTarget)
    return undefined;
  if (column === 'rate' && cellNumber(text) > 200) return undefined;
  // Amounts of a fund row are written with their two decimals (180.00), or with separators.
  if (column === 'initialBudget' || column === 'budget' || column === 'executed')
    return type !== 'number' ? undefined : /\.\d{2}$|,\d{3}/.test(text) ? 1 : 0.3;
  if (column === 'weight' && type === 'number' && cellNumber(text) === 0) return 0.2;
  return fit(column, text, type);
}

/** What leaving a column empty costs; a fund row other than the total leaves 分值/执行率/得分. */
const skipCostFor =
  (subRow: boolean) =>
  (c: ColumnKey): number => {
    if (subRow && (c === 'weight' || c === 'score' || c === 'rate')) return c === 'rate' ? 0 : -0.3;
    if (['reason', 'description', 'measure', 'nature', 'deduction', 'initialBudget'].includes(c))
      return 0.05;
    return 0.5;
  };

/**
 * How much a fund row's split agrees with itself: its amounts written alike (all with two
 * decimals, or none), and its 执行率 near 执行数 ÷ 预算数. Undefined when the amounts disagree.
 */
function fundAgreement(values: Partial<Record<ColumnKey, string>>): number | undefined {
  const amounts = (['initialBudget', 'budget', 'executed'] as const)
    .map((c) => values[c])
    .filter((v): v is string => v !== undefined && cellType(v) === 'number');
  const decimals = new Set(amounts.map((a) => /\.(\d*)$/.exec(a)?.[1]?.length ?? 0));
  if (decimals.size > 1) return undefined;
  const { budget, executed, rate } = values;
  if (budget === undefined || executed === undefined || rate === undefined) return 0;
  const ratio = (cellNumber(executed) / cellNumber(budget)) * 100;
  return Math.abs(ratio - cellNumber(rate)) <= 0.5 ? 1 : 0;
}

/**
 * The cells of a row run together, for a table with these columns (fund or indicator block);
 * undefined when the text is no such row or its figures split more than one way alike.
 */
export function splitRunTogether(
  textIn: string,
  columns: readonly ColumnKey[],
): string[] | undefined {
  const text = normalizeDigits(textIn).replace(/[：:]/, '：');
  if (/\s/.test(text.trim()) || !/\d/.test(text)) return undefined;
  const { labels, rest, kind } = leadingLabels(text.trim());
  // A cell of a table one cell per line ("完成率×10", "投入（20分）") is no row: only figures
  // glued together, or a fund or total row's label with its figures, are.
  if (!looksRunTogether(text) && !(kind === 'fund' && /^\d/.test(rest))) return undefined;
  const nameEnd = kind === 'fund' ? 0 : rest.search(/[\d≥≤<>=＞＜≧≦—–]/);
  if (nameEnd < 0) return undefined;
  // A qualitative target and actual run into the name ("…机制健全健全", "…制度建立已建立").
  const pair = kind === 'row' ? /^(.+?)(.{2,6})(已?)\2$/u.exec(rest.slice(0, nameEnd)) : null;
  const name = pair?.[1] ?? rest.slice(0, nameEnd);
  const words = pair?.[2] ? [pair[2], `${pair[3] ?? ''}${pair[2]}`] : [];
  const figures = rest.slice(nameEnd);
  if (figures === '' || (kind === 'row' && name === '')) return undefined;
  const valueColumns = columns.filter(
    (c) =>
      c !== 'level1' &&
      c !== 'level2' &&
      c !== 'level3' &&
      (kind === 'row' ||
        ['initialBudget', 'budget', 'executed', 'rate', 'weight', 'score'].includes(c)),
  );
  let best: { score: number; cells: string[] } | undefined;
  let second = Number.NEGATIVE_INFINITY;
  const subRow =
    kind === 'fund' && fundRowOf(labels[0] ?? '') !== 'total' && !isTotalRow(labels[0] ?? '');
  const skipCost = skipCostFor(subRow);
  // A table whose targets are split over 指标值 and 度量单位 writes its figures bare.
  const splitTarget = columns.includes('measure');
  const fitOf = (c: ColumnKey, t: string, type: CellType): number | undefined => {
    const f = splitFit(c, t, type, splitTarget);
    // A source row carries no 分值 or 得分 of its own.
    return subRow && (c === 'weight' || c === 'score') && f !== undefined && f > 0 ? 0.2 : f;
  };
  for (const split of figureSplits(figures, valueColumns.length - words.length)) {
    const cells = [...words, ...split];
    if (cells.length > valueColumns.length) continue;
    const aligned = alignCells(cells, valueColumns, skipCost, fitOf);
    if (!aligned || aligned.margin < 0.5) continue;
    const agreement = kind === 'fund' ? fundAgreement(aligned.values) : 0;
    if (agreement === undefined) continue;
    const fitted = cells.reduce((sum, c) => sum + (cellType(c) === 'empty' ? 0 : 1), 0);
    const score =
      alignedScore(valueColumns, aligned.values, skipCost, fitOf) - CELL_COST * fitted + agreement;
    if (!best || score > best.score) {
      if (best) second = Math.max(second, best.score);
      best = { score, cells };
    } else second = Math.max(second, score);
  }
  if (!best || best.score - second < 0.5) return undefined;
  const out = [...labels, ...(name === '' ? [] : [name]), ...best.cells];
  return out.length >= 3 ? out : undefined;
}

/** The fit of the cells placed, less what the columns left empty cost. */
function alignedScore(
  columns: readonly ColumnKey[],
  values: Partial<Record<ColumnKey, string>>,
  skipCost: (c: ColumnKey) => number,
  fitOf: (c: ColumnKey, t: string, type: CellType) => number | undefined,
): number {
  let score = 0;
  for (const c of columns) {
    const v = values[c];
    if (v === undefined) score -= skipCost(c);
    else score += fitOf(c, v, cellType(v)) ?? 0;
  }
  return score;
}
