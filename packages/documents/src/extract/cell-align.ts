import { normalizeDigits } from '@jixiao/domain';
import type { ColumnKey } from './table-vocabulary.ts';

/** What a cell holds, as far as fitting it to a column goes. */
export type CellType = 'empty' | 'number' | 'percent' | 'expression' | 'text' | 'placeholder';

const NUMBER = /^[-+]?\d+(?:,\d{3})*(?:\.\d+)?$/;
const PERCENT = /^[≥≤<>=]?\d+(?:\.\d+)?[%％]$/;
const EXPRESSION = /^(?:[≥≤<>=≧≦＞＜]|\d)/;
/**
 * A sentence that happens to open with a figure ("2个小区因居民意见未统一，延至2025年实施"): a
 * 偏差原因, not a target or an actual. A clause mark or a word of cause or delay says so.
 */
const SENTENCE = /[，；。;]|因|由于|延期|延至|推迟|滞后|原因|导致|未能|未完成|未达|尚未|尚在|跨年/;
/**
 * An indicator's name that opens with a figure of whom or what it counts
 * ("65岁及以上老年人健康管理率", "0-6岁儿童健康管理率" or "0～6岁…", "2型糖尿病患者规范管理率"): no comparison
 * sign, no percent, and it ends as names of rates and counts end, after a run of words no target
 * or actual has.
 */
const NAME_WITH_FIGURE =
  /^\d[\d.\-~～〜－—至]*[^\d%％≥≤<>=]*[\u4e00-\u9fff]{6,}(?:率|数|量|度|比例|比重|水平|面积|时限)$/;
/** A 度量单位 cell: made of unit characters only (个, 人次, 平方米, 万元, 个工作日, %). */
const UNIT =
  /^(?:[%％‰‱]|[万亿千百十]?(?:[个件人次户家所座台套辆项场册本篇张份批期天日周月年季时分秒里米亩顷吨克斤元瓦度方条处间床头只株棵盏部卷名位班栋宗起门盒剂袋箱块根把组队村镇户]|公里|千米|小时|平方米|平方公里|立方米|公顷|公斤|千克|千瓦时|工作日|人次|人日|个工作日|元\/人|元\/平方米))+$/;

export function cellType(text: string): CellType {
  const t = normalizeDigits(text).replace(/[\s\u3000\u00a0]+/g, '');
  if (t === '' || t === '/' || t === '-' || t === '—' || t === '－') return 'empty';
  if (/^[.…。·]+$/.test(t)) return 'placeholder';
  if (NUMBER.test(t) || NUMBER.test(t.replace(/分$/, ''))) return 'number';
  if (PERCENT.test(t)) return 'percent';
  if (EXPRESSION.test(t) && t.length <= 24 && !SENTENCE.test(t) && !NAME_WITH_FIGURE.test(t))
    return 'expression';
  return 'text';
}

export const cellNumber = (text: string): number =>
  Number(
    normalizeDigits(text)
      .replace(/[\s,]/g, '')
      .replace(/[%％分]$/, ''),
  );

/**
 * How well a cell fits a column: a number, or undefined when it cannot be there. Amounts are
 * numbers; weights and scores are numbers of at most a hundred; a rate is best a percentage.
 */
