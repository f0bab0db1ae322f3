import type {
  BaseData,
  CostRow,
  DepartmentEvaluation,
  Evaluation,
  FundRow,
  FundRowKey,
  FundSourceRow,
  SourceRef,
} from '../evaluation.ts';
import { FUND_ROW_LABELS, FUND_SOURCE_KEYS, FUND_USE_KEYS } from '../evaluation.ts';
import type { Finding } from '../finding.ts';
import type { Amount } from '../money.ts';
import { fen, sumFen } from '../money.ts';
import type { FindingCode } from '../messages-zh.ts';
import { amountFigure, amountText, fenText, partsText, stepFen } from './format.ts';
import { makeFinding } from './make-finding.ts';
import { totalYuanSlip } from '../fund-total-slip.ts';

export interface SumPart {
  label: string;
  amount: Amount;
}

export interface SumComparison {
  code: FindingCode;
  path: string;
  total: Amount;
  parts: readonly SumPart[];
  params?: Record<string, string | number>;
  source?: SourceRef | undefined;
}

/**
 * A stated total against the sum of its stated parts. Tolerance: one step (0.01 of the unit)
 * per rounded part, domain.md §2; a difference within it is rounding (info), beyond it an error.
 */
export function compareSum(c: SumComparison): Finding | undefined {
  const unit = c.total.unit;
  // In BigInt: many parts of large amounts can pass 2^53 分.
  const expected = sumFen(c.parts.map((p) => p.amount.fen));
  const signed = BigInt(c.total.fen) - expected;
  const diff = signed < 0n ? -signed : signed;
  if (diff === 0n) return undefined;
  const rounding = diff <= BigInt(stepFen(unit) * Math.max(1, c.parts.length));
  // A difference that reads 0.00 in the report's unit is no news to anyone: say nothing.
  if (rounding && /^0(?:\.0+)?$/.test(fenText(diff, unit))) return undefined;
  return makeFinding({
    code: c.code,
    severity: rounding ? 'info' : 'error',
    path: c.path,
    stated: amountText(c.total),
    expected: fenText(expected, unit),
    source: c.source,
    params: {
      ...c.params,
      stated: amountFigure(c.total),
      unit,
      parts: partsText(
        c.parts.map((p) => ({ label: p.label, fen: p.amount.fen })),
        unit,
      ),
      difference: fenText(diff, unit),
      rounding,
    },
  });
}

const FUND_COLUMNS = [
  ['initialBudget', '年初预算数'],
  ['budget', '全年预算数'],
  ['executed', '全年执行数'],
] as const satisfies readonly (readonly [keyof FundRow, string])[];

/** [key, label] pairs of fund rows. */
const fundRows = <K extends FundRowKey>(keys: readonly K[]) =>
  keys.map((key) => [key, FUND_ROW_LABELS[key]] as const);

const INCOME_ROWS = fundRows(FUND_SOURCE_KEYS);

const EXPENDITURE_ROWS = fundRows(FUND_USE_KEYS);

/** A fund row's amount in one column, as a part of the total, with where it is. */
interface FundPart extends SumPart {
  path: string;
  source?: SourceRef | undefined;
}

/**
 * A part written in 元 under a 万元 header (865000 in a 年度资金总额 of 86.50): read as 万元 it
 * exceeds the total a hundredfold or more, and divided by 10,000 it fits inside it. The part as
 * it was meant, or undefined when it is no such slip.
 */
export function yuanSlip(part: Amount, total: Amount): Amount | undefined {
  if (part.unit !== '万元' || total.unit !== '万元' || total.fen <= 0) return undefined;
  if (part.fen < total.fen * 100) return undefined;
  const meant = Math.round(part.fen / 10_000);
  // One step of rounding: 元 with 分 divided down may leave a part of a 分.
  if (meant > total.fen + 1) return undefined;
  return { fen: fen(meant), unit: '万元' };
}

