import type { Amount } from '../money.ts';
import { FEN_PER_UNIT } from '../money.ts';
import type { DepartmentEvaluation, Evaluation, FundRow, SourceRef } from '../evaluation.ts';
import { FUND_ROW_KEYS, FUND_ROW_LABELS } from '../evaluation.ts';
import type { Finding } from '../finding.ts';
import type { FindingCode } from '../messages-zh.ts';
import { comparePercent, formatPercent, ratioPercent, withinInputRounding } from '../ratio.ts';
import type { Percent } from '../ratio.ts';
import { amountFigure, percentText } from './format.ts';
import { makeFinding } from './make-finding.ts';
import { yuanSlip } from './sums.ts';
import { fundsAsMeant } from '../fund-total-slip.ts';

export type RatioKind = 'share' | 'completion' | 'control';

export interface RatioCheck {
  kind: RatioKind;
  path: string;
  label: string;
  stated: Percent;
  numerator: number;
  denominator: number;
  /** The operands as the document wrote them, for the message. */
  numeratorText: string;
  denominatorText: string;
  denominatorLabel?: string;
  unit?: string;
  source?: SourceRef | undefined;
}

const CODE_OF_KIND: Record<RatioKind, FindingCode> = {
  share: 'RATIO_SHARE',
  completion: 'RATIO_COMPLETION',
  control: 'RATIO_CONTROL_RATE',
};

/**
 * A stated percentage against the ratio of its amounts (comparePercent): exact or near is
 * silent, a truncated value is a rounding-style note (info), anything else an error.
 */
export function compareRatio(c: RatioCheck): Finding | undefined {
  const cmp = comparePercent(c.stated, c.numerator, c.denominator);
  if (!cmp || cmp.agreement === 'exact' || cmp.agreement === 'near') return undefined;
  // A wrong "12%" is best corrected with the ratio at two decimals at least ("8.37%").
  const shownDecimals =
    cmp.agreement === 'wrong' ? Math.max(2, c.stated.decimals) : c.stated.decimals;
  const shown = ratioPercent(c.numerator, c.denominator, shownDecimals)?.rounded ?? cmp.expected;
  const expected = formatPercent(shown, shownDecimals);
  const params = {
    label: c.label,
    numerator: c.numeratorText,
    denominator: c.denominatorText,
    denominatorLabel: c.denominatorLabel,
    unit: c.unit,
  };
  if (cmp.agreement === 'truncated') {
    const truncated = ratioPercent(c.numerator, c.denominator, c.stated.decimals)?.truncated;
    return makeFinding({
      code: 'RATIO_ROUNDING_STYLE',
      severity: 'info',
      path: c.path,
      stated: percentText(c.stated),
      expected,
      source: c.source,
      params: { ...params, truncated: truncated ?? null },
    });
  }
  return makeFinding({
    code: CODE_OF_KIND[c.kind],
    severity: 'error',
    path: c.path,
    stated: percentText(c.stated),
    expected,
    source: c.source,
    params,
  });
}

/** Half the last written place of an amount, in 分 ("1.05" 亿元: 0.005 亿元); undefined unwritten. */
function halfStep(a: Amount): number | undefined {
  if (a.text === undefined) return undefined;
  const decimals = /\.(\d+)/.exec(a.text.replace(/[^\d.]/g, ''))?.[1]?.length ?? 0;
  return FEN_PER_UNIT[a.unit] / 10 ** decimals / 2;
}

function amountRatio(
  kind: RatioKind,
  path: string,
  label: string,
  stated: Percent | undefined,
  numerator: Amount | undefined,
  denominator: Amount | undefined,
  source: SourceRef | undefined,
  denominatorLabel?: string,
): Finding | undefined {
  if (!stated || !numerator || !denominator || denominator.fen === 0) return undefined;
  // An 执行率 over 100% is often written capped at 100% (the score's rule caps it the same way):
  // no error, but spending over the full-year budget is worth a note.
  if (kind === 'completion' && stated.value === 100 && numerator.fen > denominator.fen) {
    const over = ratioPercent(numerator.fen, denominator.fen, Math.max(2, stated.decimals));
    if (!over) return undefined;
    return makeFinding({
      code: 'RATIO_CAPPED_OVER_BUDGET',
      severity: 'info',
      path,
      stated: percentText(stated),
      expected: formatPercent(over.rounded, Math.max(2, stated.decimals)),
      source,
      params: {
        label,
        numerator: amountFigure(numerator),
        denominator: amountFigure(denominator),
        unit: numerator.unit === denominator.unit ? numerator.unit : '',
      },
    });
  }
  // Amounts written coarsely (1.01亿元 ÷ 1.05亿元) may round those the rate was worked out from.
  const hn = halfStep(numerator);
  const hd = halfStep(denominator);
  if (
    hn !== undefined &&
    hd !== undefined &&
    comparePercent(stated, numerator.fen, denominator.fen)?.agreement === 'wrong' &&
    withinInputRounding(stated, numerator.fen, hn, denominator.fen, hd)
  )
    return undefined;
  return compareRatio({
    kind,
    path,
    label,
    stated,
    numerator: numerator.fen,
    denominator: denominator.fen,
    numeratorText: amountFigure(numerator),
    denominatorText: amountFigure(denominator),
    unit: numerator.unit === denominator.unit ? numerator.unit : '',
    source,
    ...(denominatorLabel === undefined ? {} : { denominatorLabel }),
  });
}

