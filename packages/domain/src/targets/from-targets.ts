import type { Evaluation, FundRow, IndicatorNode } from '../evaluation.ts';
import { Evaluation as EvaluationSchema } from '../evaluation.ts';
import type { Amount } from '../money.ts';
import type { TargetForm } from './target-form.ts';

/** Figures from the year's last monitoring round that a new self-evaluation starts from. */
export interface MonitoringCarry {
  /** Budget executed by the round's date. */
  executed?: Amount | undefined;
  /** Progress by indicator path of the target form: the value reached by the round's date. */
  progress: ReadonlyMap<string, string>;
}

function fundRow(budget: Amount | undefined, executed: Amount | undefined): FundRow | undefined {
  if (budget === undefined && executed === undefined) return undefined;
  const row: FundRow = {};
  if (budget !== undefined) row.budget = budget;
  if (executed !== undefined) row.executed = executed;
  return row;
}

function withProgress(
  nodes: readonly IndicatorNode[],
  base: string,
  carry: MonitoringCarry | undefined,
): IndicatorNode[] {
  return nodes.map((node, i) => {
    const path = `${base}[${i}]`;
    const out: IndicatorNode = { ...node };
    if (node.children !== undefined && node.children.length > 0)
      out.children = withProgress(node.children, `${path}.children`, carry);
    const progress = carry?.progress.get(path);
    // Mid-year progress is a starting point for the actual, shown as evidence, never as the actual.
    if (progress !== undefined && progress !== '') out.evidence = `绩效运行监控时完成：${progress}`;
    return out;
  });
}

/**
 * A new self-evaluation started from approved targets: the unit, year, rulebook, overall goal as
 * 预期目标, the indicator tree with its 年度指标值 and weights, the budget as 全年预算数 and, when a
 * monitoring round reported, the executed amount so far and each indicator's progress.
 */
export function evaluationFromTargets(form: TargetForm, carry?: MonitoringCarry): Evaluation {
  const funds = {
    total: fundRow(form.budget.total, carry?.executed),
    ...(form.kind === 'project'
      ? { currentAppropriation: fundRow(form.budget.fiscal, undefined) }
      : { generalPublic: fundRow(form.budget.fiscal, undefined) }),
    other: fundRow(form.budget.other, undefined),
  };
  const json = {
    kind: form.kind,
    rulebookId: form.rulebookId,
    ...(form.kind === 'project' ? { projectName: form.projectName ?? '' } : {}),
    meta: {
      unitName: form.unitName,
      year: form.year,
      amountUnit: form.amountUnit,
      ...(form.supervisor !== undefined ? { supervisor: form.supervisor } : {}),
    },
    funds: Object.fromEntries(Object.entries(funds).filter(([, row]) => row !== undefined)),
    goals: form.overallGoal.trim() === '' ? [] : [{ expected: form.overallGoal }],
    indicators: withProgress(form.indicators, 'indicators', carry),
  };
  return EvaluationSchema.parse(json);
}
