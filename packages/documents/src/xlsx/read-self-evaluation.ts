import { parseActualCell, parseExpression, ratioPercent } from '@jixiao/domain';
import type {
  Adjustment,
  Amount,
  FundRow,
  FundRowKey,
  Funds,
  IndicatorNode,
  MoneyUnit,
  Percent,
} from '@jixiao/domain';
import { cellName, columnLetters, headerUnit } from './sheet-grid.ts';
import type { SheetGrid } from './sheet-grid.ts';

/** What one 自评表 sheet holds. */
export interface SelfEvaluationDraft {
  identity: Record<string, string>;
  amountUnit: MoneyUnit;
  funds: Funds;
  goals: { expected: string; actual?: string }[];
  indicators: IndicatorNode[];
  adjustments: Adjustment[];
  stated: { total?: number; grade?: string };
}

/** Fund row labels, after "其中：" and "按…分：" are stripped, to their keys. */
const FUND_KEYS: Record<string, FundRowKey> = {
  年度资金总额: 'total',
  资金总额: 'total',
  一般公共预算: 'generalPublic',
  一般公共预算拨款: 'generalPublic',
  政府性基金拨款: 'governmentFund',
  政府性基金: 'governmentFund',
  纳入专户管理的非税收入拨款: 'nonTaxSpecialAccount',
  当年财政拨款: 'currentAppropriation',
  上年结转资金: 'carryOver',
  其他资金: 'other',
  基本支出: 'basic',
  项目支出: 'project',
};

function fundLabel(label: string): string {
  return label
    .replace(/\s+/g, '')
    .replace(/^按(收入|支出)性质分[：:]?/, '')
    .replace(/^其中[：:]?/, '')
    .replace(/[：:]$/, '');
}

/** "产出指标（50分）" → name and weight. */
function splitWeight(label: string): { name: string; weight?: number } {
  const m = /^(.*?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]$/.exec(label);
  return m?.[1] ? { name: cellName(m[1]), weight: Number(m[2]) } : { name: cellName(label) };
}

const IDENTITY_LABELS = [
  '部门名称',
  '项目名称',
  '项目支出名称',
  '主管部门',
  '实施单位',
  '市级预算部门名称',
];

