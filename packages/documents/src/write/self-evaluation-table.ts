import { FUND_ROW_LABELS, FUND_SOURCE_KEYS, FUND_USE_KEYS } from '@jixiao/domain';
import type { FundRow, FundRowKey, Funds, MoneyUnit, ScoreSheet } from '@jixiao/domain';
import { actualCellText, amountCell, expressionText, pointsCell, rowRateCell } from './figures.ts';
import type { Cell, TableModel } from './model.ts';
import { isExecutionIndicator } from './score-view.ts';
import type { ScoredIndicator, ScoreView } from './score-view.ts';

interface Goal {
  expected: string;
  actual?: string | undefined;
}

export const DEPARTMENT_FUND_ROWS: readonly FundRowKey[] = [
  'total',
  'generalPublic',
  'governmentFund',
  'nonTaxSpecialAccount',
  'other',
  'basic',
  'project',
];
export const PROJECT_FUND_ROWS: readonly FundRowKey[] = [
  'total',
  'currentAppropriation',
  'carryOver',
  'other',
];

export const INDICATOR_HEADER = [
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '分值',
  '得分',
  '偏差原因分析及改进措施',
] as const;

export const FUND_HEADER = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];

function hasFigures(row: FundRow | undefined): boolean {
  return (
    row !== undefined &&
    (row.initialBudget !== undefined ||
      row.budget !== undefined ||
      row.executed !== undefined ||
      row.statedRate !== undefined ||
      row.weight !== undefined ||
      row.statedScore !== undefined)
  );
}

/**
 * The fund block's rows: the kind's own rows (`shown`), filled or not, and every other row the
 * unit filled (a project's 基本支出, a department's 上年结转资金, sources of other names), so no
 * entered figure is left out; income rows first, then expenditure, then the rows by place,
 * "其中：", "按支出性质分：" and "分地区：" before the first of each.
 */
function fundBlockRows(
  shown: readonly FundRowKey[],
  funds: Funds,
): { label: string; row: FundRow; isTotal: boolean }[] {
  const keep = (key: FundRowKey) => shown.includes(key) || hasFigures(funds[key]);
  const income: [string, FundRow][] = FUND_SOURCE_KEYS.filter(keep).map((k) => [
    FUND_ROW_LABELS[k],
    funds[k] ?? {},
  ]);
  for (const source of funds.sources ?? [])
    if (hasFigures(source)) income.push([source.name, source]);
  const spending: [string, FundRow][] = FUND_USE_KEYS.filter(keep).map((k) => [
    FUND_ROW_LABELS[k],
    funds[k] ?? {},
  ]);
  return [
    { label: FUND_ROW_LABELS.total, row: funds.total ?? {}, isTotal: true },
    ...income.map(([label, row], i) => ({
      label: i === 0 ? `其中：${label}` : label,
      row,
      isTotal: false,
    })),
    ...spending.map(([label, row], i) => ({
      label: i === 0 ? `按支出性质分：${label}` : label,
      row,
      isTotal: false,
    })),
    ...(funds.regions ?? []).filter(hasFigures).map((row, i) => ({
      label: i === 0 ? `分地区：${row.name}` : row.name,
      row,
      isTotal: false,
    })),
  ];
}

/** Column widths of the nine-column self-evaluation table. */
const COLUMNS = [5, 9, 9, 13, 11, 11, 6, 11, 15];

export interface SelfEvaluationInput {
  /** The leading identification rows: [label, value] pairs, one or two per row. */
  identity: [string, string][][];
  fundLabel: string;
  fundRows: readonly FundRowKey[];
  funds: Funds;
  goals: readonly Goal[];
  view: ScoreView;
  sheet: ScoreSheet | undefined;
  unit: MoneyUnit;
  adjustments: readonly {
    name: string;
    kind: 'bonus' | 'penalty';
    points: number;
    reason?: string | undefined;
  }[];
}