function countRatio(
  path: string,
  label: string,
  stated: Percent | undefined,
  numerator: number | undefined,
  denominator: number | undefined,
  source?: SourceRef,
): Finding | undefined {
  if (!stated || numerator === undefined || denominator === undefined || denominator === 0)
    return undefined;
  // Areas carry decimals: compare in hundredths so that the ratio stays on integers.
  return compareRatio({
    kind: 'control',
    path,
    label,
    stated,
    numerator: Math.round(numerator * 100),
    denominator: Math.round(denominator * 100),
    numeratorText: String(numerator),
    denominatorText: String(denominator),
    source,
  });
}

/** 执行率 of every fund row: 全年执行数 / 全年预算数. */
export function checkFundRatios(evaluation: Evaluation): Finding[] {
  const out: Finding[] = [];
  const funds = fundsAsMeant(evaluation.funds);
  const total = funds.total;
  // An amount in 元 under the 万元 header is a unit finding (checkFundSums); its row's 执行率 is
  // checked with the amount as it was meant.
  const meant = (a: Amount | undefined, t: Amount | undefined): Amount | undefined =>
    a && t ? (yuanSlip(a, t) ?? a) : a;
  for (const key of FUND_ROW_KEYS) {
    const row = funds[key];
    if (!row) continue;
    const own = key === 'total';
    const f = amountRatio(
      'completion',
      `funds.${key}.statedRate`,
      FUND_ROW_LABELS[key],
      row.statedRate,
      own ? row.executed : meant(row.executed, total?.executed),
      own ? row.budget : meant(row.budget, total?.budget),
      row.source,
    );
    if (f) out.push(f);
    const g = receivedRatio(`funds.${key}`, FUND_ROW_LABELS[key], row);
    if (g) out.push(g);
  }
  // Source rows of other names (中央衔接资金 612 / 680 stated 92%) have their own 执行率.
  const named = [
    ...(funds.sources ?? []).map((row, k) => ({ row, path: `funds.sources.${k}` })),
    ...(funds.regions ?? []).map((row, k) => ({ row, path: `funds.regions.${k}` })),
  ];
  for (const { row, path } of named) {
    const f = amountRatio(
      'completion',
      `${path}.statedRate`,
      row.name,
      row.statedRate,
      meant(row.executed, total?.executed),
      meant(row.budget, total?.budget),
      row.source,
    );
    if (f) out.push(f);
    const g = receivedRatio(path, row.name, row);
    if (g) out.push(g);
  }
  return out;
}

/** 资金到位率 of a fund row: 资金到位数 / 全年预算数. */
function receivedRatio(path: string, label: string, row: FundRow): Finding | undefined {
  return amountRatio(
    'control',
    `${path}.statedReceivedRate`,
    `${label}资金到位率`,
    row.statedReceivedRate,
    row.received,
    row.budget,
    row.source,
  );
}

/** Completion, shares and control rates of a department evaluation. */
export function checkDepartmentRatios(evaluation: DepartmentEvaluation): Finding[] {
  const out: (Finding | undefined)[] = [];
  const basic = evaluation.basicExpenditure;
  const project = evaluation.projectExpenditure;
  out.push(
    amountRatio(
      'completion',
      'basicExpenditure.statedCompletion',
      '基本支出',
      basic.statedCompletion,
      basic.actual,
      basic.budget,
      basic.source,
    ),
    amountRatio(
      'completion',
      'projectExpenditure.statedCompletion',
      '项目支出',
      project.statedCompletion,
      project.actual,
      project.budget,
      project.source,
    ),
  );
  // Shares of 人员经费 and 公用经费 are of 基本支出 actual.
  for (const [key, label] of [
    ['personnel', '人员经费'],
    ['publicFunds', '公用经费'],
  ] as const) {
    const part = basic[key];
    if (!part) continue;
    out.push(
      amountRatio(
        'share',
        `basicExpenditure.${key}.statedShare`,
        label,
        part.statedShare,
        part.amount,
        basic.actual ?? evaluation.funds.basic?.executed,
        part.source,
        '基本支出',
      ),
    );
  }
  // Shares of projects are of 项目支出 actual.
  const projectTotal = project.actual ?? evaluation.funds.project?.executed;
  project.projects.forEach((line, i) => {
    out.push(
      amountRatio(
        'share',
        `projectExpenditure.projects[${i}].statedShare`,
        line.name,
        line.statedShare,
        line.actual,
        projectTotal,
        line.source,
        '项目支出',
      ),
    );
  });
  const staffing = evaluation.staffing;
  out.push(
    countRatio(
      'staffing.statedControlRate',
      '在职人员控制率',
      staffing.statedControlRate,
      staffing.actual,
      staffing.authorized,
    ),
  );
  const base = evaluation.baseData;
  if (base) {
    out.push(
      countRatio(
        'baseData.staffing.statedControlRate',
        '基础数据表在职人员控制率',
        base.staffing?.statedControlRate,
        base.staffing?.actual,
        base.staffing?.authorized,
      ),
    );
    base.buildings.forEach((b, i) => {
      out.push(
        countRatio(
          `baseData.buildings[${i}].statedAreaControlRate`,
          `${b.name ?? '楼堂馆所'}规模控制率`,
          b.statedAreaControlRate,
          b.actualArea,
          b.approvedArea,
        ),
        amountRatio(
          'control',
          `baseData.buildings[${i}].statedInvestmentControlRate`,
          `${b.name ?? '楼堂馆所'}投资概算控制率`,
          b.statedInvestmentControlRate,
          b.actualInvestment,
          b.budgetInvestment,
          undefined,
        ),
      );
    });
  }
  return out.filter((f): f is Finding => f !== undefined);
}
