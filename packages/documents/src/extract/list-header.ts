import { normalizeDigits } from '@jixiao/domain';
import type { MoneyUnit } from '@jixiao/domain';
import type { TableRow } from '../read/block.ts';

/**
 * The header of a table that lists items one per row (绩效自评结果公开: 项目名称 | 预算金额 |
 * 执行金额 | 执行率 | 自评得分 | 自评等级): found by its words whatever the column order. Such a
 * table is no 自评表 (extraction leaves it to the list checks of the audit).
 */
export type ListRole = 'name' | 'budget' | 'executed' | 'rate' | 'score' | 'grade';

export interface ListHeader {
  row: number;
  columns: Map<ListRole, number>;
  units: Map<ListRole, MoneyUnit>;
}

/** Header cells' roles, read once per cell text and document (the list checks ask again). */
let roles = new Map<string, ListRole | undefined>();

/** Forgets the roles read in the previous document (see forgetClaims). */
export function forgetListRoles(): void {
  roles = new Map();
}

export function roleOf(cell: string): ListRole | undefined {
  if (roles.has(cell)) return roles.get(cell);
  const role = readRole(cell);
  if (roles.size > 5_000) roles = new Map();
  roles.set(cell, role);
  return role;
}

/** A header cell's role, by its words (units and brackets dropped). */
function readRole(cell: string): ListRole | undefined {
  const t = cell.replace(/[\s\u3000]+/g, '').replace(/[（(][^）)]*[）)]/g, '');
  // A subsidy's money is spent by paying it out: 发放率, 兑付率 are its 执行率; a 支出进度 is the
  // share of the money spent.
  if (/执行率|完成率$|(?:发放|兑付)率$|^(?:支出|执行|资金支出)进度$/.test(t)) return 'rate';
  if (/等级|等次|评价结果|自评结果|评价结论/.test(t)) return 'grade';
  if (/分值|权重|满分/.test(t)) return undefined;
  if (/得分|评分|分数/.test(t)) return 'score';
  if (
    /执行(?:金额|数)|实际支出|支出(?:金额|数)|决算数|使用金额|拨付金额|实际执行|实际(?:发放|兑付)|^(?:发放|兑付)(?:金额|资金|数)$|^(?:全年|本年|年度)(?:执行|支出)$|^支出$/.test(
      t,
    )
  )
    return 'executed';
  // "分配资金", "下达资金": a 转移支付's money as handed out to the places that spend it.
  if (
    /预算|批复|安排金额|下达金额|资金(?:金额|总额|规模)$|^(?:分配|下达|下拨)(?:资金|金额|数)$/.test(
      t,
    )
  )
    return 'budget';
  if (/^(?:项目|单位|部门|资金)?名称$|^项目$|^单位$|^部门$|^资金来源$/.test(t)) return 'name';
  // "县（市、区）", "县市", "区县", "乡镇": rows named by the places a 转移支付 was handed out to;
  // in a 农垦 or 森工 region its 农场, 林场 and 牧场.
  if (/^(?:[县区市州]{1,3}|乡镇|街道|地区|[农林牧]场|农牧场|垦区)(?:名称)?$/.test(t)) return 'name';
  // "支出类别", "资金类型", "预算科目": rows named by the kind of money they are.
  if (/^(?:支出|收入|资金|经费|预算)?(?:类别|类型|科目|分类)$/.test(t)) return 'name';
  return undefined;
}

/** The first row naming the items and at least two of their figures, with its columns. */
export function listHeaderOf(rows: readonly (readonly string[])[]): ListHeader | undefined {
  for (let r = 0; r < Math.min(rows.length, 4); r++) {
    const columns = new Map<ListRole, number>();
    const units = new Map<ListRole, MoneyUnit>();
    (rows[r] ?? []).forEach((cell, c) => {
      const role = roleOf(cell);
      if (!role) return;
      // The year's budget as adjusted (全年预算, 调整预算) is what a rate is of, not the 年初预算
      // beside it.
      const earlier = columns.get('budget');
      const adjusted =
        role === 'budget' &&
        earlier !== undefined &&
        /年初/.test(rows[r]?.[earlier] ?? '') &&
        /全年|调整|变动后/.test(cell);
      if (columns.has(role) && !adjusted) return;
      columns.set(role, c);
      const unit = /[（(]\s*(万元|元|亿元)\s*[）)]/.exec(cell)?.[1];
      if (unit) units.set(role, unit as MoneyUnit);
    });
    const figures = (['budget', 'executed', 'rate', 'score'] as const).filter((k) =>
      columns.has(k),
    );
    if (columns.has('name') && figures.length >= 2) return { row: r, columns, units };
  }
  return undefined;
}

/** A figure in a cell: "1,234.50", "97.03%", "９５"; undefined for text or an empty cell. */
export function figureIn(cell: string | undefined): string | undefined {
  const t = normalizeDigits(cell ?? '')
    .replace(/[,，\s]/g, '')
    .replace(/[%％]$/, '');
  return /^\d+(?:\.\d+)?$/.test(t) ? t : undefined;
}

/** A row's cells; a row read from a line of text is one cell, parted here at its tabs. */
export function rowCells(row: TableRow): string[] {
  const only = row.cells.length === 1 ? row.cells[0] : undefined;
  const cells = only !== undefined && only.includes('\t') ? only.split('\t') : row.cells;
  return cells.map((c) => c.replace(/\n/g, '').trim());
}

/** Words of an indicator table: a table holding them is a 自评表 even with a list's header. */
const INDICATOR_WORDS = /[一二三]级指标|指标值|年度目标|绩效目标|年度资金总额|分值|权重/;
/** A 自评表's fund rows: a list of items named so is its fund block, unless the rows are turned. */
const FUND_SOURCE_WORDS = /资金来源|财政拨款|其他资金|上年结转/;

/**
 * Whether rows are a list table: a list header, at least two item rows under it with a name and
 * two figures, and no indicator columns. Rows `turned` from columns (sources across the top, the
 * figures down the side) may be the sources of the money: no 自评表's fund block is laid so.
 */
export function isListTable(rows: readonly (readonly string[])[], turned = false): boolean {
  const header = listHeaderOf(rows);
  const own = (c: string): boolean =>
    INDICATOR_WORDS.test(c) || (!turned && FUND_SOURCE_WORDS.test(c));
  if (!header || rows.some((r) => r.some(own))) return false;
  const name = header.columns.get('name') ?? 0;
  const items = rows
    .slice(header.row + 1)
    .filter(
      (r) =>
        /\p{Script=Han}/u.test(r[name] ?? '') &&
        r.filter((c) => figureIn(c) !== undefined).length >= 2,
    );
  return items.length >= 2;
}