/** Reads a 部门整体/项目支出绩效自评表 sheet laid out as renderTablesXlsx writes it (or close). */
export function readSelfEvaluation(g: SheetGrid): SelfEvaluationDraft {
  const draft: SelfEvaluationDraft = {
    identity: {},
    amountUnit: '万元',
    funds: {},
    goals: [],
    indicators: [],
    adjustments: [],
    stated: {},
  };
  const fundHead = g.findRow((l) => l === '年初预算数');
  /** The 年度资金总额 row's rate when its amounts give it: the 预算执行率 indicator's actual. */
  let totalRate: Percent | undefined;
  const goalHead = g.findRow((l) => l === '预期目标');
  const indHead = g.findRow((l) => l === '一级指标');

  // identity rows above the fund block: label cells followed by their value
  for (let r = 1; r < (fundHead?.row ?? g.rows + 1); r++)
    for (let c = 1; c <= g.cols; c++) {
      const l = g.label(r, c);
      if (!IDENTITY_LABELS.includes(l)) continue;
      for (let v = c + 1; v <= g.cols; v++) {
        const t = g.text(r, v);
        if (t && t !== g.text(r, c)) {
          draft.identity[l] = t;
          break;
        }
      }
    }

  if (fundHead) {
    const h = fundHead.row;
    const col = (name: string) => g.findCol(h, (l) => l === name);
    const cols = {
      initialBudget: col('年初预算数'),
      budget: col('全年预算数'),
      executed: col('全年执行数'),
      weight: col('分值'),
      rate: col('执行率'),
      score: col('得分'),
    };
    draft.amountUnit = headerUnit(g.text(h, 1));
    const end = goalHead?.row ?? indHead?.row ?? g.rows + 1;
    for (let r = h + 1; r < end; r++) {
      if (g.rowEmpty(r)) continue;
      let label = '';
      for (let c = 2; c < (cols.initialBudget ?? 3); c++) label ||= fundLabel(g.text(r, c));
      if (!label) continue;
      const key = FUND_KEYS[label];
      if (!key) {
        g.problems.push({
          code: 'XLSX_ROW_UNKNOWN',
          sheet: g.ws.name,
          cell: `B${r}`,
          message: `工作表“${g.ws.name}”第${r}行“${label}”不是资金表中的已知行，已忽略`,
        });
        continue;
      }
      const row: FundRow = {};
      const unit = draft.amountUnit;
      const set = <K extends keyof FundRow>(k: K, v: FundRow[K] | undefined) => {
        if (v !== undefined) row[k] = v;
      };
      if (cols.initialBudget) set('initialBudget', g.amount(r, cols.initialBudget, unit));
      if (cols.budget) set('budget', g.amount(r, cols.budget, unit));
      if (cols.executed) set('executed', g.amount(r, cols.executed, unit));
      if (cols.weight) set('weight', g.number(r, cols.weight, '分值'));
      // The tables write the amounts' own rate where none was entered: a rate the amounts give
      // (rounded or cut to its decimals, as the writer decides) is theirs, not a stated one.
      const rate = cols.rate ? g.percent(r, cols.rate) : undefined;
      if (rate !== undefined && !givenByAmounts(rate, row.executed, row.budget))
        row.statedRate = rate;
      else if (rate !== undefined && key === 'total') totalRate = rate;
      if (cols.score) set('statedScore', g.number(r, cols.score, '得分'));
      if (Object.keys(row).length > 0) draft.funds[key] = row;
    }
  }

  if (goalHead) {
    const h = goalHead.row;
    const actualCol = g.findCol(h, (l) => l.startsWith('实际完成')) ?? goalHead.col + 1;
    for (let r = h + 1; r < (indHead?.row ?? g.rows + 1); r++) {
      const expected = g.lines(r, goalHead.col);
      const actual = g.lines(r, actualCol);
      if (!expected && !actual) continue;
      draft.goals.push(actual ? { expected, actual } : { expected });
    }
  }

  if (indHead) readIndicators(g, indHead.row, draft);

  // The execution-rate indicator lives in the fund block's 分值/得分.
  const total = draft.funds.total;
  if (total?.weight !== undefined) {
    const exec: IndicatorNode = { name: '预算执行率', weight: total.weight };
    if (total.statedScore !== undefined) exec.score = total.statedScore;
    const rate = total.statedRate ?? totalRate;
    if (rate) exec.actual = parseExpression(`${rate.value}%`);
    draft.indicators.unshift(exec);
  }
  return draft;
}