/** The 自评表 as two tables: identity + funds + goals, then the indicator block (header repeats). */
export function selfEvaluationTables(input: SelfEvaluationInput): TableModel[] {
  const { view, sheet, unit } = input;
  const execution = view.indicators.find((i) => isExecutionIndicator(i, sheet));
  const summary: Cell[][] = [];

  for (const pairs of input.identity) {
    const row: Cell[] = [];
    if (pairs.length === 1 && pairs[0]) {
      row.push(
        { text: pairs[0][0], colSpan: 2, align: 'center' },
        { text: pairs[0][1], colSpan: 7 },
      );
    } else {
      const [a, b] = pairs;
      row.push(
        { text: a?.[0] ?? '', colSpan: 2, align: 'center' },
        { text: a?.[1] ?? '', colSpan: 3 },
        { text: b?.[0] ?? '', colSpan: 1, align: 'center' },
        { text: b?.[1] ?? '', colSpan: 3 },
      );
    }
    summary.push(row);
  }

  const fundRows = fundBlockRows(input.fundRows, input.funds);
  summary.push([
    { text: input.fundLabel, rowSpan: fundRows.length + 1, align: 'center' },
    { text: '', colSpan: 2 },
    ...FUND_HEADER.map((t): Cell => ({ text: t, align: 'center' })),
  ]);
  for (const { label, row, isTotal } of fundRows) {
    summary.push([
      { text: label, colSpan: 2 },
      amountCell(row.initialBudget, unit),
      amountCell(row.budget, unit),
      amountCell(row.executed, unit),
      pointsCell(isTotal ? (execution?.weight ?? row.weight) : row.weight),
      rowRateCell(row),
      pointsCell(isTotal ? (execution?.score ?? row.statedScore) : row.statedScore),
    ]);
  }

  const goals = input.goals.length > 0 ? input.goals : [{ expected: '', actual: '' }];
  summary.push([
    { text: '年度总体目标', rowSpan: goals.length + 1, align: 'center' },
    { text: '预期目标', colSpan: 4, align: 'center' },
    { text: '实际完成情况', colSpan: 4, align: 'center' },
  ]);
  for (const g of goals)
    summary.push([
      { text: g.expected, colSpan: 4 },
      { text: g.actual ?? '', colSpan: 4 },
    ]);

  const indicatorRows = indicatorBlock(view.indicators.filter((i) => i !== execution));
  const rows: Cell[][] = [
    [
      { text: '绩效指标', rowSpan: indicatorRows.length + 1, align: 'center' },
      ...INDICATOR_HEADER.map((t): Cell => ({ text: t, align: 'center' })),
    ],
    ...indicatorRows,
  ];
  for (const adj of input.adjustments) {
    rows.push([
      { text: `${adj.kind === 'bonus' ? '加分' : '减分'}：${adj.name}`, colSpan: 6 },
      { text: '' },
      pointsCell(adj.points),
      { text: adj.reason ?? '' },
    ]);
  }
  const weightTotal = view.indicators.every((i) => i.weight !== undefined)
    ? view.indicators.reduce((s, i) => s + Math.round((i.weight ?? 0) * 100), 0) / 100
    : undefined;
  rows.push([
    { text: '总分', colSpan: 6, align: 'center' },
    pointsCell(weightTotal),
    pointsCell(view.total),
    { text: view.grade ? `等级：${view.grade}` : '' },
  ]);

  return [
    { columns: COLUMNS, headerRows: 0, rows: summary },
    { columns: COLUMNS, headerRows: 1, rows },
  ];
}

/** A group name with its weight: "产出指标（50分）". */
export function groupLabel(ind: ScoredIndicator): string {
  return ind.weight === undefined ? ind.node.name : `${ind.node.name}（${ind.weight}分）`;
}

/** Merged cells waiting to open the next row: the 一级 cell, then a 二级 cell. */
interface Pending {
  l1: Cell | undefined;
  l2: Cell | undefined;
}

/** A leaf's row: the pending merged cells, its name, target, actual, weight, score, reason. */
function leafRow(pending: Pending, name: Cell, leaf: ScoredIndicator): Cell[] {
  const { l1, l2 } = pending;
  pending.l1 = undefined;
  pending.l2 = undefined;
  const target: Cell = { text: expressionText(leaf.node, 'target') };
  const actual: Cell = { text: actualCellText(leaf.node) };
  const weight = pointsCell(leaf.weight);
  const score = pointsCell(leaf.score);
  const reason: Cell = { text: leaf.node.deviationReason ?? '' };
  // one array literal each, of its final length
  const lead = l1 ?? l2;
  if (l1 && l2) return [l1, l2, name, target, actual, weight, score, reason];
  if (lead) return [lead, name, target, actual, weight, score, reason];
  return [name, target, actual, weight, score, reason];
}

function countLeaves(ind: ScoredIndicator): number {
  if (ind.children.length === 0) return 1;
  let n = 0;
  for (const c of ind.children) n += countLeaves(c);
  return n;
}

/**
 * Rows of the leaves under `ind`, flattened into the 三级 column with their ancestors' names
 * (levels below 3).
 */
function pushLeafRows(rows: Cell[][], ind: ScoredIndicator, prefix: string, pending: Pending) {
  const name = prefix ? `${prefix}—${ind.node.name}` : ind.node.name;
  if (ind.children.length === 0) {
    rows.push(leafRow(pending, { text: name }, ind));
    return;
  }
  for (const c of ind.children) pushLeafRows(rows, c, name, pending);
}

/** Rows of the indicator block: 一级 and 二级 merged vertically over their leaves. */
function indicatorBlock(top: readonly ScoredIndicator[]): Cell[][] {
  const rows: Cell[][] = [];
  const pending: Pending = { l1: undefined, l2: undefined };
  for (const l1 of top) {
    if (l1.children.length === 0) {
      rows.push(leafRow(pending, { text: l1.node.name, colSpan: 3 }, l1));
      continue;
    }
    pending.l1 = { text: groupLabel(l1), rowSpan: countLeaves(l1), align: 'center' };
    for (const l2 of l1.children) {
      if (l2.children.length === 0) {
        rows.push(leafRow(pending, { text: l2.node.name, colSpan: 2 }, l2));
        continue;
      }
      pending.l2 = { text: groupLabel(l2), rowSpan: countLeaves(l2), align: 'center' };
      for (const c of l2.children) pushLeafRows(rows, c, '', pending);
    }
  }
  return rows;
}
