import { formatFen, targetFormTitle } from '@jixiao/domain';
import type { Amount, IndicatorNode, TargetForm } from '@jixiao/domain';
import type { Block, Cell, TableModel } from '../write/model.ts';

type Attachment = Extract<Block, { kind: 'attachment' }>;

/** The columns of the indicator block: 一级 | 二级 | 三级 | 年度指标值 | 度量单位 | 分值. */
export const TARGET_COLUMNS = 6;

const cell = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, ...extra });
const money = (a: Amount | undefined): string => (a === undefined ? '' : formatFen(a.fen, '万元'));

/** The leaves under a node (the node itself when it has none), with their 二级 group. */
function rowsOf(top: IndicatorNode): { second: string; leaf: IndicatorNode | null }[][] {
  const children = top.children ?? [];
  if (children.length === 0) return [];
  return children.map((second) => {
    const leaves = second.children ?? [];
    return leaves.length === 0
      ? [{ second: second.name, leaf: second }]
      : leaves.map((leaf) => ({ second: second.name, leaf }));
  });
}

/** The indicator rows of the table, 一级 and 二级 cells merged down their groups. */
function indicatorRows(indicators: readonly IndicatorNode[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const top of indicators) {
    const groups = rowsOf(top);
    if (groups.length === 0) {
      // An indicator of the first level scored itself (预算执行率).
      rows.push([
        cell(top.name, { colSpan: 3 }),
        cell(top.target?.text ?? ''),
        cell(top.unit ?? '', { align: 'center' }),
        cell(top.weight === undefined ? '' : String(top.weight), { align: 'center' }),
      ]);
      continue;
    }
    const height = groups.reduce((s, g) => s + g.length, 0);
    let first = true;
    for (const group of groups) {
      group.forEach((r, i) => {
        const row: Cell[] = [];
        if (first) row.push(cell(top.name, { rowSpan: height, align: 'center' }));
        first = false;
        if (i === 0) row.push(cell(r.second, { rowSpan: group.length, align: 'center' }));
        const leaf = r.leaf;
        const isGroupLeaf =
          leaf !== null && leaf.name === r.second && (leaf.children ?? []).length === 0;
        row.push(
          cell(isGroupLeaf ? '' : (leaf?.name ?? '')),
          cell(leaf?.target?.text ?? ''),
          cell(leaf?.unit ?? '', { align: 'center' }),
          cell(leaf?.weight === undefined ? '' : String(leaf.weight), { align: 'center' }),
        );
        rows.push(row);
      });
    }
  }
  return rows;
}

/**
 * The 绩效目标表 as the provinces lay it out: the unit (and project), the budget with its
 * sources in 万元, the 年度总体目标, then the indicators 一级 | 二级 | 三级 | 年度指标值 | 度量单位 |
 * 分值 with the group cells merged. One attachment block: the .docx and .xlsx writers lay it out.
 */
export function targetTableBlock(form: TargetForm): Attachment {
  const head: Cell[][] = [
    [
      cell(form.kind === 'project' ? '项目名称' : '部门（单位）名称', { align: 'center' }),
      cell(form.kind === 'project' ? (form.projectName ?? '') : form.unitName, { colSpan: 5 }),
    ],
  ];
  if (form.kind === 'project')
    head.push([
      cell('实施单位', { align: 'center' }),
      cell(form.unitName, { colSpan: 2 }),
      cell('主管部门', { align: 'center' }),
      cell(form.supervisor ?? '', { colSpan: 2 }),
    ]);
  head.push(
    [
      cell('年度资金总额', { align: 'center' }),
      cell(money(form.budget.total), { align: 'right' }),
      cell('其中：财政拨款', { align: 'center' }),
      cell(money(form.budget.fiscal), { align: 'right' }),
      cell('其他资金', { align: 'center' }),
      cell(money(form.budget.other), { align: 'right' }),
    ],
    [cell('年度总体目标', { align: 'center' }), cell(form.overallGoal, { colSpan: 5 })],
  );
  const header: Cell[] = ['一级指标', '二级指标', '三级指标', '年度指标值', '度量单位', '分值'].map(
    (t) => cell(t, { align: 'center', bold: true }),
  );
  const tables: TableModel[] = [
    { columns: [3, 3, 5, 4, 2, 2], headerRows: 0, rows: head },
    {
      columns: [3, 3, 5, 4, 2, 2],
      headerRows: 1,
      rows: [header, ...indicatorRows(form.indicators)],
    },
  ];
  return {
    kind: 'attachment',
    label: '附表',
    title: `${targetFormTitle(form)}表`,
    unitLine: '单位：万元',
    tables,
    notes: [],
    signOff: '填表人：　　　　　　联系电话：　　　　　　单位负责人（签章）：',
  };
}
