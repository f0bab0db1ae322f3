import type { BaseData, CostRow } from '@jixiao/domain';
import { COST_ROWS_AFTER_PROJECTS, COST_ROWS_BEFORE_PROJECTS } from '../write/base-data-table.ts';
import { headerUnit } from './sheet-grid.ts';
import type { SheetGrid } from './sheet-grid.ts';

type CostKey =
  (typeof COST_ROWS_BEFORE_PROJECTS)[number][0] | (typeof COST_ROWS_AFTER_PROJECTS)[number][0];

/** Label → key, with the numbering and "其中：" stripped ("1、公务用车购置和维护经费" → 公务用车购置和维护经费). */
const COST_KEYS = new Map<string, CostKey>(
  [...COST_ROWS_BEFORE_PROJECTS, ...COST_ROWS_AFTER_PROJECTS].map(([k, l]) => [costLabel(l), k]),
);

function costLabel(label: string): string {
  return label
    .replace(/\s+/g, '')
    .replace(/^\d+[、.．]/, '')
    .replace(/^其中[：:]/, '')
    .replace(/[：:]$/, '');
}

/** Reads 附件1 基础数据表 as renderTablesXlsx writes it, tolerating blank rows and 元 headers. */
export function readBaseData(g: SheetGrid): BaseData {
  const data: BaseData = { projectRows: [], buildings: [] };
  const staffHead = g.findRow((l) => l === '编制数');
  if (staffHead) {
    const r = staffHead.row + 1;
    const inService = g.findCol(staffHead.row, (l) => l.includes('实际在职'));
    const rate = g.findCol(staffHead.row, (l) => l === '控制率');
    const staffing: NonNullable<BaseData['staffing']> = {};
    const a = g.number(r, staffHead.col, '编制数');
    if (a !== undefined) staffing.authorized = a;
    const b = inService ? g.number(r, inService, '在职人数') : undefined;
    if (b !== undefined) staffing.actual = b;
    const p = rate ? g.percent(r, rate) : undefined;
    if (p) staffing.statedControlRate = p;
    data.staffing = staffing;
  }

  const costHead = g.findRow((l) => l.startsWith('经费控制情况'));
  const buildingHead = g.findRow((l) => l.startsWith('批复规模'));
  if (costHead) {
    const h = costHead.row;
    const unit = headerUnit(g.text(h, costHead.col));
    const finals: number[] = [];
    let budgetCol: number | undefined;
    for (let c = costHead.col + 1; c <= g.cols; c++) {
      const l = g.label(h, c);
      if (c > 1 && l === g.label(h, c - 1)) continue; // the covered half of a merged pair
      if (l.includes('决算数')) finals.push(c);
      else if (l.includes('预算数')) budgetCol = c;
    }
    const [prevCol, actualCol] = finals;
    let inProjects = false;
    for (let r = h + 1; r < (buildingHead?.row ?? g.rows + 1); r++) {
      if (g.rowEmpty(r)) continue;
      const raw = g.label(r, costHead.col);
      if (raw === '' || raw.startsWith('……')) continue;
      const key = COST_KEYS.get(costLabel(raw));
      const row: CostRow = {};
      const prev = prevCol ? g.amount(r, prevCol, unit) : undefined;
      const budget = budgetCol ? g.amount(r, budgetCol, unit) : undefined;
      const actual = actualCol ? g.amount(r, actualCol, unit) : undefined;
      if (prev) row.previousActual = prev;
      if (budget) row.budget = budget;
      if (actual) row.actual = actual;
      if (key) {
        inProjects = key === 'projects';
        data[key] = row;
      } else if (inProjects) {
        data.projectRows.push({ name: costLabel(raw), ...row });
      } else {
        g.problems.push({
          code: 'XLSX_ROW_UNKNOWN',
          sheet: g.ws.name,
          cell: `A${r}`,
          message: `工作表“${g.ws.name}”第${r}行“${raw}”不是基础数据表中的已知行，已忽略`,
        });
      }
    }
  }

  if (buildingHead) {
    const h = buildingHead.row;
    const c0 = buildingHead.col;
    const unit = headerUnit(g.text(h, c0 + 3));
    const savings = g.findRow((l) => l.startsWith('厉行节约'), h + 1);
    for (let r = h + 1; r < (savings?.row ?? g.rows + 1); r++) {
      if (g.rowEmpty(r)) continue;
      const b: BaseData['buildings'][number] = {};
      const approved = g.number(r, c0, '面积');
      const actual = g.number(r, c0 + 1, '面积');
      const bi = g.amount(r, c0 + 3, unit);
      const ai = g.amount(r, c0 + 4, unit);
      if (approved !== undefined) b.approvedArea = approved;
      if (actual !== undefined) b.actualArea = actual;
      if (bi) b.budgetInvestment = bi;
      if (ai) b.actualInvestment = ai;
      if (Object.keys(b).length > 0) data.buildings.push(b);
    }
  }
  const savings = g.findRow((l) => l.startsWith('厉行节约'));
  if (savings) {
    for (let c = savings.col + 1; c <= g.cols; c++) {
      const t = g.text(savings.row, c);
      if (t) {
        data.savingsMeasures = t;
        break;
      }
    }
  }
  return data;
}
