import type { DepartmentEvaluation, SourceRef } from '../evaluation.ts';
import type { Finding } from '../finding.ts';
import { decimalsOf, roundingStepFen } from '../money.ts';
import type { Amount } from '../money.ts';
import { amountFigure, amountText, fenText } from './format.ts';
import { makeFinding } from './make-finding.ts';

interface Pair {
  label: string;
  path: string;
  firstPlace: string;
  first: Amount | undefined;
  secondPlace: string;
  second: Amount | undefined;
  source?: SourceRef | undefined;
}

/**
 * One quantity stated in two places. Equal within half a unit of the coarser written figure
 * ("273.1" and "273.10" are the same), otherwise an error.
 */
function comparePair(p: Pair): Finding | undefined {
  const { first, second } = p;
  if (!first || !second) return undefined;
  const diff = Math.abs(first.fen - second.fen);
  const decimals = Math.min(decimalsOf(first.text), decimalsOf(second.text));
  const unit = first.unit;
  if (
    diff * 2 <= roundingStepFen(unit, decimals) &&
    diff * 2 <= roundingStepFen(second.unit, decimals)
  )
    return undefined;
  return makeFinding({
    code: 'CROSS_SECTION_MISMATCH',
    severity: 'error',
    path: p.path,
    stated: amountText(first),
    expected: amountText(second),
    source: p.source,
    params: {
      label: p.label,
      firstPlace: p.firstPlace,
      secondPlace: p.secondPlace,
      stated: amountFigure(first),
      expected: first.unit === second.unit ? amountFigure(second) : fenText(second.fen, unit),
      unit,
      difference: fenText(diff, unit),
    },
  });
}

function compareCount(
  label: string,
  path: string,
  first: number | undefined,
  second: number | undefined,
): Finding | undefined {
  if (first === undefined || second === undefined || first === second) return undefined;
  return makeFinding({
    code: 'CROSS_SECTION_MISMATCH',
    severity: 'error',
    path,
    stated: String(first),
    expected: String(second),
    params: { label, firstPlace: '基本情况', secondPlace: '基础数据表', unit: '人' },
  });
}

/** cross-section: the same figure in the text, the fund block and the base data table. */
export function checkCrossSections(evaluation: DepartmentEvaluation): Finding[] {
  const out: (Finding | undefined)[] = [];
  const basic = evaluation.basicExpenditure;
  const project = evaluation.projectExpenditure;
  const funds = evaluation.funds;
  const base = evaluation.baseData;
  const text = '报告正文';
  const table = '自评表资金情况';
  out.push(
    comparePair({
      label: '公用经费',
      path: 'basicExpenditure.publicFunds.amount',
      firstPlace: text,
      first: basic.publicFunds?.amount,
      secondPlace: '基础数据表（本年决算数）',
      second: base?.publicFunds?.actual,
      source: basic.publicFunds?.source,
    }),
    comparePair({
      label: '基本支出全年执行数',
      path: 'basicExpenditure.actual',
      firstPlace: text,
      first: basic.actual,
      secondPlace: table,
      second: funds.basic?.executed,
      source: basic.source,
    }),
    comparePair({
      label: '基本支出全年预算数',
      path: 'basicExpenditure.budget',
      firstPlace: text,
      first: basic.budget,
      secondPlace: table,
      second: funds.basic?.budget,
      source: basic.source,
    }),
    comparePair({
      label: '项目支出全年执行数',
      path: 'projectExpenditure.actual',
      firstPlace: text,
      first: project.actual,
      secondPlace: table,
      second: funds.project?.executed,
      source: project.source,
    }),
    comparePair({
      label: '项目支出全年预算数',
      path: 'projectExpenditure.budget',
      firstPlace: text,
      first: project.budget,
      secondPlace: table,
      second: funds.project?.budget,
      source: project.source,
    }),
    comparePair({
      label: '项目支出',
      path: 'projectExpenditure.actual',
      firstPlace: text,
      first: project.actual ?? funds.project?.executed,
      secondPlace: '基础数据表（本年决算数）',
      second: base?.projects?.actual,
      source: project.source,
    }),
    compareCount(
      '编制数',
      'staffing.authorized',
      evaluation.staffing.authorized,
      base?.staffing?.authorized,
    ),
    compareCount(
      '实际在职人数',
      'staffing.actual',
      evaluation.staffing.actual,
      base?.staffing?.actual,
    ),
  );
  // A single project cannot cost more than the department's whole 项目支出.
  const whole = project.actual ?? funds.project?.executed;
  if (whole) {
    const exceeds = (
      name: string,
      path: string,
      amount: Amount | undefined,
      column: string,
      source: SourceRef | undefined,
    ) => {
      if (!amount || amount.fen <= whole.fen) return;
      out.push(
        makeFinding({
          code: 'CROSS_PROJECT_EXCEEDS',
          severity: 'error',
          path,
          stated: amountText(amount),
          expected: amountText(whole),
          source,
          params: {
            project: name,
            column,
            stated: amountFigure(amount),
            expected:
              amount.unit === whole.unit ? amountFigure(whole) : fenText(whole.fen, amount.unit),
            unit: amount.unit,
          },
        }),
      );
    };
    evaluation.projectEvaluations.forEach((pe, i) => {
      const key = pe.funds.total ? 'total' : 'currentAppropriation';
      const row = pe.funds[key];
      const executed = row?.executed;
      exceeds(
        pe.projectName,
        `projectEvaluations[${i}].funds.${key}.${executed ? 'executed' : 'budget'}`,
        executed ?? row?.budget,
        executed ? '全年执行数' : '全年预算数',
        row?.source,
      );
    });
    project.projects.forEach((line, i) => {
      exceeds(
        line.name,
        `projectExpenditure.projects[${i}].actual`,
        line.actual,
        '金额',
        line.source,
      );
    });
  }
  return out.filter((f): f is Finding => f !== undefined);
}