/** The fund block: 年度资金总额 against its income rows and against 基本 + 项目, per column. */
export function checkFundSums(evaluation: Evaluation): Finding[] {
  const findings: Finding[] = [];
  const funds = evaluation.funds;
  const total = funds.total;
  if (!total) return findings;
  const slipped = new Set<string>();
  for (const [column, columnLabel] of FUND_COLUMNS) {
    const written = total[column];
    if (!written) continue;
    // The total itself in 元 under the 万元 header: the unit is the finding, and its parts are
    // checked against the total as it was meant.
    const totalMeant = totalYuanSlip(funds, column);
    if (totalMeant)
      findings.push(
        makeFinding({
          code: 'UNIT_FUND_TOTAL_YUAN',
          severity: 'error',
          path: `funds.total.${column}`,
          stated: amountText(written),
          expected: fenText(totalMeant.fen, '万元'),
          source: total.source,
          params: {
            name: FUND_ROW_LABELS.total,
            column: columnLabel,
            stated: amountFigure(written),
            expected: fenText(totalMeant.fen, '万元'),
          },
        }),
      );
    const totalAmount = totalMeant ?? written;
    const known = (rows: readonly (readonly [FundRowKey, string])[]): FundPart[] =>
      rows.flatMap(([key, label]) => {
        const amount = funds[key]?.[column];
        return amount
          ? [{ label, amount, path: `funds.${key}.${column}`, source: funds[key]?.source }]
          : [];
      });
    const named = (rows: FundSourceRow[] | undefined, key: string): FundPart[] =>
      (rows ?? []).flatMap((row, k): FundPart[] => {
        const amount = row[column];
        return amount
          ? [{ label: row.name, amount, path: `funds.${key}.${k}.${column}`, source: row.source }]
          : [];
      });
    const sources = named(funds.sources, 'sources');
    const income = known(INCOME_ROWS);
    const byIncome = [...income, ...sources];
    const groups = [
      { parts: byIncome, label: '年度资金总额（按资金来源）', needAll: false },
      {
        parts: known(EXPENDITURE_ROWS),
        label: '年度资金总额（按支出类别）',
        needAll: true,
      },
      { parts: named(funds.regions, 'regions'), label: '年度资金总额（分地区）', needAll: true },
    ];
    for (const group of groups) {
      // Income rows that are not stated are zero; 基本 + 项目 must both be stated to compare.
      if (group.parts.length === 0 || (group.needAll && group.parts.length < 2)) continue;
      // Income rows all stated as zero (政府性基金 0.00 alone) say which sources went unused,
      // not what the total is made of: the main source's row is simply not there.
      if (!group.needAll && group.parts.every((p) => p.amount.fen === 0)) continue;
      // A part in 元 under the 万元 header: the unit is the finding, and the sum is checked
      // with the part as it was meant.
      const parts = group.parts.map((part) => {
        const meant = yuanSlip(part.amount, totalAmount);
        if (!meant) return part;
        if (!slipped.has(part.path)) {
          slipped.add(part.path);
          findings.push(
            makeFinding({
              code: 'UNIT_FUND_YUAN',
              severity: 'error',
              path: part.path,
              stated: amountText(part.amount),
              expected: fenText(meant.fen, '万元'),
              source: part.source,
              params: {
                name: part.label,
                column: columnLabel,
                stated: amountFigure(part.amount),
                total: amountFigure(totalAmount),
                expected: fenText(meant.fen, '万元'),
              },
            }),
          );
        }
        return { ...part, amount: meant };
      });
      // Named sources beside fixed income rows that already make the total are a breakdown of
      // one of them (当年财政拨款: 中央 + 省级), not more parts.
      if (group.parts === byIncome && sources.length > 0 && income.length > 0) {
        const fixed = parts.slice(0, income.length);
        const alone = compareSum({
          code: 'SUM_FUND_TOTAL',
          path: '',
          total: totalAmount,
          parts: fixed,
        });
        if (!alone || alone.severity === 'info') continue;
      }
      const f = compareSum({
        code: 'SUM_FUND_TOTAL',
        path: `funds.total.${column}`,
        total: totalAmount,
        parts,
        params: { label: group.label, column: columnLabel },
        source: total.source,
      });
      // One income row short of the total may be the only row the table kept of several: a
      // warning. One row above the total is wrong whatever else there is.
      const only = parts.length === 1 && !group.needAll ? parts[0] : undefined;
      const lone = only !== undefined && only.amount.fen < totalAmount.fen;
      if (f && lone && f.severity === 'error')
        findings.push({
          ...f,
          severity: 'warning',
          message: `${f.message}（表中只列出一项资金来源，其余来源可能未列出，请人工核对）`,
        });
      else if (f) findings.push(f);
    }
  }
  return findings;
}

/** 基本支出 = 人员经费 + 公用经费; project lines = 项目支出 when the list claims completeness. */
export function checkExpenditureSums(evaluation: DepartmentEvaluation): Finding[] {
  const findings: Finding[] = [];
  const basic = evaluation.basicExpenditure;
  const personnel = basic.personnel?.amount;
  const publicFunds = basic.publicFunds?.amount;
  if (basic.actual && personnel && publicFunds) {
    const f = compareSum({
      code: 'SUM_EXPENDITURE_SPLIT',
      path: 'basicExpenditure.actual',
      total: basic.actual,
      parts: [
        { label: '人员经费', amount: personnel },
        { label: '公用经费', amount: publicFunds },
      ],
      params: { column: '全年执行数' },
      source: basic.source,
    });
    if (f) findings.push(f);
  }
  const project = evaluation.projectExpenditure;
  const withAmounts = project.projects.filter((p) => p.actual !== undefined);
  // Reports often list only the main projects: compare only when the stated count says the
  // list is complete.
  if (
    project.actual &&
    project.statedCount !== undefined &&
    project.statedCount === withAmounts.length &&
    withAmounts.length === project.projects.length &&
    withAmounts.length > 0
  ) {
    const parts: SumPart[] = [];
    for (const p of withAmounts) if (p.actual) parts.push({ label: p.name, amount: p.actual });
    const f = compareSum({
      code: 'SUM_PROJECT_LINES',
      path: 'projectExpenditure.actual',
      total: project.actual,
      parts,
      params: { count: project.statedCount, column: '全年执行数' },
      source: project.source,
    });
    if (f) findings.push(f);
  }
  return findings;
}

