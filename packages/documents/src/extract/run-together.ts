import { normalizeDigits } from '@jixiao/domain';
import { alignCells, cellNumber, cellType, fit } from './cell-align.ts';
import type { CellType } from './cell-align.ts';
import {
  fundRowOf,
  indicatorLevelOf,
  isTotalRow,
  OFTEN_EMPTY,
  subtotalGroupOf,
} from './table-vocabulary.ts';
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
/** A date as targets and actuals write it: 2023年12月底前, 2023年11月, 2024-06-30. */
const DATE =
  /^[≤<]?(?:19|20)\d{2}(?:年(?:\d{1,2}月(?:\d{1,2}日)?)?|[-./]\d{1,2}[-./]\d{1,2})(?:底前|底|前|以前|之前|内)?/;
const MAX_SPLITS = 3000;
/** Each cell costs this much, so that a split is not preferred for its number of cells alone. */
const CELL_COST = 0.3;

/**
 * Whether a line looks like a row whose cells ran together: no stops, and figures glued to one
 * another (a % or two decimals followed by a digit, a target's sign before its figure, a dash
 * for an empty cell beside a figure, a word followed by 分值 and 得分: "健全1515").
 */
/**
 * A 偏差原因 written as a numbered list after the row's last figure ("…1514.251.因部分农户改造意愿
 * 不足，0.3万户未实施；2.下一步加强宣传动员。"): from its first number to the end. A figure holds one
 * point at most, so "14.251.因" is 14.25 and the list's "1."; the list may hold figures of its own.
 */
const NUMBERED_REASON =
  /(?<=\d(?:[%％]|分)?)(?:1[.．、]|[（(]1[)）])\p{Script=Han}.*[，。；！？].*$/u;

export const looksRunTogether = (line: string): boolean => {
  // A row may end on its 偏差原因, a sentence of its own after the last figure ("…≥400人380人
  // 109.5部分退役士兵已自主就业，下年度加强宣传。"): the figures before it must then be glued
  // beyond doubt (a sentence "基本支出668.42万元，主要用于…" ends on no such row).
  // A month or a day glued to figures at the row's end ("2024年11月55", "2024年11月28日55": a
  // date actual, then 分值 and 得分) is no date of prose.
  const glued = (x: string): boolean =>
    /[%％]\d|\.\d{2}\d|[≥≤＞＜≧≦]\d|\p{Script=Han}=\d|\d—|—\d|\d[月日]\d{2,4}(?:\.\d+)?$/u.test(x);
  // Words after the last figure that open with a date's unit ("…纳入2025年收运线路。") end a
  // reason holding that date, rather than being the reason.
  const closing = /\d(?:[%％]|分)?([^\d%％]*[，。；！？][^\d%％]*)$/.exec(line)?.[1];
  const dated = closing !== undefined && /^[年月日号]/u.test(closing);
  const reason =
    NUMBERED_REASON.exec(line)?.[0] ??
    (dated ? undefined : closing) ??
    reasonWithFigures(line, glued) ??
    closing ??
    '';
  const t = line.slice(0, line.length - reason.length);
  // A 指标解释 or 评分标准 run into the name may hold stops ("…占比达到目标值得满分，否则按比例得分
  // ≥90%87%1514.5"): with no figure before them, the figures after them, glued beyond doubt and
  // three at least, make the line a row still, as no sentence of prose ends on such a run (two
  // rows run on after a reason, "…1514.40受台风影响…，…完成红树林补种面积≥12公顷…", are none).
  const figures = /^[^\d≥≤<>=＞＜≧≦]*[，。；！？][^\d≥≤<>=＞＜≧≦]*([≥≤<>=＞＜≧≦]?\d.*)$/u.exec(
    t,
  )?.[1];
  const described =
    figures !== undefined &&
    !/[，。；！？]/.test(figures) &&
    (glued(figures) || /\p{Script=Han}\d{3,}(?:\.\d+)?$/u.test(figures)) &&
    (figures.match(/\d+(?:\.\d+)?/g)?.length ?? 0) >= 3;
  return (
    line.length <= 200 &&
    t.length <= 160 &&
    (!/[，。；！？]/.test(t) || described) &&
    (glued(t) || (reason === '' && /\p{Script=Han}\d{3,}(?:\.\d+)?$/u.test(t)))
  );
};

/**
 * A 偏差原因 sentence after the row's last figure that holds figures of its own ("…109.14受持续
 * 干旱影响，部分造林地块推迟至2025年春季实施"): from words of three characters or more right after
 * a figure (no unit, no date's 年/月/日) to the line's end, with a stop in it and none before, the
 * figures before it glued as a row's are (a name, then three figures at least), and no figure
 * closing the line.
 */
