import type { Evaluation, IndicatorNode } from '@jixiao/domain';

/** An indicator kept for the new year: its place, name, weight and target; no year's results. */
function carryIndicator(n: IndicatorNode): IndicatorNode {
  return {
    name: n.name,
    ...(n.ruleRef !== undefined ? { ruleRef: n.ruleRef } : {}),
    ...(n.weight !== undefined ? { weight: n.weight } : {}),
    ...(n.target !== undefined ? { target: n.target } : {}),
    ...(n.unit !== undefined ? { unit: n.unit } : {}),
    ...(n.children ? { children: n.children.map(carryIndicator) } : {}),
  };
}

/**
 * The body a new year's evaluation starts from when copied from an earlier one: what stays from
 * year to year (duties, units, the goals, the indicator tree with weights
 * and targets, the project names and purposes, the legal basis, who fills it in), and none of the
 * year's figures, results, scores or narrative, whose sentences would state last year's amounts
 * in the new year's report. The unit is the new evaluation's own.
 */
export function carryOver(source: Evaluation, unitName: string, year: number): unknown {
  const meta = {
    unitName,
    year,
    amountUnit: source.meta.amountUnit,
    legalBasis: source.meta.legalBasis,
    ...(source.meta.supervisor !== undefined ? { supervisor: source.meta.supervisor } : {}),
    ...(source.meta.head !== undefined ? { head: source.meta.head } : {}),
    ...(source.meta.filler !== undefined ? { filler: source.meta.filler } : {}),
    ...(source.meta.phone !== undefined ? { phone: source.meta.phone } : {}),
  };
  const common = {
    rulebookId: source.rulebookId,
    meta,
    goals: source.goals.map((g) => ({ expected: g.expected })),
    indicators: source.indicators.map(carryIndicator),
  };
  if (source.kind === 'project')
    return {
      ...common,
      kind: 'project',
      projectName: source.projectName,
      ...(source.implementer !== undefined ? { implementer: source.implementer } : {}),
    };
  return {
    ...common,
    kind: 'department',
    duties: source.duties,
    internalUnits: source.internalUnits,
    subordinateUnits: source.subordinateUnits,
    projectExpenditure: {
      projects: source.projectExpenditure.projects.map((p) => ({
        name: p.name,
        ...(p.purpose !== undefined ? { purpose: p.purpose } : {}),
      })),
    },
  };
}
