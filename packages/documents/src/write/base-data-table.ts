import type { BaseData, CostRow, MoneyUnit } from '@jixiao/domain';
import { amountCell, countCell, statedRateCell } from './figures.ts';
import type { Cell, TableModel } from './model.ts';

/** The fixed rows of the 经费控制情况 block: key in BaseData, label as the template writes it. */
export const COST_ROWS_BEFORE_PROJECTS = [
  ['threePublic', '三公经费'],
  ['vehicles', '1、公务用车购置和维护经费'],
  ['vehiclePurchase', '其中：公车购置'],
  ['vehicleOperation', '公车运行维护'],
  ['overseas', '2、出国经费'],
  ['reception', '3、公务接待'],
  ['projects', '项目支出'],
] as const;

export const COST_ROWS_AFTER_PROJECTS = [
  ['publicFunds', '公用经费'],
  ['office', '其中：办公经费'],
  ['utilitiesTravel', '水费、电费、差旅费'],
  ['meetingsTraining', '会议费、培训费'],
  ['procurement', '政府采购金额'],
  ['basicBudgetAdjustment', '部门基本支出预算调整'],
] as const;

export const BUILDING_HEADER = [
  '批复规模（㎡）',
  '实际规模（㎡）',
  '规模控制率',
  '预算投资（万元）',
  '实际投资（万元）',
  '投资概算控制率',
];

const COLUMNS = [22, 9, 9, 9, 9, 9, 9];

/** An area (㎡, up to two decimals) in whole hundredths, for the exact ratio of two of them. */
function hundredths(area: number | undefined): number | undefined {
  return area === undefined ? undefined : Math.round(area * 100);
}

function costCells(row: CostRow | undefined, unit: MoneyUnit): Cell[] {
  return [
    amountCell(row?.previousActual, unit, { colSpan: 2 }),
    amountCell(row?.budget, unit, { colSpan: 2 }),
    amountCell(row?.actual, unit, { colSpan: 2 }),
  ];
}

/** 附件1 基础数据表 as one table of seven columns. */
export function baseDataTable(data: BaseData, year: number, unit: MoneyUnit): TableModel {
  const rows: Cell[][] = [];
  const staffing = data.staffing ?? {};
  rows.push([
    { text: '财政供养人员情况（人）', rowSpan: 2, align: 'center' },
    { text: '编制数', colSpan: 2, align: 'center' },
    { text: `${year}年实际在职人数`, colSpan: 2, align: 'center' },
    { text: '控制率', colSpan: 2, align: 'center' },
  ]);
  rows.push([
    countCell(staffing.authorized, { colSpan: 2 }),
    countCell(staffing.actual, { colSpan: 2 }),
    statedRateCell(
      staffing.statedControlRate,
      staffing.actual,
      staffing.authorized === 0 ? undefined : staffing.authorized,
      { colSpan: 2 },
    ),
  ]);
  rows.push([
    { text: `经费控制情况（${unit}）`, align: 'center' },
    { text: `${year - 1}年决算数`, colSpan: 2, align: 'center' },
    { text: `${year}年预算数`, colSpan: 2, align: 'center' },
    { text: `${year}年决算数`, colSpan: 2, align: 'center' },
  ]);
  for (const [key, label] of COST_ROWS_BEFORE_PROJECTS)
    rows.push([{ text: label }, ...costCells(data[key], unit)]);
  data.projectRows.forEach((p, i) => {
    rows.push([{ text: `${i + 1}、${p.name}` }, ...costCells(p, unit)]);
  });
  for (const [key, label] of COST_ROWS_AFTER_PROJECTS)
    rows.push([{ text: label }, ...costCells(data[key], unit)]);

  const buildings: BaseData['buildings'] = data.buildings.length > 0 ? data.buildings : [{}];
  rows.push([
    {
      text: `楼堂馆所控制情况（${year}年完工项目）`,
      rowSpan: buildings.length + 1,
      align: 'center',
    },
    ...BUILDING_HEADER.map((t): Cell => ({ text: t, align: 'center' })),
  ]);
  for (const b of buildings) {
    const area = (n: number | undefined): Cell =>
      n === undefined
        ? { text: '' }
        : { text: String(n), value: n, format: 'count', align: 'center' };
    rows.push([
      area(b.approvedArea),
      area(b.actualArea),
      statedRateCell(b.statedAreaControlRate, hundredths(b.actualArea), hundredths(b.approvedArea)),
      amountCell(b.budgetInvestment, unit),
      amountCell(b.actualInvestment, unit),
      statedRateCell(
        b.statedInvestmentControlRate,
        b.actualInvestment?.fen,
        b.budgetInvestment?.fen,
      ),
    ]);
  }
  rows.push([
    { text: '厉行节约保障措施', align: 'center' },
    { text: data.savingsMeasures ?? '', colSpan: 6 },
  ]);
  return { columns: COLUMNS, headerRows: 0, rows };
}