function reasonWithFigures(line: string, glued: (x: string) => boolean): string | undefined {
  const stop = line.search(/[，。；！？]/);
  // A 评分标准 between the 分值 and the 得分 ("…15完成得满分，未完成按比例得分15") ends on a figure.
  if (stop < 0 || /\d[%％]?$/.test(line)) return undefined;
  for (const m of line.slice(0, stop).matchAll(/(?<=\d(?:[%％]|分)?)\p{Script=Han}{3,}/gu)) {
    if (/^[年月日]/u.test(m[0]) || isUnitWord(m[0])) continue;
    // The figures before it a row's: a name, then three figures at least (a 评分标准 cell "≥90%得
    // 满分，每低1个百分点扣1分" is none).
    const row = line.slice(0, m.index);
    if (
      glued(row) &&
      /^\p{Script=Han}/u.test(row) &&
      (row.match(/\d+(?:\.\d+)?/g)?.length ?? 0) >= 3
    )
      return line.slice(m.index);
  }
  return undefined;
}

/** A group name made of a first-level and a second-level word (产出时效, 产出数量). */
const twoGroupWords = (name: string): boolean =>
  Array.from({ length: name.length - 3 }, (_, k) => k + 2).some(
    (k) =>
      indicatorLevelOf(name.slice(0, k)) === 1 && indicatorLevelOf(name.slice(k)) !== undefined,
  );

/**
 * Whether `head` is one of a first-level and a second-level group cell written before a name
 * ("决策项目立项立项依据充分性": 决策 | 项目立项 | …): a first-level word followed by a second-level
 * name and more words, or a second-level name after such a first-level label.
 */
function groupPairAt(previous: string | undefined, head: string, after: string): boolean {
  const named = (t: string): boolean => /^\p{Script=Han}/u.test(t);
  if (previous !== undefined)
    return indicatorLevelOf(previous) === 1 && indicatorLevelOf(head) !== undefined && named(after);
  if (indicatorLevelOf(head) !== 1) return false;
  // The next cell a group name too: a group of its own before a name, or the leaf itself
  // named as a group ("满意度服务对象满意度55").
  for (let m = Math.min(after.length - 1, LEVEL_NAMES_MAX); m >= 2; m--)
    if (indicatorLevelOf(after.slice(0, m)) !== undefined) return true;
  return false;
}

/** The known labels at the start of a row: a fund row's or total row's, or group names. */
function leadingLabels(text: string): { labels: string[]; rest: string; kind: 'fund' | 'row' } {
  for (let n = Math.min(text.length, 16); n >= 2; n--) {
    const head = text.slice(0, n);
    if (fundRowOf(head) !== undefined || isTotalRow(head))
      return { labels: [head], rest: text.slice(n), kind: 'fund' };
  }
  // A 小计 row naming its group ("决策指标小计2019.5"): its label is its name, no group cell.
  for (let n = Math.min(text.length, 16); n >= 3; n--)
    if (subtotalGroupOf(text.slice(0, n)) !== undefined && /^\d/.test(text.slice(n)))
      return { labels: [], rest: text, kind: 'row' };
  const labels: string[] = [];
  let rest = text;
  while (labels.length < 2) {
    let found: string | undefined;
    for (let n = Math.min(rest.length - 1, LEVEL_NAMES_MAX); n >= 2; n--) {
      const head = rest.slice(0, n);
      if (indicatorLevelOf(head) === undefined) continue;
      // A bare group word (成本) may begin a leaf's name (成本控制率): only a name that says 指标,
      // one made of two group words (产出时效) before a name, one followed by another group
      // name, or one written again in the next cell (预算执行率 | 预算执行率, merged cells each
      // keeping the text), is a group cell.
      const after = rest.slice(n);
      if (
        head.endsWith('指标') ||
        (twoGroupWords(head) && /^\p{Script=Han}/u.test(after)) ||
        groupPairAt(labels.at(-1), head, after) ||
        after.startsWith(head) ||
        leadingLabels(after).labels.length > 0
      )
        found = head;
      break;
    }
    if (found === undefined) break;
    labels.push(found);
    rest = rest.slice(found.length);
  }
  return { labels, rest, kind: 'row' };
}