export function fit(column: ColumnKey, text: string, type: CellType): number | undefined {
  if (type === 'empty' || type === 'placeholder') return 0;
  switch (column) {
    case 'initialBudget':
    case 'budget':
    case 'executed':
    case 'received':
      return type === 'number' ? 1 : undefined;
    case 'weight':
    case 'score':
    case 'deduction':
      if (type !== 'number') return undefined;
      return cellNumber(text) <= 100 ? 1 : undefined;
    case 'coefficient':
      if (type !== 'number' && type !== 'percent') return undefined;
      return cellNumber(text) <= (type === 'percent' ? 100 : 1) ? 1 : undefined;
    case 'rate':
    case 'receivedRate':
      if (type === 'percent') return 3;
      return type === 'number' && cellNumber(text) <= 200 ? 0.5 : undefined;
    case 'target':
    case 'actual':
      return type === 'text' ? 0.3 : 1;
    case 'reason':
      return type === 'text' ? 1 : type === 'number' && cellNumber(text) === 0 ? 0.2 : undefined;
    case 'description':
      // A scoring rule may open with its threshold ("≥95%得5分").
      if (type === 'expression' || type === 'percent') return /[得扣]|分$/.test(text) ? 0.8 : 0.2;
      return type === 'text' ? 1 : type === 'number' && cellNumber(text) === 0 ? 0.2 : undefined;
    case 'nature':
      return /^(?:[≥≤<>=＞＜＝≧≦]|定性|定量|正向|反向)$/.test(text.trim()) ? 2 : undefined;
    case 'measure':
      // A unit (个, 人次, %, 万元, 个工作日); a short word that is no unit (健全, 达标) is rather a
      // qualitative target or actual whose 度量单位 cell was left empty.
      if (type !== 'text') return type === 'percent' ? undefined : 0;
      return UNIT.test(text.replace(/[\s\u3000]+/g, '')) ? 1 : text.trim().length <= 6 ? 0.1 : 0;
    case 'flag':
      // 是否核心指标: 是 or 否 (a tick or a cross).
      return /^(?:是|否|√|×|✓|✔|✗)$/.test(text.trim()) ? 2 : undefined;
    case 'grade':
      // 自评等级 of a row: 优/良/中/差 (or 优秀, 良好, 合格), never its reason.
      return /^(?:优|良|中|差|优秀|良好|合格|不合格|较差)$/.test(text.trim()) ? 2 : undefined;
    case 'level1':
    case 'level2':
    case 'level3':
      return type === 'text' ? 0.5 : undefined;
  }
}

/** How well a cell fits a column (higher is better), or undefined when it cannot be there. */
export type CellFit = (column: ColumnKey, text: string, type: CellType) => number | undefined;

export interface Alignment {
  /** Column → cell text, for the columns that received a non-empty cell. */
  values: Partial<Record<ColumnKey, string>>;
  /** How far the best reading is ahead of the next one: 1 or more is a clear reading. */
  margin: number;
}

/**
 * Fits the cells that follow a row's label to the table's columns, keeping their order. When
 * empty cells were dropped (PDF text, text exports), every way of leaving columns out is tried
 * and the one whose cells fit their columns best wins; `skipCost` says which columns are
 * usually the empty ones (年初预算数, 分值/执行率/得分 on sub-rows).
 */
export function alignCells(
  cells: readonly string[],
  columns: readonly ColumnKey[],
  skipCost: (column: ColumnKey) => number = () => 0.1,
  fitOf: CellFit = fit,
): Alignment | undefined {
  const n = columns.length;
  const k = cells.length;
  if (k > n || n === 0) return undefined;
  const types = cells.map(cellType);
  let best: { score: number; pick: number[] } | undefined;
  let second = Number.NEGATIVE_INFINITY;
  const pick: number[] = [];
  // Choose, in order, the column of each cell (small n: at most C(12, k) placements).
  const walk = (cell: number, from: number, score: number): void => {
    if (cell === k) {
      let s = score;
      for (let c = 0; c < n; c++) if (!pick.includes(c)) s -= skipCost(columns[c] ?? 'reason');
      if (!best || s > best.score) {
        if (best) second = Math.max(second, best.score);
        best = { score: s, pick: [...pick] };
      } else second = Math.max(second, s);
      return;
    }
    for (let c = from; c <= n - (k - cell); c++) {
      const column = columns[c];
      if (!column) continue;
      const f = fitOf(column, cells[cell] ?? '', types[cell] ?? 'text');
      if (f === undefined) continue;
      pick.push(c);
      walk(cell + 1, c + 1, score + f);
      pick.pop();
    }
  };
  walk(0, 0, 0);
  const found = best as { score: number; pick: number[] } | undefined;
  if (!found) return undefined;
  const values: Partial<Record<ColumnKey, string>> = {};
  found.pick.forEach((c, i) => {
    const column = columns[c];
    const type = types[i];
    if (column && type !== 'empty' && type !== 'placeholder') values[column] = cells[i] ?? '';
  });
  const margin = k === n ? Number.POSITIVE_INFINITY : found.score - second;
  return { values, margin };
}