function readIndicators(g: SheetGrid, h: number, draft: SelfEvaluationDraft): void {
  const col = (test: (l: string) => boolean) => g.findCol(h, test);
  const c1 = col((l) => l === '一级指标') ?? 2;
  const c2 = col((l) => l === '二级指标') ?? c1 + 1;
  const c3 = col((l) => l === '三级指标') ?? c2 + 1;
  const cTarget = col((l) => l.startsWith('年度指标值') || l === '年度目标值');
  const cActual = col((l) => l.startsWith('实际完成值'));
  const cWeight = col((l) => l === '分值');
  const cScore = col((l) => l === '得分');
  const cReason = col((l) => l.startsWith('偏差原因'));

  let l1: IndicatorNode | undefined;
  let l1Label = '';
  let l2: IndicatorNode | undefined;
  let l2Label = '';
  for (let r = h + 1; r <= g.rows; r++) {
    if (g.rowEmpty(r) || rowBlankFrom(g, r, c1)) continue;
    const first = g.label(r, 1) || g.label(r, c1);
    const lead = g.label(r, c1);
    if (lead.startsWith('总分') || first.startsWith('总分')) {
      if (cScore) {
        const t = g.number(r, cScore, '总分');
        if (t !== undefined) draft.stated.total = t;
      }
      const grade = /等级[：:]\s*(\S+)/.exec(cReason ? g.text(r, cReason) : '')?.[1];
      if (grade) draft.stated.grade = grade;
      break;
    }
    const adj = /^(加分|减分)[：:](.+)$/.exec(lead);
    if (adj?.[2]) {
      const points = cScore ? g.number(r, cScore, '加减分') : undefined;
      const reason = cReason ? g.lines(r, cReason) : '';
      draft.adjustments.push({
        name: adj[2],
        kind: adj[1] === '加分' ? 'bonus' : 'penalty',
        // Points are kept positive (the kind gives the sign); a 减分 typed "-1.35" is 1.35 off.
        points: Math.abs(points ?? 0),
        ...(reason ? { reason } : {}),
      });
      continue;
    }
    // Unmerged sheets leave the 一级/二级 cells of later rows blank: they continue the group above.
    const t1 = g.text(r, c1) || l1Label;
    const t2 = g.text(r, c2) || (t1 === l1Label ? l2Label : '');
    const t3 = g.text(r, c3);
    if (!t3 && !t2 && !t1) continue;
    const leaf: IndicatorNode = { name: '' };
    const text = (c: number | undefined) => (c ? g.text(r, c) : '');
    const target = text(cTarget);
    const actual = text(cActual);
    if (target) leaf.target = parseExpression(target);
    // A grade the unit chose, written after an actual that does not state it (actualCellText).
    if (actual) Object.assign(leaf, parseActualCell(actual));
    const w = cWeight ? g.number(r, cWeight, '分值') : undefined;
    const s = cScore ? g.number(r, cScore, '得分') : undefined;
    if (w !== undefined) leaf.weight = w;
    if (s !== undefined) leaf.score = s;
    const reason = cReason ? g.lines(r, cReason) : '';
    if (reason) leaf.deviationReason = reason;

    if (t1 === t2 && t2 === t3) {
      leaf.name = cellName(t1);
      draft.indicators.push(leaf);
      l1 = undefined;
      l1Label = '';
      continue;
    }
    if (t1 !== l1Label || !l1) {
      const { name, weight } = splitWeight(t1);
      l1 = { name, children: [], ...(weight !== undefined ? { weight } : {}) };
      draft.indicators.push(l1);
      l1Label = t1;
      l2 = undefined;
      l2Label = '';
    }
    if (t2 === t3) {
      leaf.name = cellName(t2);
      l1.children?.push(leaf);
      l2 = undefined;
      l2Label = '';
      continue;
    }
    if (t2 !== l2Label || !l2) {
      const { name, weight } = splitWeight(t2);
      l2 = { name, children: [], ...(weight !== undefined ? { weight } : {}) };
      l1.children?.push(l2);
      l2Label = t2;
    }
    if (!t3) {
      g.problems.push({
        code: 'XLSX_CELL_UNREADABLE',
        sheet: g.ws.name,
        cell: `${columnLetters(c3)}${r}`,
        message: `工作表“${g.ws.name}”第${r}行缺少三级指标名称`,
      });
      continue;
    }
    leaf.name = cellName(t3);
    l2.children?.push(leaf);
  }
}

/** Whether `executed / budget` gives `rate`, rounded half-up or cut to the rate's decimals. */
function givenByAmounts(
  rate: Percent,
  executed: Amount | undefined,
  budget: Amount | undefined,
): boolean {
  if (executed === undefined || budget === undefined) return false;
  const r = ratioPercent(executed.fen, budget.fen, rate.decimals);
  return r !== undefined && (r.rounded === rate.value || r.truncated === rate.value);
}

/** True when every cell of the row from `col` on is blank (a blank row inside a merged label). */
function rowBlankFrom(g: SheetGrid, row: number, col: number): boolean {
  for (let c = col; c <= g.cols; c++) if (g.text(row, c) !== '') return false;
  return true;
}