/** Every way to cut a run of figures into cells (a qualitative pair "健全健全" into its halves). */
function figureSplits(text: string, maxCells: number, maxLarge: number): string[][] {
  const out: string[][] = [];
  // A bare figure above 200 can only be an amount (or a bare target or actual): a row has no
  // more of them than it has such columns.
  const large = (cells: readonly string[]): number =>
    cells.filter((c) => cellType(c) === 'number' && cellNumber(c) > 200).length;
  const walk = (at: number, cells: string[]): void => {
    if (out.length >= MAX_SPLITS || cells.length > maxCells || large(cells) > maxLarge) return;
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
    // A date target or actual ("2023年12月底前", "2023年11月", "2024-06-30"), read whole as an
    // alternative to its digits as figures.
    const date = DATE.exec(rest)?.[0];
    if (date) walk(at + date.length, [...cells, date]);
    const comparator = COMPARATOR.test(rest[0] ?? '') ? (rest[0] ?? '') : '';
    const after0 = rest.slice(comparator.length);
    // Thousands separators fix where a figure's whole part ends ("2,400,000.002,600,000.00").
    const grouped = /^\d{1,3}(?:,\d{3})+/.exec(after0)?.[0];
    const digits = grouped ?? /^\d+/.exec(after0)?.[0] ?? '';
    // A target's sign governs the whole figure when a unit or % closes it: "≥95%" is no "≥9"
    // followed by "5%".
    const closed = /^(?:\.\d+)?[^\d≥≤<>=＞＜≧≦—–.-]/.test(after0.slice(digits.length));
    const from = grouped || (comparator !== '' && closed) ? digits.length : 1;
    for (let n = from; n <= digits.length; n++) {
      const whole = digits.slice(0, n);
      if (whole.length > 1 && whole.startsWith('0')) break;
      const after = rest.slice(comparator.length + n);
      const decimals =
        n === digits.length && after.startsWith('.') ? (/^\.(\d+)/.exec(after)?.[1] ?? '') : '';
      // A decimal part of one or two digits, or four (万元 to the 元).
      const decimalChoices =
        decimals === ''
          ? ['']
          : [1, 2, 4].filter((d) => d <= decimals.length).map((d) => decimals.slice(0, d));
      for (const d of decimalChoices) {
        const numberText = `${comparator}${whole}${d === '' ? '' : `.${d}`}`;
        const tail = rest.slice(numberText.length);
        const unit = /^[%％‰]/.test(tail) ? (tail[0] ?? '') : (UNIT_RUN.exec(tail)?.[0] ?? '');
        // A unit ends where the next figure or qualitative word could not start: take it whole.
        walk(at + numberText.length + unit.length, [...cells, numberText + unit]);
        // Words that are no unit may be the next cell (a reason after the 得分: "14.5部分…").
        if (unit.length >= 2 && !/^[%％‰]/.test(unit) && !isUnitWord(unit))
          walk(at + numberText.length, [...cells, numberText]);
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
  // "不减少未减少" → 不减少 | 未减少: a target that something shall not happen, and that it did not.
  const not = /^不(.+)未\1$/.exec(words);
  if (not?.[1]) return [[`不${not[1]}`, `未${not[1]}`]];
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
  // Words glued to a figure ("9.5部分…") are rather a 得分 and the reason after it.
  if ((column === 'reason' || column === 'description') && /^[\d.]+\p{Script=Han}/u.test(text))
    return 0.3;
  // Digits cut out of a run are a target or an actual only with their sign, unit or % (a bare
  // "1" and "0" cut from "1010" are not), unless the table splits its targets from their units.
  if ((column === 'target' || column === 'actual') && type === 'number' && !splitTarget)
    return undefined;
  if (
    (column === 'target' || column === 'actual') &&
    (type === 'expression' || type === 'percent')
  ) {
    // A figure followed by words that are no unit ("24小时清净率") is rather part of a name.
    const unit = /^[≥≤<>=＞＜≧≦]?[\d.,]+(.*)$/.exec(text)?.[1] ?? '';
    const known =
      unit === '' || /^[%％‰]$/.test(unit) || isUnitWord(unit) || DATE.exec(text)?.[0] === text;
    const signed = COMPARATOR.test(text[0] ?? '');
    const f = known ? 1 : unit.length <= 1 ? 0.5 : signed ? 0.3 : -0.5;
    // A target carries the sign; an actual seldom does.
    return column === 'actual' && signed ? f / 2 : f;
  }
  if (column === 'rate' && cellNumber(text) > 200) return undefined;
  // Digits cut from a run with no % sign are a weak 执行率.
  if (column === 'rate' && type === 'number') return 0;
  // Amounts of a fund row are written with their two decimals (180.00), or four (126.5000, 万元
  // to the 元), or with separators.
  // A dash is an amount cell left empty (no 年初预算数 for 上年结转资金: "上年结转资金—60.00…").
  if (column === 'initialBudget' || column === 'budget' || column === 'executed')
    return type === 'empty'
      ? 0
      : type !== 'number'
        ? undefined
        : /\.(?:\d{2}|\d{4})$|,\d{3}/.test(text)
          ? 1
          : 0.3;
  if (column === 'weight' && type === 'number' && cellNumber(text) === 0) return 0.2;
  return fit(column, text, type);
}

/** What leaving a column empty costs; a fund row other than the total leaves 分值/执行率/得分. */
const skipCostFor =
  (subRow: boolean) =>
  (c: ColumnKey): number => {
    if (subRow && (c === 'weight' || c === 'score' || c === 'rate')) return c === 'rate' ? 0 : -0.3;
    if (OFTEN_EMPTY.has(c) || c === 'initialBudget') return 0.05;
    return 0.5;
  };

/**
 * How much a fund row's split agrees with itself: its amounts written alike (all with two
 * decimals, or none), and its 执行率 near 执行数 ÷ 预算数. Undefined when the amounts disagree,
 * unless the row's own 执行率 bears the split out: amounts whose trailing zeros were dropped
 * (43.2 | 43.2 | 37.24 with 86%) are written unalike by many tables.
 */
function fundAgreement(values: Partial<Record<ColumnKey, string>>): number | undefined {
  const amounts = (['initialBudget', 'budget', 'executed'] as const)
    .map((c) => values[c])
    .filter((v): v is string => v !== undefined && cellType(v) === 'number');
  const decimals = new Set(amounts.map((a) => /\.(\d*)$/.exec(a)?.[1]?.length ?? 0));
  const { initialBudget, budget, executed, rate } = values;
  const unalike = decimals.size > 1;
  if (unalike && !ratedAlike(budget, executed, rate)) return undefined;
  if (budget === undefined || executed === undefined) return 0;
  const ratio = (cellNumber(executed) / cellNumber(budget)) * 100;
  const initial = initialBudget === undefined ? 1 : cellNumber(initialBudget) / cellNumber(budget);
  // Amounts of one row are of one size: no more is spent than half again the budget, and the
  // year's budget is not many times the opening one ("865000865000865000" is three 865000s).
  // The same amount twice (all of it spent, a budget not adjusted) is the commonest row.
  const repeated = new Set(amounts).size < amounts.length ? 0.5 : 0;
  const sized =
    repeated +
    (ratio >= 10 && ratio <= 150 ? 0 : -0.5) +
    (initial >= 0.2 && initial <= 5 ? 0 : -0.5);
  if (rate !== undefined) {
    // A stated rate may be wrong by a point or two (that is what the audit reports), not by tens.
    const off = Math.abs(ratio - cellNumber(rate));
    return sized + (off <= 0.5 ? 1 : off <= 20 ? 0 : -1) - (unalike ? 1 : 0);
  }
  return sized + (ratio >= 30 && ratio <= 120 && initial >= 0.5 && initial <= 2 ? 0.5 : 0);
}

/** Whether a row's stated 执行率 (with its %) is 执行数 ÷ 预算数 to half a point. */
function ratedAlike(budget?: string, executed?: string, rate?: string): boolean {
  if (budget === undefined || executed === undefined || rate === undefined) return false;
  if (!/[%％]$/.test(rate) || cellNumber(budget) <= 0) return false;
  return Math.abs((cellNumber(executed) / cellNumber(budget)) * 100 - cellNumber(rate)) <= 0.5;
}

/**
 * How much an indicator row's split agrees with itself: a 得分 within its 分值, and, where the
 * table has a 得分系数 column, a 得分 near 分值 × 系数 ("150.914.5" is 15 | 0.9 | 14.5).
 */
function rowAgreement(values: Partial<Record<ColumnKey, string>>): number {
  const { weight, score, coefficient } = values;
  if (weight === undefined || score === undefined) return 0;
  const w = cellNumber(weight);
  const s = cellNumber(score);
  // Full marks are the commonest score: "1515" is 15 | 15 rather than 1 | 5 after a longer actual.
  // A 分值 written with zeros after its point ("5.00") has a 得分 written at least as finely:
  // "55.00" is 5 | 5.00, not 55.0 | 0.
  const decimals = (t: string): number => /\.(\d+)$/.exec(t)?.[1]?.length ?? 0;
  const finer = /\.0+$/.test(weight) && decimals(weight) > decimals(score) ? -0.3 : 0;
  // A leaf with a target and an actual weighs 40 points at most ("83001516" is 8300 | 15 | 16,
  // not 83001 | 51 | 6).
  const leaf = values.target !== undefined || values.actual !== undefined;
  let agreement =
    (s <= w ? 0 : -0.3) +
    (leaf && w > 40 ? -0.3 : 0) +
    (s === w && w > 0 ? 0.3 : 0) +
    finer +
    openingFigure(values.reason) +
    magnitudeAgreement(values.target, values.actual) +
    // A 定性 row's actual is words (健全), never a figure cut from its 分值 and 得分.
    (values.nature === '定性' && values.actual !== undefined && cellType(values.actual) === 'number'
      ? -1
      : 0);
  if (coefficient !== undefined && w > 0) {
    const c = cellNumber(coefficient) / (/[%％]$/.test(coefficient) ? 100 : 1);
    // Measured against the larger of the two: a 0% that leaves 10 points stands far off.
    agreement += 1 - Math.min(1, Math.abs(w * c - s) / Math.max(s, w * c, 0.01));
  }
  return agreement;
}

/**
 * A 偏差原因 that opens with a bare figure glued to words ("0.50超额完成", "0超额完成"): the digits
 * of the 得分 before it, cut one place late. A figure a reason opens with counts something
 * ("2个路口因…", "3%的…"): its unit follows it.
 */
function openingFigure(reason: string | undefined): number {
  const m = /^\d+(?:\.\d+)?(\p{Script=Han}{1,2})/u.exec(reason ?? '');
  if (!m?.[1]) return 0;
  const unit = [...m[1]].some((_, k) => isUnitWord(m[1]?.slice(0, k + 1) ?? ''));
  return unit ? 0 : -0.5;
}

/**
 * Whether an actual is of the size of its target: "≥40场" met by 42, not by 4210 ("421010" is
 * 42 | 10 | 10): near it (within half and twice) agrees, ten times off disagrees; 0 between, or
 * where either is no figure.
 */
function magnitudeAgreement(target: string | undefined, actual: string | undefined): number {
  const figure = (t: string | undefined): number | undefined => {
    const m = /^[≥≤<>=＞＜≧≦]?(\d+(?:\.\d+)?)/.exec(t ?? '');
    return m?.[1] === undefined ? undefined : Number(m[1]);
  };
  const a = figure(target);
  const b = figure(actual);
  // Nothing done against a target of at least so much is rare: "≥2402521 | 0" is a misreading.
  if (a !== undefined && a >= 10 && b === 0 && /^[≥＞>≧]/.test(target ?? '')) return -0.3;
  if (a === undefined || b === undefined || a <= 0 || b <= 0) return 0;
  const r = b / a;
  return r >= 0.5 && r <= 2 ? 0.3 : r >= 0.1 && r <= 10 ? 0 : -0.3;
}

/** A way to read where a row's name ends and its figures begin, with what it costs. */
interface Reading {
  name: string;
  /** A qualitative target and actual that ran into the name ("健全健全"). */
  words: string[];
  figures: string;
  prior: number;
  /** The words of a bound that opened the target ("不超过"), read as its sign meanwhile. */
  bound?: string;
}

/** Words of a bound that open a target ("不超过30分钟"), never end a name; the sign they mean. */
const BOUND_WORDS = /(不超过|不高于|不多于|不大于|不少于|不低于|不小于)$/;
const signOfBound = (w: string): string => (/超过|高于|多于|大于/.test(w) ? '≤' : '≥');

/** Where a figure may begin: a digit, a comparator or a dash for an empty cell. */
const FIGURE_START = /[\d≥≤<>=＞＜≧≦—–]/;

/**
 * The ways a row's text splits into its name and its figures. The name ends where its first
 * figure begins, unless that figure belongs to the name: glued to Latin letters (PM2.5, SO2) or
 * followed by words that are no unit ("24小时清净率", "12345热线"); then the name may run on to a
 * later figure, at a cost. A qualitative pair before the figures ("健全健全") is tried with and
 * without being taken as the target and actual.
 */
function readingsOf(rest: string): Reading[] {
  const out: Reading[] = [];
  const starts: number[] = [];
  for (let k = 0; k < rest.length && starts.length < 4; k++) {
    if (!FIGURE_START.test(rest[k] ?? '')) continue;
    const before = rest[k - 1] ?? '';
    // Inside a figure (after its digits, its point, its sign or its %) no new figure begins; a %
    // after words is a unit cell that ran into the name ("合格率%≥95…").
    const percentOfFigure = /[%％]/.test(before) && /[\d.]/.test(rest[k - 2] ?? '');
    if (k > 0 && (/[\d.≥≤<>=＞＜≧≦—–]/.test(before) || percentOfFigure)) continue;
    starts.push(k);
  }
  starts.forEach((end, n) => {
    const head = rest.slice(0, end);
    if (n > 0 && /[≥≤<>=＞＜≧≦%％]/.test(head)) return;
    const first = rest.slice(starts[0] ?? 0, end);
    // Running the name over a figure: likely only where that figure cannot stand on its own.
    const prior = n === 0 ? 0 : nameHoldsFigure(rest, starts[0] ?? 0, first) ? -0.2 : -1.5;
    const bound = BOUND_WORDS.exec(head)?.[1];
    if (bound !== undefined && /^\d/.test(rest.slice(end)) && head.length > bound.length) {
      // "候车时间不超过30分钟25分钟": the bound is the target's, read as its sign.
      out.push({
        name: head.slice(0, -bound.length),
        words: [],
        figures: signOfBound(bound) + rest.slice(end),
        prior,
        bound,
      });
      return;
    }
    out.push({ name: head, words: [], figures: rest.slice(end), prior });
    // A target of a change on the year before and its actual, the change with its figure ("问题食品
    // 发现率较上年提高提高0.6个百分点1010…"): 较上年提高 | 提高0.6个百分点.
    const change =
      /^(.+?)((?:较上年|比上年|较去年|同比)(提高|增长|下降|减少|降低|上升|增加))\3$/u.exec(head);
    const changed = /^\d+(?:\.\d+)?(?:个百分点|百分点|[%％‰]|[^\d≥≤<>=＞＜≧≦—–.%％]*)/.exec(
      rest.slice(end),
    )?.[0];
    if (n === 0 && change?.[1] && change[2] && change[3] && changed)
      out.push({
        name: change[1],
        words: [change[2], change[3] + changed],
        figures: rest.slice(end + changed.length),
        prior,
      });
    // A qualitative target and its actual parted by the dash of an empty 度量单位 cell ("…定性
    // 好—好1010", "有效消除—有效消除"): the words, the empty cell and the words again.
    const dashed = /^[—–](已?)/.exec(rest.slice(end));
    if (n === 0 && dashed) {
      const after = rest.slice(end + dashed[0].length);
      for (let k = Math.min(10, head.length - 2); k >= 1; k--) {
        const words = head.slice(-k);
        if (after.startsWith(words) && FIGURE_START.test(after[words.length] ?? ''))
          out.push({
            name: head.slice(0, -k),
            words: [words, '—', `${dashed[1] ?? ''}${words}`],
            figures: after.slice(words.length),
            prior,
          });
      }
    }
    // A qualitative target and its actual, the same words twice ("达到自治区标准达到自治区标准"),
    // or a grade or answer of one character ("良良", "是是").
    const pair = /^(.+?)(.{2,10}|[优良中差好是否有无])(已?)\2$/u.exec(head);
    if (pair?.[1] && pair[2])
      out.push({
        name: pair[1],
        words: [pair[2], `${pair[3] ?? ''}${pair[2]}`],
        figures: rest.slice(end),
        prior,
      });
    const not = /^(.+?)不(.{1,5})未\2$/u.exec(head);
    if (not?.[1] && not[2])
      out.push({
        name: not[1],
        words: [`不${not[2]}`, `未${not[2]}`],
        figures: rest.slice(end),
        prior,
      });
  });
  return out;
}

/**
 * In a table whose first column after the name is 是否核心指标, its 是 or 否 runs into the name
 * ("培训基层医务人员人次是≥1200人次…"): each reading is also tried with that last character as
 * the flag's cell.
 */
function withFlags(readings: readonly Reading[], flagFirst: boolean): Reading[] {
  if (!flagFirst) return [...readings];
  return readings.flatMap((r) => {
    const m = /^(.{2,}?)([是否])$/u.exec(r.name);
    return m?.[1] && m[2] && r.words.length === 0 ? [r, { ...r, name: m[1], words: [m[2]] }] : [r];
  });
}

/**
 * In a table whose first column after the name is 指标性质, a qualitative row's 定性 (or 定量,
 * 正向, 反向) runs into the name ("工程运行管护机制定性健全健全1010"): each reading whose name ends
 * on such a word is also tried with it as that cell.
 */
function withNature(readings: readonly Reading[], natureFirst: boolean): Reading[] {
  if (!natureFirst) return [...readings];
  return readings.flatMap((r) => {
    const m = /^(.{2,}?)(定性|定量|正向|反向)$/u.exec(r.name);
    return m?.[1] && m[2] ? [r, { ...r, name: m[1], words: [m[2], ...r.words] }] : [r];
  });
}

/**
 * In a table whose first column after the name is 计量单位 (the targets and actuals written bare),
 * the unit runs into the name ("新建乡村学校少年宫所≥12…", "验收合格率%≥95…"): each reading is
 * also tried with the name's last one to three characters, when they make a unit, as that cell.
 */
function withUnits(readings: readonly Reading[], unitFirst: boolean): Reading[] {
  if (!unitFirst) return [...readings];
  return readings.flatMap((r) => {
    if (r.words.length > 0) return [r];
    // The longest unit ("万元", not its "元"): two readings alike but for that would tie.
    const unit = /[%％‰]$/.test(r.name)
      ? r.name.slice(-1)
      : [3, 2, 1]
          .map((k) => r.name.slice(-k))
          .find((t) => r.name.length - t.length >= 2 && isUnitWord(t));
    return unit === undefined
      ? [r]
      : [r, { ...r, name: r.name.slice(0, -unit.length), words: [unit] }];
  });
}

/**
 * Whether the figure at `at` reads as part of the row's name: glued to Latin letters before it,
 * or followed by words that are no unit before the next figure ("24小时清净率≥95%").
 */
function nameHoldsFigure(rest: string, at: number, run: string): boolean {
  if (/[A-Za-z]$/.test(rest.slice(0, at))) return true;
  const words = /^[\d.]+([^\d≥≤<>=＞＜≧≦—–.%％]+)$/.exec(run)?.[1];
  return words !== undefined && words.length >= 2 && !isUnitWord(words);
}

/** A unit as targets write them (个, 人次, 万元, 元/户, 微克/立方米), or a year's 年 of a date. */
const isUnitWord = (w: string): boolean =>
  w.split('/').every((part) => cellType(part) === 'text' && fit('measure', part, 'text') === 1);

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
  const read = leadingLabels(text.trim());
  // Under a fund header, a row's label may be any source's name ("中央衔接资金"): the words
  // before its first figure.
  const fundTable = !columns.some((c) => c === 'target' || c === 'level3' || c === 'level1');
  const label = /^\p{Script=Han}[^\d]{1,15}(?=\d)/u.exec(read.rest)?.[0];
  const parted =
    fundTable && read.kind === 'row' && read.labels.length === 0 && label !== undefined
      ? { labels: [label], rest: read.rest.slice(label.length), kind: 'fund' as const }
      : read;
  const { labels, kind } = parted;
  // A fund row may close on its 备注 ("…94.25%—学校事业收入"): words after its last figure or
  // dash, which no amount, rate or score cell holds.
  const note =
    kind === 'fund' && columns.includes('reason')
      ? /(?<=[\d%％—–-])\p{Script=Han}[^\d%％]*$/u.exec(parted.rest)?.[0]
      : undefined;
  const rest = note === undefined ? parted.rest : parted.rest.slice(0, -note.length);
  // A cell of a table one cell per line ("完成率×10", "投入（20分）") is no row: only figures
  // glued together, or a fund or total row's label with its figures, are.
  // Under a 得分率 column a row closes on that rate: "健全健全1010100.00%" is 10 | 10 | 100.00%.
  const rated =
    columns.includes('coefficient') &&
    looksRunTogether(text.replace(/(?<=\d)\d{2}(?:\.\d+)?[%％]$/, ''));
  // A 评分表 with no target or actual column writes a row as its name, 分值 and 得分 alone
  // ("立项程序规范性44", "预算执行率54.8"), its reason after them ("…43.5部分指标未量化").
  const bare =
    kind === 'row' &&
    columns.includes('score') &&
    !columns.some((c) => c === 'target' || c === 'actual' || c === 'description') &&
    /^\p{Script=Han}[^\d，。；！？]*\p{Script=Han}\d{2,}(?:\.\d+)?(?:\p{Script=Han}\D*)?$/u.test(
      text,
    );
  // A row closing on its 偏差原因 or 评分依据 in words after its last figure, with no stop in them
  // ("…达标达标1010按验收结论评分", "…2024年11月28日55按时兑付得满分"): the figures before them
  // glued as a row's are.
  const lastValue = columns
    .filter((c) => c !== 'level1' && c !== 'level2' && c !== 'level3')
    .at(-1);
  const tail =
    kind === 'row' && (lastValue === 'reason' || lastValue === 'description')
      ? /(?<=\d)\p{Script=Han}[^\d]*$/u.exec(rest)?.[0]
      : undefined;
  const tailed =
    tail !== undefined &&
    !/^[年月日号时]/u.test(tail) &&
    !isUnitWord(tail) &&
    looksRunTogether(text.slice(0, -tail.length));
  if (
    !looksRunTogether(text) &&
    !rated &&
    !bare &&
    !tailed &&
    !(kind === 'fund' && /^\d/.test(rest))
  )
    return undefined;
  const valueColumns = columns.filter(
    (c) =>
      c !== 'level1' &&
      c !== 'level2' &&
      c !== 'level3' &&
      (kind === 'row' ||
        // A total row under a 得分系数 column leaves that cell empty ("总分100—98.60").
        ['initialBudget', 'budget', 'executed', 'rate', 'weight', 'coefficient', 'score'].includes(
          c,
        )),
  );
  // A numbered 偏差原因 closing the row is its last cell, whatever figures it holds; so is a
  // sentence after the row's last figure that holds figures of its own ("…109部分培训班次调整至
  // 2025年一季度举办，…"), tried where it may begin, from the left.
  const reasonLast = kind === 'row' && valueColumns.at(-1) === 'reason';
  const numbered = reasonLast ? NUMBERED_REASON.exec(rest)?.[0] : undefined;
  if (numbered !== undefined)
    return readCells(rest.slice(0, rest.length - numbered.length), [numbered]);
  for (const at of reasonLast ? sentenceReasonStarts(rest) : []) {
    const cells = readCells(rest.slice(0, at), [rest.slice(at)]);
    if (cells) return cells;
  }
  // Those closing words are the row's last cell when the row reads no other way.
  const plain = readCells(rest, []);
  return (
    plain ?? (tailed ? readCells(rest.slice(0, rest.length - tail.length), [tail]) : undefined)
  );

  function readCells(figuresOf: string, closing: readonly string[]): string[] | undefined {
    const readings: Reading[] =
      kind === 'fund'
        ? [{ name: '', words: [], figures: rest, prior: 0 }]
        : withNature(
            withUnits(
              withFlags(readingsOf(figuresOf), valueColumns[0] === 'flag'),
              valueColumns[0] === 'measure',
            ),
            valueColumns[0] === 'nature',
          );
    let best: { score: number; cells: string[]; name: string; bound?: string } | undefined;
    let second = Number.NEGATIVE_INFINITY;
    const subRow =
      kind === 'fund' && fundRowOf(labels[0] ?? '') !== 'total' && !isTotalRow(labels[0] ?? '');
    const skipCost = skipCostFor(subRow);
    // A table whose targets are split over 指标值 and 度量单位 writes its figures bare.
    const splitTarget = columns.includes('measure');
    const fitOf = (c: ColumnKey, t: string, type: CellType): number | undefined => {
      // A total row holds no 得分系数 of its own: that cell is a dash if anything.
      if (kind === 'fund' && c === 'coefficient' && type !== 'empty') return undefined;
      const f = splitFit(c, t, type, splitTarget);
      // A source row carries no 分值 or 得分 of its own.
      return subRow && (c === 'weight' || c === 'score') && f !== undefined && f > 0 ? 0.2 : f;
    };
    const maxLarge =
      valueColumns.filter((c) => c === 'initialBudget' || c === 'budget' || c === 'executed')
        .length + (splitTarget ? 2 : 0);
    for (const { name, words, figures, prior, bound } of readings) {
      if (figures === '' || (kind === 'row' && name === '')) continue;
      const room = valueColumns.length - words.length - closing.length;
      for (const split of figureSplits(figures, room, maxLarge)) {
        const cells = [...words, ...split, ...closing];
        if (cells.length > valueColumns.length) continue;
        // Amounts to four decimals are written so throughout the row, never one alone.
        if (cells.filter((c) => /\.\d{4}$/.test(c)).length === 1) continue;
        const aligned = alignCells(cells, valueColumns, skipCost, fitOf);
        if (!aligned || aligned.margin < 0.5) continue;
        const agreement =
          kind === 'fund' ? fundAgreement(aligned.values) : rowAgreement(aligned.values);
        if (agreement === undefined) continue;
        const fitted = cells.reduce((sum, c) => sum + (cellType(c) === 'empty' ? 0 : 1), 0);
        const score =
          alignedScore(valueColumns, aligned.values, skipCost, fitOf) -
          CELL_COST * fitted +
          agreement +
          prior;
        // The same cells reached along two paths are one reading, not a rival.
        if (best && best.name === name && best.cells.join('\u0000') === cells.join('\u0000'))
          continue;
        if (!best || score > best.score) {
          if (best) second = Math.max(second, best.score);
          best = { score, cells, name, ...(bound === undefined ? {} : { bound }) };
        } else second = Math.max(second, score);
      }
    }
    if (!best || best.score - second < 0.5) return undefined;
    // The target keeps the words it was written with.
    const { bound } = best;
    const sign = bound === undefined ? undefined : signOfBound(bound);
    const at = sign === undefined ? -1 : best.cells.findIndex((c) => c.startsWith(sign));
    const cells = best.cells.map((c, k) => (k === at && bound ? bound + c.slice(1) : c));
    const out = [...labels, ...(best.name === '' ? [] : [best.name]), ...cells];
    return out.length >= 3 ? out : undefined;
  }
}

/**
 * Where a 偏差原因 holding figures may begin in a row's text after its names: right after a figure,
 * at three or more Chinese characters that are no unit and no part of a date (月底前, 日), with a
 * stop later in the row and none before.
 */
function sentenceReasonStarts(rest: string): number[] {
  const stop = rest.search(/[，。；！？]/);
  if (stop < 0) return [];
  const out: number[] = [];
  for (const m of rest.slice(0, stop).matchAll(/(?<=\d(?:[%％]|分)?)\p{Script=Han}{3,}/gu)) {
    const words = m[0];
    if (/^[年月日]/u.test(words) || isUnitWord(words)) continue;
    if (!/\d/.test(rest.slice(m.index))) continue;
    out.push(m.index);
  }
  return out;
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