const COST_COLUMNS = [
  ['previousActual', '上年决算数'],
  ['budget', '本年预算数'],
  ['actual', '本年决算数'],
] as const satisfies readonly (readonly [keyof CostRow, string])[];

type CostKey =
  | 'threePublic'
  | 'vehicles'
  | 'vehiclePurchase'
  | 'vehicleOperation'
  | 'overseas'
  | 'reception'
  | 'publicFunds'
  | 'office'
  | 'utilitiesTravel'
  | 'meetingsTraining'
  | 'projects';

function costParts(
  base: BaseData,
  column: 'previousActual' | 'budget' | 'actual',
  rows: readonly (readonly [CostKey, string])[],
): SumPart[] {
  const parts: SumPart[] = [];
  for (const [key, label] of rows) {
    const value = base[key]?.[column];
    if (value) parts.push({ label, amount: value });
  }
  return parts;
}

/** 基础数据表: 三公 = 车辆 + 出国 + 接待; 车辆 = 购置 + 运行; 公用经费 ≥ its listed items. */
export function checkBaseDataSums(base: BaseData | undefined): Finding[] {
  const findings: Finding[] = [];
  if (!base) return findings;
  for (const [column, columnLabel] of COST_COLUMNS) {
    const three = base.threePublic?.[column];
    // Without the 公务用车购置和维护经费 row, its two rows (购置, 运行维护) stand in its place.
    const threeParts = costParts(base, column, [
      ...(base.vehicles?.[column]
        ? ([['vehicles', '公务用车购置和维护经费']] as const)
        : ([
            ['vehiclePurchase', '公务用车购置费'],
            ['vehicleOperation', '公务用车运行维护费'],
          ] as const)),
      ['overseas', '出国经费'],
      ['reception', '公务接待费'],
    ]);
    if (three && threeParts.length > 0) {
      const f = compareSum({
        code: 'SUM_THREE_PUBLIC',
        path: `baseData.threePublic.${column}`,
        total: three,
        parts: threeParts,
        params: { column: columnLabel },
        source: base.threePublic?.source,
      });
      if (f) findings.push(f);
    }
    const vehicles = base.vehicles?.[column];
    const vehicleParts = costParts(base, column, [
      ['vehiclePurchase', '公车购置'],
      ['vehicleOperation', '公车运行维护'],
    ]);
    if (vehicles && vehicleParts.length > 0) {
      const f = compareSum({
        code: 'SUM_VEHICLES',
        path: `baseData.vehicles.${column}`,
        total: vehicles,
        parts: vehicleParts,
        params: { column: columnLabel },
        source: base.vehicles?.source,
      });
      if (f) findings.push(f);
    }
    const publicFunds = base.publicFunds?.[column];
    const publicParts = costParts(base, column, [
      ['office', '办公经费'],
      ['utilitiesTravel', '水费、电费、差旅费'],
      ['meetingsTraining', '会议费、培训费'],
    ]);
    if (publicFunds && publicParts.length > 0) {
      // The listed items are a selection of 公用经费: only exceeding it is wrong.
      const f = compareSum({
        code: 'SUM_PUBLIC_FUNDS_ITEMS',
        path: `baseData.publicFunds.${column}`,
        total: publicFunds,
        parts: publicParts,
        params: { column: columnLabel },
        source: base.publicFunds?.source,
      });
      const partsTotal = sumFen(publicParts.map((p) => p.amount.fen));
      if (f && f.severity === 'error' && partsTotal > BigInt(publicFunds.fen))
        findings.push({ ...f, severity: 'warning' });
    }
    const projects = base.projects?.[column];
    const rowParts: SumPart[] = [];
    for (const row of base.projectRows) {
      const value = row[column];
      if (value) rowParts.push({ label: row.name, amount: value });
    }
    if (projects && rowParts.length >= 2 && rowParts.length === base.projectRows.length) {
      const f = compareSum({
        code: 'SUM_BASE_PROJECTS',
        path: `baseData.projects.${column}`,
        total: projects,
        parts: rowParts,
        params: { column: columnLabel },
        source: base.projects?.source,
      });
      // Rows may be project classes rather than a complete list: a warning, not an error.
      if (f && f.severity === 'error') findings.push({ ...f, severity: 'warning' });
    }
  }
  return findings;
}
